using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Liberty;
using Proportion.Core.Model;
using Proportion.Core.Oversight;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Core.Commissioning;

/// <summary>
/// What a group of the people a council funds has in place and outstanding: a provider's funded people, a
/// service's, or one person's. Every figure is a count the database worked out.
/// </summary>
/// <param name="InPlace">Practices agreed or under review, by category.</param>
/// <param name="Incidents">Incidents in the last <see cref="CouncilPicture.IncidentDays"/> days.</param>
/// <param name="Prone">Of those, incidents with a prone restraint.</param>
/// <param name="RenewalsDue">Authorisations still in force whose renewal is due within the month or late, with no renewal applied for (R6).</param>
/// <param name="AuthorisationsEnded">Authorisations that have ended with nothing granted after them (R6).</param>
/// <param name="SignOffsWaiting">Discussions waiting for a social worker's agreement because the person lacks capacity (R5).</param>
public sealed record PictureFigures(int People, IReadOnlyDictionary<PracticeCategory, int> InPlace, int ReviewsOverdue,
    int Incidents, int Prone, int RenewalsDue, int AuthorisationsEnded, int SignOffsWaiting)
{
    public static readonly PictureFigures None = new(0, new Dictionary<PracticeCategory, int>(), 0, 0, 0, 0, 0, 0);

    public int PracticesInPlace => InPlace.Values.Sum();

    public int InPlaceOf(PracticeCategory category) => InPlace.GetValueOrDefault(category);

    /// <summary>Incidents per person funded, or null when nobody is.</summary>
    public double? IncidentsPerPerson => People == 0 ? null : (double)Incidents / People;

    public double? PronePerPerson => People == 0 ? null : (double)Prone / People;

    public static PictureFigures Sum(IEnumerable<PictureFigures> all)
    {
        var list = all.ToList();
        return new PictureFigures(list.Sum(f => f.People),
            Enum.GetValues<PracticeCategory>().ToDictionary(c => c, c => list.Sum(f => f.InPlaceOf(c))),
            list.Sum(f => f.ReviewsOverdue), list.Sum(f => f.Incidents), list.Sum(f => f.Prone),
            list.Sum(f => f.RenewalsDue), list.Sum(f => f.AuthorisationsEnded), list.Sum(f => f.SignOffsWaiting));
    }
}

/// <summary>One provider where the council funds people, with its staff's certified training (R15).</summary>
public sealed record ProviderPicture(Guid OrganisationId, string Name, PictureFigures Figures, Unscoped.CertifiedStaff Training)
{
    /// <summary>The share of staff with in-date certified training, or null when no staff are recorded.</summary>
    public double? TrainedShare => Training.Staff == 0 ? null : (double)Training.Certified / Training.Staff;
}

/// <summary>One funded person at a provider, in their service.</summary>
public sealed record PersonPicture(Guid PersonId, string Name, Guid ServiceId, string Service, PictureFigures Figures);

/// <summary>Every provider where the council funds people, side by side, and the council's total.</summary>
public sealed record CouncilPictureView(DateOnly IncidentsFrom, DateOnly Today, IReadOnlyList<ProviderPicture> Providers)
{
    public PictureFigures Total => PictureFigures.Sum(Providers.Select(p => p.Figures));

    public Unscoped.CertifiedStaff Training => new(Providers.Sum(p => p.Training.Staff), Providers.Sum(p => p.Training.Certified));
}

/// <summary>One provider's funded people, by service and one by one.</summary>
public sealed record ProviderPictureView(DateOnly IncidentsFrom, DateOnly Today, ProviderPicture Provider, IReadOnlyList<PersonPicture> People)
{
    public IReadOnlyList<(Guid ServiceId, string Service, PictureFigures Figures)> Services =>
        [.. People.GroupBy(p => (p.ServiceId, p.Service)).OrderBy(g => g.Key.Service)
            .Select(g => (g.Key.ServiceId, g.Key.Service, PictureFigures.Sum(g.Select(p => p.Figures))))];
}

/// <summary>
/// The council-wide picture for commissioners (R27): every provider and service where the council funds
/// people, side by side. Only the people the council funds are counted, and only as counts: each figure is
/// one grouped query over those people's records, so the page costs the same for 20 providers or 200, and
/// nothing of a provider's other residents leaves the database. Staff training is the exception, being the
/// provider's own: <see cref="Unscoped.CertifiedStaffAsync"/> gives its two counts.
/// </summary>
public sealed class CouncilPicture(ProportionDbContext db, TimeProvider clock)
{
    /// <summary>Incidents are counted over this many days, as on the organisation's own picture.</summary>
    public const int IncidentDays = 90;

    public async Task<CouncilPictureView> ReadAsync(Guid councilId, CancellationToken ct = default)
    {
        var today = UkTime.Today(clock);
        var figures = await FiguresAsync(db.People.Where(p => p.FundingCouncilId == councilId), ByProvider, today, ct);
        var ids = figures.Keys.ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var training = await Unscoped.CertifiedStaffAsync(db, ids, today, ct);
        var providers = ids.Select(id => new ProviderPicture(id, names[id], figures[id], training.GetValueOrDefault(id) ?? new(0, 0)))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new CouncilPictureView(IncidentsFrom(today), today, providers);
    }

    /// <summary>One provider's funded people, or null when the council funds nobody there.</summary>
    public async Task<ProviderPictureView?> ReadProviderAsync(Guid councilId, Guid providerId, CancellationToken ct = default)
    {
        var today = UkTime.Today(clock);
        var funded = db.People.Where(p => p.FundingCouncilId == councilId && p.OrganisationId == providerId);
        var people = await funded.AsNoTracking().Select(p => new { p.Id, p.GivenName, p.PreferredName, p.FamilyName, p.ServiceId }).ToListAsync(ct);
        if (people.Count == 0)
        {
            return null;
        }
        var figures = await FiguresAsync(funded, ByPerson, today, ct);
        var serviceIds = people.Select(p => p.ServiceId).Distinct().ToList();
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var name = await db.Organisations.Where(o => o.Id == providerId).Select(o => o.Name).SingleAsync(ct);
        var training = (await Unscoped.CertifiedStaffAsync(db, [providerId], today, ct)).GetValueOrDefault(providerId) ?? new(0, 0);
        var rows = people
            .Select(p => new PersonPicture(p.Id, new Person { GivenName = p.GivenName, PreferredName = p.PreferredName, FamilyName = p.FamilyName }.KnownAs,
                p.ServiceId, services.GetValueOrDefault(p.ServiceId) ?? "A service", figures.GetValueOrDefault(p.Id) ?? PictureFigures.None))
            .OrderBy(p => p.Service, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var provider = new ProviderPicture(providerId, name, PictureFigures.Sum(rows.Select(r => r.Figures)), training);
        return new ProviderPictureView(IncidentsFrom(today), today, provider, rows);
    }

    public static DateOnly IncidentsFrom(DateOnly today) => today.AddDays(1 - IncidentDays);

    /// <summary>How the counts are grouped: the key each kind of record is counted under.</summary>
    private sealed record Grouping(
        Expression<Func<Person, Guid>> Person,
        Expression<Func<RestrictivePractice, Guid>> Practice,
        Expression<Func<Incident, Guid>> Incident,
        Expression<Func<LibertyAuthorisation, Guid>> Authorisation,
        Expression<Func<PracticeDecision, Guid>> Decision);

    private static readonly Grouping ByProvider = new(p => p.OrganisationId, p => p.OrganisationId, i => i.OrganisationId, a => a.OrganisationId, d => d.OrganisationId);
    private static readonly Grouping ByPerson = new(p => p.Id, p => p.PersonId, i => i.PersonId, a => a.PersonId, d => d.PersonId);

    /// <summary>Each figure for the funded people given, one grouped query each, keyed as <paramref name="by"/> says.</summary>
    private async Task<Dictionary<Guid, PictureFigures>> FiguresAsync(IQueryable<Person> funded, Grouping by, DateOnly today, CancellationToken ct)
    {
        var people = await CountAsync(funded, by.Person, ct);

        // Joined from the funded people, so the database starts from the council's index on people rather than
        // testing every practice, incident or authorisation of every provider against the list.
        var practices = from f in funded join p in db.Practices on f.Id equals p.PersonId select p;
        var inPlace = await CountByKindAsync(practices.Where(p => p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview),
            by.Practice, p => (int)p.Category, ct);
        var reviewsOverdue = await CountAsync(PracticeQueries.ReviewsOverdue(practices, today), by.Practice, ct);

        var fromUtc = UkTime.EndOfDay(IncidentsFrom(today).AddDays(-1));
        var toUtc = UkTime.EndOfDay(today);
        var incidents = await CountByKindAsync(
            (from f in funded join i in db.Incidents on f.Id equals i.PersonId select i).Where(i => i.OccurredAt >= fromUtc && i.OccurredAt < toUtc),
            by.Incident, i => i.Interventions.Any(x => x.Type == InterventionType.PhysicalProne) ? 1 : 0, ct);

        var authorisations = from f in funded join a in db.LibertyAuthorisations on f.Id equals a.PersonId select a;
        var renewalsDue = await CountAsync(RenewalsDue(authorisations, today), by.Authorisation, ct);
        var ended = await CountAsync(EndedWithNothingAfter(authorisations, today), by.Authorisation, ct);

        var signOffs = await CountAsync((from f in funded join d in db.Decisions on f.Id equals d.PersonId select d).Where(d => d.Status == DecisionStatus.Draft)
            .Where(CapacityAssessment.LacksCapacityInQuery)
            .Where(d => !d.SignOffs.Any(s => s.Role == SignOffRole.SocialWorker)
                // A discussion with a decline standing waits for its manager, not for anyone's agreement (as in My tasks).
                && !db.DecisionDeclines.Any(x => x.DecisionId == d.Id && x.AnsweredAt == null)), by.Decision, ct);

        return people.Keys.ToDictionary(key => key, key => new PictureFigures(people[key],
            Enum.GetValues<PracticeCategory>().Where(c => inPlace.ContainsKey((key, (int)c))).ToDictionary(c => c, c => inPlace[(key, (int)c)]),
            reviewsOverdue.GetValueOrDefault(key),
            incidents.GetValueOrDefault((key, 0)) + incidents.GetValueOrDefault((key, 1)), incidents.GetValueOrDefault((key, 1)),
            renewalsDue.GetValueOrDefault(key), ended.GetValueOrDefault(key), signOffs.GetValueOrDefault(key)));
    }

    /// <summary>
    /// The query twin of <see cref="LibertyDeadlines"/>'s renewal: a standard authorisation or court order in
    /// force, with no renewal applied for since it started, whose apply-by date is within
    /// <see cref="LibertyDue.ShownWithinDays"/> days or past. One already ended counts as ended instead.
    /// </summary>
    public IQueryable<LibertyAuthorisation> RenewalsDue(IQueryable<LibertyAuthorisation> authorisations, DateOnly today)
    {
        var latestEnd = today.AddDays(LibertyDue.ShownWithinDays + DeprivationOfLibertyTimescales.RenewDaysBefore);
        return authorisations.Where(a => a.Kind != LibertyAuthorisationKind.UrgentAuthorisation && a.Outcome == LibertyOutcome.Granted
            && a.StartsOn != null && a.ExpiresOn != null && a.ExpiresOn >= today && a.ExpiresOn <= latestEnd
            && !db.LibertyAuthorisations.Any(o => o.PersonId == a.PersonId && o.Id != a.Id
                && o.Kind != LibertyAuthorisationKind.UrgentAuthorisation && o.RequestedOn >= a.StartsOn));
    }

    /// <summary>
    /// The query twin of <see cref="LibertyDeadlines"/>'s end, once past: a standard authorisation or court
    /// order that has ended with nothing granted to follow on from it by the next day.
    /// </summary>
    public IQueryable<LibertyAuthorisation> EndedWithNothingAfter(IQueryable<LibertyAuthorisation> authorisations, DateOnly today) =>
        authorisations.Where(a => a.Kind != LibertyAuthorisationKind.UrgentAuthorisation && a.Outcome == LibertyOutcome.Granted
            && a.StartsOn != null && a.ExpiresOn != null && a.ExpiresOn < today
            && !db.LibertyAuthorisations.Any(o => o.PersonId == a.PersonId && o.Id != a.Id && o.Outcome == LibertyOutcome.Granted
                && o.StartsOn > a.StartsOn && o.StartsOn!.Value.AddDays(-1) <= a.ExpiresOn));

    private sealed class Keyed
    {
        public Guid Key { get; set; }
        public int Kind { get; set; }
    }

    private static async Task<Dictionary<Guid, int>> CountAsync<T>(IQueryable<T> rows, Expression<Func<T, Guid>> key, CancellationToken ct) =>
        await rows.Select(key).GroupBy(k => k).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>Counts by key and by a second, small number: a category, or whether an incident had a prone restraint.</summary>
    private static async Task<Dictionary<(Guid Key, int Kind), int>> CountByKindAsync<T>(IQueryable<T> rows, Expression<Func<T, Guid>> key,
        Expression<Func<T, int>> kind, CancellationToken ct)
    {
        var row = key.Parameters[0];
        var keyed = Expression.Lambda<Func<T, Keyed>>(Expression.MemberInit(Expression.New(typeof(Keyed)),
            Expression.Bind(typeof(Keyed).GetProperty(nameof(Keyed.Key))!, key.Body),
            Expression.Bind(typeof(Keyed).GetProperty(nameof(Keyed.Kind))!, new Rebind(kind.Parameters[0], row).Visit(kind.Body))), row);
        return await rows.Select(keyed).GroupBy(k => new { k.Key, k.Kind }).Select(g => new { g.Key.Key, g.Key.Kind, Count = g.Count() })
            .ToDictionaryAsync(g => (g.Key, g.Kind), g => g.Count, ct);
    }

    /// <summary>Puts one lambda's body onto another's parameter, so two selectors make one projection.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
