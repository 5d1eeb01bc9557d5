using Proportion.Core.Model;

namespace Proportion.Core.Rules;

public enum LibertyDeadlineKind
{
    /// <summary>The supervisory body's decision on a standard request (21 days, or before the urgent one ends).</summary>
    Decision = 1,
    /// <summary>An urgent authorisation ends while its standard request is undecided.</summary>
    UrgentEnds = 2,
    /// <summary>Apply to renew a standard authorisation or Court order before it ends.</summary>
    Renew = 3,
    /// <summary>A standard authorisation or Court order ends, and nothing granted follows it.</summary>
    Ends = 4,
    /// <summary>CQC must be told the outcome of an application, or that it was withdrawn (Regulation 18).</summary>
    TellCqc = 5,
}

/// <summary>One date the people involved must meet for an authorisation, and whether it has passed.</summary>
public sealed record LibertyDeadline(LibertyDeadlineKind Kind, string What, DateOnly Due, bool Overdue, string Rule);

/// <summary>
/// R6 (Appendix 3) and CQC Regulation 18: the dates that matter for each application or authorisation,
/// worked out from all the person's applications, since one answers another (an urgent authorisation
/// shortens its standard request's 21 days; a renewal applied for ends the renewal task).
/// </summary>
public static class LibertyDeadlines
{
    public const string Rule = "R6";
    public const string CqcRule = "CQC Regulation 18";

    public static IReadOnlyList<LibertyDeadline> For(LibertyAuthorisation a, IReadOnlyCollection<LibertyAuthorisation> personsAll, DateOnly today)
    {
        var deadlines = new List<LibertyDeadline>();
        void Add(LibertyDeadlineKind kind, string what, DateOnly due, string rule = Rule) => deadlines.Add(new LibertyDeadline(kind, what, due, due < today, rule));

        if (a.Kind == LibertyAuthorisationKind.StandardAuthorisation && a.Outcome == LibertyOutcome.Pending)
        {
            var urgent = UrgentGivenWith(a, personsAll);
            Add(LibertyDeadlineKind.Decision, urgent is null
                    ? "Supervisory body's decision due (21 days from the request)"
                    : "Supervisory body's decision due before the urgent authorisation ends",
                DeprivationOfLibertyTimescales.AssessmentDue(a.RequestedOn, urgent?.ExpiresOn));
        }
        if (a.Kind == LibertyAuthorisationKind.UrgentAuthorisation && a.Outcome == LibertyOutcome.Granted && a.ExpiresOn is { } urgentEnds)
        {
            var standard = a.StandardRequestId is { } sid ? personsAll.FirstOrDefault(s => s.Id == sid) : null;
            if (standard is null || standard.Outcome == LibertyOutcome.Pending)
            {
                Add(LibertyDeadlineKind.UrgentEnds, a.Extended
                        ? "Urgent authorisation ends (already extended once): the standard request must be decided by then"
                        : "Urgent authorisation ends: the standard request must be decided by then, or the supervisory body asked to extend it once",
                    urgentEnds);
            }
        }
        if (a.Kind != LibertyAuthorisationKind.UrgentAuthorisation && a.Outcome == LibertyOutcome.Granted && a.ExpiresOn is { } ends && a.StartsOn is { } starts)
        {
            var renewalApplied = personsAll.Any(o => o.Id != a.Id && o.Kind != LibertyAuthorisationKind.UrgentAuthorisation && o.RequestedOn >= starts);
            var followedBy = personsAll.Any(o => o.Id != a.Id && o.Outcome == LibertyOutcome.Granted && o.StartsOn > starts && o.StartsOn <= ends.AddDays(1));
            if (!renewalApplied)
            {
                Add(LibertyDeadlineKind.Renew, $"Apply to renew ({DeprivationOfLibertyTimescales.RenewDaysBefore} days before it ends)", DeprivationOfLibertyTimescales.RenewBy(ends));
            }
            if (!followedBy)
            {
                Add(LibertyDeadlineKind.Ends, a.Kind == LibertyAuthorisationKind.CourtOfProtection ? "Court order ends" : "Authorisation ends", ends);
            }
        }
        if (MustTellCqc(a) && a.CqcNotifiedOn is null)
        {
            Add(LibertyDeadlineKind.TellCqc, a.Outcome == LibertyOutcome.Withdrawn
                    ? "Tell CQC the application was withdrawn (Regulation 18)"
                    : "Tell CQC the outcome (Regulation 18)",
                a.OutcomeRecordedOn ?? a.StartsOn ?? a.RequestedOn, CqcRule);
        }
        return deadlines;
    }

    /// <summary>
    /// CQC must be told, without delay, the outcome of every application to deprive a person of their liberty,
    /// DoLS or the Court of Protection (granted or refused), and every application withdrawn (Regulation 18).
    /// An urgent authorisation is the home's own: what CQC hears about is its standard request's outcome.
    /// </summary>
    public static bool MustTellCqc(LibertyAuthorisation a) =>
        a.Kind != LibertyAuthorisationKind.UrgentAuthorisation && a.Outcome is LibertyOutcome.Granted or LibertyOutcome.Refused or LibertyOutcome.Withdrawn;

    /// <summary>The urgent authorisation given with a standard request, if any.</summary>
    public static LibertyAuthorisation? UrgentGivenWith(LibertyAuthorisation standard, IEnumerable<LibertyAuthorisation> personsAll) =>
        personsAll.Where(u => u.Kind == LibertyAuthorisationKind.UrgentAuthorisation && u.StandardRequestId == standard.Id && u.Outcome == LibertyOutcome.Granted)
            .OrderByDescending(u => u.ExpiresOn).FirstOrDefault();

    /// <summary>In force on the day: granted, started and not yet ended.</summary>
    public static bool InForce(LibertyAuthorisation a, DateOnly today) =>
        a.Outcome == LibertyOutcome.Granted && a.StartsOn <= today && (a.ExpiresOn is null || a.ExpiresOn >= today);

    /// <summary>The latest an urgent authorisation may end: 7 days from when it was given, or 7 days beyond that end once extended.</summary>
    public static DateOnly UrgentLatestEnd(DateOnly given, bool extended, DateOnly? endBeforeExtension) =>
        extended ? DeprivationOfLibertyTimescales.UrgentExtendedExpires(endBeforeExtension ?? DeprivationOfLibertyTimescales.UrgentExpires(given))
            : DeprivationOfLibertyTimescales.UrgentExpires(given);
}
