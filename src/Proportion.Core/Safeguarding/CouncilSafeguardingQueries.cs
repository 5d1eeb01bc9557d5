using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Safeguarding;

/// <summary>
/// A concern in the council's inbox, as the safeguarding team reads the list: who it is about (as the referral
/// named them), from which provider and service, how long since it was sent, and, while it waits for the first
/// decision, the day that decision is due by (R20).
/// </summary>
public sealed record InboxRow(Guid Id, SafeguardingStatus Status, string Person, string Provider, string Service, DateTime SentAt,
    int DaysSinceSent, DateOnly? DecisionDue, bool DecisionOverdue);

public static class CouncilSafeguardingQueries
{
    /// <summary>The most rows the inbox shows at once, newest first.</summary>
    public const int InboxLimit = 500;

    /// <summary>Concerns sent to the user's council, newest first (the query filter keeps them to the user's council; this says so too).</summary>
    public static async Task<IReadOnlyList<InboxRow>> InboxAsync(ProportionDbContext db, RuleSettings settings, DateOnly today, CancellationToken ct = default)
    {
        var council = db.Scope.SafeguardingCouncilId;
        var rows = await db.SafeguardingConcerns
            .Where(c => c.Status != SafeguardingStatus.Draft && c.SentAt != null && (db.Scope.Everything || c.CouncilId == council))
            .OrderByDescending(c => c.SentAt).ThenBy(c => c.Id).Take(InboxLimit)
            .Select(c => new { c.Id, c.Status, c.PersonName, c.ProviderName, c.ServiceName, SentAt = c.SentAt!.Value })
            .AsNoTracking().ToListAsync(ct);
        return [.. rows.Select(c =>
        {
            var waiting = c.Status is SafeguardingStatus.Sent or SafeguardingStatus.Received;
            DateOnly? due = waiting ? SafeguardingTimescales.DecisionDue(c.SentAt, settings) : null;
            return new InboxRow(c.Id, c.Status, c.PersonName, c.ProviderName, c.ServiceName, c.SentAt,
                SafeguardingTimescales.DaysSince(c.SentAt, today), due, due is { } d && SafeguardingTimescales.IsOverdue(d, today));
        })];
    }
}
