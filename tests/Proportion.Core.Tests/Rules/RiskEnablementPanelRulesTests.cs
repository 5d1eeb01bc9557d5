using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>
/// R20, tools for risky choices: the council's risk enablement panel on the risk review panels' records (R26). It is
/// the funding council's; family and advocates attend only with the person's agreement (or, when the person cannot
/// decide who attends, a recorded best-interests decision); and it names who shares responsibility for the risk.
/// </summary>
public sealed class RiskEnablementPanelRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 18);
    private static readonly DateOnly Referred = new(2026, 11, 2);

    private static readonly PanelReferralInput Referral = new()
    {
        Kind = PanelKind.RiskEnablement,
        Reason = PanelReason.Disagreement,
        Question = "Should Sam hold his own money on a prepaid card?",
        Evidence = "Sam wants his own card; his mum worries he will be exploited again.",
    };

    private static PanelDecisionInput Decision() => new()
    {
        Kind = PanelKind.RiskEnablement,
        MeetingOn = new DateOnly(2026, 11, 16),
        Members = [new("Tom Bradley", "Social worker, Northshire Council"), new("Helen Price", "Senior manager, Oakfield Care")],
        PersonAttended = true,
        FamilyAttended = true,
        AdvocateAttended = true,
        OthersAttendance = AttendanceAgreement.PersonAgreed,
        AttendanceNote = "Sam asked for his mum and Lena from Beacon Advocacy to come.",
        PersonsView = "Sam said: \"my money, my card\".",
        Outcome = PanelOutcome.Supported,
        Decision = "Sam holds his own prepaid card from next month.",
        Reasons = "He budgets well; the keeping safe plan covers what he does if asked for money.",
        SharedResponsibility = "Sam; Grace Adeyemi (mum); Daniel Okafor (service manager); Tom Bradley (social worker)",
        ReviewOn = new DateOnly(2027, 2, 16),
    };

    private static Dictionary<string, Finding> Refusals(IEnumerable<Finding> findings) =>
        findings.Where(f => f.Severity == FindingSeverity.Refusal).ToDictionary(f => f.Field);

    [Fact]
    public void AReferralToTheCouncilsPanel_ForAPersonTheCouncilFunds_IsComplete() =>
        Assert.Empty(PanelRules.ForReferral(Referral, "Northshire Council"));

    [Fact]
    public void AReferralToTheCouncilsPanel_ForAPersonNoCouncilFunds_IsRefusedAtTheKind()
    {
        var refusal = Assert.Single(PanelRules.ForReferral(Referral, fundingCouncil: null));
        Assert.Equal("Kind", refusal.Field);
        Assert.Equal("R26", refusal.Rule);
        Assert.Equal(PanelRules.EnablementSource, refusal.Source);
        Assert.Contains("not funded by a council", refusal.Message);
        // The provider's own panel needs no council.
        Assert.Empty(PanelRules.ForReferral(Referral with { Kind = PanelKind.RiskReview }, fundingCouncil: null));
    }

    [Fact]
    public void AReferral_WithNoPanelChosen_IsRefused() =>
        Assert.Contains("Kind", Refusals(PanelRules.ForReferral(Referral with { Kind = null }, "Northshire Council")).Keys);

    [Fact]
    public void ACompleteDecision_WithFamilyAndAnAdvocateTheyAgreedTo_IsAccepted() =>
        Assert.Empty(PanelRules.ForDecision(Decision(), Referred, Today));

    [Fact]
    public void WhoSharesResponsibility_IsRequired_ForTheCouncilsPanelOnly()
    {
        var refusal = Refusals(PanelRules.ForDecision(Decision() with { SharedResponsibility = " " }, Referred, Today))["SharedResponsibility"];
        Assert.Equal("Enter who shares responsibility for the risk, with their names and roles", refusal.Message);
        Assert.Empty(PanelRules.ForDecision(Decision() with { Kind = PanelKind.RiskReview, SharedResponsibility = null, OthersAttendance = null }, Referred, Today));
    }

    [Fact]
    public void FamilyOrAnAdvocate_AttendingWithoutTheAgreementRecorded_IsRefused()
    {
        var refusal = Refusals(PanelRules.ForDecision(Decision() with { OthersAttendance = null }, Referred, Today))["OthersAttendance"];
        Assert.Contains("family and an advocate attending", refusal.Message);
        Assert.Contains("Say whether the person agreed", refusal.Message);
        var advocateOnly = Refusals(PanelRules.ForDecision(Decision() with { FamilyAttended = false, OthersAttendance = null }, Referred, Today));
        Assert.Contains("an advocate attending", advocateOnly["OthersAttendance"].Message);
    }

    [Fact]
    public void FamilyOrAnAdvocate_AttendingWhenThePersonDidNotAgree_IsRefused()
    {
        var refusal = Refusals(PanelRules.ForDecision(Decision() with { OthersAttendance = AttendanceAgreement.PersonDidNotAgree }, Referred, Today))["OthersAttendance"];
        Assert.Contains("did not agree", refusal.Message);
        Assert.Contains("only with the person's agreement", refusal.Message);
    }

    [Fact]
    public void NeitherAttending_NeedsNoAgreement() =>
        Assert.Empty(PanelRules.ForDecision(Decision() with { FamilyAttended = false, AdvocateAttended = false, OthersAttendance = null, AttendanceNote = null }, Referred, Today));

    [Fact]
    public void WhenThePersonCannotDecideWhoAttends_TheBestInterestsDecisionIsWrittenDown()
    {
        var bestInterests = Decision() with { OthersAttendance = AttendanceAgreement.BestInterests, AttendanceNote = null };
        Assert.Equal(["AttendanceNote"], Refusals(PanelRules.ForDecision(bestInterests, Referred, Today)).Keys);
        Assert.Empty(PanelRules.ForDecision(bestInterests with { AttendanceNote = "Decided by Tom Bradley with Sam's mum and advocate: both know him best." }, Referred, Today));
    }

    [Fact]
    public void ThePersonsView_IsStillHeard_WhenTheyDidNotAttend() =>
        Assert.Contains("PersonsView", Refusals(PanelRules.ForDecision(Decision() with { PersonAttended = false, PersonsView = null }, Referred, Today)).Keys);

    [Fact]
    public void AnEmptyEnablementDecision_IsRefusedAtEachField_IncludingWhoSharesTheRisk()
    {
        var fields = Refusals(PanelRules.ForDecision(new PanelDecisionInput { Kind = PanelKind.RiskEnablement }, Referred, Today)).Keys;
        Assert.Equal(["Decision", "MeetingOn", "Members[0].Name", "Outcome", "PersonsView", "Reasons", "ReviewOn", "SharedResponsibility"], fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OnlyTheCouncilsPanel_HasWhoSharesTheRisk_AmongItsCorrections()
    {
        Assert.Contains(PanelAmendment.AmendableFor(PanelKind.RiskEnablement), p => p.Key == nameof(PanelReferral.SharedResponsibility));
        Assert.DoesNotContain(PanelAmendment.AmendableFor(PanelKind.RiskReview), p => p.Key == nameof(PanelReferral.SharedResponsibility));
    }
}
