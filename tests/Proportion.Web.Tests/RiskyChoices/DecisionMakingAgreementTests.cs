using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.DecisionMaking;
using Proportion.Web.Tests.Plans;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.RiskyChoices;

/// <summary>
/// Tools for risky choices (R20): a supported decision-making agreement end to end. Started from the person's recorded
/// representatives, written on one page with add-another lists, refused naming each gap at its part, agreed with a
/// review date, and read (not changed) by care workers; the Care Act's advocate where nobody unpaid supports the person.
/// </summary>
public abstract class DecisionMakingAgreementTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";
    private DateOnly Today => UkTime.Today(app.Clock);

    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    private static readonly Dictionary<string, string> EveryPart = new()
    {
        ["Input.DecisionsCovered"] = "What I spend my money on, and where I go at weekends",
        ["Input.Supporters[0].Name"] = "Ada Lovelace", ["Input.Supporters[0].Relationship"] = "mother",
        ["Input.HowInformationIsGiven"] = "Photographs, one choice at a time",
        ["Input.TimeAndPlace"] = "Mornings in the garden room; a day to think",
        ["Input.HasRepresentative"] = "false",
        ["Input.CircleOfSupport[0].Name"] = "Ada Lovelace", ["Input.CircleOfSupport[0].Relationship"] = "mother",
        ["Input.Advocate"] = "Beacon Advocacy, 01632 960345",
        ["Input.SubstantialDifficulty"] = "true",
        ["Input.HowDisagreementsAreHandled"] = "We talk it through with the advocate; then the council's risk enablement panel",
        ["Input.HowThePersonAgreed"] = "Said yes, and signed it, with the advocate there",
        ["Input.HowItIsReviewed"] = "At the review with the social worker, sooner on a move",
    };

    /// <summary>A new person at Oakfield House with a mother, an advocate and an attorney recorded.</summary>
    private async Task<Guid> PersonWithRepresentativesAsync() 
    {
        var person = await PlanRecordsTests.NewPersonAsync(app, "Decides");
        await app.WithDatabaseAsync(async db =>
        {
            var p = await db.People.SingleAsync(x => x.Id == person);
            p.Representatives.Add(new Representative { Name = "Ada Lovelace", Relationship = "mother", Roles = RepresentativeRoles.FamilyOrFriend });
            p.Representatives.Add(new Representative { Name = "Beacon Advocacy", Relationship = "advocate", Roles = RepresentativeRoles.Advocate, ContactDetails = "01632 960345" });
            p.Representatives.Add(new Representative
            {
                Name = "Charles Babbage", Relationship = "uncle", Roles = RepresentativeRoles.LastingPowerOfAttorneyHealthAndWelfare,
                AuthorityCovers = "Health and welfare, registered 2023",
            });
            await db.SaveChangesAsync();
        });
        return person;
    }

    private static async Task<AppClient.Page> PostFormAsync(AppClient client, string url, Dictionary<string, string> answers)
    {
        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await client.PostAsync(url, new Dictionary<string, string>(answers) { ["PlanVersion"] = form.ValueOf("PlanVersion")! });
    }

    private Task<DecisionMakingContent> DraftAsync(Guid plan) => app.WithDatabaseAsync(async db =>
    {
        var latest = await db.Plans.Where(p => p.Id == plan).Select(p => p.LatestVersion).SingleAsync();
        return PlanContents.FromJson<DecisionMakingContent>(await db.PlanVersions.Where(v => v.PlanId == plan && v.Number == latest).Select(v => v.Content).SingleAsync());
    });

    [SkippableFact]
    public async Task AnAgreement_StartsFromTheRepresentatives_IsRefusedNamingEachGap_ThenAgreed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var person = await PersonWithRepresentativesAsync();
        using var manager = await app.NewClient().SignInAsync(Manager);
        var plans = await manager.GetAsync($"/people/{person}/plans");
        Assert.NotNull(plans.Document.QuerySelector($"a.govuk-button[href='/people/{person}/decision-making/new']"));
        Assert.NotNull(plans.Document.QuerySelector($"a.govuk-button[href='/people/{person}/keeping-safe/new']"));

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/people/{person}/decision-making/new")).Status);
        var started = await manager.PostAsync($"/people/{person}/decision-making/new", new() { ["Input.Title"] = "How I make my choices" });
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var plan = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == person && p.Kind == PlanKind.DecisionMaking).Select(p => p.Id).SingleAsync());
        var edit = $"/people/{person}/decision-making/{plan}/edit";
        var page = $"/people/{person}/decision-making/{plan}";
        Assert.Equal(edit, started.Location);
        // One open agreement: starting again opens it.
        Assert.Equal(page, (await manager.GetAsync($"/people/{person}/decision-making/new")).Location);

        // The draft starts from the people recorded for them, to be checked with them.
        var form = await manager.GetAsync(edit);
        Assert.Equal("Ada Lovelace", form.ValueOf("Input.CircleOfSupport[0].Name"));
        Assert.Equal("mother", form.ValueOf("Input.CircleOfSupport[0].Relationship"));
        Assert.Equal("Beacon Advocacy, 01632 960345", form.ValueOf("Input.Advocate"));
        Assert.Equal("true", form.Document.QuerySelector("input[name='Input.HasRepresentative'][checked]")?.GetAttribute("value"));
        Assert.Equal("Charles Babbage", form.ValueOf("Input.RepresentativeName"));
        Assert.Contains("Health and welfare, registered 2023", form.ValueOf("Input.RepresentativeAuthority"));

        // Adding a row, without JavaScript, keeps what was typed and saves nothing.
        var more = await manager.PostAsync(edit, new()
        {
            ["PlanVersion"] = form.ValueOf("PlanVersion")!, ["add"] = "supporter",
            ["Input.DecisionsCovered"] = "Money", ["Input.Supporters[0].Name"] = "Ada Lovelace", ["Input.Supporters[0].Relationship"] = "mother",
        });
        Assert.Equal(HttpStatusCode.OK, more.Status);
        Assert.Empty(more.ErrorSummary);
        Assert.NotNull(more.Document.QuerySelector("[name='Input.Supporters[1].Name']"));
        Assert.Equal("Money", more.ValueOf("Input.DecisionsCovered")?.Trim());
        Assert.Null((await DraftAsync(plan)).DecisionsCovered);

        // A relationship without a name is asked for at its row, with everything typed kept.
        var noName = await PostFormAsync(manager, edit, new() { ["Input.DecisionsCovered"] = "Money", ["Input.Supporters[0].Relationship"] = "friend" });
        Assert.Equal(HttpStatusCode.OK, noName.Status);
        Assert.Contains("Enter the name of person 1 who helps them decide", noName.ErrorSummary);
        Assert.NotNull(noName.FieldError("Input_Supporters_0__Name"));
        Assert.Equal("friend", noName.ValueOf("Input.Supporters[0].Relationship"));

        // Saved unfinished: the agreement's page names each gap, at its part.
        var saved = await PostFormAsync(manager, edit, new()
        {
            ["Input.DecisionsCovered"] = "Money", ["Input.Supporters[0].Name"] = "Ada Lovelace", ["Input.Supporters[0].Relationship"] = "mother",
            ["Input.HasRepresentative"] = "false",
        });
        Assert.Equal(page, saved.Location);
        var view = await manager.GetAsync(page);
        var gaps = view.Document.QuerySelector("#plan-gaps")!.TextContent;
        Assert.Contains("Say how information is given in the way the person understands", gaps);
        Assert.Contains("Say whether the person would have substantial difficulty", gaps);
        Assert.DoesNotContain("Say which decisions the agreement covers", gaps);
        Assert.Contains("Say the time and place", view.Document.QuerySelector("#section-TimeAndPlace .govuk-error-message")!.TextContent);
        // "No" to a representative clears the attorney the draft started with.
        Assert.Null((await DraftAsync(plan)).RepresentativeName);

        var agree = $"/people/{person}/plans/{plan}/agree";
        var refused = await PostFormAsync(manager, agree, Date("Input.ReviewDate", Today.AddMonths(6)));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Say how information is given in the way the person understands (rule R20"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Record how the person agreed to this agreement"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Say who reviews the agreement with the person"));
        Assert.Equal(PlanStatus.Draft, await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == plan).Select(p => p.Status).SingleAsync()));

        Assert.Equal(page, (await PostFormAsync(manager, edit, EveryPart)).Location);
        Assert.Empty((await manager.GetAsync(page)).Document.QuerySelectorAll("#plan-gaps"));
        var agreed = await PostFormAsync(manager, agree, Date("Input.ReviewDate", Today.AddMonths(6)));
        Assert.Equal(HttpStatusCode.Redirect, agreed.Status);
        view = await manager.GetAsync(page);
        Assert.Contains("In place", view.Body);
        Assert.Contains("Photographs, one choice at a time", view.Body);
        Assert.Contains("Ada Lovelace, mother", view.Body);
        Assert.Equal(Today.AddMonths(6), await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == plan).Select(p => p.ReviewDate).SingleAsync()));
        Assert.Contains("Supported decision-making agreement", (await manager.GetAsync($"/people/{person}/plans")).Body);
        // Every write is audited against the person.
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == nameof(Plan) && e.EntityId == plan && e.PersonId == person)) >= 4);
        // An agreed agreement never changes: its edit page leads to starting a new version with a reason.
        Assert.Equal($"/people/{person}/plans/{plan}/revise", (await manager.GetAsync(edit)).Location);
    }

    [SkippableFact]
    public async Task SubstantialDifficulty_WithOnlyPaidSupport_IsRefused_UntilAnAdvocateIsNamed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var person = await PlanRecordsTests.NewPersonAsync(app, "Alone");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var started = await manager.PostAsync($"/people/{person}/decision-making/new", new() { ["Input.Title"] = "My decisions" });
        var edit = started.Location!;
        var plan = Guid.Parse(edit.Split('/')[^2]);
        var onlyStaff = new Dictionary<string, string>(EveryPart)
        {
            ["Input.Supporters[0].Name"] = "Amira Khan", ["Input.Supporters[0].Relationship"] = "key worker", ["Input.Supporters[0].Paid"] = "yes",
            ["Input.CircleOfSupport[0].Name"] = "Daniel Okafor", ["Input.CircleOfSupport[0].Relationship"] = "manager", ["Input.CircleOfSupport[0].Paid"] = "yes",
            ["Input.Advocate"] = "",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, edit, onlyStaff)).Status);
        Assert.True((await DraftAsync(plan)).Supporters.Single().Paid);

        var refused = await PostFormAsync(manager, $"/people/{person}/plans/{plan}/agree", Date("Input.ReviewDate", Today.AddMonths(3)));
        var message = Assert.Single(refused.ErrorSummary);
        Assert.StartsWith("The person would have substantial difficulty being involved and nobody unpaid supports them: the council must arrange an independent advocate", message);
        Assert.Contains("Care Act s.67", message);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, edit, new(onlyStaff) { ["Input.Advocate"] = "Lena Ortiz, Beacon Advocacy" })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, $"/people/{person}/plans/{plan}/agree", Date("Input.ReviewDate", Today.AddMonths(3)))).Status);
    }

    [SkippableFact]
    public async Task SamsAgreement_IsReadByThoseWhoSupportHim_AndChangedOnlyByHisManagers()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var plan = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == sam && p.Kind == PlanKind.DecisionMaking).Select(p => p.Id).SingleAsync());
        var page = $"/people/{sam}/decision-making/{plan}";
        foreach (var reader in new[] { "careworker@oakfield.example", "socialworker@northshire.example", "commissioner@northshire.example" })
        {
            using var client = await app.NewClient().SignInAsync(reader);
            var view = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, view.Status);
            Assert.Contains("Beacon Advocacy (Lena Ortiz)", view.Body);
            Assert.Contains("In place", view.Body);
            Assert.Empty(view.Document.QuerySelectorAll("a.govuk-button"));
        }
        using var careWorker = await app.NewClient().SignInAsync("careworker@oakfield.example");
        Assert.Contains("/access-denied", (await careWorker.PostAsync($"{page}/edit", new() { ["Input.DecisionsCovered"] = "Nothing" })).Location);
        using var manager = await app.NewClient().SignInAsync(Manager);
        var plans = await manager.GetAsync($"/people/{sam}/plans");
        Assert.Contains("How Sam is helped to make his own decisions", plans.Body);
        Assert.Contains("Keeping safe with my money and my support", plans.Body);
        // One of each is open, so neither is offered to start again.
        Assert.Null(plans.Document.QuerySelector($"a.govuk-button[href='/people/{sam}/decision-making/new']"));
        Assert.Null(plans.Document.QuerySelector($"a.govuk-button[href='/people/{sam}/keeping-safe/new']"));
        var pdf = await manager.GetAsync($"/people/{sam}/plans/{plan}/versions/1/easy-read");
        Assert.Equal("application/pdf", pdf.ContentType);
    }

    [SkippableFact]
    public async Task AnAgreementDueForReview_IsInTheManagersTasks_AndTheAllocatedSocialWorkers()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var plan = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.PersonId == sam && p.Kind == PlanKind.DecisionMaking).Select(p => p.Id).SingleAsync());
        var was = await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == plan).Select(p => p.ReviewDate).SingleAsync());
        using var socialWorker = await app.NewClient().SignInAsync("socialworker@northshire.example");
        using var manager = await app.NewClient().SignInAsync(Manager);
        Assert.DoesNotContain("Make sure the supported decision-making agreement is reviewed", (await socialWorker.GetAsync("/tasks")).Body);
        await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == plan).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReviewDate, Today.AddDays(10))));
        try
        {
            var tasks = await socialWorker.GetAsync("/tasks");
            var link = tasks.Document.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Make sure the supported decision-making agreement is reviewed: How Sam is helped to make his own decisions"));
            Assert.Equal($"/people/{sam}/decision-making/{plan}", link.GetAttribute("href"));
            Assert.Contains("Review the supported decision-making agreement: How Sam is helped to make his own decisions", (await manager.GetAsync("/tasks")).Body);
        }
        finally
        {
            await app.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == plan).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReviewDate, was)));
        }
    }
}

public sealed class DecisionMakingAgreementOnSqlite(SqliteApp app) : DecisionMakingAgreementTests(app), IClassFixture<SqliteApp>;

public sealed class DecisionMakingAgreementOnPostgres(PostgresApp app) : DecisionMakingAgreementTests(app), IClassFixture<PostgresApp>;
