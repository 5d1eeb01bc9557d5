using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Data;
using Proportion.Core.Links;
using Proportion.Core.Liberty;
using Proportion.Core.Model;
using Proportion.Core.Oversight;
using Proportion.Core.Reminders;
using Proportion.Core.Rules;

namespace Proportion.Core.Commissioning;

/// <summary>
/// Alerts that reach the council (R27): the commissioners of the council that funds a person, and the social worker
/// allocated to them, are told in the app (and by email, where the reminder job sends it) when the person is
/// restrained in an emergency; when a restriction is agreed for them while they lack capacity to consent (the
/// commissioner "informed" of §6.3 is informed of the agreement itself); when their restriction rises by special
/// cause; and when a review of one of their restrictions or a deprivation of liberty deadline is overdue.
/// Commissioners are also told of a special-cause rise across the people they fund at one provider. Each alert is
/// sent once to each person (<see cref="ReminderOutbox"/>), with a link to the record, which they can open.
/// </summary>
public sealed class CouncilAlerts(ProportionDbContext db, IRecordLinks links)
{
    /// <summary>Events older than this are not alerted, so a council switched on late is not flooded with history.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(7);

    /// <summary>A provider's rise is read on the council's monthly chart, two years long, as the creep alerts' are.</summary>
    public const int Months = CreepAlerts.Months;

    private sealed record Funded(Guid Id, Guid OrganisationId, Guid CouncilId, Guid? SocialWorkerId, string Name);

    /// <returns>The alerts sent, saved; the caller may also email them.</returns>
    public async Task<IReadOnlyList<Notification>> RaiseAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var since = nowUtc - LookBack;
        var today = DateOnly.FromDateTime(UkTime.ToLondon(nowUtc));
        var commissioners = (await (from user in db.Users
                                    join userRole in db.UserRoles on user.Id equals userRole.UserId
                                    join role in db.Roles on userRole.RoleId equals role.Id
                                    where role.Name == Roles.Commissioner && user.IsActive
                                    select new { user.Id, user.OrganisationId }).AsNoTracking().ToListAsync(ct))
            .ToLookup(u => u.OrganisationId, u => u.Id);
        var wanted = new List<Notification>();

        // Everyone to tell about one funded person: the council's commissioners and their own social worker.
        void Tell(Funded person, string key, string message, string link)
        {
            foreach (var user in commissioners[person.CouncilId].Append(person.SocialWorkerId ?? Guid.Empty).Where(u => u != Guid.Empty).Distinct())
            {
                wanted.Add(new Notification { OrganisationId = person.CouncilId, UserId = user, CreatedAt = nowUtc, ReminderKey = key, Message = Clip(message), Link = link });
            }
        }

        var people = await db.People.AsNoTracking().Where(p => p.FundingCouncilId != null)
            .Select(p => new { p.Id, p.OrganisationId, CouncilId = p.FundingCouncilId!.Value, p.SocialWorkerId, p.GivenName, p.PreferredName, p.FamilyName })
            .ToListAsync(ct);
        var funded = people.ToDictionary(p => p.Id, p => new Funded(p.Id, p.OrganisationId, p.CouncilId, p.SocialWorkerId,
            string.IsNullOrWhiteSpace(p.PreferredName) ? $"{p.GivenName} {p.FamilyName}" : $"{p.PreferredName} {p.FamilyName}"));
        if (funded.Count == 0)
        {
            return [];
        }
        var providers = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Provider).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        string At(Funded p) => providers.GetValueOrDefault(p.OrganisationId) ?? "their provider";

        // Restrained in an emergency.
        foreach (var i in await db.Incidents.AsNoTracking().Where(i => i.Kind == IncidentKind.Emergency && i.RecordedAt > since && i.Person!.FundingCouncilId != null)
                     .Select(i => new { i.Id, i.PersonId, i.OccurredAt }).ToListAsync(ct))
        {
            var p = funded[i.PersonId];
            Tell(p, $"council-emergency:{i.Id:N}", $"{p.Name} was restrained in an emergency at {At(p)} on {UkTime.Format(i.OccurredAt)}.", links.Incident(i.Id));
        }

        // A restriction agreed while the person lacks capacity to consent (§6.3).
        foreach (var d in await db.Decisions.AsNoTracking().Where(d => d.Status == DecisionStatus.Agreed && d.AgreedAt > since && d.Practice!.Person!.FundingCouncilId != null)
                     .Where(CapacityAssessment.LacksCapacityInQuery)
                     .Select(d => new { d.Id, d.PersonId, d.PracticeId, d.Practice!.Description }).ToListAsync(ct))
        {
            var p = funded[d.PersonId];
            Tell(p, $"council-agreed:{d.Id:N}", $"A restriction was agreed for {p.Name} at {At(p)}, who lacks capacity to consent to it: {d.Description}.",
                links.PracticeDetails(d.PersonId, d.PracticeId));
        }

        // A special-cause rise on the person's own chart, as the provider's managers were told.
        foreach (var a in await db.CreepAlerts.AsNoTracking().Where(a => a.SubjectKind == ChartSubjectKind.Person && a.RaisedAt > since && a.Person!.FundingCouncilId != null)
                     .Select(a => new { a.Id, PersonId = a.PersonId!.Value, a.Measure, a.Period }).ToListAsync(ct))
        {
            var p = funded[a.PersonId];
            Tell(p, $"council-rise:{a.Id:N}", $"{EnumNames.Of(a.Measure)} for {p.Name} at {At(p)} are rising more than chance would explain.",
                links.RestrictionChart(new ChartSubject(ChartSubjectKind.Person, a.PersonId), a.Measure, a.Period));
        }

        // A review overdue: once for each date a review was due.
        foreach (var r in await PracticeQueries.ReviewsOverdue(db.Practices.AsNoTracking().Where(p => p.Person!.FundingCouncilId != null), today)
                     .Select(r => new { r.Id, r.PersonId, r.Description, r.ReviewDate }).ToListAsync(ct))
        {
            var p = funded[r.PersonId];
            Tell(p, $"council-review:{r.Id:N}:{r.ReviewDate:yyyy-MM-dd}", $"A review is overdue for {p.Name} at {At(p)}: {r.Description}, due {UkTime.Format(r.ReviewDate!.Value)}.",
                links.PracticeDetails(r.PersonId, r.Id));
        }

        // A deprivation of liberty deadline overdue (R6): an authorisation ended with nothing after it, a renewal,
        // an urgent authorisation's end or the supervisory body's decision.
        // One alert per authorisation at a time: once it has ended, its missed renewal says nothing more.
        LibertyDeadlineKind[] pressing = [LibertyDeadlineKind.Ends, LibertyDeadlineKind.UrgentEnds, LibertyDeadlineKind.Decision, LibertyDeadlineKind.Renew];
        foreach (var item in (await LibertyDue.ForPeopleAsync(db, db.People.Where(p => p.FundingCouncilId != null), today, ct))
                     .Where(i => i.Overdue && i.Kind is { } kind && pressing.Contains(kind))
                     .GroupBy(i => i.RecordId).Select(g => g.OrderBy(i => Array.IndexOf(pressing, i.Kind!.Value)).First()))
        {
            var p = funded[item.PersonId];
            Tell(p, $"council-liberty:{item.RecordId:N}:{item.Kind}:{item.Due:yyyy-MM-dd}", $"A deprivation of liberty deadline is overdue for {p.Name} at {At(p)}: {item.What}, due {UkTime.Format(item.Due)}.",
                links.Liberty(item.PersonId));
        }

        await AddProviderRisesAsync(wanted, commissioners.ToDictionary(g => g.Key, g => g.ToList()), providers, today, nowUtc, ct);
        return await ReminderOutbox.SendOnceAsync(db, wanted, ct);
    }

    /// <summary>A message names a practice in the user's own words, which may be long: it is cut to fit, never refused.</summary>
    private static string Clip(string message) =>
        message.Length <= Notification.MessageMaxLength ? message : message[..(Notification.MessageMaxLength - 1)] + "…";

    /// <summary>
    /// A special-cause rise across the people a council funds at one provider, on the council's monthly chart of that
    /// provider (<see cref="ChartSubjectKind.CouncilProvider"/>), at the last complete month: for the commissioners only.
    /// Only pairs with any use in that month are read (a month with none cannot be a rise), one grouped query finding them.
    /// </summary>
    private async Task AddProviderRisesAsync(List<Notification> wanted, Dictionary<Guid, List<Guid>> commissioners, Dictionary<Guid, string> providers,
        DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        const ChartPeriod period = ChartPeriod.Month;
        var last = Periods.StartOf(today, period).AddMonths(-1);
        var first = last.AddMonths(1 - Months);
        var pairs = await db.RestraintTallies.AsNoTracking().Where(t => t.Period == period && t.Starts == last && t.Person!.FundingCouncilId != null && t.Incidents > 0)
            .Select(t => new { Council = t.Person!.FundingCouncilId!.Value, Provider = t.OrganisationId }).Distinct().ToListAsync(ct);
        var series = new RestrictionSeries(db);
        foreach (var pair in pairs.Where(p => commissioners.ContainsKey(p.Council)))
        {
            foreach (var measure in new[] { Measure.Incidents, Measure.Interventions, Measure.Prone, Measure.RestraintMinutes })
            {
                var subject = ChartSubject.CouncilProvider(pair.Council, pair.Provider);
                var points = await series.ReadAsync(subject, measure, period, first, Periods.EndOf(last, period), ct);
                if (CreepDetection.Rise([.. points.Select(p => p.Value)]) is null)
                {
                    continue;
                }
                var provider = providers.GetValueOrDefault(pair.Provider) ?? "a provider";
                foreach (var user in commissioners[pair.Council])
                {
                    wanted.Add(new Notification
                    {
                        OrganisationId = pair.Council, UserId = user, CreatedAt = nowUtc,
                        ReminderKey = $"council-provider-rise:{pair.Provider:N}:{measure}:{last:yyyy-MM}",
                        Message = $"{EnumNames.Of(measure)} for the people your council funds at {provider} rose more than chance would explain in {last:MMMM yyyy}.",
                        Link = links.RestrictionChart(subject, measure, period),
                    });
                }
            }
        }
    }
}
