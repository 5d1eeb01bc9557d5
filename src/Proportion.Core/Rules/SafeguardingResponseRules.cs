using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>The council's decision on a concern as entered: is a s.42 enquiry needed, why, and who makes enquiries.</summary>
public sealed record SafeguardingDecisionInput(bool? EnquiryNeeded, string? Reason, EnquiryBy? EnquiryBy);

/// <summary>The safety or protection plan as entered: the plan, how the person took part in making it, and its review date.</summary>
public sealed record SafetyPlanInput(string? Plan, string? MadeWithPerson, DateOnly? ReviewOn);

/// <summary>An action of the safety plan as entered: what, whose, who in particular, by when.</summary>
public sealed record SafeguardingActionInput(string? What, ActionOwner? Owner, string? OwnerName, DateOnly? DueOn);

/// <summary>A review of the safety plan as entered: the person's view, the notes, and when it is next reviewed (none if not again).</summary>
public sealed record SafeguardingReviewInput(string? PersonsView, string? Notes, DateOnly? NextReviewOn);

/// <summary>
/// The closure as entered: whether the person's outcomes were met, in their own words or why they could not
/// say, and why it is closed. <paramref name="OutcomesNotAsked"/> is only possible when no enquiry was made,
/// with the reason the person was not asked in <paramref name="PersonsView"/>.
/// </summary>
public sealed record SafeguardingClosureInput(OutcomesMet? OutcomesMet, bool OutcomesNotAsked, string? PersonsView, string? Reason);

/// <summary>
/// R20, the council's response to a safeguarding concern (Care Act 2014 s.42; Making Safeguarding Personal).
/// The decision says whether a s.42 enquiry is needed and why, and who makes enquiries when one is; the safety
/// or protection plan is made with the person (how they took part is recorded) and reviewed by a date; each
/// action says what, whose and by when; each review records the person's view. A concern is closed only when
/// the person has been asked whether the outcomes they wanted at the start were fully, partly or not met, in
/// their own words, or it is recorded why they could not or chose not to say; closing without an enquiry
/// needs the same, or the reason the person was not asked. Each gap refuses the step at its own field.
/// </summary>
public static class SafeguardingResponseRules
{
    public const string Rule = "R20";
    public const string DecisionSource = "Care Act 2014 s.42";
    public const string PersonalSource = "Making Safeguarding Personal";
    /// <summary>The safety plan is looked at again within a year at the latest, as every plan is.</summary>
    public const int ReviewWithinMonths = 12;

    public static IReadOnlyList<Finding> ForDecision(SafeguardingDecisionInput input)
    {
        var findings = new List<Finding>();
        if (input.EnquiryNeeded is not { } needed)
        {
            findings.Add(new Finding(Rule, DecisionSource, nameof(input.EnquiryNeeded), "Select whether a s.42 enquiry is needed"));
        }
        Text(findings, DecisionSource, nameof(input.Reason), input.Reason, input.EnquiryNeeded switch
        {
            true => "Enter why an enquiry is needed",
            false => "Enter why no enquiry is needed, and what happens instead",
            _ => "Enter the reasons for the decision",
        }, "The reasons", SafeguardingConcern.TextMaxLength);
        if (input.EnquiryNeeded == true && (input.EnquiryBy is not { } by || !Enum.IsDefined(by)))
        {
            findings.Add(new Finding(Rule, DecisionSource, nameof(input.EnquiryBy), "Select who will make the enquiries"));
        }
        return findings;
    }

    public static IReadOnlyList<Finding> ForPlan(SafetyPlanInput input, DateOnly today)
    {
        var findings = new List<Finding>();
        Text(findings, PersonalSource, nameof(input.Plan), input.Plan, "Enter the safety or protection plan", "The plan", SafeguardingConcern.TextMaxLength);
        Text(findings, PersonalSource, nameof(input.MadeWithPerson), input.MadeWithPerson,
            "Enter how the person took part in making the plan, or why they could not", "How the person took part", SafeguardingConcern.TextMaxLength);
        ReviewDate(findings, nameof(input.ReviewOn), input.ReviewOn, today, required: true);
        return findings;
    }

    public static IReadOnlyList<Finding> ForAction(SafeguardingActionInput input, DateOnly today)
    {
        var findings = new List<Finding>();
        Text(findings, PersonalSource, nameof(input.What), input.What, "Enter what the action is", "The action", SafeguardingAction.WhatMaxLength);
        if (input.Owner is not { } owner || !Enum.IsDefined(owner))
        {
            findings.Add(new Finding(Rule, PersonalSource, nameof(input.Owner), "Select who will do the action"));
        }
        else if (owner == ActionOwner.OtherOrganisation && string.IsNullOrWhiteSpace(input.OwnerName))
        {
            findings.Add(new Finding(Rule, PersonalSource, nameof(input.OwnerName), "Enter which organisation will do the action"));
        }
        if (input.OwnerName is { } name && name.Trim().Length > SafeguardingConcern.ShortMaxLength)
        {
            findings.Add(new Finding(Rule, PersonalSource, nameof(input.OwnerName), $"Who in particular must be {SafeguardingConcern.ShortMaxLength} characters or fewer"));
        }
        if (input.DueOn is not { } due)
        {
            findings.Add(new Finding(Rule, PersonalSource, nameof(input.DueOn), "Enter the date the action is due"));
        }
        else if (due < today)
        {
            findings.Add(new Finding(Rule, PersonalSource, nameof(input.DueOn), "The date the action is due must be today or in the future"));
        }
        return findings;
    }

    public static IReadOnlyList<Finding> ForReview(SafeguardingReviewInput input, DateOnly today)
    {
        var findings = new List<Finding>();
        Text(findings, PersonalSource, nameof(input.PersonsView), input.PersonsView,
            "Enter what the person says about how safe they feel and how the plan is working", "The person's view", SafeguardingConcern.TextMaxLength);
        Text(findings, PersonalSource, nameof(input.Notes), input.Notes, "Enter the notes of the review", "The notes", SafeguardingConcern.TextMaxLength);
        ReviewDate(findings, nameof(input.NextReviewOn), input.NextReviewOn, today, required: false);
        return findings;
    }

    /// <summary>
    /// Refuses closure without the outcomes question answered and the person's view (Making Safeguarding
    /// Personal), or, when no enquiry was made, without the reason the person was not asked; and without a
    /// reason for closing.
    /// </summary>
    public static IReadOnlyList<Finding> ForClosure(SafeguardingClosureInput input, bool enquiryMade)
    {
        var findings = new List<Finding>();
        void Refuse(string field, string message) => findings.Add(new Finding(Rule, PersonalSource, field, message));

        if (input.OutcomesNotAsked)
        {
            if (enquiryMade)
            {
                Refuse(nameof(input.OutcomesMet), "Ask the person whether the outcomes they wanted were met: after an enquiry this cannot be left unasked. If they could not or chose not to say, select that");
            }
            else
            {
                Text(findings, PersonalSource, nameof(input.PersonsView), input.PersonsView,
                    "Enter why the person was not asked whether the outcomes they wanted were met", "Why the person was not asked", SafeguardingConcern.TextMaxLength);
            }
        }
        else if (input.OutcomesMet is not { } met || !Enum.IsDefined(met))
        {
            Refuse(nameof(input.OutcomesMet), enquiryMade
                ? "Select whether the person says the outcomes they wanted were fully, partly or not met"
                : "Select whether the person says the outcomes they wanted were fully, partly or not met, or that they were not asked");
        }
        else
        {
            Text(findings, PersonalSource, nameof(input.PersonsView), input.PersonsView, met == OutcomesMet.NotExpressed
                    ? "Enter why the person could not or chose not to say whether their outcomes were met"
                    : "Enter what the person said about their outcomes, in their own words",
                "The person's view", SafeguardingConcern.TextMaxLength);
        }
        Text(findings, PersonalSource, nameof(input.Reason), input.Reason, "Enter why the concern is being closed", "The reason for closing", SafeguardingConcern.TextMaxLength);
        return findings;
    }

    private static void ReviewDate(List<Finding> findings, string field, DateOnly? date, DateOnly today, bool required)
    {
        if (date is not { } review)
        {
            if (required)
            {
                findings.Add(new Finding(Rule, PersonalSource, field, "Enter the date the plan will be reviewed"));
            }
        }
        else if (review <= today)
        {
            findings.Add(new Finding(Rule, PersonalSource, field, "The date the plan will be reviewed must be in the future"));
        }
        else if (review > today.AddMonths(ReviewWithinMonths))
        {
            findings.Add(new Finding(Rule, PersonalSource, field, $"The date the plan will be reviewed must be within {ReviewWithinMonths} months"));
        }
    }

    private static void Text(List<Finding> findings, string source, string field, string? value, string whenMissing, string name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            findings.Add(new Finding(Rule, source, field, whenMissing));
        }
        else if (value.Trim().Length > maxLength)
        {
            findings.Add(new Finding(Rule, source, field, $"{name} must be {maxLength:N0} characters or fewer"));
        }
    }
}
