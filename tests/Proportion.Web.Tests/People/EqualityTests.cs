using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.People;

/// <summary>
/// Issue 12, equality (ADR 0023): each person's protected characteristics, asked on one page, seen only by those
/// who keep the person's details; and the organisation's restriction broken down by them, on both providers.
/// </summary>
public abstract class EqualityTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";
    private const string Senior = "senior@oakfield.example";

    private static Dictionary<string, string> Answers(string version, params (string Field, string Value)[] answers)
    {
        var form = new Dictionary<string, string> { ["Input.Version"] = version };
        foreach (var (field, value) in answers)
        {
            form["Input." + field] = value;
        }
        return form;
    }

    private static string Row(AppClient.Page page, string key) =>
        Regex.Replace(page.Document.QuerySelectorAll("#equality + dl .govuk-summary-list__row")
            .Single(r => r.QuerySelector("dt")!.TextContent.Trim() == key).QuerySelector("dd")!.TextContent, @"\s+", " ").Trim();

    [SkippableFact]
    public async Task Answers_AreSaved_ShownOnTheDetails_WithUnansweredQuestionsNotRecorded_AndAudited()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        // Edna Morris has not been asked yet in the demo.
        var edna = await app.IdOfPersonAsync("Morris");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var before = await manager.GetAsync($"/people/{edna}");
        Assert.Equal("Not recorded", Row(before, "Ethnic group"));
        Assert.Equal("85 and over", Row(before, "Age band"));
        var form = await manager.GetAsync($"/people/{edna}/equality");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("sex as they describe it", form.Body);

        var saved = await manager.PostAsync($"/people/{edna}/equality", Answers(form.ValueOf("Input.Version")!,
            ("Ethnicity", nameof(EthnicCategory.AsianPakistani)), ("Sex", nameof(Sex.Female)), ("ReligionOrBelief", nameof(ReligionOrBelief.PreferNotToSay))));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var details = await manager.GetAsync($"/people/{edna}");
        Assert.Equal("Asian or Asian British: Pakistani", Row(details, "Ethnic group"));
        Assert.Equal("Female", Row(details, "Sex"));
        Assert.Equal("Not recorded", Row(details, "Disability"));
        Assert.Equal("Prefer not to say", Row(details, "Religion or belief"));
        Assert.Equal("Not recorded", Row(details, "Sexual orientation"));
        // The NHS Data Dictionary's code is what is stored.
        var code = await app.WithDatabaseAsync(db => db.Database
            .SqlQuery<string>($"SELECT \"EthnicCategory\" AS \"Value\" FROM \"People\" WHERE \"Id\" = {edna}").SingleAsync());
        Assert.Equal("J", code);
        var again = await manager.GetAsync($"/people/{edna}/equality");
        Assert.Equal(nameof(Sex.Female), again.Document.QuerySelector("input[name='Input.Sex']:checked")?.GetAttribute("value"));
        Assert.Contains("Changed equality information of Edna Morris", (await manager.GetAsync($"/people/{edna}/history")).Body);
    }

    [SkippableFact]
    public async Task AnUnknownAnswer_IsRefusedAtItsQuestion_AndEveryOtherAnswerIsKept()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var arthur = await app.IdOfPersonAsync("Bennett");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var form = await manager.GetAsync($"/people/{arthur}/equality");
        var version = form.ValueOf("Input.Version")!;

        foreach (var (field, value, message) in new[]
        {
            ("Sex", "Banana", "Select the person's sex from the list"),
            ("Disability", "42", "Select whether the person considers themselves to have a disability"),
        })
        {
            var page = await manager.PostAsync($"/people/{arthur}/equality", Answers(version,
                (field, value), ("ReligionOrBelief", nameof(ReligionOrBelief.Jewish)), ("Ethnicity", nameof(EthnicCategory.WhiteOther))));

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal([message], page.ErrorSummary);
            Assert.Equal(message, page.FieldError("Input_" + field));
            Assert.Equal(nameof(ReligionOrBelief.Jewish), page.Document.QuerySelector("input[name='Input.ReligionOrBelief']:checked")?.GetAttribute("value"));
            Assert.Equal(nameof(EthnicCategory.WhiteOther), page.Document.QuerySelector("input[name='Input.Ethnicity']:checked")?.GetAttribute("value"));
        }
        var stored = await app.WithDatabaseAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == arthur));
        Assert.Equal((EthnicCategory.WhiteBritish, ReligionOrBelief.Christian), (stored.Ethnicity!.Value, stored.ReligionOrBelief!.Value));
    }

    [SkippableFact]
    public async Task OnlyThoseWhoKeepThePersonsDetails_SeeTheirEqualityInformation()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        foreach (var (user, sees) in new[]
        {
            (Manager, true), (Senior, true), ("careworker@oakfield.example", false), ("board@oakfield.example", false),
            ("inspector@oakfield.example", false), ("socialworker@northshire.example", false), ("commissioner@northshire.example", false),
        })
        {
            using var client = await app.NewClient().SignInAsync(user);
            var details = await client.GetAsync($"/people/{peggy}");
            Assert.Equal(HttpStatusCode.OK, details.Status);
            Assert.True(sees == details.Body.Contains("Equality information"), $"{user} {(sees ? "should" : "must not")} see Peggy's equality information");
            Assert.True(sees == details.Body.Contains("Christian"), $"{user} {(sees ? "should" : "must not")} see Peggy's religion");
        }
        // Another provider's manager is told the person does not exist, and cannot write to them.
        using var riverside = await app.NewClient().SignInAsync("manager@riverside.example");
        Assert.Equal(HttpStatusCode.NotFound, (await riverside.GetAsync($"/people/{peggy}/equality")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await riverside.PostAsync($"/people/{peggy}/equality", Answers("1", ("Sex", nameof(Sex.Male))))).Status);
        Assert.Equal(Sex.Female, await app.WithDatabaseAsync(db => db.People.Where(p => p.Id == peggy).Select(p => p.Sex).SingleAsync()));
        var breakdown = await riverside.GetAsync("/organisation/equality");
        Assert.True(breakdown.Status == HttpStatusCode.Forbidden || breakdown.Location?.Contains("/access-denied") == true, $"{breakdown.Status} {breakdown.Location}");
    }

    private Dictionary<string, string> Incident(DateTime beganLocal) => new()
    {
        ["Input.SubmissionKey"] = Guid.NewGuid().ToString(),
        ["Input.OccurredOn.Day"] = beganLocal.Day.ToString(), ["Input.OccurredOn.Month"] = beganLocal.Month.ToString(), ["Input.OccurredOn.Year"] = beganLocal.Year.ToString(),
        ["Input.Step"] = "7",
        ["Input.Location"] = "The lounge",
        ["Input.Kind"] = nameof(IncidentKind.Emergency),
        ["Input.Interventions[0].Type"] = nameof(InterventionType.PhysicalStanding),
        ["Input.Interventions[0].Start"] = beganLocal.ToString("HH:mm"),
        ["Input.Interventions[0].End"] = beganLocal.AddMinutes(4).ToString("HH:mm"),
        ["Input.Interventions[0].Injuries"] = "NoOne",
        ["Input.Reason"] = nameof(InterventionReason.PreventAccidentalInjury),
        ["Input.Antecedents"] = "Reached for a kettle of boiling water",
        ["Input.DeEscalation"] = "Offered a drink already made",
        ["Input.HowUsed"] = "Guided his hand away",
        ["Input.Outcome"] = "Calm, had his tea",
        ["Input.OtherStaff[0].Name"] = "Sam Day",
        ["Input.OtherStaff[0].Role"] = "Care worker",
    };

    private static Dictionary<string, string[]> Table(AppClient.Page page, string characteristic) =>
        page.Document.QuerySelectorAll($"table[data-characteristic='{characteristic}'] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());

    [SkippableFact]
    public async Task TheBreakdown_CountsThePeopleAndTheIncidentsRecorded_InTheChosenTwelveMonths()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        // Nobody in the demo is of another ethnic group: a new person at Oakfield House will be the group's only one.
        var house = await app.IdOfServiceAsync("Oakfield House");
        var today = UkTime.Today(app.Clock);
        var wei = await app.WithDatabaseAsync(async db =>
        {
            var organisation = await db.Services.Where(s => s.Id == house).Select(s => s.OrganisationId).SingleAsync();
            var person = new Person
            {
                OrganisationId = organisation, ServiceId = house, GivenName = "Wei", FamilyName = "Zhang",
                DateOfBirth = today.AddYears(-50), CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        using (var manager = await app.NewClient().SignInAsync(Manager))
        {
            var form = await manager.GetAsync($"/people/{wei}/equality");
            Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/people/{wei}/equality",
                Answers(form.ValueOf("Input.Version")!, ("Ethnicity", nameof(EthnicCategory.Chinese)), ("Sex", nameof(Sex.Male))))).Status);
        }
        using var senior = await app.NewClient().SignInAsync(Senior);
        Assert.Equal(["1", "0", "0", "0", "0", "0%"], Table(await senior.GetAsync("/organisation/equality"), "EthnicGroup")["Other ethnic groups"]);

        using (var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example"))
        {
            var twoDaysAgo = today.AddDays(-2).ToDateTime(new TimeOnly(10, 0));
            Assert.Equal(HttpStatusCode.Redirect, (await careWorker.PostAsync($"/people/{wei}/incidents/new", Incident(twoDaysAgo))).Status);
            Assert.Equal(HttpStatusCode.Redirect, (await careWorker.PostAsync($"/people/{wei}/incidents/new", Incident(twoDaysAgo.AddHours(3)))).Status);
        }

        var page = await senior.GetAsync("/organisation/equality");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // People supported, restrained, incidents, interventions, incidents per person, share restrained.
        Assert.Equal(["1", "1", "2", "2", "2", "100%"], Table(page, "EthnicGroup")["Other ethnic groups"]);
        Assert.Equal(["1", "1", "2", "2", "2", "100%"], Table(page, "AgeBand")["45 to 54"]);
        // Nobody has answered "Not known": no rate, rather than a rate of 0.
        Assert.Equal(["0", "0", "0", "0", "No people", "No people"], Table(page, "EthnicGroup")["Not known"]);

        // Everyone is the organisation's people and incidents in the twelve months, counted here from the records themselves.
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var (people, incidents, interventions) = await app.WithDatabaseAsync(async db =>
        {
            var oakfield = await db.Services.Where(s => s.Id == house).Select(s => s.OrganisationId).SingleAsync();
            var from = UkTime.ToUtc(firstMonth, TimeOnly.MinValue)!.Value;
            var to = UkTime.EndOfDay(today.AddMonths(1).AddDays(-today.Day));
            var inWindow = db.Incidents.Where(i => i.OrganisationId == oakfield && i.OccurredAt >= from && i.OccurredAt < to);
            return (await db.People.CountAsync(p => p.OrganisationId == oakfield), await inWindow.CountAsync(), await inWindow.SelectMany(i => i.Interventions).CountAsync());
        });
        var everyone = Table(page, "Sex")["Everyone"];
        Assert.Equal([people.ToString(), incidents.ToString(), interventions.ToString()], new[] { everyone[0], everyone[2], everyone[3] });
        Assert.DoesNotContain("Whitaker", page.Body);

        // The twelve months ending last month hold neither Wei (added this month) nor his incidents.
        var lastMonth = firstMonth.AddMonths(10);
        var earlier = await senior.GetAsync($"/organisation/equality?ending={lastMonth:yyyy-MM}");
        Assert.Equal(["0", "0", "0", "0", "No people", "No people"], Table(earlier, "EthnicGroup")["Other ethnic groups"]);

        var nonsense = await senior.GetAsync("/organisation/equality?ending=banana");
        Assert.Equal(HttpStatusCode.OK, nonsense.Status);
        Assert.Equal(["Select a month from the list"], nonsense.ErrorSummary);
    }
}

public sealed class EqualityOnSqlite(SqliteApp app) : EqualityTests(app), IClassFixture<SqliteApp>;

public sealed class EqualityOnPostgres(PostgresApp app) : EqualityTests(app), IClassFixture<PostgresApp>;
