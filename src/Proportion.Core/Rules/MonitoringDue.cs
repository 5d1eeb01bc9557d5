using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// R11: each service is monitored by its manager every 3 months (§8.4) and audited by a senior manager
/// at least every 6 months (§8.3). The next is due that long after the last one completed; a service
/// never checked is due that long after it was set up.
/// </summary>
public static class MonitoringDue
{
    public const string Rule = "R11";

    public static int IntervalMonths(MonitoringKind kind) => kind == MonitoringKind.SeniorAudit ? 6 : 3;

    public static string Source(MonitoringKind kind) => kind == MonitoringKind.SeniorAudit ? "§8.3" : "§8.4";

    public static DateOnly DueOn(MonitoringKind kind, DateOnly? lastCompletedOn, DateOnly serviceStartedOn) =>
        (lastCompletedOn ?? serviceStartedOn).AddMonths(IntervalMonths(kind));

    public static bool IsOverdue(DateOnly dueOn, DateOnly today) => dueOn < today;

    /// <summary>Monitoring shows on lists this many days before it is due.</summary>
    public const int DueSoonDays = 30;

    /// <summary>Due within <see cref="DueSoonDays"/> days (or already overdue).</summary>
    public static bool IsDueSoon(DateOnly dueOn, DateOnly today) => dueOn <= today.AddDays(DueSoonDays);
}
