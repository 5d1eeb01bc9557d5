using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>R20, the council's response: each step refused at its field while a part is missing; closure only with the person's outcomes.</summary>
public sealed class SafeguardingResponseRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static Dictionary<string, string> Fields(IEnumerable<Finding> findings) => findings.ToDictionary(f => f.Field, f => f.Message);

    [Fact]
    public void ADecision_NeedsTheAnswerTheReasonsAndWhoMakesEnquiries()
    {
        var empty = Fields(SafeguardingResponseRules.ForDecision(new(null, null, null)));
        Assert.Equal("Select whether a s.42 enquiry is needed", empty["EnquiryNeeded"]);
        Assert.Equal("Enter the reasons for the decision", empty["Reason"]);
        Assert.Equal(2, empty.Count);

        var needed = Fields(SafeguardingResponseRules.ForDecision(new(true, " ", null)));
        Assert.Equal("Enter why an enquiry is needed", needed["Reason"]);
        Assert.Equal("Select who will make the enquiries", needed["EnquiryBy"]);

        var none = Fields(SafeguardingResponseRules.ForDecision(new(false, null, null)));
        Assert.Equal("Enter why no enquiry is needed, and what happens instead", none["Reason"]);
        Assert.False(none.ContainsKey("EnquiryBy"));

        Assert.Empty(SafeguardingResponseRules.ForDecision(new(true, "Money is missing from her account.", EnquiryBy.Council)));
        Assert.Empty(SafeguardingResponseRules.ForDecision(new(false, "Advice given; a care review instead.", null)));
        Assert.Contains("EnquiryBy", Fields(SafeguardingResponseRules.ForDecision(new(true, "Why", (EnquiryBy)9))).Keys);
        Assert.All(SafeguardingResponseRules.ForDecision(new(null, null, null)), f => Assert.Equal("R20", f.Rule));
    }

    [Fact]
    public void APlan_IsMadeWithThePerson_AndReviewedWithinAYear()
    {
        var empty = Fields(SafeguardingResponseRules.ForPlan(new(null, null, null), Today));
        Assert.Equal("Enter the safety or protection plan", empty["Plan"]);
        Assert.Equal("Enter how the person took part in making the plan, or why they could not", empty["MadeWithPerson"]);
        Assert.Equal("Enter the date the plan will be reviewed", empty["ReviewOn"]);
        Assert.Equal("The date the plan will be reviewed must be in the future", Fields(SafeguardingResponseRules.ForPlan(new("Plan", "With her", Today), Today))["ReviewOn"]);
        Assert.Equal("The date the plan will be reviewed must be within 12 months", Fields(SafeguardingResponseRules.ForPlan(new("Plan", "With her", Today.AddMonths(13)), Today))["ReviewOn"]);
        Assert.Empty(SafeguardingResponseRules.ForPlan(new("Plan", "With her", Today.AddMonths(1)), Today));
        Assert.Equal("The plan must be 4,000 characters or fewer", Fields(SafeguardingResponseRules.ForPlan(new(new string('x', 4001), "With her", Today.AddDays(1)), Today))["Plan"]);
    }

    [Fact]
    public void AnAction_SaysWhatWhoseAndByWhen_AndAnotherOrganisationIsNamed()
    {
        var empty = Fields(SafeguardingResponseRules.ForAction(new(null, null, null, null), Today));
        Assert.Equal(["DueOn", "Owner", "What"], empty.Keys.Order());
        Assert.Equal("Enter which organisation will do the action",
            Fields(SafeguardingResponseRules.ForAction(new("Check the bank statements", ActionOwner.OtherOrganisation, "", Today), Today))["OwnerName"]);
        Assert.Equal("The date the action is due must be today or in the future",
            Fields(SafeguardingResponseRules.ForAction(new("Check", ActionOwner.Council, null, Today.AddDays(-1)), Today))["DueOn"]);
        Assert.Empty(SafeguardingResponseRules.ForAction(new("Check", ActionOwner.Provider, null, Today), Today));
        Assert.Empty(SafeguardingResponseRules.ForAction(new("Check", ActionOwner.OtherOrganisation, "Northshire police", Today), Today));
    }

    [Fact]
    public void AReview_RecordsThePersonsView()
    {
        var empty = Fields(SafeguardingResponseRules.ForReview(new(null, null, null), Today));
        Assert.Equal("Enter what the person says about how safe they feel and how the plan is working", empty["PersonsView"]);
        Assert.Equal("Enter the notes of the review", empty["Notes"]);
        Assert.Equal(2, empty.Count);
        Assert.Empty(SafeguardingResponseRules.ForReview(new("I feel safer", "Going well", null), Today));
        Assert.Contains("NextReviewOn", Fields(SafeguardingResponseRules.ForReview(new("I feel safer", "Going well", Today), Today)).Keys);
    }

    [Fact]
    public void Closing_WithoutTheOutcomesQuestionAnswered_NamesWhatIsMissing()
    {
        var empty = Fields(SafeguardingResponseRules.ForClosure(new(null, false, null, null), enquiryMade: true));
        Assert.Equal("Select whether the person says the outcomes they wanted were fully, partly or not met", empty["OutcomesMet"]);
        Assert.Equal("Enter why the concern is being closed", empty["Reason"]);
        Assert.Equal(2, empty.Count);
    }

    [Theory]
    [InlineData(OutcomesMet.Fully, "Enter what the person said about their outcomes, in their own words")]
    [InlineData(OutcomesMet.Partly, "Enter what the person said about their outcomes, in their own words")]
    [InlineData(OutcomesMet.NotMet, "Enter what the person said about their outcomes, in their own words")]
    [InlineData(OutcomesMet.NotExpressed, "Enter why the person could not or chose not to say whether their outcomes were met")]
    public void Closing_NeedsThePersonsOwnWords_OrWhyTheyCouldNotSay(OutcomesMet met, string message)
    {
        Assert.Equal(message, Fields(SafeguardingResponseRules.ForClosure(new(met, false, " ", "Plan worked"), enquiryMade: true))["PersonsView"]);
        Assert.Empty(SafeguardingResponseRules.ForClosure(new(met, false, "I feel safe now", "Plan worked"), enquiryMade: true));
    }

    [Fact]
    public void AfterAnEnquiry_ThePersonMustBeAsked()
    {
        var refused = Fields(SafeguardingResponseRules.ForClosure(new(null, true, "She was busy", "Done"), enquiryMade: true));
        Assert.StartsWith("Ask the person whether the outcomes they wanted were met", refused["OutcomesMet"]);
    }

    [Fact]
    public void WithoutAnEnquiry_ThePersonIsAsked_OrTheReasonTheyWereNotIsRecorded()
    {
        var unanswered = Fields(SafeguardingResponseRules.ForClosure(new(null, false, null, "Advice given"), enquiryMade: false));
        Assert.Equal("Select whether the person says the outcomes they wanted were fully, partly or not met, or that they were not asked", unanswered["OutcomesMet"]);
        var noReason = Fields(SafeguardingResponseRules.ForClosure(new(null, true, "", "Advice given"), enquiryMade: false));
        Assert.Equal("Enter why the person was not asked whether the outcomes they wanted were met", noReason["PersonsView"]);
        Assert.Empty(SafeguardingResponseRules.ForClosure(new(null, true, "They had moved away and could not be reached.", "Advice given"), enquiryMade: false));
        Assert.Empty(SafeguardingResponseRules.ForClosure(new(OutcomesMet.Fully, false, "Happy with the advice", "Advice given"), enquiryMade: false));
    }
}
