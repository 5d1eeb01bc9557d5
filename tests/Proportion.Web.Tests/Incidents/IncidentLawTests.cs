using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Incidents;

/// <summary>Issue 11: what CQC must be told under which regulation, and which practices an incident may say were used.</summary>
public abstract class IncidentLawTests(AppFixture app)
{
    private const string CareWorker = "careworker@oakfield.example";
    private const string Manager = "manager@oakfield.example";

    private Dictionary<string, string> Form(Action<Dictionary<string, string>>? change = null)
    {
        var began = UkTime.ToLondon(app.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        if (began.AddMinutes(10).Date != began.Date)
        {
            began = began.AddMinutes(-15);
        }
        var fields = new Dictionary<string, string>
        {
            ["Input.SubmissionKey"] = Guid.NewGuid().ToString(),
            ["Input.OccurredOn.Day"] = began.Day.ToString(), ["Input.OccurredOn.Month"] = began.Month.ToString(), ["Input.OccurredOn.Year"] = began.Year.ToString(),
            ["Input.Step"] = "7",
            ["Input.Location"] = "The hall",
            ["Input.Kind"] = nameof(IncidentKind.Emergency),
            ["Input.Interventions[0].Type"] = nameof(InterventionType.PhysicalStanding),
            ["Input.Interventions[0].Start"] = began.AddMinutes(1).ToString("HH:mm"),
            ["Input.Interventions[0].End"] = began.AddMinutes(4).ToString("HH:mm"),
            ["Input.Interventions[0].Injuries"] = "NoOne",
            ["Input.Reason"] = nameof(InterventionReason.PreventAccidentalInjury),
            ["Input.Antecedents"] = "Walking towards the stairs at night",
            ["Input.DeEscalation"] = "Spoke calmly and offered an arm",
            ["Input.HowUsed"] = "Held her elbow while she turned",
            ["Input.Outcome"] = "Went back to bed",
            ["Input.OtherStaff[0].Name"] = "Sam Night",
            ["Input.OtherStaff[0].Role"] = "Night care worker",
        };
        change?.Invoke(fields);
        return fields;
    }

    private static Guid IdFrom(AppClient.Page page)
    {
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        return Guid.Parse(page.Location!["/incidents/".Length..]);
    }

    [SkippableFact]
    public async Task Form_AsksAboutADeathUnderRegulation16_ApartFromASeriousInjury_AndShowsWhatMakesAnInjurySerious()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);

        // Continuing from part 4 of the form reaches the page that asks it.
        var form = await careWorker.PostAsync($"/people/{peggy}/incidents/new", Form(f => f["Input.Step"] = "4"));
        Assert.Equal("Injuries and who must be told", form.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("The person died (Regulation 16)", form.Body);
        Assert.Contains("The person was seriously injured (Regulation 18)", form.Body);
        // Regulation 18(2)(a) and (b), where the question is asked.
        var criteria = form.Document.QuerySelector("#serious-injury-criteria")!.TextContent;
        Assert.Contains("not likely to be temporary", criteria);
        Assert.Contains("changes to the structure of the person's body", criteria);
        Assert.Contains("prolonged pain or prolonged psychological harm", criteria);
        Assert.Contains("shortening of the person's life expectancy", criteria);

        var id = IdFrom(await careWorker.PostAsync($"/people/{peggy}/incidents/new", Form(f => f["Input.Notifiable"] = "Death")));

        var saved = await app.WithDatabaseAsync(db => db.Incidents.SingleAsync(i => i.Id == id));
        Assert.True(saved.Died);
        Assert.False(saved.SeriousInjury);
        using var manager = await app.NewClient().SignInAsync(Manager);
        var page = await manager.GetAsync($"/incidents/{id}");
        Assert.Contains("the person died (Regulation 16)", page.Body);
        Assert.Contains(CqcNotification.MustBeTold, page.Body);
        Assert.DoesNotContain("Regulation 18", page.Document.QuerySelector("main")!.TextContent);
        var notify = await manager.GetAsync($"/incidents/{id}/notifications/Cqc");
        Assert.Contains("the person died (Regulation 16)", notify.Body);
    }

    [SkippableFact]
    public async Task OldCombinedAnswer_IsShownAsNotRecordedWhich_AndCqcMustStillBeTold()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        var id = IdFrom(await careWorker.PostAsync($"/people/{peggy}/incidents/new", Form()));
        // As the migration leaves an incident recorded "yes" to the old single question.
        await app.WithDatabaseAsync(db => db.Incidents.Where(i => i.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Died, (bool?)null).SetProperty(i => i.SeriousInjury, (bool?)null)));

        using var manager = await app.NewClient().SignInAsync(Manager);
        var page = await manager.GetAsync($"/incidents/{id}");

        Assert.Contains("not recorded which", page.Body);
        Assert.Contains(CqcNotification.MustBeTold, page.Body);
        Assert.Contains("Death or serious injury (not recorded which)", (await manager.GetAsync($"/people/{peggy}/incidents")).Body);
    }

    [SkippableFact]
    public async Task ConsiderTellingCqc_ReadsDifferently_FromCqcMustBeTold()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        var none = IdFrom(await careWorker.PostAsync($"/people/{peggy}/incidents/new", Form()));
        var police = IdFrom(await careWorker.PostAsync($"/people/{peggy}/incidents/new", Form(f => f["Input.Notifiable"] = "Police")));
        using var manager = await app.NewClient().SignInAsync(Manager);

        var consider = await manager.GetAsync($"/incidents/{none}");
        Assert.Contains(CqcNotification.Consider, consider.Body);
        Assert.DoesNotContain(CqcNotification.MustBeTold, consider.Body);
        Assert.DoesNotContain(CqcNotification.MustBeTold, (await manager.GetAsync($"/incidents/{none}/notifications/Cqc")).Body);

        var must = await manager.GetAsync($"/incidents/{police}");
        Assert.Contains(CqcNotification.MustBeTold, must.Body);
        Assert.DoesNotContain(CqcNotification.Consider, must.Body);
        Assert.Contains("Regulation 18(2)(f)", must.Body);
    }

    [SkippableFact]
    public async Task IncidentForm_OffersOnlyAgreedPractices_AndAUseOfOneNobodyAgreedIsFlaggedUnauthorised()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var bedRails = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.PersonId == peggy && p.Status == PracticeStatus.Proposed)
            .Select(p => p.Id).FirstAsync());
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);

        var form = await careWorker.GetAsync($"/people/{peggy}/incidents/new");
        var offered = form.Document.QuerySelectorAll("#Input_PracticeId option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains(offered, o => o.StartsWith("Front door has a key-code lock"));
        Assert.DoesNotContain(offered, o => o.StartsWith("Bed rails"));

        // A stale or hand-made form naming the proposal: the use is recorded as it happened, and flagged.
        var id = IdFrom(await careWorker.PostAsync($"/people/{peggy}/incidents/new", Form(f =>
        {
            f["Input.Kind"] = nameof(IncidentKind.Planned);
            f["Input.PracticeId"] = bedRails.ToString();
            f["Input.WithinAgreedGuidelines"] = "true";
            f["Input.PracticeWorked"] = "true";
            f["Input.Interventions[0].Type"] = nameof(InterventionType.Mechanical);
        })));

        Assert.True(await app.WithDatabaseAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => i.UnauthorisedRestriction).SingleAsync()));
        using var manager = await app.NewClient().SignInAsync(Manager);
        Assert.Contains("Unauthorised restriction", (await manager.GetAsync($"/incidents/{id}")).Body);
        var service = await app.WithDatabaseAsync(db => db.People.Where(p => p.Id == peggy).Select(p => p.ServiceId).SingleAsync());
        Assert.Contains("Unauthorised restriction", (await manager.GetAsync($"/services/{service}/incidents")).Body);
        var managerId = await app.IdOfUserAsync(Manager);
        Assert.True(await app.WithDatabaseAsync(db => db.Notifications.AnyAsync(n => n.UserId == managerId
            && n.Link == $"/incidents/{id}" && n.Message.Contains("unauthorised restriction"))));
    }

    [SkippableFact]
    public async Task AReviewBroughtForward_ShowsItsNewDateEverywhere()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var door = await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.PersonId == peggy && p.Description.StartsWith("Front door")));
        var today = UkTime.Today(app.Clock);
        Assert.True(door.ReviewDate > today);
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);

        // R7, R8: used outside the circumstances agreed, so its review comes forward to now.
        IdFrom(await careWorker.PostAsync($"/people/{peggy}/incidents/new", Form(f =>
        {
            f["Input.Kind"] = nameof(IncidentKind.Planned);
            f["Input.PracticeId"] = door.Id.ToString();
            f["Input.WithinAgreedGuidelines"] = "false";
            f["Input.PracticeWorked"] = "true";
        })));

        Assert.Equal(today, await app.WithDatabaseAsync(db => db.Practices.Where(p => p.Id == door.Id).Select(p => p.ReviewDate).SingleAsync()));
        using var manager = await app.NewClient().SignInAsync(Manager);
        var newDate = UkTime.Format(today);
        var oldDate = UkTime.Format(door.ReviewDate!.Value);
        var register = await manager.GetAsync($"/people/{peggy}/practices");
        var row = register.Document.QuerySelectorAll("table.app-register tbody tr").Single(r => r.TextContent.Contains("Front door"));
        Assert.Contains(newDate, row.TextContent);
        var details = await manager.GetAsync($"/people/{peggy}/practices/{door.Id}");
        var reviewRow = details.Document.QuerySelectorAll(".govuk-summary-list__row").First(r => r.QuerySelector("dt")?.TextContent.Trim() == "Review date");
        Assert.Contains(newDate, reviewRow.TextContent);
        var guidelines = await careWorker.GetAsync("/guidelines");
        var card = guidelines.Document.QuerySelectorAll(".govuk-summary-card").Single(c => c.TextContent.Contains("not shared with Peggy"));
        Assert.Contains(newDate, card.TextContent);
        Assert.DoesNotContain(oldDate, card.TextContent);
    }

    [SkippableFact]
    public async Task MhsdsExport_NationalFilesHoldExactlyTheNationalColumns_AndTheLocalFileTheRest()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var beech = await app.IdOfServiceAsync("Beech Road");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        using var manager = await app.NewClient().SignInAsync(Manager);

        static string[] Lines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var mhs505 = Lines(await manager.Http.GetStringAsync($"/services/{beech}/incidents/export/mhs505?Filter.Person={sam}"));
        var mhs515 = Lines(await manager.Http.GetStringAsync($"/services/{beech}/incidents/export/mhs515?Filter.Person={sam}"));
        var local = Lines(await manager.Http.GetStringAsync($"/services/{beech}/incidents/export/local?Filter.Person={sam}"));

        // MHSDS MHS505RestrictiveInterventInc and MHS515RestrictiveInterventType, as submitted, in order.
        Assert.Equal("RestrictiveIntIncID,HospProvSpellID,StartDateRestrictiveIntInc,StartTimeRestrictiveIntInc,EndDateRestrictiveIntInc,"
            + "EndTimeRestrictiveIntInc,RestrictiveIntReason,RestrictiveIntPIReviewHeldPat,RestrictiveIntPIReviewNotHeldReasPat,"
            + "RestrictiveIntPIReviewHeldCarePers", mhs505[0]);
        Assert.Equal("RestrictiveIntIncID,RestrictiveIntTypeID,RestrictiveIntType,StartDateRestrictiveIntType,StartTimeRestrictiveIntType,"
            + "EndDateRestrictiveIntType,EndTimeRestrictiveIntType,RestraintInjuryPatient,RestraintInjuryCarePers,RestraintInjuryOtherPers", mhs515[0]);
        Assert.All(mhs505.Skip(1), l => Assert.Equal(10, l.Split(',').Length));
        Assert.All(mhs515.Skip(1), l => Assert.Equal(10, l.Split(',').Length));
        Assert.All(mhs515.Skip(1), l => Assert.Matches("^[0-9a-f]{32},[0-9a-f]{32},(0[1-9]|1[0-7]),", l));
        Assert.DoesNotContain(mhs505.Concat(mhs515), l => l.Contains("9990001111") || l.Contains(sam.ToString("N")));

        Assert.StartsWith("RestrictiveIntIncID,RestrictiveIntTypeID,LocalPatientId,NHSNumber,PersonName,", local[0]);
        Assert.All(local.Skip(1), l => Assert.Contains($"{sam:N},9990001111,Samuel Adeyemi", l));
        // Every incident of the national file is in the local one.
        Assert.All(mhs505.Skip(1), l => Assert.Contains(local, x => x.StartsWith(l.Split(',')[0])));
    }
}

public sealed class IncidentLawOnSqlite(SqliteApp app) : IncidentLawTests(app), IClassFixture<SqliteApp>;

public sealed class IncidentLawOnPostgres(PostgresApp app) : IncidentLawTests(app), IClassFixture<PostgresApp>;
