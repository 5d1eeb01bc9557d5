using Proportion.Core.Rules;

namespace Proportion.Core.Model;

/// <summary>
/// An agreement a rule asks for (R3, R4, R5) that was declined, with the reasons. It sends the discussion
/// back: agreement is refused until the manager answers it, by revising the discussion or by recording
/// how the decline was answered. Kept apart from the agreements given (which a change of answers
/// withdraws) so every decline stays in the decision's history; never deleted.
/// </summary>
public class DecisionDecline : ITenantOwned
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid DecisionId { get; set; }
    public SignOffRole Role { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public required string Reasons { get; set; }
    public DateTime At { get; set; }

    // How the discussion answered it: null while it stands unanswered.
    public DateTime? AnsweredAt { get; set; }
    public Guid? AnsweredById { get; set; }
    public string? AnsweredByName { get; set; }
    /// <summary>What was done about it: "Revised 'Guidelines for staff'", or the manager's own words.</summary>
    public string? Answer { get; set; }

    public bool IsAnswered => AnsweredAt is not null;
}

/// <summary>
/// A step of the disagreement route of §5.10, recorded on the discussion: a multi-disciplinary
/// discussion of the issues, or legal advice sought once a senior manager agreed it was needed.
/// Never changed or deleted; a later step is a new record.
/// </summary>
public class DisagreementStep : ITenantOwned
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid DecisionId { get; set; }
    public DisagreementStepKind Kind { get; set; }
    /// <summary>When the discussion was held, or the advice given.</summary>
    public DateOnly On { get; set; }
    /// <summary>Who took part in the discussion, or who gave the legal advice.</summary>
    public required string Who { get; set; }
    /// <summary>The discussion's outcome, or the advice given.</summary>
    public required string Outcome { get; set; }
    /// <summary>For legal advice: the senior manager who agreed it was needed (§5.10).</summary>
    public string? AgreedBySeniorManager { get; set; }
    public Guid RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum DisagreementStepKind
{
    [System.ComponentModel.DataAnnotations.Display(Name = "A multi-disciplinary discussion")] MultiDisciplinaryDiscussion = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "Legal advice")] LegalAdvice = 2,
}
