using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>§8.7: what monitoring finds for one practice, from the same rules that refuse an agreement.</summary>
public class MonitoringChecksTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static RestrictivePractice Practice(int startedDaysAgo = 60, int reviewInDays = 60) => new()
    {
        Description = "Front door locked", Status = PracticeStatus.Agreed, StartDate = Today.AddDays(-startedDaysAgo), ReviewDate = Today.AddDays(reviewInDays),
        Person = new Person { GivenName = "Peggy", FamilyName = "Hughes" },
    };

    /// <summary>A decision with every RP2 element, agreed by the service manager for a person with capacity who agrees.</summary>
    private static PracticeDecision Evidenced(RestrictivePractice practice)
    {
        var agreed = practice.StartDate;
        return new PracticeDecision
        {
            Status = DecisionStatus.Agreed, AgreedAt = agreed.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
            Risk = "r", Likelihood = 3, Seriousness = 4, TriedBefore = "t", ConsequencesOfUsing = "u", ConsequencesOfNotUsing = "n", Proportionality = "p",
            Alternatives = [new DecisionAlternative { Description = "Door alarm", WhyRejected = "Too slow" }],
            PersonViews = "Wants to feel safe", ViewsGatheredBy = CommunicationMethods.Speech, RepresentativesViews = "Son agrees",
            MultiDisciplinaryAdvice = "OT", CanUnderstand = true, CanRetain = true, CanUseOrWeigh = true, CanCommunicate = true,
            PersonResponse = PersonResponse.Agrees, WhenMayBeUsed = "At night", WhenMustNotBeUsed = "By day", OthersRightsProtection = "Code at office",
            ReviewDate = agreed.AddMonths(4),
            Signatures = [new DecisionSignature { Name = "Peggy", SignedAs = "Herself", SignedOn = agreed }],
            SignOffs = [new DecisionSignOff { Role = SignOffRole.ServiceManager, Name = "Daniel" }],
        };
    }

    [Fact]
    public void AWellEvidencedPractice_PassesEveryCheck()
    {
        var practice = Practice();

        var check = MonitoringChecks.For(new PracticeFacts(practice, Evidenced(practice), StaffCount: 3, StaffWhoRead: 3, LateReviews: 0, null), Today, 6);

        Assert.All(MonitoringChecks.Columns, c => Assert.True(c.Passed(check), c.Name));
        Assert.Equal("Peggy Hughes", check.PersonName);
    }

    [Fact]
    public void APracticeWithNoAgreedDecision_FailsTheDecisionChecks()
    {
        var check = MonitoringChecks.For(new PracticeFacts(Practice(), null, 3, 0, 0, null), Today, 6);

        Assert.False(check.DecisionEvidenced);
        Assert.False(check.LeastRestrictiveSought);
        Assert.False(check.PersonInvolved);
        Assert.False(check.SignOffsComplete);
        Assert.False(check.GuidelinesAcknowledged);
        Assert.True(check.ReviewDatesMet);
    }

    [Fact]
    public void StaffNotAllReading_ALateReview_AndAnOldPracticeNeverConsideredForReduction_AreEachFound()
    {
        var practice = Practice(startedDaysAgo: 300);

        var check = MonitoringChecks.For(new PracticeFacts(practice, Evidenced(practice), 3, 2, LateReviews: 1, LastReductionConsideredOn: null), Today, 6);

        Assert.False(check.GuidelinesAcknowledged);
        Assert.False(check.ReviewDatesMet);
        Assert.True(check.ReductionOverdue);
        Assert.True(check.DecisionEvidenced);
    }

    [Fact]
    public void AnOverdueReviewDate_IsAReviewDateNotMet()
    {
        var practice = Practice(reviewInDays: -1);

        Assert.False(MonitoringChecks.For(new PracticeFacts(practice, Evidenced(practice), 1, 1, 0, null), Today, 6).ReviewDatesMet);
    }
}
