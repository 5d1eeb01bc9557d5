using Proportion.Core.Model;
using Proportion.Core.Plans.Support;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>R20, personalised support plans: the gate before agreeing, the outcome-focused review, and when the next review is suggested.</summary>
public class SupportPlanRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly PersonalAssistant Checked = new()
    {
        Name = "Jo Lane", HelpsWith = "college and evenings out", StartedOn = new(2026, 9, 1),
        DbsCheckedOn = new(2026, 8, 10), ReferencesCheckedOn = new(2026, 8, 12), RightToWorkCheckedOn = new(2026, 8, 12),
        InsuranceUntil = new(2027, 8, 31), ContractSignedOn = new(2026, 8, 28), TrainedOn = new(2026, 8, 30), Training = "First aid; autism awareness",
    };

    private static SupportPlanContent Complete() => new()
    {
        Outcomes = [new SupportOutcome { InTheirWords = "Go to college with my friends", Support = "Jo, my PA, on college days" }],
        Budget = [new BudgetPart { How = BudgetManagement.DirectPayment }],
        CapacityToManageBudget = BudgetCapacity.HasCapacity,
        Assistants = [Checked],
        SupportNeeded = SupportLevel.Medium, SupportInPlace = SupportLevel.Medium,
        IsIsolated = false,
    };

    private static IReadOnlyList<Finding> Refusals(SupportPlanContent plan) =>
        [.. SupportPlanRules.Findings(plan, Today).Where(f => f.Severity == FindingSeverity.Refusal)];

    [Fact]
    public void ACompletePlan_HasNoFindings() => Assert.Empty(SupportPlanRules.Findings(Complete(), Today));

    [Fact]
    public void AnEmptyPlan_IsRefused_NamingEachGapAtItsField()
    {
        var findings = Refusals(new SupportPlanContent());

        Assert.Equal(["Outcomes", "Budget", "SupportNeeded", "IsIsolated"], findings.Select(f => f.Field));
        Assert.All(findings, f => Assert.Equal("R20", f.Rule));
        Assert.Contains("at least one outcome the person wants, in their words", findings[0].Message);
        Assert.Contains("how the personal budget is managed", findings[1].Message);
    }

    [Fact]
    public void AnOutcomeWithoutSupport_IsNamed()
    {
        var plan = Complete() with { Outcomes = [.. Complete().Outcomes, new SupportOutcome { InTheirWords = "Cook for my friends" }] };

        var finding = Assert.Single(Refusals(plan));
        Assert.Equal("Outcomes", finding.Field);
        Assert.Contains("\"Cook for my friends\" has no support", finding.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(BudgetCapacity.HasCapacity)]
    [InlineData(BudgetCapacity.NotAssessed)]
    public void ASuitablePerson_WithoutARecordedLackOfCapacity_IsRefused_UnderSection32(BudgetCapacity? capacity)
    {
        var plan = Complete() with
        {
            Budget = [new BudgetPart { How = BudgetManagement.SuitablePerson }], CapacityToManageBudget = capacity,
            SuitablePersonName = "Grace Adeyemi", SuitablePersonRelationship = "mother",
        };

        var finding = Assert.Single(Refusals(plan));
        Assert.Equal("CapacityToManageBudget", finding.Field);
        Assert.Equal(SupportPlanRules.CareAct, finding.Source);
        Assert.Contains("only for someone who lacks capacity to request it (Care Act s.32)", finding.Message);
    }

    [Fact]
    public void ASuitablePerson_ForSomeoneAssessedAsLackingCapacity_IsAgreed_OnceNamedAndTheAssessmentRecorded()
    {
        var plan = Complete() with
        {
            Budget = [new BudgetPart { How = BudgetManagement.SuitablePerson }], CapacityToManageBudget = BudgetCapacity.LacksCapacity,
        };
        Assert.Equal(["Name the suitable person and say how they know the person", "Record who assessed the person's capacity to request and manage a direct payment, when, and what they found"],
            Refusals(plan).Select(f => f.Message));

        plan = plan with
        {
            SuitablePersonName = "Grace Adeyemi", SuitablePersonRelationship = "mother",
            CapacityAssessedBy = "Tom Bradley, social worker", CapacityAssessedOn = Today.AddDays(-10), CapacityEvidence = "Could not retain how the payment works after three sessions",
        };
        Assert.Empty(SupportPlanRules.Findings(plan, Today));
    }

    [Fact]
    public void ADirectPaymentHeldByAPersonWhoLacksCapacity_IsRefused()
    {
        var plan = Complete() with
        {
            CapacityToManageBudget = BudgetCapacity.LacksCapacity, CapacityAssessedBy = "Tom Bradley", CapacityAssessedOn = Today, CapacityEvidence = "Assessed",
        };

        var finding = Assert.Single(Refusals(plan));
        Assert.Contains("cannot be paid to them (Care Act s.31)", finding.Message);
    }

    [Fact]
    public void AFundOrAccount_NamesWhoHoldsIt_AndAMixMayHaveShares()
    {
        var plan = Complete() with
        {
            Budget = [new BudgetPart { How = BudgetManagement.IndividualServiceFund, Share = "£200 a week" }, new BudgetPart { How = BudgetManagement.ThirdPartyManaged }],
        };
        Assert.Equal(["Say which provider holds the individual service fund", "Say who manages the third-party managed account"], Refusals(plan).Select(f => f.Message));

        plan = plan with { ServiceFundProvider = "Oakfield Care", AccountManager = "Northshire Direct Payment Support" };
        Assert.Empty(Refusals(plan));
        Assert.True(plan.IsMix);
        Assert.Equal("An individual service fund held by a provider: Oakfield Care (£200 a week)", plan.Describe(plan.Budget[0]));
    }

    [Fact]
    public void APersonalAssistant_WithoutTheEmployersChecks_IsNamedWithEachCheckMissing()
    {
        var plan = Complete() with { Assistants = [new PersonalAssistant { Name = "Sam Fox", DbsCheckedOn = Today.AddDays(-3), ContractSignedOn = Today }] };

        var finding = Assert.Single(Refusals(plan));
        Assert.Equal("Assistants", finding.Field);
        Assert.Equal("Record the employer's checks for the personal assistant Sam Fox: references, right to work, employer's liability insurance and training", finding.Message);
    }

    [Fact]
    public void InsuranceThatRanOut_IsRefused()
    {
        var plan = Complete() with { Assistants = [Checked with { InsuranceUntil = Today.AddDays(-1) }] };

        Assert.Contains("ran out on 1 December 2026", Assert.Single(Refusals(plan)).Message);
    }

    [Fact]
    public void AssistantsWithoutADirectPayment_AreAWarning()
    {
        var plan = Complete() with { Budget = [new BudgetPart { How = BudgetManagement.CouncilManaged }] };

        var finding = Assert.Single(SupportPlanRules.Findings(plan, Today));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("none of the budget is a direct payment", finding.Message);
    }

    [Fact]
    public void AHighBand_NeedsARecordedPlanForIt()
    {
        var plan = Complete() with { SupportNeeded = SupportLevel.High, SupportInPlace = SupportLevel.Low };

        var finding = Assert.Single(Refusals(plan));
        Assert.Equal("RiskPlan", finding.Field);
        Assert.Contains("The risk matrix shows a high risk", finding.Message);
        Assert.Empty(Refusals(plan with { RiskPlan = "A prepaid card from January; Grace checks the balance weekly" }));
        // A medium band is agreed without one.
        Assert.Empty(Refusals(plan with { SupportInPlace = SupportLevel.Medium }));
    }

    [Fact]
    public void MoreSupportThanNeeded_IsAWarning()
    {
        var finding = Assert.Single(SupportPlanRules.Findings(Complete() with { SupportNeeded = SupportLevel.Low, SupportInPlace = SupportLevel.High }, Today));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("take control from them", finding.Message);
    }

    private static readonly SupportOutcome College = new() { InTheirWords = "Go to college", Support = "Jo" };
    private static readonly SupportOutcome Cook = new() { InTheirWords = "Cook for friends", Support = "Jo" };

    private static SupportReview Review(SupportChanges changes = SupportChanges.None, bool nothing = true, string? what = null) =>
        new("College is going well", "Evenings are lonely", [new(College.Id, OutcomesMet.Fully), new(Cook.Id, OutcomesMet.Partly)], changes, nothing, what);

    [Fact]
    public void ACompleteReview_HasNoFindings() =>
        Assert.Empty(SupportPlanRules.ReviewFindings(Review(), [College, Cook], PlanReviewOutcome.Keep));

    [Fact]
    public void AnEmptyReview_NamesWhatIsWorking_NotWorking_EachOutcome_AndWhatChanges()
    {
        var findings = SupportPlanRules.ReviewFindings(new SupportReview(null, " ", [new(College.Id, null)], SupportChanges.None, false, null), [College, Cook], PlanReviewOutcome.Keep);

        Assert.Equal(["WhatIsWorking", "WhatIsNotWorking", "Outcomes[0].Met", "Outcomes[1].Met", "Changes"], findings.Select(f => f.Field));
        Assert.Contains("\"Cook for friends\" is met, partly met or not met", findings[3].Message);
    }

    [Fact]
    public void AChange_SaysWhat_AndChangesThePlan()
    {
        var findings = SupportPlanRules.ReviewFindings(Review(SupportChanges.Resources | SupportChanges.Controls, nothing: false), [College, Cook], PlanReviewOutcome.Keep);
        Assert.Equal(["WhatChanges", "Outcome"], findings.Select(f => f.Field));

        Assert.Empty(SupportPlanRules.ReviewFindings(Review(SupportChanges.Support, nothing: false, what: "Jo adds Thursday evenings"), [College, Cook], PlanReviewOutcome.Change));
        Assert.Single(SupportPlanRules.ReviewFindings(Review(SupportChanges.Support, nothing: true, what: "x"), [College, Cook], PlanReviewOutcome.Change));
    }

    [Theory]
    [InlineData(true, null, null, 3)]
    [InlineData(false, BudgetCapacity.LacksCapacity, null, 3)]
    [InlineData(false, null, "to consent to the arrangements", 3)]
    [InlineData(false, BudgetCapacity.HasCapacity, null, 12)]
    [InlineData(null, null, null, 12)]
    public void TheReview_IsSuggestedSooner_WhenIsolatedOrLackingCapacity(bool? isolated, BudgetCapacity? capacity, string? fromRecords, int months)
    {
        var plan = Complete() with { IsIsolated = isolated, CapacityToManageBudget = capacity };

        var (date, why) = SupportPlanRules.SuggestedReview(Today, SupportPlanRules.ReasonsToReviewSooner(plan, fromRecords), new RuleSettings());

        Assert.Equal(months == 12 ? Today.AddYears(1) : Today.AddMonths(months), date);
        Assert.Contains(months == 3 ? "sooner than usual, because" : "the usual interval", why);
    }

    [Fact]
    public void AHighBand_BringsTheReviewSooner_AndTheSettingsAreUsed()
    {
        var plan = Complete() with { IsIsolated = true, SupportNeeded = SupportLevel.High, SupportInPlace = SupportLevel.Low };
        var reasons = SupportPlanRules.ReasonsToReviewSooner(plan, null);

        var (date, why) = SupportPlanRules.SuggestedReview(Today, reasons, new RuleSettings { SupportPlanReviewSoonerMonths = 2, SupportPlanReviewUsualMonths = 6 });

        Assert.Equal(Today.AddMonths(2), date);
        Assert.Equal("We suggest 2 months from today, sooner than usual, because they are isolated and the risk matrix shows a high risk.", why);
    }
}
