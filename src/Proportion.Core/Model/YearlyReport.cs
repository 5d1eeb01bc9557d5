using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// An organisation's yearly public report on its use of restrictive interventions (R17, §8.5), for one
/// financial year (<see cref="Reporting.ReportingYear"/>). A senior manager drafts it; it is published once
/// the board has signed it off. A published version is never changed: a correction is a new version with a
/// reason, which supersedes the one before, and both are kept. The public page shows the latest published.
/// </summary>
public class YearlyReport : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    /// <summary>The calendar year the financial year starts in: 2025 for 1 April 2025 to 31 March 2026.</summary>
    public int YearStarting { get; set; }
    /// <summary>
    /// Whether any version has been published: the one fact the public may know about a report before reading
    /// it, so the query filter can let anyone see a published report and nobody outside the organisation a draft.
    /// </summary>
    public bool IsPublished { get; set; }
    public List<YearlyReportVersion> Versions { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public int Version { get; set; } = 1;

    /// <summary>The version being written, if any: there is at most one.</summary>
    public YearlyReportVersion? Draft => Versions.SingleOrDefault(v => v.Status == YearlyReportStatus.Draft);

    /// <summary>The published versions, latest first: the first is the one in force.</summary>
    public IEnumerable<YearlyReportVersion> Published => Versions.Where(v => v.Status == YearlyReportStatus.Published).OrderByDescending(v => v.Number);
}

public enum YearlyReportStatus
{
    [Display(Name = "Draft")] Draft = 1,
    [Display(Name = "Published")] Published = 2,
}

/// <summary>
/// One version of a yearly report: the senior manager's words, the figures as they were worked out (frozen
/// when published, so a later change to the records never changes a published report), and the board's
/// sign-off. Part of its <see cref="YearlyReport"/>.
/// </summary>
public class YearlyReportVersion
{
    public const int TextMaxLength = 8000;
    public const int NameMaxLength = 100;
    public const int ReasonMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>1 for the first version; each correction the next number.</summary>
    public int Number { get; set; }
    public YearlyReportStatus Status { get; set; } = YearlyReportStatus.Draft;

    /// <summary>The training strategy: how staff are trained in preventing and using restrictive interventions (§10).</summary>
    public string? TrainingStrategy { get; set; }
    /// <summary>Why restrictive interventions were used, in general terms: never a person's details.</summary>
    public string? WhyUsed { get; set; }
    /// <summary>The reduction strategies and how they went.</summary>
    public string? ReductionStrategies { get; set; }

    /// <summary>The figures as worked out (<see cref="Reporting.ReportFigures"/>, JSON), with real counts: every page applies the small-number rule.</summary>
    public string? FiguresJson { get; set; }
    public DateTime? FiguresWorkedOutAt { get; set; }

    /// <summary>Why this version corrects the one before; null for the first version.</summary>
    public string? CorrectionReason { get; set; }

    public DateTime CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTime UpdatedAt { get; set; }

    // The board's sign-off, and who published it.
    public string? SignedForBoardBy { get; set; }
    public string? SignedForBoardRole { get; set; }
    public DateOnly? BoardMeetingOn { get; set; }
    public Guid? PublishedById { get; set; }
    public string? PublishedByName { get; set; }
    public DateTime? PublishedAt { get; set; }
}
