using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Practices;

public abstract class RegisterPagesTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";

    private static Dictionary<string, string> Proposal(string description, DateOnly start, DateOnly? review = null) => new()
    {
        ["Input.Category"] = nameof(PracticeCategory.EnvironmentalRestraint),
        ["Input.Description"] = description,
        ["Input.RestrictedThing"] = nameof(RestrictedThing.SomethingElse),
        ["Input.RestrictedThingInOwnWords"] = description,
        ["Input.Kind"] = nameof(PracticeKind.Planned),
        ["Input.ProposalReason"] = "Leaves the building at night without a coat",
        ["Input.StartDate.Day"] = start.Day.ToString(),
        ["Input.StartDate.Month"] = start.Month.ToString(),
        ["Input.StartDate.Year"] = start.Year.ToString(),
        ["Input.ReviewDate.Day"] = review?.Day.ToString() ?? "",
        ["Input.ReviewDate.Month"] = review?.Month.ToString() ?? "",
        ["Input.ReviewDate.Year"] = review?.Year.ToString() ?? "",
    };

    [SkippableFact]
    public async Task Register_ShowsEveryPracticeInPlace_WithTheTotal()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var doris = await app.IdOfPersonAsync("Clarke");
        using var client = await app.NewClient().SignInAsync("careworker@oakfield.example");

        var page = await client.GetAsync($"/people/{doris}/practices");

        var total = page.Document.QuerySelector("tfoot .app-register__total td")!.TextContent.Trim();
        Assert.Equal("1", total);
        Assert.Contains("Front door has a key-code lock", page.Body);
        // The ended practice is kept and shown apart, with why it ended.
        Assert.Contains("Ended practices", page.Body);
        Assert.Contains("GP stopped the prescription", page.Body);
        // A care worker reads; they are not offered the manager's actions.
        Assert.DoesNotContain("Propose a restrictive practice", page.Body);
    }

    [SkippableFact]
    public async Task Register_TotalCountsOnlyPracticesInPlace_AndListsProposalsApartWithNoStartDate()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var client = await app.NewClient().SignInAsync(Manager);

        var page = await client.GetAsync($"/people/{peggy}/practices");

        // Two agreed practices and one proposal (bed rails): the RP1 total is the two in place.
        Assert.Equal("2", page.Document.QuerySelector("tfoot .app-register__total td")!.TextContent.Trim());
        var inPlace = page.Document.QuerySelector("table.app-register tbody")!.TextContent;
        Assert.DoesNotContain("Bed rails", inPlace);
        Assert.Contains("Proposed practices", page.Body);
        var proposal = page.Document.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Bed rails raised at night"));
        Assert.Contains("Not started", proposal.TextContent);
        var bedRails = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.PersonId == peggy && p.Status == PracticeStatus.Proposed).Select(p => p.Id).FirstAsync());
        var details = await client.GetAsync($"/people/{peggy}/practices/{bedRails}");
        var started = details.Document.QuerySelectorAll(".govuk-summary-list__row").First(r => r.QuerySelector("dt")?.TextContent.Trim() == "Started");
        Assert.Equal("Not started", started.QuerySelector("dd")!.TextContent.Trim());
        var api = await client.Http.GetStringAsync($"/api/v1/people/{peggy}/practices");
        Assert.Contains("\"inPlace\":2", api);
    }

    [SkippableFact]
    public async Task Propose_WithAReviewDateMoreThanAYearAway_IsRefusedNamingRuleR1()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var client = await app.NewClient().SignInAsync(Manager);
        // A proposal has no start date: a suggested review date is counted from today.
        var today = UkTime.Today(app.Clock);

        var page = await client.PostAsync($"/people/{peggy}/practices/new", Proposal("Kitchen locked at night", today, today.AddYears(1).AddDays(1)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.ErrorSummary, e => e.Contains($"no later than {UkTime.Format(today.AddYears(1))}") && e.Contains("R1"));
        Assert.Equal("Kitchen locked at night", page.ValueOf("Input.Description"));
        Assert.False(await app.WithDatabaseAsync(db => db.Practices.AnyAsync(p => p.Description == "Kitchen locked at night")));
    }

    [SkippableFact]
    public async Task Propose_WithNothingChosenAndATamperedCategory_NamesEachProblemInPageOrder()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var client = await app.NewClient().SignInAsync(Manager);

        var page = await client.PostAsync($"/people/{peggy}/practices/new", new() { ["Input.Category"] = "Teleportation" });

        // In the order the questions appear on the page.
        Assert.Equal(
            ["Select a valid category", "Describe the practice", "Select what the practice restricts", "Select whether the practice is planned or reactive",
             "Enter the risk the practice is meant to manage"],
            page.ErrorSummary);
    }

    [SkippableFact]
    public async Task ProposeThenEnd_KeepsThePracticeOnTheRegisterAsEnded_WithTheReasonInTheHistory()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var client = await app.NewClient().SignInAsync(Manager);
        var start = UkTime.Today(app.Clock).AddDays(-2);

        var proposed = await client.PostAsync($"/people/{peggy}/practices/new", Proposal("Garden gate locked", start, start.AddMonths(3)));
        Assert.Equal(HttpStatusCode.Redirect, proposed.Status);
        var practice = await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.Description == "Garden gate locked"));
        Assert.Equal(PracticeStatus.Proposed, practice.Status);

        var end = $"/people/{peggy}/practices/{practice.Id}/end";
        var future = await client.PostAsync(end, new()
        {
            ["Input.Version"] = "1", ["Input.Reason"] = "Gate alarm instead",
            ["Input.EndDate.Day"] = "1", ["Input.EndDate.Month"] = "1", ["Input.EndDate.Year"] = "2099",
        });
        Assert.Equal("End date must be today or in the past", future.FieldError("Input_EndDate"));

        var today = UkTime.Today(app.Clock);
        var ended = await client.PostAsync(end, new()
        {
            ["Input.Version"] = "1", ["Input.Reason"] = "A gate alarm lets Peggy use the garden freely",
            ["Input.EndDate.Day"] = today.Day.ToString(), ["Input.EndDate.Month"] = today.Month.ToString(), ["Input.EndDate.Year"] = today.Year.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, ended.Status);

        var saved = await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.Id == practice.Id));
        Assert.Equal(PracticeStatus.Ended, saved.Status);
        Assert.Equal("A gate alarm lets Peggy use the garden freely", saved.EndReason);
        var register = await client.GetAsync($"/people/{peggy}/practices");
        Assert.Contains("A gate alarm lets Peggy use the garden freely", register.Body);
        var history = await client.GetAsync($"/people/{peggy}/history");
        Assert.Contains("Ended practice: Garden gate locked", history.Body);
        Assert.Contains("Reason:", history.Body);

        var again = await client.PostAsync(end, new()
        {
            ["Input.Version"] = "2", ["Input.Reason"] = "Again",
            ["Input.EndDate.Day"] = today.Day.ToString(), ["Input.EndDate.Month"] = today.Month.ToString(), ["Input.EndDate.Year"] = today.Year.ToString(),
        });
        Assert.Contains("This practice has already been ended.", again.ErrorSummary);
    }

    [SkippableFact]
    public async Task End_WhenSomeoneElseEndedItFirst_SaysSo()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var arthur = await app.IdOfPersonAsync("Bennett");
        using var client = await app.NewClient().SignInAsync(Manager);
        var start = UkTime.Today(app.Clock).AddDays(-5);
        await client.PostAsync($"/people/{arthur}/practices/new", Proposal("Sensor on bedroom door", start));
        var practice = await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.Description == "Sensor on bedroom door"));
        await app.WithDatabaseAsync(async db =>
        {
            var p = await db.Practices.SingleAsync(x => x.Id == practice.Id);
            p.Description = "Sensor on bedroom door (changed)";
            p.Version++;
            await db.SaveChangesAsync();
        });
        var today = UkTime.Today(app.Clock);

        var stale = await client.PostAsync($"/people/{arthur}/practices/{practice.Id}/end", new()
        {
            ["Input.Version"] = "1", ["Input.Reason"] = "No longer needed",
            ["Input.EndDate.Day"] = today.Day.ToString(), ["Input.EndDate.Month"] = today.Month.ToString(), ["Input.EndDate.Year"] = today.Year.ToString(),
        });

        Assert.Contains(stale.ErrorSummary, e => e.StartsWith("Someone else changed this record"));
        Assert.Equal("No longer needed", stale.ValueOf("Input.Reason"));
        Assert.Equal(PracticeStatus.Proposed, (await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.Id == practice.Id))).Status);
    }

    [SkippableFact]
    public async Task ServiceOpenList_ShowsPracticesInPlaceAcrossPeople_AndOverdueReviews()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var house = await app.IdOfServiceAsync("Oakfield House");
        using var client = await app.NewClient().SignInAsync("inspector@oakfield.example");

        var page = await client.GetAsync($"/services/{house}/practices");

        Assert.Contains("Peggy Hughes", page.Body);
        Assert.Contains("Blood pressure medicine given covertly", page.Body);
        Assert.Contains("Overdue", page.Body);
        Assert.DoesNotContain("Lorazepam", page.Body);
        Assert.DoesNotContain("Adeyemi", page.Body);
        // Three of the six residents have the front door locked against them: half is not "most" (R12).
        Assert.DoesNotContain("may be a blanket rule", page.Body);
    }
}

public sealed class RegisterPagesOnSqlite(SqliteApp app) : RegisterPagesTests(app), IClassFixture<SqliteApp>;

public sealed class RegisterPagesOnPostgres(PostgresApp app) : RegisterPagesTests(app), IClassFixture<PostgresApp>;
