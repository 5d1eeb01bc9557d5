using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Core.Reporting;

/// <summary>A published version as the public reads it: nothing else of the report is ever loaded for them.</summary>
public sealed record PublishedReport(string Organisation, ReportingYear Year, YearlyReportVersion Latest, IReadOnlyList<YearlyReportVersion> Earlier)
{
    public PublicFigures Figures => PublicFigures.From(ReportFigures.FromJson(Latest.FiguresJson)!);
}

/// <summary>
/// The yearly public report (R17, §8.5): a senior manager drafts it for a financial year that has ended, with
/// the figures worked out from the records; the board signs it off and it is published; a published version
/// never changes, and a correction is a new version with a reason. Every write is audited and claims the
/// report's version, so two people cannot publish or correct the same report at once.
/// </summary>
public sealed class YearlyReports(ProportionDbContext db, AuditTrail audit, TimeProvider clock, ReportFigureQueries figures)
{
    public const string TrainingStrategyMissing = "Enter the training strategy";
    public const string WhyUsedMissing = "Enter why restrictive interventions were used";
    /// <summary>No organisation kept its records here before this: a year earlier than it is a mistake.</summary>
    public const int EarliestYear = 2000;
    public const string ReductionStrategiesMissing = "Enter the reduction strategies and how they went";

    /// <summary>The organisation's reports, latest year first.</summary>
    public Task<List<YearlyReport>> ListAsync(CancellationToken ct = default) =>
        db.YearlyReports.AsNoTracking().Include(r => r.Versions)
            .Where(r => r.OrganisationId == db.Scope.OrganisationId).OrderByDescending(r => r.YearStarting).ToListAsync(ct);

    /// <summary>The user's organisation's report for the year, or null.</summary>
    public Task<YearlyReport?> FindAsync(int yearStarting, CancellationToken ct = default) =>
        db.YearlyReports.Include(r => r.Versions)
            .SingleOrDefaultAsync(r => r.OrganisationId == db.Scope.OrganisationId && r.YearStarting == yearStarting, ct);

    /// <summary>
    /// The latest published version of an organisation's report for the year, with the earlier published ones,
    /// for anyone, signed in or not. Only published versions are read: a draft never reaches the public.
    /// </summary>
    public async Task<PublishedReport?> PublishedAsync(Guid organisationId, int yearStarting, CancellationToken ct = default)
    {
        var versions = await db.YearlyReports.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.YearStarting == yearStarting && r.IsPublished)
            .SelectMany(r => r.Versions.Where(v => v.Status == YearlyReportStatus.Published))
            .OrderByDescending(v => v.Number)
            .ToListAsync(ct);
        if (versions.Count == 0)
        {
            return null;
        }
        var organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        return new PublishedReport(organisation, new ReportingYear(yearStarting), versions[0], versions.Skip(1).ToList());
    }

    /// <summary>Starts the report for a year that has ended, or returns its draft if one is being written.</summary>
    public async Task<YearlyReport> StartAsync(int yearStarting, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.PublishYearlyReport, db.Scope.OrganisationId);
        var year = new ReportingYear(yearStarting);
        if (yearStarting < EarliestYear)
        {
            throw new RuleViolationException("Year", $"Choose a year from {EarliestYear} onwards");
        }
        if (!year.HasEnded(UkTime.Today(clock)))
        {
            throw new RuleViolationException("Year", $"You can only report on a year that has ended. The year {year} ends on {UkTime.Format(year.LastDay)}");
        }
        var existing = await FindAsync(yearStarting, ct);
        if (existing is not null)
        {
            return existing.IsPublished && existing.Draft is null
                ? throw new RuleViolationException("Year", $"The report for {year} has been published. To change it, publish a correction")
                : existing;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var report = new YearlyReport
        {
            OrganisationId = db.Scope.OrganisationId, YearStarting = yearStarting, CreatedAt = now, CreatedById = db.Scope.UserId,
        };
        var draft = NewVersion(1, now);
        await WorkOutFiguresAsync(report, draft, ct);
        report.Versions.Add(draft);
        db.YearlyReports.Add(report);
        audit.Record(report.OrganisationId, AuditAction.Created, nameof(YearlyReport), report.Id, $"Started the yearly report for {year}");
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>Saves the draft's words and works its figures out again from the records as they are now.</summary>
    public async Task SaveDraftAsync(int yearStarting, int versionUserSaw, string? trainingStrategy, string? whyUsed, string? reductionStrategies, CancellationToken ct = default)
    {
        var (report, draft) = await DraftAsync(yearStarting, versionUserSaw, ct);
        var changes = new ChangeSet()
            .Track("Training strategy", draft.TrainingStrategy, Text.OrNull(trainingStrategy))
            .Track("Why restrictive interventions were used", draft.WhyUsed, Text.OrNull(whyUsed))
            .Track("Reduction strategies", draft.ReductionStrategies, Text.OrNull(reductionStrategies));
        draft.TrainingStrategy = Text.OrNull(trainingStrategy);
        draft.WhyUsed = Text.OrNull(whyUsed);
        draft.ReductionStrategies = Text.OrNull(reductionStrategies);
        await WorkOutFiguresAsync(report, draft, ct);
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(report.OrganisationId, AuditAction.Updated, nameof(YearlyReport), report.Id,
            $"Saved the draft of the yearly report for {new ReportingYear(yearStarting)} (version {draft.Number}) and worked out its figures again", changes: changes);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What the draft still needs before it can be published, each at its field.</summary>
    public static Dictionary<string, string> Gaps(YearlyReportVersion draft)
    {
        var gaps = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(draft.TrainingStrategy))
        {
            gaps[nameof(YearlyReportVersion.TrainingStrategy)] = TrainingStrategyMissing;
        }
        if (string.IsNullOrWhiteSpace(draft.WhyUsed))
        {
            gaps[nameof(YearlyReportVersion.WhyUsed)] = WhyUsedMissing;
        }
        if (string.IsNullOrWhiteSpace(draft.ReductionStrategies))
        {
            gaps[nameof(YearlyReportVersion.ReductionStrategies)] = ReductionStrategiesMissing;
        }
        return gaps;
    }

    /// <summary>
    /// Publishes the draft exactly as the check page showed it, figures included, with the board's sign-off:
    /// who signed for the board, their role and the date of the board meeting. From now on it never changes.
    /// </summary>
    public async Task PublishAsync(int yearStarting, int versionUserSaw, string? signedBy, string? signedRole, DateOnly? boardMeetingOn, CancellationToken ct = default)
    {
        var (report, draft) = await DraftAsync(yearStarting, versionUserSaw, ct);
        var year = new ReportingYear(yearStarting);
        var today = UkTime.Today(clock);
        var errors = Gaps(draft);
        if (string.IsNullOrWhiteSpace(signedBy))
        {
            errors["SignedForBoardBy"] = "Enter the name of the person who signed the report off for the board";
        }
        if (string.IsNullOrWhiteSpace(signedRole))
        {
            errors["SignedForBoardRole"] = "Enter their role on the board, for example chair";
        }
        if (boardMeetingOn is null)
        {
            errors["BoardMeetingOn"] = "Enter the date of the board meeting that signed the report off";
        }
        else if (boardMeetingOn > today)
        {
            errors["BoardMeetingOn"] = "The date of the board meeting must be today or in the past";
        }
        else if (boardMeetingOn <= year.LastDay)
        {
            errors["BoardMeetingOn"] = $"The date of the board meeting must be after the year ended on {UkTime.Format(year.LastDay)}";
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        draft.Status = YearlyReportStatus.Published;
        draft.SignedForBoardBy = signedBy!.Trim();
        draft.SignedForBoardRole = signedRole!.Trim();
        draft.BoardMeetingOn = boardMeetingOn;
        draft.PublishedById = db.Scope.UserId;
        draft.PublishedByName = db.Scope.UserName;
        draft.PublishedAt = now;
        draft.UpdatedAt = now;
        report.IsPublished = true;
        audit.Record(report.OrganisationId, AuditAction.Updated, nameof(YearlyReport), report.Id,
            $"Published version {draft.Number} of the yearly report for {year}, signed off for the board by {draft.SignedForBoardBy}",
            changes: new ChangeSet().Set("Signed off for the board by", draft.SignedForBoardBy).Set("Role", draft.SignedForBoardRole)
                .Set("Board meeting", draft.BoardMeetingOn).Set("Version", draft.Number));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Starts a correction of a published report: a new draft version, with the reason, from the words of the
    /// version in force and the figures worked out again. The published versions stay as they are.
    /// </summary>
    public async Task<YearlyReportVersion> StartCorrectionAsync(int yearStarting, int versionUserSaw, string? reason, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.PublishYearlyReport, db.Scope.OrganisationId);
        var report = await FindAsync(yearStarting, ct) ?? throw new RecordNotFoundException("The yearly report");
        ProportionDbContext.ClaimVersion(report, versionUserSaw);
        if (report.Draft is not null)
        {
            throw new RuleViolationException("", "A new version of this report is already being written.");
        }
        var inForce = report.Published.FirstOrDefault() ?? throw new RuleViolationException("", "Only a published report can be corrected.");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("Reason", "Enter why the report needs correcting");
        }
        var draft = NewVersion(report.Versions.Max(v => v.Number) + 1, clock.GetUtcNow().UtcDateTime);
        draft.CorrectionReason = reason.Trim();
        draft.TrainingStrategy = inForce.TrainingStrategy;
        draft.WhyUsed = inForce.WhyUsed;
        draft.ReductionStrategies = inForce.ReductionStrategies;
        await WorkOutFiguresAsync(report, draft, ct);
        report.Versions.Add(draft);
        audit.Record(report.OrganisationId, AuditAction.Created, nameof(YearlyReport), report.Id,
            $"Started version {draft.Number} of the yearly report for {new ReportingYear(yearStarting)}, correcting version {inForce.Number}",
            reason: draft.CorrectionReason);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    private YearlyReportVersion NewVersion(int number, DateTime now) =>
        new() { Number = number, CreatedAt = now, UpdatedAt = now, CreatedById = db.Scope.UserId };

    private async Task WorkOutFiguresAsync(YearlyReport report, YearlyReportVersion draft, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        draft.FiguresJson = (await figures.ReadAsync(report.OrganisationId, new ReportingYear(report.YearStarting), now, ct)).ToJson();
        draft.FiguresWorkedOutAt = now;
    }

    private async Task<(YearlyReport Report, YearlyReportVersion Draft)> DraftAsync(int yearStarting, int versionUserSaw, CancellationToken ct)
    {
        db.Scope.Demand(Permission.PublishYearlyReport, db.Scope.OrganisationId);
        var report = await FindAsync(yearStarting, ct) ?? throw new RecordNotFoundException("The yearly report");
        // The version first: a report published or saved by someone else since this form was opened is a stale edit.
        ProportionDbContext.ClaimVersion(report, versionUserSaw);
        var draft = report.Draft ?? throw new RuleViolationException("", "This report has been published and cannot be changed. To change it, publish a correction.");
        return (report, draft);
    }
}
