using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>One thing that must follow an incident, who it is for, when it is due, and whether it is done.</summary>
public sealed record IncidentDuty(string Rule, string Source, string What, DateTime? DueAt, bool Done, bool Overdue);

/// <summary>
/// What must follow a use of a restrictive intervention (R10, R13, §8.9 to §9.7), worked out from the
/// record and the time now. The same functions decide what is listed on the incident and what the
/// managers' lists count as overdue, so the two always agree.
/// </summary>
public static class IncidentDuties
{
    /// <summary>§9.6: emergencies are reviewed by the manager of the service or above within 48 hours.</summary>
    public static readonly TimeSpan ManagerReviewWithin = TimeSpan.FromHours(48);

    /// <summary>The 48-hour deadline; planned uses are reviewed too (§8.10) but with no set deadline.</summary>
    public static DateTime? ManagerReviewDue(Incident incident) =>
        incident.Kind == IncidentKind.Emergency ? incident.OccurredAt + ManagerReviewWithin : null;

    public static bool ManagerReviewOverdue(Incident incident, DateTime nowUtc) =>
        incident.ManagerReviewedAt is null && ManagerReviewDue(incident) is { } due && nowUtc > due;

    /// <summary>Regulation 16 (a death) or 18 (serious injury, abuse or an allegation of abuse, police): <see cref="CqcNotification"/>.</summary>
    public static bool CqcMustBeTold(Incident incident) => CqcNotification.Required(incident);

    /// <summary>The people who must be told or considered for this incident, in the order they are listed.</summary>
    public static IEnumerable<NotificationRecipient> RecipientsToConsider(Incident incident)
    {
        if (incident.Kind == IncidentKind.Emergency)
        {
            yield return NotificationRecipient.SeniorManager;
        }
        if (incident.Kind == IncidentKind.Emergency || CqcMustBeTold(incident))
        {
            yield return NotificationRecipient.Cqc;
            yield return NotificationRecipient.SocialWorker;
            yield return NotificationRecipient.Commissioner;
        }
        // §8.9: the family or representative is kept informed after every incident, as appropriate.
        yield return NotificationRecipient.Family;
    }

    public static IReadOnlyList<IncidentDuty> For(Incident incident, IReadOnlyCollection<IncidentNotification> notifications,
        IReadOnlyCollection<Guid> reflectedUserIds, DateTime nowUtc)
    {
        var duties = new List<IncidentDuty>();
        foreach (var recipient in RecipientsToConsider(incident))
        {
            var recorded = notifications.FirstOrDefault(n => n.Recipient == recipient);
            var (rule, source, what) = recipient switch
            {
                NotificationRecipient.SeniorManager => ("R10", "§9.4", "Senior manager notified"),
                NotificationRecipient.Cqc => ("R10", CqcNotification.Source(incident), CqcMustBeTold(incident) ? CqcNotification.MustBeTold : CqcNotification.Consider),
                NotificationRecipient.SocialWorker => ("R10", "§9.4", "Consider telling the social worker"),
                NotificationRecipient.Commissioner => ("R10", "§6.3", "Consider telling the commissioner"),
                _ => ("R10", "§8.9", "Tell the family or representative, as appropriate"),
            };
            // Regulations 16 and 18 are only met by telling CQC; deciding not to does not discharge it.
            var done = recorded is not null && (recorded.Told || !(recipient == NotificationRecipient.Cqc && CqcMustBeTold(incident)));
            var due = recipient == NotificationRecipient.Cqc && CqcMustBeTold(incident) ? incident.RecordedAt : (DateTime?)null;
            duties.Add(new IncidentDuty(rule, source, what, due, done, !done && due is { } d && nowUtc > d));
        }

        var reviewDue = ManagerReviewDue(incident);
        duties.Add(new IncidentDuty("R10", reviewDue is null ? "§8.10" : "§9.6",
            reviewDue is null ? "Manager reviews the incident" : "Manager reviews the incident with the person within 48 hours",
            reviewDue, incident.ManagerReviewedAt is not null, ManagerReviewOverdue(incident, nowUtc)));

        duties.Add(new IncidentDuty("R13", "CQC 2023", "Debrief with the person, support offered, and whether the care plan needs review",
            null, incident.FollowUpRecordedAt is not null, false));

        foreach (var member in incident.Staff.Where(s => s.UserId is not null))
        {
            duties.Add(new IncidentDuty("R13", "§10.1", $"Reflection from {member.Name}", null, reflectedUserIds.Contains(member.UserId!.Value), false));
        }
        return duties;
    }
}
