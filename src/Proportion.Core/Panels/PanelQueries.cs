using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Panels;

/// <summary>An open referral, for the organisation's list: waiting for the panel, or decided with actions still open.</summary>
public sealed record OpenReferral(Guid Id, Guid PersonId, string Person, string Service, string Reason, DateTime ReferredAt,
    PanelStatus Status, int OpenActions, int OverdueActions, DateOnly? ReviewOn, bool ReviewDue, PanelKind Kind = PanelKind.RiskReview);

/// <summary>Decided referrals of one kind (reason, risk band, practice category) in one service, counted by what the panel decided.</summary>
public sealed record ConsistencyRow(string Reason, RiskBand? Band, PracticeCategory? Category, string Service,
    int Supported, int SupportedWithChanges, int NotSupported)
{
    public int Total => Supported + SupportedWithChanges + NotSupported;
}

/// <summary>
/// What senior managers read about risk review panels (R26): every open referral in the organisation, and
/// whether its services decide similar risks alike (the consistency risk enablement panels exist to give).
/// </summary>
public static class PanelQueries
{
    public static async Task<IReadOnlyList<OpenReferral>> OpenAsync(ProportionDbContext db, Guid organisationId, DateOnly today, CancellationToken ct = default)
    {
        var rows = await db.PanelReferrals.Where(r => r.OrganisationId == organisationId && r.Status != PanelStatus.Closed)
            .Join(db.Services, r => r.ServiceId, s => s.Id, (r, s) => new
            {
                r.Id, r.PersonId, r.Person!.GivenName, r.Person.PreferredName, r.Person.FamilyName, Service = s.Name, r.Reason, r.OtherReason,
                r.ReferredAt, r.Status, r.ReviewOn, r.Kind,
                Open = r.Actions.Where(a => a.DoneAt == null).Select(a => a.DueOn).ToList(),
            })
            .AsNoTracking().ToListAsync(ct);
        return [.. rows.Select(r => new OpenReferral(r.Id, r.PersonId,
                $"{(string.IsNullOrWhiteSpace(r.PreferredName) ? r.GivenName : r.PreferredName)} {r.FamilyName}", r.Service,
                r.Reason == PanelReason.Other && r.OtherReason is not null ? r.OtherReason : EnumNames.Of(r.Reason), r.ReferredAt, r.Status,
                r.Open.Count, r.Open.Count(d => d < today), r.ReviewOn, r.ReviewOn <= today, r.Kind))
            .OrderBy(r => r.Status).ThenByDescending(r => r.OverdueActions).ThenBy(r => r.ReferredAt)];
    }

    public static async Task<IReadOnlyList<ConsistencyRow>> ConsistencyAsync(ProportionDbContext db, Guid organisationId, CancellationToken ct = default)
    {
        var decided = await db.PanelReferrals.Where(r => r.OrganisationId == organisationId && r.Status != PanelStatus.Referred && r.Outcome != null)
            .Join(db.Services, r => r.ServiceId, s => s.Id, (r, s) => new
            {
                r.Reason, r.Band, Service = s.Name, Outcome = r.Outcome!.Value,
                Category = db.Practices.Where(p => p.Id == r.PracticeId).Select(p => (PracticeCategory?)p.Category).FirstOrDefault(),
            })
            .AsNoTracking().ToListAsync(ct);
        return [.. decided.GroupBy(r => (r.Reason, r.Band, r.Category, r.Service))
            .Select(g => new ConsistencyRow(EnumNames.Of(g.Key.Reason), g.Key.Band, g.Key.Category, g.Key.Service,
                g.Count(r => r.Outcome == PanelOutcome.Supported), g.Count(r => r.Outcome == PanelOutcome.SupportedWithChanges),
                g.Count(r => r.Outcome == PanelOutcome.NotSupported)))
            .OrderBy(r => r.Reason, StringComparer.Ordinal).ThenByDescending(r => r.Band).ThenBy(r => r.Category).ThenBy(r => r.Service, StringComparer.Ordinal)];
    }
}
