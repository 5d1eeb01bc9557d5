using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Panels;

/// <summary>Risk review panels end to end (R26): referring, the decision with dissent and actions, actions done, amendments, oversight.</summary>
public abstract class PanelTests(AppFixture app)
{
    private static readonly Dictionary<string, string> CompleteReferral = new()
    {
        ["Input.Subject"] = "",
        ["Input.Reason"] = "Disagreement",
        ["Input.Question"] = "Should Peggy help in the kitchen at lunchtime?",
        ["Input.Evidence"] = "Peggy asks to help; her daughter worries about the hot oven.",
    };

    private async Task<(Guid Peggy, Guid Referral)> ReferAsync(AppClient manager, Dictionary<string, string>? fields = null)
    {
        var peggy = await app.IdOfPersonAsync("Hughes");
        var page = await manager.PostAsync($"/people/{peggy}/panels/new", fields ?? CompleteReferral);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        return (peggy, Guid.Parse(page.Location!.Split('/').Last()));
    }

    private async Task<Dictionary<string, string>> CompleteDecisionAsync(Guid actionFor)
    {
        var today = UkTime.Today(app.Clock);
        var due = today.AddDays(14);
        var review = today.AddMonths(3);
        return new()
        {
            ["Input.Version"] = "1",
            ["Input.MeetingOn.Day"] = today.Day.ToString(), ["Input.MeetingOn.Month"] = today.Month.ToString(), ["Input.MeetingOn.Year"] = today.Year.ToString(),
            ["Input.Members[0].Name"] = "Helen Price", ["Input.Members[0].Discipline"] = "Senior manager",
            ["Input.Members[1].Name"] = "Anna Reid", ["Input.Members[1].Discipline"] = "Occupational therapist",
            ["Input.Members[1].Dissented"] = "yes", ["Input.Members[1].Dissent"] = "Would start with a supervised trial.",
            ["Input.Attended"] = "person",
            ["Input.PersonsView"] = "Peggy said she loves to cook.",
            ["Input.Outcome"] = "SupportedWithChanges",
            ["Input.Decision"] = "Peggy helps in the kitchen with a member of staff beside her.",
            ["Input.Reasons"] = "Cooking matters to her; a member of staff beside her reduces the risk of burns.",
            ["Input.Actions[0].What"] = "Show Peggy the oven gloves and where they live", ["Input.Actions[0].AssignedToId"] = actionFor.ToString(),
            ["Input.Actions[0].DueOn.Day"] = due.Day.ToString(), ["Input.Actions[0].DueOn.Month"] = due.Month.ToString(), ["Input.Actions[0].DueOn.Year"] = due.Year.ToString(),
            ["Input.ReviewOn.Day"] = review.Day.ToString(), ["Input.ReviewOn.Month"] = review.Month.ToString(), ["Input.ReviewOn.Year"] = review.Year.ToString(),
        };
    }

    [SkippableFact]
    public async Task AReferral_MissingItsParts_IsRefusedAtEachField_ThenSaved()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        var refused = await manager.PostAsync($"/people/{peggy}/panels/new", new Dictionary<string, string>
        {
            ["Input.Reason"] = "RestrictionNotAgreed", ["Input.Question"] = "Should the door stay locked?",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Select the restrictive practice the manager will not agree"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Enter the evidence the panel will consider"));
        Assert.Equal(2, refused.ErrorSummary.Count);
        Assert.NotNull(refused.FieldError("Input_Evidence"));
        Assert.Equal("Should the door stay locked?", refused.ValueOf("Input.Question")?.Trim());

        var (_, referral) = await ReferAsync(manager);
        var page = await manager.GetAsync($"/people/{peggy}/panels/{referral}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Should Peggy help in the kitchen at lunchtime?", page.Body);
        Assert.Contains("Waiting for the panel", page.Body);
        // A manager refers; only a senior manager records the decision.
        Assert.Equal(HttpStatusCode.Redirect, (await manager.GetAsync($"/people/{peggy}/panels/{referral}/decision")).Status);
        Assert.Contains("/access-denied", (await manager.GetAsync($"/people/{peggy}/panels/{referral}/decision")).Location);
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == nameof(PanelReferral) && e.EntityId == referral)));
    }

    [SkippableFact]
    public async Task ADecision_WithDissentAndActions_ThenTheActionDone_AndACorrectionKeepsTheOriginal()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (peggy, referral) = await ReferAsync(manager);
        using var senior = await app.NewClient().SignInAsync("senior@oakfield.example");
        var decide = $"/people/{peggy}/panels/{referral}/decision";

        var form = await senior.GetAsync(decide);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        // Enter in a text field submits the form's first submit button: it must save the decision, not remove member 1.
        var first = form.Document.QuerySelector("main form[method='post'] button[type='submit']")!;
        Assert.Equal("Save the decision", first.TextContent.Trim());
        Assert.Null(first.GetAttribute("name"));
        Assert.Equal("-1", first.GetAttribute("tabindex"));
        Assert.Equal("true", first.GetAttribute("aria-hidden"));
        var refused = await senior.PostAsync(decide, new Dictionary<string, string> { ["Input.Version"] = "1", ["Input.Members[0].Name"] = "Helen Price", ["Input.Members[1].Name"] = "Anna Reid", ["Input.Members[1].Dissented"] = "yes" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        foreach (var message in new[] { "Enter the date the panel met", "Enter the discipline or role of Helen Price", "Enter the view of Anna Reid, who did not agree with the decision",
                     "Enter how the person's view was heard, as they did not attend", "Select what the panel decided about the person's choice", "Enter the panel's decision",
                     "Enter the reasons for the decision", "Enter the date the panel will review its decision" })
        {
            Assert.Contains(refused.ErrorSummary, e => e.StartsWith(message));
        }
        Assert.Equal("Helen Price", refused.ValueOf("Input.Members[0].Name"));

        // Add another member, without JavaScript: the form comes back with a fourth row and what was typed.
        var more = await senior.PostAsync(decide, new Dictionary<string, string>
        {
            ["Input.Version"] = "1", ["add"] = "member", ["Input.Members[0].Name"] = "Helen Price", ["Input.Members[1].Name"] = "", ["Input.Members[2].Name"] = "",
        });
        Assert.Empty(more.ErrorSummary);
        Assert.NotNull(more.Document.QuerySelector("[name='Input.Members[3].Name']"));
        Assert.Equal("Helen Price", more.ValueOf("Input.Members[0].Name"));

        var careWorker = await app.IdOfUserAsync("careworker@oakfield.example");
        var saved = await senior.PostAsync(decide, await CompleteDecisionAsync(careWorker));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var view = await senior.GetAsync($"/people/{peggy}/panels/{referral}");
        Assert.Contains("No: Would start with a supervised trial.", view.Body);
        Assert.Contains("Supported it with changes", view.Body);
        Assert.Contains("Show Peggy the oven gloves", view.Body);
        // Recorded once: the decision page now leads back to the referral.
        Assert.Equal(HttpStatusCode.Redirect, (await senior.GetAsync(decide)).Status);

        // The care worker given the action sees it in My tasks and marks it done with a note.
        using var carer = await app.NewClient().SignInAsync("careworker@oakfield.example");
        var tasks = await carer.GetAsync("/tasks");
        Assert.Contains("Risk review panel action: Show Peggy the oven gloves", tasks.Body);
        var actionId = await app.WithDatabaseAsync(db => db.PanelActions.Where(a => a.ReferralId == referral).Select(a => a.Id).SingleAsync());
        var done = $"/people/{peggy}/panels/{referral}/actions/{actionId}/done";
        Assert.Equal(HttpStatusCode.OK, (await carer.GetAsync(done)).Status);
        var noNote = await carer.PostAsync(done, new Dictionary<string, string> { ["Input.Version"] = "1", ["Input.Note"] = "" });
        Assert.Equal("Enter what was done", noNote.FieldError("Input_Note"));
        Assert.Equal(HttpStatusCode.Redirect, (await carer.PostAsync(done, new Dictionary<string, string> { ["Input.Version"] = "1", ["Input.Note"] = "Showed her; she hung them by the oven." })).Status);
        Assert.Contains("Showed her; she hung them by the oven.", (await carer.GetAsync($"/people/{peggy}/panels/{referral}")).Body);
        Assert.DoesNotContain("Show Peggy the oven gloves", (await carer.GetAsync("/tasks")).Body);

        // A correction is added beside the decision; the decision as recorded stays.
        var amend = $"/people/{peggy}/panels/{referral}/amend";
        var blank = await senior.PostAsync(amend, new Dictionary<string, string> { ["Input.Part"] = "", ["Input.Corrected"] = "", ["Input.Reason"] = "" });
        Assert.Equal(3, blank.ErrorSummary.Count);
        Assert.Equal(HttpStatusCode.Redirect, (await senior.PostAsync(amend, new Dictionary<string, string>
        {
            ["Input.Part"] = "Decision", ["Input.Corrected"] = "Peggy helps in the kitchen with Amira or Daniel beside her.", ["Input.Reason"] = "The panel named who.",
        })).Status);
        var amended = await senior.GetAsync($"/people/{peggy}/panels/{referral}");
        Assert.Contains("Peggy helps in the kitchen with a member of staff beside her.", amended.Body);
        Assert.Contains("Peggy helps in the kitchen with Amira or Daniel beside her.", amended.Body);
        Assert.Contains("The panel named who.", amended.Body);
        Assert.Equal("Peggy helps in the kitchen with a member of staff beside her.",
            await app.WithDatabaseAsync(db => db.PanelReferrals.Where(r => r.Id == referral).Select(r => r.Decision).SingleAsync()));

        // Every action done: the senior manager closes it.
        var closeForm = amended.Document.QuerySelector("form[action*='handler=Close']");
        Assert.NotNull(closeForm);
        Assert.Equal(HttpStatusCode.Redirect, (await senior.PostAsync($"/people/{peggy}/panels/{referral}?handler=Close",
            new Dictionary<string, string> { ["Version"] = amended.ValueOf("Version")! })).Status);
        Assert.Equal(PanelStatus.Closed, await app.WithDatabaseAsync(db => db.PanelReferrals.Where(r => r.Id == referral).Select(r => r.Status).SingleAsync()));
    }

    [SkippableFact]
    public async Task AnotherOrganisationsUser_AndAnotherPersonsRoute_GetNotFound()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var (peggy, referral) = await app.WithDatabaseAsync(db => db.PanelReferrals.Where(r => r.Person!.FamilyName == "Hughes" && r.Status == PanelStatus.Decided)
            .Select(r => new ValueTuple<Guid, Guid>(r.PersonId, r.Id)).FirstAsync());
        var sam = await app.IdOfPersonAsync("Adeyemi");
        using var riverside = await app.NewClient().SignInAsync("manager@riverside.example");
        Assert.Equal(HttpStatusCode.NotFound, (await riverside.GetAsync($"/people/{peggy}/panels/{referral}")).Status);
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/people/{sam}/panels/{referral}")).Status);
        // The council's social worker reads the referral about a person they are allocated.
        using var socialWorker = await app.NewClient().SignInAsync("socialworker@northshire.example");
        Assert.Equal(HttpStatusCode.OK, (await socialWorker.GetAsync($"/people/{peggy}/panels/{referral}")).Status);
    }

    [SkippableFact]
    public async Task SeniorManagers_SeeOpenReferrals_HowConsistentlyServicesDecide_AndTheirTasks()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var senior = await app.NewClient().SignInAsync("senior@oakfield.example");
        var page = await senior.GetAsync("/organisation/panels");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var open = page.Document.QuerySelector("table[aria-labelledby='open-heading']")!.TextContent;
        Assert.Contains("Sam Adeyemi", open);
        Assert.Contains("Waiting for the panel", open);
        Assert.Contains("Peggy Hughes", open);
        var consistency = page.Document.QuerySelector("table[aria-labelledby='consistency-heading']")!;
        var row = consistency.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .Single(r => r[3] == "Oakfield House" && r[0] == "The person, family and staff disagree" && r[1] == "High");
        Assert.Equal(["0", "1", "0"], row[4..]);
        Assert.Contains(Links(await senior.GetAsync("/organisation")), l => l == "/organisation/panels");

        var tasks = (await senior.GetAsync("/tasks")).Body;
        Assert.Contains("Record the risk review panel&#x27;s decision", tasks);
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        Assert.Contains("Risk review panel action: Walk the route to the shop with Peggy", (await manager.GetAsync("/tasks")).Body);
        // The list is the senior managers' and the board's: a service manager is refused.
        Assert.Contains("/access-denied", (await manager.GetAsync("/organisation/panels")).Location);
    }

    [SkippableFact]
    public async Task AHighResidualRisk_SuggestsAReferral_UntilOneIsMade()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var arthur = await app.WithDatabaseAsync(db => db.People.Where(p => p.GivenName == "Arthur").Select(p => p.Id).SingleAsync());
        var risk = new AssessedRisk { WhatCouldHappen = "A fall on the stairs", Activity = "Going up to his room alone", Likelihood = 4, Impact = 4, ResidualLikelihood = 3, ResidualImpact = 4 };
        await app.WithDatabaseAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == arthur);
            var manager = await db.Users.Where(u => u.Email == "manager@oakfield.example").Select(u => u.Id).SingleAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var plan = new Plan
            {
                OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = arthur, Kind = PlanKind.RiskAssessment, Title = "Arthur's risk assessment",
                Status = PlanStatus.InPlace, AgreedVersion = 1, ReviewDate = UkTime.Today(app.Clock).AddMonths(6), CreatedAt = now, CreatedById = manager,
            };
            db.Plans.Add(plan);
            db.PlanVersions.Add(new PlanVersion
            {
                OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, Content = PlanContents.ToJson(new RiskAssessmentContent { Risks = [risk] }),
                DraftedAt = now, DraftedById = manager, AgreedAt = now, AgreedById = manager,
            });
            await db.SaveChangesAsync();
        });
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var person = await manager.GetAsync($"/people/{arthur}");
        var suggestion = person.Document.QuerySelector("[data-panel-suggestion]");
        Assert.NotNull(suggestion);
        Assert.Contains("A fall on the stairs (Going up to his room alone)", suggestion.TextContent);
        Assert.Contains("R26", suggestion.TextContent);
        var refer = suggestion.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Contains($"riskId={risk.Id}", refer);

        var form = await manager.GetAsync(refer);
        Assert.Equal($"risk:{risk.Id}", form.Document.QuerySelector("select[name='Input.Subject'] option[selected]")?.GetAttribute("value"));
        var saved = await manager.PostAsync($"/people/{arthur}/panels/new", new Dictionary<string, string>
        {
            ["Input.Subject"] = $"risk:{risk.Id}", ["Input.Reason"] = "HighResidualRisk",
            ["Input.Question"] = "Should Arthur keep going up alone?", ["Input.Evidence"] = "He wants to; he has fallen once.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Null((await manager.GetAsync($"/people/{arthur}")).Document.QuerySelector("[data-panel-suggestion]"));
        Assert.Equal(Core.Rules.RiskBand.High, await app.WithDatabaseAsync(db => db.PanelReferrals.Where(r => r.RiskId == risk.Id).Select(r => r.Band).SingleAsync()));
    }

    private static IEnumerable<string?> Links(AppClient.Page page) => page.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href"));
}

public sealed class PanelsOnSqlite(SqliteApp app) : PanelTests(app), IClassFixture<SqliteApp>;

public sealed class PanelsOnPostgres(PostgresApp app) : PanelTests(app), IClassFixture<PostgresApp>;
