using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Decisions;

/// <summary>
/// The law on form RP2 through the pages: a person with capacity who objects is not overridden; "lacks
/// capacity" needs its evidence; an attorney decides what their authority covers; an IMCA is prompted
/// when there is nobody but paid staff to consult.
/// </summary>
public abstract class DecisionLawTests(AppFixture app)
{
    private DateOnly Yesterday => UkTime.Today(app.Clock).AddDays(-1);

    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    private static readonly Dictionary<string, string> LacksCapacityToWeigh = new()
    {
        ["Input.CanUnderstand"] = "true", ["Input.CanRetain"] = "true", ["Input.CanUseOrWeigh"] = "false", ["Input.CanCommunicate"] = "true",
        ["Input.HasImpairmentOfMindOrBrain"] = "true", ["Input.InabilityIsBecauseOfImpairment"] = "true",
    };

    private Dictionary<string, string> Evidenced(Dictionary<string, string> answers) => new(answers.Concat(Date("Input.CapacityAssessedOn", Yesterday)))
    {
        ["Input.CapacityAssessorName"] = "Daniel Okafor", ["Input.CapacityAssessorRole"] = "Registered manager",
        ["Input.UseOrWeighEvidence"] = "Repeated the risk back but each time said she would go anyway to meet her late husband",
        ["Input.ImpairmentDescription"] = "Alzheimer's disease",
        ["Input.PracticableStepsTaken"] = "Asked in the morning, in short sentences, with photographs, her daughter beside her",
        ["Input.NotBasedOnUnwiseDecision"] = "true",
    };

    private async Task<string> NewDiscussionAsync(AppClient manager, string familyName, string description)
    {
        var person = await app.IdOfPersonAsync(familyName);
        var today = UkTime.Today(app.Clock);
        var proposed = await manager.PostAsync($"/people/{person}/practices/new", new(Date("Input.StartDate", today))
        {
            ["Input.Category"] = nameof(PracticeCategory.RestrictionOfChoice), ["Input.Description"] = description,
            ["Input.Kind"] = nameof(PracticeKind.Planned), ["Input.ProposalReason"] = "A risk to manage", ["Input.RestrictedThing"] = nameof(RestrictedThing.SomethingElse), ["Input.RestrictedThingInOwnWords"] = "a thing for this test only",
        });
        Assert.Equal(HttpStatusCode.Redirect, proposed.Status);
        var practice = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.Description == description).Select(p => p.Id).SingleAsync());
        var url = $"/people/{person}/practices/{practice}/decision";
        Assert.Equal($"{url}/risk", (await manager.PostAsync(url, [])).Location);
        return url;
    }

    private static async Task<AppClient.Page> SaveStepAsync(AppClient client, string url, Dictionary<string, string> answers)
    {
        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        answers["DecisionVersion"] = form.ValueOf("DecisionVersion")!;
        var saved = await client.PostAsync(url, answers);
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"{url}: {string.Join("; ", saved.ErrorSummary)}");
        return saved;
    }

    private static async Task<AppClient.Page> AgreeAsync(AppClient client, string url)
    {
        var check = await client.GetAsync($"{url}/check");
        return await client.PostAsync($"{url}/check?handler=Agree", new() { ["DecisionVersion"] = check.ValueOf("DecisionVersion")! });
    }

    private static async Task<string> CheckTextAsync(AppClient client, string url) => (await client.GetAsync($"{url}/check")).Document.Body!.TextContent;

    [SkippableFact]
    public async Task ChangeFromTheCheckPage_ReturnsToIt_AndPartsAreCountedOverThePagesAsked()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var url = await NewDiscussionAsync(manager, "Bennett", "A door alarm at night (change from check)");

        // Best interests and the people consulted are asked only when capacity is lacking: until then there are 6 parts, none skipped.
        var parts = new List<string>();
        foreach (var (slug, _) in Proportion.Web.Pages.Decisions.DecisionPageModel.Steps.Where(s => s.Slug is not ("best-interests" or "consultees")))
        {
            parts.Add((await manager.GetAsync($"{url}/{slug}")).Document.QuerySelector("main p.govuk-body-s")!.TextContent.Trim());
        }
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"Restrictive practice discussion (RP2), part {n} of 6"), parts);

        // The check page's Change links come back to it once the page is saved.
        var check = await manager.GetAsync($"{url}/check");
        var change = check.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h!.StartsWith($"{url}/risk"));
        Assert.Equal($"{url}/risk?fromCheck=true", change);
        var saved = await SaveStepAsync(manager, change!, new() { ["Input.Risk"] = "Leaves the house at night without a coat" });
        Assert.Equal($"{url}/check", saved.Location);
    }

    [SkippableFact]
    public async Task APersonWithCapacityWhoObjects_IsNotOverridden_AndTheLawfulRoutesAreNamed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var url = await NewDiscussionAsync(manager, "Patel", "Stan's biscuits kept in the office (law)");
        await SaveStepAsync(manager, $"{url}/views", new() { ["Input.PersonResponse"] = nameof(PersonResponse.Resists) });
        var capacity = await SaveStepAsync(manager, $"{url}/capacity", new()
        {
            ["Input.CanUnderstand"] = "true", ["Input.CanRetain"] = "true", ["Input.CanUseOrWeigh"] = "true", ["Input.CanCommunicate"] = "true",
        });
        Assert.Equal($"{url}/legal-basis", capacity.Location);
        Assert.Contains("gives no authority to restrict them", (await manager.GetAsync($"{url}/legal-basis")).Document.Body!.TextContent);
        await SaveStepAsync(manager, $"{url}/legal-basis", new() { ["Input.LegalBasis"] = nameof(LegalBasis.Consent) });

        var refused = await AgreeAsync(manager, url);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var routes = Assert.Single(refused.ErrorSummary, e => e.Contains("gives no authority to restrict them"));
        Assert.Contains("stop the practice; find an alternative they accept; seek legal advice (§5.10)", routes);
        Assert.Contains("Mental Health Act or a court order", routes);
        Assert.Contains($"rule {LegalBasisRules.Rule}", routes);
        Assert.Contains("Legal basisThe person's consent: they have capacity and agree", Squeeze(await CheckTextAsync(manager, url)));
    }

    [SkippableFact]
    public async Task LacksCapacity_WithoutItsEvidence_IsRefused_UntilEachPieceIsGiven()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var url = await NewDiscussionAsync(manager, "Bennett", "Arthur's razor kept by staff (law)");
        await SaveStepAsync(manager, $"{url}/capacity", new(LacksCapacityToWeigh));

        var refused = await AgreeAsync(manager, url);

        foreach (var needed in new[]
        {
            "Enter the name of the person who assessed capacity", "Enter the role of the person who assessed capacity", "Enter the date capacity was assessed",
            "Give the evidence that the person cannot use or weigh the information", "Say what the impairment", "Say what practicable steps were taken",
            "Confirm whether the conclusion is based on the decision being unwise",
        })
        {
            Assert.Contains(refused.ErrorSummary, e => e.Contains(needed));
        }
        Assert.DoesNotContain(refused.ErrorSummary, e => e.Contains("cannot understand"));

        await SaveStepAsync(manager, $"{url}/capacity", Evidenced(LacksCapacityToWeigh));
        var evidenced = await AgreeAsync(manager, url);
        Assert.DoesNotContain(evidenced.ErrorSummary, e => e.Contains("assessed capacity") || e.Contains("use or weigh") || e.Contains("unwise"));
        var decision = await app.WithDatabaseAsync(db => db.Decisions.SingleAsync(d => d.PracticeId == db.Practices.Single(p => p.Description == "Arthur's razor kept by staff (law)").Id));
        Assert.Equal((Yesterday, "Alzheimer's disease"), (decision.CapacityAssessedOn, decision.ImpairmentDescription));
    }

    [SkippableFact]
    public async Task AHealthAndWelfareAttorney_IsTheDecisionMaker_AndTheirRefusalIsNotOverridden()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var url = await NewDiscussionAsync(manager, "Hughes", "Peggy's handbag kept in the office (law)");
        await SaveStepAsync(manager, $"{url}/capacity", Evidenced(LacksCapacityToWeigh));
        var susan = await app.WithDatabaseAsync(db => db.People.Where(p => p.FamilyName == "Hughes").SelectMany(p => p.Representatives)
            .Where(r => r.Name == "Susan Hughes").Select(r => r.Id).SingleAsync());
        Assert.Contains("Susan Hughes, attorney for health and welfare", (await manager.GetAsync($"{url}/legal-basis")).Document.Body!.TextContent);

        await SaveStepAsync(manager, $"{url}/legal-basis", new()
        {
            ["Input.LegalBasis"] = nameof(LegalBasis.BestInterests), ["Input.DecisionMaker"] = "someone-else", ["Input.DecisionMakerName"] = "Daniel Okafor",
        });
        Assert.Contains(
            "Susan Hughes (attorney for health and welfare) can make this decision if their authority covers it, and then they are the decision-maker (MCA s.6(6))",
            (await AgreeAsync(manager, url)).ErrorSummary.Single(e => e.Contains("Susan Hughes")));

        await SaveStepAsync(manager, $"{url}/legal-basis", new()
        {
            ["Input.LegalBasis"] = nameof(LegalBasis.BestInterests), ["Input.DecisionMaker"] = susan.ToString(),
            ["Input.AttorneyDecision"] = "Peggy should keep her handbag with her", ["Input.AttorneyAgrees"] = "false",
        });
        var overridden = await AgreeAsync(manager, url);
        Assert.Contains(overridden.ErrorSummary, e => e.Contains("Susan Hughes, as attorney for health and welfare, has not agreed") && e.Contains("s.6(6)") && e.Contains($"rule {DecisionMakerRules.Rule}"));

        await SaveStepAsync(manager, $"{url}/legal-basis", new()
        {
            ["Input.LegalBasis"] = nameof(LegalBasis.BestInterests), ["Input.DecisionMaker"] = susan.ToString(),
            ["Input.AttorneyDecision"] = "Agrees the office keeps it overnight only", ["Input.AttorneyAgrees"] = "true",
        });
        var agreedByAttorney = await AgreeAsync(manager, url);
        Assert.DoesNotContain(agreedByAttorney.ErrorSummary, e => e.Contains("Susan Hughes") || e.Contains("decision-maker"));
        var check = await CheckTextAsync(manager, url);
        Assert.Contains("Susan Hughes, attorney for health and welfare", check);
        Assert.Contains("Agrees the office keeps it overnight only (agrees)", check);
    }

    [SkippableFact]
    public async Task NobodyButPaidStaffToConsult_PromptsAnImca_UntilOneIsInstructed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        // Edna Morris has no representatives recorded.
        var url = await NewDiscussionAsync(manager, "Morris", "Edna's hearing aid batteries kept by staff (law)");
        await SaveStepAsync(manager, $"{url}/capacity", Evidenced(LacksCapacityToWeigh));
        var page = await manager.GetAsync($"{url}/consultees");
        var keyWorker = await manager.PostAsync($"{url}/consultees?handler=Add", new(Date("Consultee.ConsultedOn", Yesterday))
        {
            ["DecisionVersion"] = page.ValueOf("DecisionVersion")!, ["Consultee.Who"] = "someone-else", ["Consultee.Name"] = "Amira Khan",
            ["Consultee.Relationship"] = "key worker", ["Consultee.Kind"] = nameof(ConsulteeKind.PaidOrProfessional), ["Consultee.View"] = "Supports it",
        });
        Assert.True(keyWorker.Status == HttpStatusCode.Redirect, string.Join("; ", keyWorker.ErrorSummary));

        var prompted = await AgreeAsync(manager, url);
        Assert.Contains(prompted.ErrorSummary, e => e.Contains("There is nobody other than paid staff to consult") && e.Contains("Instruct an Independent Mental Capacity Advocate (IMCA)"));
        Assert.DoesNotContain(prompted.ErrorSummary, e => e.Contains("Add each person consulted"));

        await SaveStepAsync(manager, $"{url}/consultees", new() { ["Input.ImcaInstructed"] = "true", ["Input.ImcaName"] = "Northshire Advocacy" });
        var instructed = await AgreeAsync(manager, url);
        Assert.DoesNotContain(instructed.ErrorSummary, e => e.Contains("Independent Mental Capacity Advocate"));
        var check = await CheckTextAsync(manager, url);
        Assert.Contains("Amira Khan (key worker), consulted", check);
        Assert.Contains("Instructed: Northshire Advocacy", check);
    }

    [SkippableFact]
    public async Task AnAgreedDecisionFromBeforeTheLaw_ShowsNotRecorded_NeverAGuess()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        // Sam's two-person hold, as a decision agreed before the legal basis was asked would be stored.
        var old = await app.WithDatabaseAsync(async db =>
        {
            var decision = await db.Decisions.SingleAsync(d => d.Status == DecisionStatus.Agreed && d.Practice!.Description.StartsWith("Two-person standing hold"));
            await db.Decisions.Where(d => d.Id == decision.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.LegalBasis, (LegalBasis?)null).SetProperty(d => d.DecisionMakerName, (string?)null));
            return decision;
        });

        var view = await manager.GetAsync($"/people/{old.PersonId}/practices/{old.PracticeId}/decisions/{old.Number}");

        Assert.Equal(HttpStatusCode.OK, view.Status);
        var legalBasis = view.Document.QuerySelectorAll(".govuk-summary-list__row").Single(r => r.TextContent.Contains("Legal basis"));
        Assert.Contains("Not recorded", legalBasis.TextContent);
        var practice = await manager.GetAsync($"/people/{old.PersonId}/practices/{old.PracticeId}");
        Assert.Contains("Legal basisNot recorded", Squeeze(practice.Document.Body!.TextContent));
    }

    /// <summary>Page text without the whitespace between elements, to read a summary row as "key" + "value".</summary>
    private static string Squeeze(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s*\n\s*", "");
}

public sealed class DecisionLawOnSqlite(SqliteApp app) : DecisionLawTests(app), IClassFixture<SqliteApp>;

public sealed class DecisionLawOnPostgres(PostgresApp app) : DecisionLawTests(app), IClassFixture<PostgresApp>;
