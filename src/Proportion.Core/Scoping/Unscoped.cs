using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Scoping;

/// <summary>
/// The only reads that look past the user's scope, each with its reason. They return counts, never rows,
/// so nothing outside the scope can reach a page. IgnoreQueryFilters turns every filter off for the whole
/// query it appears in, so it is never used anywhere else (a test holds that), and never inside a query
/// that also returns rows.
/// </summary>
public static class Unscoped
{
    /// <summary>
    /// Everyone living in a service, whoever is asking. R12's blanket-rule check compares a restriction
    /// with the whole service, but a social worker or an inspector sees only some of its people.
    /// </summary>
    public static Task<int> PeopleInServiceAsync(ProportionDbContext db, Guid serviceId, CancellationToken ct = default) =>
        db.People.IgnoreQueryFilters().CountAsync(p => p.ServiceId == serviceId, ct);

    /// <summary>
    /// For R12's same check: how many people in a service have the same restriction in place (agreed or
    /// under review): the same category and <see cref="RestrictivePractice.SameRestrictionKey"/>. A proposal
    /// counts only when it is the practice being agreed. The caller names a restriction it can already see.
    /// </summary>
    public static Task<int> PeopleWithTheSameRestrictionAsync(ProportionDbContext db, Guid serviceId, PracticeCategory category, string sameRestrictionKey,
        Guid? practiceBeingAgreed = null, CancellationToken ct = default) =>
        db.Practices.IgnoreQueryFilters()
            .Where(p => p.ServiceId == serviceId && p.Category == category && p.SameRestrictionKey == sameRestrictionKey
                && (p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview || p.Id == practiceBeingAgreed))
            .Select(p => p.PersonId).Distinct().CountAsync(ct);

    /// <summary>
    /// How many copies of a message (by its key) a user already has. Whoever sends a message once, such as a
    /// manager asking for agreement, cannot see other users' messages, yet must not tell anyone twice.
    /// </summary>
    public static Task<int> MessagesSentAsync(ProportionDbContext db, Guid userId, string key, CancellationToken ct = default) =>
        db.Notifications.IgnoreQueryFilters().CountAsync(n => n.UserId == userId && n.ReminderKey == key, ct);
}
