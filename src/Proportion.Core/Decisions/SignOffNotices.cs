using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Links;
using Proportion.Core.Model;
using Proportion.Core.Notifications;
using Proportion.Core.Rules;

namespace Proportion.Core.Decisions;

/// <summary>
/// Who is told about a discussion's agreements, and what they are told, in the app (and by email, which
/// the web app sends for the messages returned). Each message carries a key naming what it is about, so
/// it reaches each person once. Only people of the provider that owns the decision, or of the council
/// that funds the person, are ever told.
/// </summary>
public sealed class SignOffNotices(ProportionDbContext db, InAppNotifications notifications, IRecordLinks links)
{
    /// <summary>
    /// The people who can give this agreement: the service's managers (R3); the organisation's senior
    /// managers (R4); the person's allocated social worker, or the funding council's social workers when
    /// none is allocated (R5). Active accounts only.
    /// </summary>
    public async Task<IReadOnlyList<AppUser>> WhoCanGiveAsync(SignOffRole role, PracticeDecision decision, Person person, CancellationToken ct = default)
    {
        switch (role)
        {
            case SignOffRole.ServiceManager:
                return await InRole(decision.OrganisationId, Roles.ServiceManager)
                    .Where(u => db.ServiceAssignments.Any(a => a.UserId == u.Id && a.ServiceId == decision.ServiceId)).ToListAsync(ct);
            case SignOffRole.SeniorManager:
                return await InRole(decision.OrganisationId, Roles.SeniorManager).ToListAsync(ct);
            case SignOffRole.SocialWorker:
                if (person.SocialWorkerId is { } allocated
                    && await db.Users.SingleOrDefaultAsync(u => u.Id == allocated && u.IsActive, ct) is { } socialWorker)
                {
                    return [socialWorker];
                }
                return person.FundingCouncilId is { } council ? await InRole(council, Roles.SocialWorker).ToListAsync(ct) : [];
            default:
                return [];
        }
    }

    /// <summary>The active commissioners of the council that funds the person (§6.3); none when nobody funds them.</summary>
    public async Task<IReadOnlyList<AppUser>> CommissionersAsync(Person person, CancellationToken ct = default) =>
        person.FundingCouncilId is { } council ? await InRole(council, Roles.Commissioner).ToListAsync(ct) : [];

    public Notification AskToAgree(PracticeDecision decision, RestrictivePractice practice, Person person, SignOffRole role, AppUser to, string askedBy, int round) =>
        notifications.Once(decision.OrganisationId, to.Id,
            $"{askedBy} asks for your agreement as {DecisionRecords.Describe(role)} to a restrictive practice for {person.KnownAs}: {practice.Description}. Agree or decline with your reasons.",
            links.DecisionCheck(person.Id, practice.Id), $"agreement:{decision.Id}:{round}:{role}");

    public Notification Declined(PracticeDecision decision, RestrictivePractice practice, Person person, DecisionDecline decline, Guid to) =>
        notifications.Once(decision.OrganisationId, to,
            $"{decline.Name} declined to agree, as {DecisionRecords.Describe(decline.Role)}, the restrictive practice for {person.KnownAs} ({practice.Description}): {decline.Reasons}",
            links.DecisionCheck(person.Id, practice.Id), $"declined:{decline.Id}");

    /// <summary>
    /// What the commissioner must be told (§6.3): which practice, for whom (by the name they prefer), the
    /// capacity finding and the review date. The practice's description comes last, so a long one is the
    /// only part shortened to fit.
    /// </summary>
    public Notification InformCommissioner(PracticeDecision decision, RestrictivePractice practice, Person person, string providerName, DecisionSignOff informed, Guid to) =>
        notifications.Once(decision.OrganisationId, to,
            $"{providerName} informs you of a planned restriction for {person.KnownAs}, who {CapacityFinding(decision.Capacity)}"
            + $"{(decision.PersonResponse == PersonResponse.Resists ? " and resists it" : "")}. Review date: {UkTime.Format(decision.ReviewDate)}."
            + $" Told by {informed.Name}. The practice: {EnumNames.Of(practice.Category)}, {practice.Description}",
            links.PracticeDetails(person.Id, practice.Id), $"commissioner:{informed.Id}");

    private static string CapacityFinding(CapacityToConsent? capacity) => capacity switch
    {
        CapacityToConsent.LacksCapacity => "has been assessed as lacking capacity to consent to it",
        CapacityToConsent.HasCapacity => "has been assessed as having capacity to consent to it",
        _ => "has not had their capacity to consent to it concluded",
    };

    private IQueryable<AppUser> InRole(Guid organisationId, string role) =>
        db.Users.Where(u => u.OrganisationId == organisationId && u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
}
