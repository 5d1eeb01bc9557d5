using Proportion.Core.Model;
using Proportion.Core.Plans.RiskAssessments;

namespace Proportion.Core.Rules;

/// <summary>What a manager puts to a risk review panel: the reason, the question, the evidence, and what it is about.</summary>
public sealed record PanelReferralInput
{
    /// <summary>The provider's risk review panel, or the funding council's risk enablement panel.</summary>
    public PanelKind? Kind { get; init; } = PanelKind.RiskReview;
    public PanelReason? Reason { get; init; }
    public string? OtherReason { get; init; }
    public string? Question { get; init; }
    public string? Evidence { get; init; }
    public Guid? PlanId { get; init; }
    public Guid? PracticeId { get; init; }
    public Guid? DecisionId { get; init; }
    public Guid? RiskId { get; init; }
    public RiskBand? Band { get; init; }
}

/// <summary>A member of the panel as entered: name, discipline or role, and their view when they dissented.</summary>
public sealed record PanelMemberInput(string? Name, string? Discipline, bool Dissented = false, string? Dissent = null);

/// <summary>An action as entered: what, who (a user of the organisation) and by when.</summary>
public sealed record PanelActionInput(string? What, Guid? AssignedToId, DateOnly? DueOn);

/// <summary>The panel's meeting and decision as entered.</summary>
public sealed record PanelDecisionInput
{
    /// <summary>The referral's kind, which says what its decision must record.</summary>
    public PanelKind Kind { get; init; } = PanelKind.RiskReview;
    public DateOnly? MeetingOn { get; init; }
    public IReadOnlyList<PanelMemberInput> Members { get; init; } = [];
    public bool PersonAttended { get; init; }
    public bool FamilyAttended { get; init; }
    public bool AdvocateAttended { get; init; }
    public string? PersonsView { get; init; }
    /// <summary>A risk enablement panel: whether the person agreed to the family and advocates who attended.</summary>
    public AttendanceAgreement? OthersAttendance { get; init; }
    public string? AttendanceNote { get; init; }
    /// <summary>A risk enablement panel: who shares responsibility for the risk, by name and role.</summary>
    public string? SharedResponsibility { get; init; }
    public PanelOutcome? Outcome { get; init; }
    public string? Decision { get; init; }
    public string? Reasons { get; init; }
    public IReadOnlyList<PanelActionInput> Actions { get; init; } = [];
    public DateOnly? ReviewOn { get; init; }
}

/// <summary>
/// R26 Risk review panels (the risk enablement panels of the safeguarding and personalisation guidance; the
/// positive risk-taking guidance on shared decision-making). A referral says why, what the panel is asked,
/// and the evidence; a decision names the members and their disciplines, how the person's view was heard,
/// what was decided and why, any dissent, who does what by when, and when the panel looks again. Each
/// missing part refuses the save at its own field. A risk that stays high or extreme with what reduces it
/// in place, in the person's agreed risk assessment, suggests a referral while no open referral names it.
/// </summary>
public static class PanelRules
{
    public const string Rule = "R26";
    public const string Source = "risk enablement panels";
    /// <summary>The council's risk enablement panel (Practical approaches to safeguarding and personalisation, tools for risky choices), part of R20's tools on R26's records.</summary>
    public const string EnablementSource = "the council's risk enablement panel";
    /// <summary>The panel looks at its decision again within a year, as every plan is reviewed.</summary>
    public const int ReviewWithinMonths = 12;

    /// <param name="fundingCouncil">The council that funds the person, if any: a risk enablement panel is that council's.</param>
    public static IReadOnlyList<Finding> ForReferral(PanelReferralInput input, string? fundingCouncil = null)
    {
        var findings = new List<Finding>();
        void Refuse(string field, string message) => findings.Add(new Finding(Rule, Source, field, message));

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            Refuse(nameof(input.Kind), "Select which panel this is going to");
        }
        else if (kind == PanelKind.RiskEnablement && fundingCouncil is null)
        {
            findings.Add(new Finding(Rule, EnablementSource, nameof(input.Kind),
                "A risk enablement panel is the funding council's, and this person is not funded by a council: refer to a risk review panel, or record the council that funds them"));
        }
        if (input.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            Refuse(nameof(input.Reason), "Select why this is going to the panel");
        }
        else if (reason == PanelReason.Other && string.IsNullOrWhiteSpace(input.OtherReason))
        {
            Refuse(nameof(input.OtherReason), "Say in a few words why this is going to the panel");
        }
        else if (reason == PanelReason.HighResidualRisk && input.PlanId is null && input.RiskId is null)
        {
            Refuse("Subject", "Select the plan with the high residual risk");
        }
        else if (reason == PanelReason.RestrictionNotAgreed && input.PracticeId is null && input.DecisionId is null)
        {
            Refuse("Subject", "Select the restrictive practice the manager will not agree");
        }
        Text(findings, nameof(input.Question), input.Question, "Enter the question for the panel", "The question");
        Text(findings, nameof(input.Evidence), input.Evidence, "Enter the evidence the panel will consider", "The evidence");
        if (input.OtherReason is { Length: > PanelReferral.ShortMaxLength })
        {
            Refuse(nameof(input.OtherReason), $"The reason must be {PanelReferral.ShortMaxLength} characters or fewer");
        }
        return findings;
    }

    public static IReadOnlyList<Finding> ForDecision(PanelDecisionInput input, DateOnly referredOn, DateOnly today)
    {
        var findings = new List<Finding>();
        void Refuse(string field, string message) => findings.Add(new Finding(Rule, Source, field, message));

        if (input.MeetingOn is not { } meeting)
        {
            Refuse(nameof(input.MeetingOn), "Enter the date the panel met");
        }
        else if (meeting > today)
        {
            Refuse(nameof(input.MeetingOn), "The date the panel met must be today or in the past");
        }
        else if (meeting < referredOn)
        {
            Refuse(nameof(input.MeetingOn), $"The date the panel met must be on or after the referral ({UkTime.Format(referredOn)})");
        }

        var members = input.Members.Select((m, i) => (m, i)).Where(x => !IsBlank(x.m)).ToList();
        if (members.Count == 0)
        {
            Refuse("Members[0].Name", "Enter the panel's members: at least one, with their discipline or role");
        }
        foreach (var (m, i) in members)
        {
            if (string.IsNullOrWhiteSpace(m.Name))
            {
                Refuse($"Members[{i}].Name", $"Enter the name of member {i + 1}");
            }
            else if (m.Name.Trim().Length > PanelReferral.ShortMaxLength)
            {
                Refuse($"Members[{i}].Name", $"The name of member {i + 1} must be {PanelReferral.ShortMaxLength} characters or fewer");
            }
            if (string.IsNullOrWhiteSpace(m.Discipline))
            {
                Refuse($"Members[{i}].Discipline", $"Enter the discipline or role of {Name(m, i)}");
            }
            else if (m.Discipline.Trim().Length > PanelReferral.ShortMaxLength)
            {
                Refuse($"Members[{i}].Discipline", $"The discipline or role of {Name(m, i)} must be {PanelReferral.ShortMaxLength} characters or fewer");
            }
            if (m.Dissented)
            {
                Text(findings, $"Members[{i}].Dissent", m.Dissent, $"Enter the view of {Name(m, i)}, who did not agree with the decision", "The dissenting view");
            }
        }

        Text(findings, nameof(input.PersonsView), input.PersonsView,
            input.PersonAttended ? "Enter what the person said to the panel" : "Enter how the person's view was heard, as they did not attend", "How the person's view was heard");
        if (input.Kind == PanelKind.RiskEnablement)
        {
            findings.AddRange(ForEnablement(input));
        }
        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            Refuse(nameof(input.Outcome), "Select what the panel decided about the person's choice");
        }
        Text(findings, nameof(input.Decision), input.Decision, "Enter the panel's decision", "The decision");
        Text(findings, nameof(input.Reasons), input.Reasons, "Enter the reasons for the decision", "The reasons");

        var actions = input.Actions.Select((a, i) => (a, i)).Where(x => !IsBlank(x.a)).ToList();
        if (input.Outcome == PanelOutcome.SupportedWithChanges && actions.Count == 0)
        {
            Refuse("Actions[0].What", "Enter at least one action: the panel supported the choice with changes, so say who makes them and by when");
        }
        foreach (var (a, i) in actions)
        {
            if (string.IsNullOrWhiteSpace(a.What))
            {
                Refuse($"Actions[{i}].What", $"Enter what action {i + 1} is");
            }
            else if (a.What.Trim().Length > PanelAction.WhatMaxLength)
            {
                Refuse($"Actions[{i}].What", $"Action {i + 1} must be {PanelAction.WhatMaxLength} characters or fewer");
            }
            if (a.AssignedToId is null)
            {
                Refuse($"Actions[{i}].AssignedToId", $"Select who will do action {i + 1}");
            }
            if (a.DueOn is not { } due)
            {
                Refuse($"Actions[{i}].DueOn", $"Enter the date action {i + 1} is due");
            }
            else if (input.MeetingOn is { } met && due < met)
            {
                Refuse($"Actions[{i}].DueOn", $"Action {i + 1} must be due on or after the meeting");
            }
        }

        if (input.ReviewOn is not { } review)
        {
            Refuse(nameof(input.ReviewOn), "Enter the date the panel will review its decision");
        }
        else if (review <= today)
        {
            Refuse(nameof(input.ReviewOn), "The review date must be in the future");
        }
        else if (review > today.AddMonths(ReviewWithinMonths))
        {
            Refuse(nameof(input.ReviewOn), $"The review date must be within {ReviewWithinMonths} months");
        }
        return findings;
    }

    /// <summary>
    /// What the council's risk enablement panel also records (Practical approaches to safeguarding and personalisation): the person may attend and, only with
    /// their agreement, family and advocates; and who shares responsibility for the risk. Where the person cannot
    /// decide who attends (they lack capacity for it), the law lets it be decided in their best interests (MCA
    /// s.4) with the decision written down; the guidance's "with their agreement" cannot be met then.
    /// </summary>
    public static IReadOnlyList<Finding> ForEnablement(PanelDecisionInput input)
    {
        var findings = new List<Finding>();
        void Refuse(string field, string message) => findings.Add(new Finding(Rule, EnablementSource, field, message));
        var others = new[] { input.FamilyAttended ? "family" : null, input.AdvocateAttended ? "an advocate" : null }.OfType<string>().ToList();
        if (others.Count > 0)
        {
            var who = string.Join(" and ", others);
            switch (input.OthersAttendance)
            {
                case null or not (AttendanceAgreement.PersonAgreed or AttendanceAgreement.PersonDidNotAgree or AttendanceAgreement.BestInterests):
                    Refuse(nameof(input.OthersAttendance), $"Say whether the person agreed to {who} attending: they attend only with the person's agreement");
                    break;
                case AttendanceAgreement.PersonDidNotAgree:
                    Refuse(nameof(input.OthersAttendance),
                        $"The person did not agree to {who} attending: family and advocates attend only with the person's agreement. Record the panel as it was held without them, or hold it again");
                    break;
                case AttendanceAgreement.BestInterests:
                    Text(findings, nameof(input.AttendanceNote), input.AttendanceNote,
                        "Enter the best-interests decision about who attended: who decided, who was consulted, and why", "The best-interests decision", EnablementSource);
                    break;
            }
        }
        if (input.AttendanceNote is { } note && note.Trim().Length > PanelReferral.TextMaxLength)
        {
            Refuse(nameof(input.AttendanceNote), $"The note on who attended must be {PanelReferral.TextMaxLength:N0} characters or fewer");
        }
        Text(findings, nameof(input.SharedResponsibility), input.SharedResponsibility,
            "Enter who shares responsibility for the risk, with their names and roles", "Who shares responsibility for the risk", EnablementSource);
        return findings;
    }

    /// <summary>
    /// The risks of the person's agreed risk assessment that stay high or extreme with what reduces them in
    /// place, and that no open referral names: each a warning suggesting a referral to a panel.
    /// </summary>
    public static IReadOnlyList<Finding> SuggestedReferrals(RiskAssessmentContent? agreed, IEnumerable<Guid> risksWithOpenReferral) =>
        agreed is null ? []
        : [.. agreed.Risks.Where(r => r.ResidualBand is RiskBand.High or RiskBand.Extreme && !risksWithOpenReferral.Contains(r.Id))
            .Select(r => new Finding(Rule, Source, $"Risk:{r.Id}",
                $"“{Describe(r)}” is {RiskMatrix.BandName(r.ResidualBand)} risk even with what reduces it, and no risk review panel has been asked about it. Consider referring it to a panel.",
                FindingSeverity.Warning))];

    /// <summary>The risk's id from a suggestion's field, for the link that refers it.</summary>
    public static Guid? RiskOf(Finding finding) =>
        finding.Field.StartsWith("Risk:", StringComparison.Ordinal) && Guid.TryParse(finding.Field[5..], out var id) ? id : null;

    public static string Describe(AssessedRisk risk) =>
        string.IsNullOrWhiteSpace(risk.Activity) ? risk.WhatCouldHappen : $"{risk.WhatCouldHappen} ({risk.Activity})";

    private static bool IsBlank(PanelMemberInput m) => string.IsNullOrWhiteSpace(m.Name) && string.IsNullOrWhiteSpace(m.Discipline) && !m.Dissented;

    private static bool IsBlank(PanelActionInput a) => string.IsNullOrWhiteSpace(a.What) && a.AssignedToId is null && a.DueOn is null;

    private static string Name(PanelMemberInput m, int i) => string.IsNullOrWhiteSpace(m.Name) ? $"member {i + 1}" : m.Name.Trim();

    private static void Text(List<Finding> findings, string field, string? value, string missing, string what, string source = Source)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            findings.Add(new Finding(Rule, source, field, missing));
        }
        else if (value.Trim().Length > PanelReferral.TextMaxLength)
        {
            findings.Add(new Finding(Rule, source, field, $"{what} must be {PanelReferral.TextMaxLength:N0} characters or fewer"));
        }
    }
}
