using Proportion.Core.Model;
using Proportion.Core.Plans.Support;

namespace Proportion.Core.Rules;

/// <summary>
/// R20, personalised support plans (Practical approaches to safeguarding and personalisation; Care Act 2014
/// s.25, s.31-32; Mental Capacity Act 2005 s.1-3). What must be true before a support plan is agreed, each gap
/// named at its field; what an outcome-focused review must say; and when the next review is suggested.
/// </summary>
public static class SupportPlanRules
{
    public const string Rule = "R20";
    public const string Source = "Practical approaches to safeguarding and personalisation";
    public const string CareAct = "Care Act 2014 s.31-32";

    /// <summary>
    /// Every gap (refusal) and warning about a draft support plan. A suitable person is lawful only for a person
    /// who lacks capacity to request a direct payment (Care Act s.32(1)); everyone else is presumed to have it
    /// (MCA s.1(2)) and may hold the payment themselves (s.31).
    /// </summary>
    public static IReadOnlyList<Finding> Findings(SupportPlanContent plan, DateOnly today)
    {
        var findings = new List<Finding>();
        void Missing(string field, string message, string source = Source) => findings.Add(new Finding(Rule, source, field, message));
        void Warn(string field, string message, string source = Source) => findings.Add(new Finding(Rule, source, field, message, FindingSeverity.Warning));

        // The outcomes the person wants, and the support that meets each.
        if (plan.Outcomes.Count == 0)
        {
            Missing(nameof(plan.Outcomes), "Record at least one outcome the person wants, in their words");
        }
        foreach (var outcome in plan.Outcomes.Where(o => Blank(o.Support)))
        {
            Missing(nameof(plan.Outcomes), $"The outcome \"{outcome.InTheirWords}\" has no support: say what support meets it");
        }

        // How the budget is managed, and who holds it.
        if (plan.Budget.Count == 0)
        {
            Missing(nameof(plan.Budget), "Say how the personal budget is managed");
        }
        var lacksCapacity = plan.CapacityToManageBudget == BudgetCapacity.LacksCapacity;
        if (plan.Uses(BudgetManagement.SuitablePerson))
        {
            if (!lacksCapacity)
            {
                Missing(nameof(plan.CapacityToManageBudget),
                    "A suitable person manages a direct payment only for someone who lacks capacity to request it (Care Act s.32), and the plan does not record that the person lacks it. Record the assessment of their capacity, or choose another way to manage the budget",
                    CareAct);
            }
            if (Blank(plan.SuitablePersonName) || Blank(plan.SuitablePersonRelationship))
            {
                Missing(nameof(plan.Budget), "Name the suitable person and say how they know the person", CareAct);
            }
        }
        if (lacksCapacity && plan.Uses(BudgetManagement.DirectPayment))
        {
            Missing(nameof(plan.Budget),
                "The plan records that the person lacks capacity to request a direct payment, so it cannot be paid to them (Care Act s.31): it is paid to a suitable person instead (s.32), or the budget is managed another way",
                CareAct);
        }
        if (lacksCapacity && (Blank(plan.CapacityAssessedBy) || plan.CapacityAssessedOn is null || Blank(plan.CapacityEvidence)))
        {
            Missing(nameof(plan.CapacityToManageBudget),
                "Record who assessed the person's capacity to request and manage a direct payment, when, and what they found",
                "Mental Capacity Act 2005 s.2-3");
        }
        if (plan.CapacityAssessedOn > today)
        {
            Missing(nameof(plan.CapacityToManageBudget), "The date capacity was assessed must be today or in the past");
        }
        if (plan.Uses(BudgetManagement.IndividualServiceFund) && Blank(plan.ServiceFundProvider))
        {
            Missing(nameof(plan.Budget), "Say which provider holds the individual service fund");
        }
        if (plan.Uses(BudgetManagement.ThirdPartyManaged) && Blank(plan.AccountManager))
        {
            Missing(nameof(plan.Budget), "Say who manages the third-party managed account");
        }

        // Personal assistants, each with the employer's checks.
        foreach (var assistant in plan.Assistants)
        {
            var missing = assistant.Checks().Where(c => c.On is null).Select(c => c.Check).ToList();
            if (missing.Count > 0)
            {
                Missing(nameof(plan.Assistants), $"Record the employer's checks for the personal assistant {assistant.Name}: {Join(missing)}");
            }
            if (assistant.InsuranceUntil is { } until && until < today)
            {
                Missing(nameof(plan.Assistants), $"The employer's liability insurance for {assistant.Name} ran out on {UkTime.Format(until)}: record the cover in place now");
            }
            if (assistant.TrainedOn is not null && Blank(assistant.Training))
            {
                Missing(nameof(plan.Assistants), $"Say what training {assistant.Name} had");
            }
        }
        if (plan.Assistants.Count > 0 && plan.Budget.Count > 0 && !plan.HasDirectPayment)
        {
            Warn(nameof(plan.Assistants), "Personal assistants are recorded, but none of the budget is a direct payment: check who employs them");
        }

        // The risk matrix, and the plan for a high risk.
        if (plan.Band is not { } band)
        {
            Missing(nameof(plan.SupportNeeded), "Say how much support the person needs to manage their budget and support, and how much is in place");
        }
        else if (band == BudgetRiskBand.High && Blank(plan.RiskPlan))
        {
            Missing(nameof(plan.RiskPlan),
                "The risk matrix shows a high risk: record the plan for it (the support to add, who does it and by when, or why the person chooses this and how the risk is shared)");
        }
        if (BudgetSupportMatrix.MoreThanNeeded(plan.SupportNeeded, plan.SupportInPlace))
        {
            Warn(nameof(plan.SupportNeeded), "More support is in place than the person needs to manage their budget: check it does not take control from them without need");
        }

        // Whether they are isolated, which times the reviews.
        if (plan.IsIsolated is null)
        {
            Missing(nameof(plan.IsIsolated), "Say whether the person is isolated, so the reviews are timed to the risk");
        }
        return findings;
    }

    /// <summary>
    /// What an outcome-focused review must record: what is working and what is not for the person, whether each
    /// outcome of the agreed plan is met, and whether the resources, support or controls change (and how). A
    /// change is made through a new version of the plan, so it cannot be kept as it is.
    /// </summary>
    public static IReadOnlyList<Finding> ReviewFindings(SupportReview review, IReadOnlyList<SupportOutcome> outcomes, PlanReviewOutcome? result)
    {
        var findings = new List<Finding>();
        void Missing(string field, string message) => findings.Add(new Finding(Rule, Source, field, message));

        if (Blank(review.WhatIsWorking))
        {
            Missing(nameof(review.WhatIsWorking), "Enter what is working for the person");
        }
        if (Blank(review.WhatIsNotWorking))
        {
            Missing(nameof(review.WhatIsNotWorking), "Enter what is not working for the person, or say that nothing is");
        }
        for (var i = 0; i < outcomes.Count; i++)
        {
            var met = review.Outcomes.FirstOrDefault(o => o.OutcomeId == outcomes[i].Id)?.Met;
            if (met is not (OutcomesMet.Fully or OutcomesMet.Partly or OutcomesMet.NotMet))
            {
                Missing($"Outcomes[{i}].Met", $"Say whether \"{outcomes[i].InTheirWords}\" is met, partly met or not met");
            }
        }
        if (review.Changes == SupportChanges.None && !review.NothingChanges)
        {
            Missing(nameof(review.Changes), "Say whether the resources, support or controls need to change, or that nothing needs to change");
        }
        else if (review.Changes != SupportChanges.None && review.NothingChanges)
        {
            Missing(nameof(review.Changes), "Choose what needs to change, or that nothing needs to change, not both");
        }
        else if (review.Changes != SupportChanges.None)
        {
            if (Blank(review.WhatChanges))
            {
                Missing(nameof(review.WhatChanges), "Say what will change");
            }
            if (result == PlanReviewOutcome.Keep)
            {
                Missing("Outcome", "The review changes the plan's resources, support or controls: choose to change the plan, so a new version records what changes");
            }
        }
        return findings;
    }

    /// <summary>What brings the next review sooner: the person is isolated, lacks capacity, or the risk matrix is high. Empty: the usual interval.</summary>
    public static IReadOnlyList<string> ReasonsToReviewSooner(SupportPlanContent plan, string? lacksCapacityInRecords)
    {
        var reasons = new List<string>();
        if (plan.IsIsolated == true)
        {
            reasons.Add("they are isolated");
        }
        if (plan.CapacityToManageBudget == BudgetCapacity.LacksCapacity)
        {
            reasons.Add("they lack capacity to manage a direct payment");
        }
        else if (lacksCapacityInRecords is not null)
        {
            reasons.Add($"their records show they lack capacity {lacksCapacityInRecords}");
        }
        if (plan.Band == BudgetRiskBand.High)
        {
            reasons.Add("the risk matrix shows a high risk");
        }
        return reasons;
    }

    /// <summary>
    /// The review date to suggest from a date: sooner (<see cref="RuleSettings.SupportPlanReviewSoonerMonths"/>) when there is a
    /// reason to, otherwise the usual interval (<see cref="RuleSettings.SupportPlanReviewUsualMonths"/>); never beyond a year (R1).
    /// </summary>
    public static (DateOnly Date, string Why) SuggestedReview(DateOnly from, IReadOnlyList<string> reasonsSooner, RuleSettings settings)
    {
        var months = reasonsSooner.Count > 0 ? settings.SupportPlanReviewSoonerMonths : settings.SupportPlanReviewUsualMonths;
        var suggested = from.AddMonths(months);
        var latest = ReviewDateWithinAYear.Latest(from);
        var date = suggested < latest ? suggested : latest;
        var interval = months == 1 ? "1 month" : $"{months} months";
        return (date, reasonsSooner.Count > 0
            ? $"We suggest {interval} from today, sooner than usual, because {Join(reasonsSooner)}."
            : $"We suggest {interval} from today, the usual interval for a support plan.");
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
