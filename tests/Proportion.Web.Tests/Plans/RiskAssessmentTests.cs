using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Scoping;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Plans;

/// <summary>
/// The person's risk assessment (§5.1, R24) end to end: started with the person, risks added one question
/// page each, a refused agreement naming the missing part, agreed, drawn on the matrix, and linked both ways
/// with the practices it explains.
/// </summary>
public abstract class RiskAssessmentTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";

    private static Dictionary<string, string> Risk(string what, string? view = "She says she is fine with it", int likelihood = 4, int impact = 3, int residualLikelihood = 2, int residualImpact = 3) => new()
    {
        ["Input.WhatCouldHappen"] = what,
        ["Input.Activity"] = "Taking her medicines",
        ["Input.Likelihood"] = likelihood.ToString(), ["Input.Impact"] = impact.ToString(),
        ["Input.Benefits"] = "Staying well at home with the people she knows",
        ["Input.Harms"] = "A stroke if her blood pressure is not controlled",
        ["Input.PersonsView"] = view ?? "",
        ["Input.WhatReducesIt"] = "Medicines offered at her best time of day, explained simply",
        ["Input.ResidualLikelihood"] = residualLikelihood.ToString(), ["Input.ResidualImpact"] = residualImpact.ToString(),
    };

    private static async Task<AppClient.Page> SaveAsync(AppClient client, string url, Dictionary<string, string> answers, params (string Name, string Value)[] ticked)
    {
        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        answers["PlanRowVersion"] = form.ValueOf("PlanRowVersion")!;
        return await client.PostAsync(url, answers.Concat(ticked.Select(t => new KeyValuePair<string, string>(t.Name, t.Value))));
    }

    private async Task<(Guid Person, Guid Plan, string Base)> StartAsync(AppClient manager, string familyName)
    {
        var person = await app.IdOfPersonAsync(familyName);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/people/{person}/risk-assessment/new")).Status);
        var started = await manager.PostAsync($"/people/{person}/risk-assessment/new", []);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var plan = Guid.Parse(started.Location!.Split('/')[^2]);
        Assert.Equal($"/people/{person}/risk-assessment/{plan}/edit", started.Location);
        return (person, plan, $"/people/{person}/risk-assessment/{plan}");
    }

    private async Task AgreeAsync(Guid planId, string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = await scope.ServiceProvider.GetRequiredService<UserScopeFactory>().BuildAsync(await app.IdOfUserAsync(email));
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId);
        await scope.ServiceProvider.GetRequiredService<PlanRecords>().AgreeAsync(planId, plan.Version, UkTime.Today(app.Clock).AddMonths(6));
    }

    [SkippableFact]
    public async Task StartAddTwoRisks_AgreeRefusedNamingTheMissingPart_ThenAgreed_AndDrawnOnTheMatrix()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (arthur, plan, url) = await StartAsync(manager, "Bennett");
        var covert = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.PersonId == arthur && p.Description.StartsWith("Blood pressure medicine")).Select(p => p.Id).SingleAsync());
        // Starting again goes to the one already open.
        Assert.Equal(url, (await manager.GetAsync($"/people/{arthur}/risk-assessment/new")).Location);

        Assert.Equal($"{url}/edit/risks", (await SaveAsync(manager, $"{url}/edit", new() { ["Input.HowThePersonTookPart"] = "Arthur talked it through with his son, with his hearing aids in" })).Location);
        Assert.Equal($"{url}/edit/risks", (await SaveAsync(manager, $"{url}/edit/risk", Risk("Stroke from high blood pressure"), ("Input.PracticeIds", covert.ToString()))).Location);
        Assert.Equal($"{url}/edit/risks", (await SaveAsync(manager, $"{url}/edit/risk", Risk("Falls in the garden", view: null, likelihood: 2, impact: 2, residualLikelihood: 1, residualImpact: 2))).Location);

        // A risk with no name is shown back with every answer kept.
        var unnamed = Risk("");
        unnamed["Input.Benefits"] = "Typed and not lost";
        var refused = await SaveAsync(manager, $"{url}/edit/risk", unnamed, ("Input.PracticeIds", covert.ToString()));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Enter what could happen", refused.ErrorSummary);
        Assert.Equal("Typed and not lost", refused.ValueOf("Input.Benefits"));
        Assert.NotNull(refused.Document.QuerySelector($"input[name='Input.PracticeIds'][value='{covert}'][checked]"));
        Assert.NotNull(refused.Document.QuerySelector("input[name='Input.Likelihood'][value='4'][checked]"));

        var risks = await manager.GetAsync($"{url}/edit/risks");
        Assert.Contains("Risk \"Falls in the garden\": record Arthur Bennett's own view of the risk", risks.Document.Body!.TextContent);

        var gap = await Assert.ThrowsAsync<RuleViolationException>(() => AgreeAsync(plan, Manager));
        var message = Assert.Single(gap.Errors).Value;
        Assert.Contains("Risk \"Falls in the garden\": record Arthur Bennett's own view of the risk", message);
        Assert.Contains("rule R24", message);

        var content = await app.WithDatabaseAsync(db => db.PlanVersions.Where(v => v.PlanId == plan).Select(v => v.Content).SingleAsync());
        var falls = PlanContents.FromJson<RiskAssessmentContent>(content).Risks.Single(r => r.WhatCouldHappen == "Falls in the garden");
        var change = await manager.GetAsync($"{url}/edit/risk/{falls.Id}");
        Assert.Contains("record Arthur Bennett's own view", change.Document.Body!.TextContent);
        Assert.Equal("Falls in the garden", change.ValueOf("Input.WhatCouldHappen"));
        Assert.Equal($"{url}/edit/risks", (await SaveAsync(manager, $"{url}/edit/risk/{falls.Id}",
            Risk("Falls in the garden", view: "\"I like my walk\"", likelihood: 2, impact: 2, residualLikelihood: 1, residualImpact: 2))).Location);

        await AgreeAsync(plan, Manager);

        var view = await manager.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Contains("Shown below: version 1, as agreed.", view.Body);
        var first = Matrix(view, "as first assessed");
        Assert.Contains("Stroke from high blood pressure", Cell(first, likelihood: 4, impact: 3).TextContent);
        Assert.Contains("High", Cell(first, likelihood: 4, impact: 3).TextContent);
        Assert.Contains("Falls in the garden", Cell(first, likelihood: 2, impact: 2).TextContent);
        var reduced = Matrix(view, "with what reduces them in place");
        Assert.Contains("Stroke from high blood pressure", Cell(reduced, likelihood: 2, impact: 3).TextContent);
        Assert.Contains("Moderate", Cell(reduced, likelihood: 2, impact: 3).TextContent);
        Assert.Contains("Low", Cell(reduced, likelihood: 1, impact: 2).TextContent);
        Assert.DoesNotContain("Stroke", Cell(reduced, likelihood: 4, impact: 3).TextContent);

        // The practice lists the risk that explains it, linking to it; the person's page draws the matrix.
        var practice = await manager.GetAsync($"/people/{arthur}/practices/{covert}");
        var link = practice.Document.QuerySelectorAll("#risks ~ ul a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains(link, l => l.TextContent == "Stroke from high blood pressure" && l.Item2!.StartsWith($"{url}#risk-"));
        var person = await manager.GetAsync($"/people/{arthur}");
        Assert.Contains("Stroke from high blood pressure", Cell(Matrix(person, "as first assessed"), likelihood: 4, impact: 3).TextContent);
    }

    [SkippableFact]
    public async Task ARisk_IsRemovedFromADraft_NeverFromAnAgreedVersion()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (_, plan, url) = await StartAsync(manager, "Clarke");
        await SaveAsync(manager, $"{url}/edit/risk", Risk("Getting lost when walking to the shops"));
        var risk = await app.WithDatabaseAsync(async db => PlanContents.FromJson<RiskAssessmentContent>(
            await db.PlanVersions.Where(v => v.PlanId == plan).Select(v => v.Content).SingleAsync()).Risks.Single().Id);

        var removed = await SaveAsync(manager, $"{url}/edit/risk/{risk}/remove", []);

        Assert.Equal($"{url}/edit/risks", removed.Location);
        Assert.Contains("No risks have been added yet", (await manager.GetAsync($"{url}/edit/risks")).Body);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{url}/edit/risk/{risk}")).Status);

        // George's is agreed with no draft: there is nothing to remove a risk from, so the page sends the user back to it.
        using var riverside = await app.NewClient().SignInAsync("manager@riverside.example");
        var (george, georges, falls) = await GeorgesAsync();
        var agreed = await riverside.GetAsync($"/people/{george}/risk-assessment/{georges}/edit/risk/{falls}/remove");
        Assert.Equal($"/people/{george}/risk-assessment/{georges}", agreed.Location);
        Assert.Equal($"/people/{george}/risk-assessment/{georges}", (await riverside.PostAsync($"/people/{george}/risk-assessment/{georges}/edit/risk/{falls}/remove", [])).Location);
    }

    [SkippableFact]
    public async Task APracticeNoRiskExplains_IsWarnedOf_AsARestrictionWithNoRiskBehindIt()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var (_, _, url) = await StartAsync(manager, "Turner");

        var risks = await manager.GetAsync($"{url}/edit/risks");

        Assert.Contains("\"One-to-one support when walking outside the home\" is a restriction with no risk behind it", risks.Document.Body!.TextContent);
        Assert.Contains("Add at least one risk", risks.Body);
    }

    [SkippableFact]
    public async Task GeorgesAgreedRiskAssessment_SitsOnTheMatrix_AndExplainsHisPractices()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var riverside = await app.NewClient().SignInAsync("manager@riverside.example");
        var (george, plan, falls) = await GeorgesAsync();

        var view = await riverside.GetAsync($"/people/{george}/risk-assessment/{plan}");

        Assert.Equal(HttpStatusCode.OK, view.Status);
        var first = Matrix(view, "as first assessed");
        var cell = Cell(first, likelihood: 4, impact: 4);
        Assert.Contains("Extreme", cell.TextContent);
        Assert.Equal($"#risk-{falls}", cell.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(view.Document.GetElementById($"risk-{falls}"));
        var bands = Matrix(view, "with what reduces them in place").QuerySelectorAll("tbody td").Where(td => td.QuerySelector("a") is not null)
            .Select(td => td.QuerySelector(".app-risk-matrix__band")!.TextContent).ToHashSet();
        Assert.Equal(["High", "Low", "Moderate"], bands.Order());
        Assert.Empty(view.Document.QuerySelectorAll(".govuk-warning-text"));

        var guiding = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.PersonId == george && p.Description.StartsWith("Guiding George")).Select(p => p.Id).SingleAsync());
        var practice = await riverside.GetAsync($"/people/{george}/practices/{guiding}");
        Assert.Contains(practice.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/people/{george}/risk-assessment/{plan}#risk-{falls}");
        var person = await riverside.GetAsync($"/people/{george}");
        Assert.Contains(person.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/people/{george}/risk-assessment/{plan}#risk-{falls}");
    }

    [SkippableFact]
    public async Task ThePagesOfAnotherKindOfPlan_AreNotFoundHere()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var managerId = await app.IdOfUserAsync(Manager);
        var profile = await app.WithDatabaseAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == sam);
            var other = new Plan { OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = sam, Kind = PlanKind.Profile, Title = "Sam's profile", CreatedAt = app.Clock.GetUtcNow().UtcDateTime, CreatedById = managerId };
            db.Plans.Add(other);
            db.PlanVersions.Add(new PlanVersion { OrganisationId = other.OrganisationId, PlanId = other.Id, Number = 1, Content = "{}", DraftedAt = other.CreatedAt, DraftedById = managerId });
            await db.SaveChangesAsync();
            return other.Id;
        });
        using var manager = await app.NewClient().SignInAsync(Manager);

        foreach (var path in new[] { "", "/edit", "/edit/risks", "/edit/risk" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/people/{sam}/risk-assessment/{profile}{path}")).Status);
        }
    }

    private async Task<(Guid Person, Guid Plan, Guid Falls)> GeorgesAsync() => await app.WithDatabaseAsync(async db =>
    {
        var plan = await db.Plans.SingleAsync(p => p.Person!.FamilyName == "Whitaker" && p.Kind == PlanKind.RiskAssessment);
        var content = PlanContents.FromJson<RiskAssessmentContent>(await db.PlanVersions.Where(v => v.PlanId == plan.Id && v.Number == 1).Select(v => v.Content).SingleAsync());
        return (plan.PersonId, plan.Id, content.Risks.Single(r => r.WhatCouldHappen == "Falls when standing up without his frame").Id);
    });

    private static AngleSharp.Dom.IElement Matrix(AppClient.Page page, string caption) =>
        page.Document.QuerySelectorAll("table.app-risk-matrix").Single(t => t.QuerySelector("caption")!.TextContent.Contains(caption));

    /// <summary>The matrix's cell: rows are impact from 5 down, columns likelihood from 1 across, after the row's heading.</summary>
    private static AngleSharp.Dom.IElement Cell(AngleSharp.Dom.IElement matrix, int likelihood, int impact) =>
        matrix.QuerySelectorAll("tbody tr")[5 - impact].QuerySelectorAll("td")[likelihood - 1];
}

public sealed class RiskAssessmentOnSqlite(SqliteApp app) : RiskAssessmentTests(app), IClassFixture<SqliteApp>;

public sealed class RiskAssessmentOnPostgres(PostgresApp app) : RiskAssessmentTests(app), IClassFixture<PostgresApp>;
