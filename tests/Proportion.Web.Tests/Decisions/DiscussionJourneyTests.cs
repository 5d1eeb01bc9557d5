using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Decisions;

/// <summary>Form RP2 end to end: a proposal taken through the discussion to an agreed practice, by the rules.</summary>
public abstract class DiscussionJourneyTests(AppFixture app)
{
    private async Task<(Guid Person, Guid Practice, string Base)> NewProposalAsync(AppClient manager, string familyName, string description)
    {
        var person = await app.IdOfPersonAsync(familyName);
        var today = UkTime.Today(app.Clock);
        var proposed = await manager.PostAsync($"/people/{person}/practices/new", new()
        {
            ["Input.Category"] = nameof(PracticeCategory.MechanicalRestraint), ["Input.Description"] = description,
            ["Input.RestrictedThing"] = nameof(RestrictedThing.GettingOutOfBed),
            ["Input.Kind"] = nameof(PracticeKind.Planned), ["Input.ProposalReason"] = "Rolled out of bed twice",
            ["Input.StartDate.Day"] = today.Day.ToString(), ["Input.StartDate.Month"] = today.Month.ToString(), ["Input.StartDate.Year"] = today.Year.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, proposed.Status);
        var practice = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.Description == description).Select(p => p.Id).SingleAsync());
        return (person, practice, $"/people/{person}/practices/{practice}/decision");
    }

    private static async Task<AppClient.Page> SaveStepAsync(AppClient client, string url, Dictionary<string, string> answers)
    {
        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        answers["DecisionVersion"] = form.ValueOf("DecisionVersion")!;
        return await client.PostAsync(url, answers);
    }

    [SkippableFact]
    public async Task LackingCapacity_NeedsEveryAgreementTheRulesName_ThenThePracticeIsAgreed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (_, practiceId, url) = await NewProposalAsync(manager, "Clarke", "Bed rails at night for Doris (journey)");

        var started = await manager.PostAsync(url, []);
        Assert.Equal($"{url}/risk", started.Location);

        var risk = await SaveStepAsync(manager, $"{url}/risk", new()
        {
            ["Input.Risk"] = "Rolled out of bed twice", ["Input.Likelihood"] = "4", ["Input.Seriousness"] = "4",
            ["Input.TriedBefore"] = "Low bed", ["Input.ConsequencesOfUsing"] = "May feel trapped", ["Input.ConsequencesOfNotUsing"] = "Head injury",
            ["Input.Proportionality"] = "Only at night",
        });
        Assert.Equal($"{url}/alternatives", risk.Location);

        var alternativesPage = await manager.GetAsync($"{url}/alternatives");
        var incomplete = await manager.PostAsync($"{url}/alternatives?handler=Add", new()
        {
            ["DecisionVersion"] = alternativesPage.ValueOf("DecisionVersion")!, ["Input.Description"] = "Crash mat",
        });
        Assert.Contains("Say why this alternative was not chosen", incomplete.ErrorSummary);
        Assert.Equal("Crash mat", incomplete.ValueOf("Input.Description"));
        // Typed but not added, then Continue: the page asks about it and keeps it, rather than drop it.
        var unadded = await manager.PostAsync($"{url}/alternatives", new()
        {
            ["DecisionVersion"] = alternativesPage.ValueOf("DecisionVersion")!, ["Input.Description"] = "Crash mat",
        });
        Assert.Equal(HttpStatusCode.OK, unadded.Status);
        Assert.StartsWith("You have typed an alternative but not added it", unadded.ErrorSummary.Single());
        Assert.Equal("Crash mat", unadded.ValueOf("Input.Description"));
        await manager.PostAsync($"{url}/alternatives?handler=Add", new()
        {
            ["DecisionVersion"] = alternativesPage.ValueOf("DecisionVersion")!, ["Input.Description"] = "Crash mat",
            ["Input.WhyRejected"] = "She trips on it when she gets up",
        });

        var views = new List<KeyValuePair<string, string>>
        {
            new("Input.PersonViews", "Doris smiled when shown the rails"), new("Input.ViewsGatheredBy", nameof(CommunicationMethods.ObjectsOfReference)),
            new("Input.PersonResponse", "NoClearView"), new("Input.RepresentativesViews", "The IMCA supports a trial"),
            new("Input.MultiDisciplinaryAdvice", "Falls team"),
        };
        var viewsForm = await manager.GetAsync($"{url}/views");
        views.Add(new("DecisionVersion", viewsForm.ValueOf("DecisionVersion")!));
        Assert.Equal($"{url}/capacity", (await manager.PostAsync($"{url}/views", views)).Location);

        var capacity = await SaveStepAsync(manager, $"{url}/capacity", new()
        {
            ["Input.CanUnderstand"] = "false", ["Input.CanRetain"] = "false", ["Input.CanUseOrWeigh"] = "false", ["Input.CanCommunicate"] = "true",
            ["Input.HasImpairmentOfMindOrBrain"] = "true", ["Input.InabilityIsBecauseOfImpairment"] = "true", ["Input.CapacityEvidence"] = "Assessed by Daniel",
            ["Input.CapacityAssessorName"] = "Daniel Okafor", ["Input.CapacityAssessorRole"] = "Registered manager",
            ["Input.CapacityAssessedOn.Day"] = Yesterday.Day.ToString(), ["Input.CapacityAssessedOn.Month"] = Yesterday.Month.ToString(), ["Input.CapacityAssessedOn.Year"] = Yesterday.Year.ToString(),
            ["Input.UnderstandEvidence"] = "Could not say what the rails were for", ["Input.RetainEvidence"] = "Forgot within a minute",
            ["Input.UseOrWeighEvidence"] = "Could not weigh falling against feeling enclosed", ["Input.ImpairmentDescription"] = "Vascular dementia",
            ["Input.PracticableStepsTaken"] = "Asked in the morning with the rails in front of her and music she likes", ["Input.NotBasedOnUnwiseDecision"] = "true",
        });
        Assert.Equal($"{url}/legal-basis", capacity.Location);
        var legalBasis = await SaveStepAsync(manager, $"{url}/legal-basis", new()
        {
            ["Input.LegalBasis"] = "BestInterests", ["Input.DecisionMakerName"] = "Daniel Okafor, service manager",
        });
        Assert.Equal($"{url}/best-interests", legalBasis.Location);
        var bestInterests = await SaveStepAsync(manager, $"{url}/best-interests", new()
        {
            ["Input.CouldRegainCapacity"] = "No", ["Input.HowTheyTookPart"] = "Shown the rails", ["Input.WishesAndFeelings"] = "Likes to feel snug",
            ["Input.BeliefsAndValues"] = "Values independence", ["Input.BestInterestsConclusion"] = "Rails at night",
        });
        Assert.Equal($"{url}/consultees", bestInterests.Location);
        // Doris's IMCA is one of her recorded representatives: picked from the list, not typed again.
        var consulteesPage = await manager.GetAsync($"{url}/consultees");
        // Someone typed but not added, then Save and continue: the page asks about them and keeps what was typed.
        var unaddedConsultee = await manager.PostAsync($"{url}/consultees", new()
        {
            ["DecisionVersion"] = consulteesPage.ValueOf("DecisionVersion")!, ["Consultee.Name"] = "Dr Rao", ["Input.ImcaInstructed"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, unaddedConsultee.Status);
        Assert.StartsWith("You have started adding someone consulted but not added them", unaddedConsultee.ErrorSummary.Single());
        Assert.Equal("Dr Rao", unaddedConsultee.ValueOf("Consultee.Name"));
        var imca = await app.WithDatabaseAsync(db => db.People.Where(p => p.FamilyName == "Clarke").SelectMany(p => p.Representatives).Select(r => r.Id).SingleAsync());
        var added = await manager.PostAsync($"{url}/consultees?handler=Add", new()
        {
            ["DecisionVersion"] = consulteesPage.ValueOf("DecisionVersion")!, ["Consultee.Who"] = imca.ToString(), ["Consultee.View"] = "The IMCA supports a trial",
            ["Consultee.ConsultedOn.Day"] = Yesterday.Day.ToString(), ["Consultee.ConsultedOn.Month"] = Yesterday.Month.ToString(), ["Consultee.ConsultedOn.Year"] = Yesterday.Year.ToString(),
        });
        Assert.True(added.Status == HttpStatusCode.Redirect, string.Join("; ", added.ErrorSummary));
        var consultees = await SaveStepAsync(manager, $"{url}/consultees", []);
        Assert.Equal($"{url}/guidelines", consultees.Location);
        var review = UkTime.Today(app.Clock).AddMonths(3);
        var guidelines = await SaveStepAsync(manager, $"{url}/guidelines", new()
        {
            ["Input.WhenMayBeUsed"] = "From 10pm to 7am in bed", ["Input.WhenMustNotBeUsed"] = "When she is awake and wants to get up",
            ["Input.OthersRightsProtection"] = "Affects nobody else",
            ["Input.ReviewDate.Day"] = review.Day.ToString(), ["Input.ReviewDate.Month"] = review.Month.ToString(), ["Input.ReviewDate.Year"] = review.Year.ToString(),
        });
        Assert.Equal($"{url}/check", guidelines.Location);

        var check = await manager.GetAsync($"{url}/check");
        var version = check.ValueOf("DecisionVersion")!;
        var refused = await manager.PostAsync($"{url}/check?handler=Agree", new() { ["DecisionVersion"] = version });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.Contains("service manager must agree") && e.Contains("R3"));
        Assert.Contains(refused.ErrorSummary, e => e.Contains("senior manager must agree") && e.Contains("R4"));
        Assert.Contains(refused.ErrorSummary, e => e.Contains("registered social worker") && e.Contains("R5"));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"{url}/check?handler=Sign&role=ServiceManager", new() { ["DecisionVersion"] = version })).Status);
        using var senior = await app.NewClient().SignInAsync("senior@oakfield.example");
        await SignAsync(senior, url, "SeniorManager");
        using var socialWorker = await app.NewClient().SignInAsync("socialworker@northshire.example");
        await SignAsync(socialWorker, url, "SocialWorker");
        var noNote = await manager.PostAsync($"{url}/check?handler=Commissioner", new() { ["DecisionVersion"] = await VersionAsync(manager, url) });
        Assert.Contains(noNote.ErrorSummary, e => e.StartsWith("Say when and how the commissioner was told"));
        await manager.PostAsync($"{url}/check?handler=Commissioner", new()
        {
            ["DecisionVersion"] = await VersionAsync(manager, url), ["CommissionerNote"] = "Emailed Fiona Walsh today",
        });

        var stillUnsigned = await manager.PostAsync($"{url}/check?handler=Agree", new() { ["DecisionVersion"] = await VersionAsync(manager, url) });
        Assert.Contains(stillUnsigned.ErrorSummary, e => e.StartsWith("Record the signatures of everyone who contributed"));
        var today = UkTime.Today(app.Clock);
        var signature = new Dictionary<string, string>
        {
            ["Signature.Name"] = "Doris Clarke", ["Signature.SignedAs"] = "the person herself", ["Signature.Method"] = "VerballyWithWitness",
            ["Signature.SignedOn.Day"] = today.Day.ToString(), ["Signature.SignedOn.Month"] = today.Month.ToString(), ["Signature.SignedOn.Year"] = today.Year.ToString(),
        };
        signature["DecisionVersion"] = await VersionAsync(manager, url);
        var noWitness = await manager.PostAsync($"{url}/check?handler=Signature", signature);
        Assert.Equal("Enter the name of the person who witnessed the verbal agreement", noWitness.FieldError("Signature_Witness"));
        Assert.Equal("Doris Clarke", noWitness.ValueOf("Signature.Name"));
        signature["Signature.Witness"] = "Amira Khan";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"{url}/check?handler=Signature", signature)).Status);

        var agreed = await manager.PostAsync($"{url}/check?handler=Agree", new() { ["DecisionVersion"] = await VersionAsync(manager, url) });

        Assert.Equal(HttpStatusCode.Redirect, agreed.Status);
        var practice = await app.WithDatabaseAsync(db => db.Practices.SingleAsync(p => p.Id == practiceId));
        Assert.Equal(PracticeStatus.Agreed, practice.Status);
        Assert.Equal(review, practice.ReviewDate);
        var decision = await app.WithDatabaseAsync(db => db.Decisions.Include(d => d.SignOffs).SingleAsync(d => d.PracticeId == practiceId));
        Assert.Equal(DecisionStatus.Agreed, decision.Status);
        Assert.Equal("SW104522", decision.SignOffs.Single(s => s.Role == Core.Rules.SignOffRole.SocialWorker).RegistrationNumber);
        var changeAfter = await manager.PostAsync($"{url}/risk", new() { ["DecisionVersion"] = decision.Version.ToString(), ["Input.Risk"] = "Changed" });
        Assert.Equal(HttpStatusCode.Redirect, changeAfter.Status);
        Assert.EndsWith("/decision", changeAfter.Location);

        // Changing the agreed practice is a new discussion with a reason; the first stays as agreed.
        var noReason = await manager.PostAsync(url, []);
        Assert.Equal("Enter why the agreed practice is changing", noReason.FieldError("ChangeReason"));
        var second = await manager.PostAsync(url, new() { ["ChangeReason"] = "Doris now climbs over the rails" });
        Assert.Equal($"{url}/risk", second.Location);
        var both = await app.WithDatabaseAsync(db => db.Decisions.Where(d => d.PracticeId == practiceId).OrderBy(d => d.Number).ToListAsync());
        Assert.Equal([DecisionStatus.Agreed, DecisionStatus.Draft], both.Select(d => d.Status));
        Assert.Equal("Doris now climbs over the rails", both[1].ChangeReason);
        Assert.Equal(both[0].WhenMayBeUsed, both[1].WhenMayBeUsed);
        var person = both[0].PersonId;
        var first = await socialWorker.GetAsync($"/people/{person}/practices/{practiceId}/decisions/1");
        Assert.Contains("Doris smiled when shown the rails", first.Body);
        Assert.Contains("Emailed Fiona Walsh today", first.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await socialWorker.GetAsync($"/people/{person}/practices/{practiceId}/decisions/2")).Status);
    }

    [SkippableFact]
    public async Task PersonWithCapacityWhoAgrees_NeedsOnlyTheServiceManager()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (_, _, url) = await NewProposalAsync(manager, "Patel", "Wheelchair lap strap for Stan (journey)");
        await manager.PostAsync(url, []);
        await SaveStepAsync(manager, $"{url}/views", new() { ["Input.PersonResponse"] = "Agrees" });

        await SaveStepAsync(manager, $"{url}/capacity", new()
        {
            ["Input.CanUnderstand"] = "true", ["Input.CanRetain"] = "true", ["Input.CanUseOrWeigh"] = "true", ["Input.CanCommunicate"] = "true",
        });
        var check = await manager.GetAsync($"{url}/check");

        Assert.Contains("service manager", check.Body);
        Assert.DoesNotContain("senior manager</strong>", check.Body);
        Assert.Contains("Agree as service manager", check.Body);
        // Answers still missing are named under R2 before it can be agreed.
        Assert.Contains("Say exactly when the practice may be used", check.Body);
    }

    [SkippableFact]
    public async Task AStaleStep_IsRefusedWithoutLosingTheAnswer()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var (_, _, url) = await NewProposalAsync(manager, "Turner", "Door sensor for Joyce (journey)");
        await manager.PostAsync(url, []);
        var form = await manager.GetAsync($"{url}/risk");
        var version = form.ValueOf("DecisionVersion")!;
        await manager.PostAsync($"{url}/risk", new() { ["DecisionVersion"] = version, ["Input.Risk"] = "First answer" });

        var stale = await manager.PostAsync($"{url}/risk", new() { ["DecisionVersion"] = version, ["Input.Risk"] = "Second answer" });

        Assert.Contains(stale.ErrorSummary, e => e.StartsWith("Someone else changed this record"));
        Assert.Equal("Second answer", stale.ValueOf("Input.Risk"));
    }

    /// <summary>A day before today in London whatever the hour, for dates that must not be in the future.</summary>
    private DateOnly Yesterday => UkTime.Today(app.Clock).AddDays(-1);

    private static async Task<string> VersionAsync(AppClient client, string url) => (await client.GetAsync($"{url}/check")).ValueOf("DecisionVersion")!;

    private static async Task SignAsync(AppClient client, string url, string role)
    {
        var signed = await client.PostAsync($"{url}/check?handler=Sign&role={role}", new() { ["DecisionVersion"] = await VersionAsync(client, url) });
        Assert.True(signed.Status == HttpStatusCode.Redirect, $"{role} could not sign: {(int)signed.Status} {string.Join("; ", signed.ErrorSummary)}");
    }
}

public sealed class DiscussionJourneyOnSqlite(SqliteApp app) : DiscussionJourneyTests(app), IClassFixture<SqliteApp>;

public sealed class DiscussionJourneyOnPostgres(PostgresApp app) : DiscussionJourneyTests(app), IClassFixture<PostgresApp>;
