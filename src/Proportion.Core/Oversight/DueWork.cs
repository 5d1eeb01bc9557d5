using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Liberty;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Links;
using Proportion.Core.Scoping;

namespace Proportion.Core.Oversight;

/// <summary>The kinds of work that fall due over time, each from its rule.</summary>
public enum DueKind
{
    /// <summary>R9: a practice's review by its date.</summary>
    PracticeReview = 1,
    /// <summary>R8: a review brought forward by an incident.</summary>
    EarlyReview = 2,
    /// <summary>R18: a practice in place a long time without a review that considered reducing it.</summary>
    ReductionNotConsidered = 3,
    /// <summary>R11: the manager's 3-monthly monitoring of the service.</summary>
    Monitoring = 4,
    /// <summary>R11: the senior manager's 6-monthly audit of the service.</summary>
    Audit = 5,
    /// <summary>R10: an emergency's review by the manager within 48 hours.</summary>
    IncidentReview48Hours = 6,
    /// <summary>R11: an action a signed-off monitoring or audit set, by its due date.</summary>
    MonitoringAction = 7,
    /// <summary>R6: a deprivation of liberty decision due, an authorisation ending, or its renewal to apply for.</summary>
    LibertyDeadline = 8,
    /// <summary>R6: practices in place for a person lacking capacity that may amount to a deprivation of liberty, not screened since.</summary>
    LibertyScreening = 9,
    /// <summary>CQC Regulation 18: the outcome of a deprivation of liberty application, or its withdrawal, not yet notified.</summary>
    LibertyCqcNotification = 10,
    /// <summary>R26: an action a risk review panel set, by its due date, for the user it was given to.</summary>
    PanelAction = 11,
    /// <summary>R26: a risk review panel's review of its decision.</summary>
    PanelReview = 12,
    /// <summary>R19, R20: a plan in place (profile, risk assessment, behaviour support, positive risk-taking, reduction, support plan, supported decision-making, keeping safe) reviewed by its date; a support plan by its outcomes.</summary>
    PlanReview = 13,
    /// <summary>R20: the council's first decision on a safeguarding concern (is a s.42 enquiry needed?), within the working days the council sets.</summary>
    SafeguardingDecision = 16,
    /// <summary>R20: a review of a safeguarding concern's safety plan, for the council's safeguarding team.</summary>
    SafeguardingPlanReview = 17,
    /// <summary>R20: an action of a safety plan the council's team follows up (the council's, the person's or another organisation's).</summary>
    SafeguardingCouncilAction = 18,
    /// <summary>R20: an action of a safety plan the council gave the provider, for the provider's managers.</summary>
    SafeguardingProviderAction = 19,
    /// <summary>R20: a safeguarding concern started more than a day ago and not sent, for the one who raised it and the service's managers.</summary>
    SafeguardingDraft = 14,
    /// <summary>R20: a safeguarding concern sent without the person's agreement, and they have not been told yet.</summary>
    SafeguardingPersonNotTold = 15,
}

/// <summary>One thing due or overdue, in one service, with the record it concerns and the rule that asks for it.</summary>
/// <param name="AssignedToId">The user it is for, beside the service's managers (a panel's action, a concern's raiser).</param>
/// <param name="HiddenFromId">A user never told of it: the member of staff a safeguarding concern names as the alleged source (R20).</param>
public sealed record DueItem(DueKind Kind, Guid ServiceId, string Service, Guid? PersonId, string? Person, Guid RecordId,
    string What, DateOnly Due, bool Overdue, string Link, string Rule, Guid? AssignedToId = null, Guid? HiddenFromId = null);

/// <summary>
/// Every due and overdue item of the procedure's safeguards over time (R8, R9, R10, R11, R18, R19) for one
/// service or for everything the user can see, from a few set-based queries. My tasks, the organisation's
/// picture and the reminders all read it, so a deadline is worked out in one place.
/// </summary>
public sealed class DueWork(ProportionDbContext db, TimeProvider clock, IOptions<RuleSettings> rules, IRecordLinks links)
{
    public int ReductionMonths => rules.Value.ReductionConsideredWithinMonths;

    public Task<IReadOnlyList<DueItem>> ForServiceAsync(Guid serviceId, CancellationToken ct = default) => ComputeAsync(serviceId, null, ct);

    /// <summary>Everything due in the services the user can see: for a senior manager or the board, the whole organisation.</summary>
    /// <param name="soonestPerKind">
    /// When set, only the soonest (most overdue) this many of each kind of practice item: a list for one
    /// person to read, which the database can answer without reading every practice due.
    /// </param>
    public Task<IReadOnlyList<DueItem>> ForScopeAsync(int? soonestPerKind = null, CancellationToken ct = default) => ComputeAsync(null, soonestPerKind, ct);

    private async Task<IReadOnlyList<DueItem>> ComputeAsync(Guid? serviceId, int? soonestPerKind, CancellationToken ct)
    {
        IQueryable<T> Soonest<T>(IOrderedQueryable<T> query) => soonestPerKind is { } n ? query.Take(n) : query;
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var services = await ServicesIn(serviceId).Select(s => new { s.Id, s.Name, s.CreatedAt }).AsNoTracking().ToListAsync(ct);
        var names = services.ToDictionary(s => s.Id, s => s.Name);
        var items = new List<DueItem>();

        // R9: reviews due within the month, due today or overdue.
        var shownUpTo = ReviewDue.ShownFrom(today);
        var reviews = await Soonest(PracticeQueries.ReviewsDueBy(PracticesIn(serviceId), shownUpTo).OrderBy(p => p.ReviewDate))
            .Select(p => new { p.Id, p.ServiceId, p.PersonId, p.Description, p.ReviewDate, p.Person!.GivenName, p.Person.PreferredName, p.Person.FamilyName })
            .AsNoTracking().ToListAsync(ct);
        items.AddRange(reviews.Where(p => names.ContainsKey(p.ServiceId)).Select(p => new DueItem(DueKind.PracticeReview, p.ServiceId, names[p.ServiceId],
            p.PersonId, KnownAs(p.GivenName, p.PreferredName, p.FamilyName), p.Id, $"Review: {p.Description}", p.ReviewDate!.Value,
            ReviewDue.State(p.ReviewDate, today) == ReviewState.Overdue, PracticeLink(p.PersonId, p.Id), ReviewDue.Rule)));

        // R8: reviews brought forward by incidents, due from the day the incident was recorded.
        var early = await IncidentQueries.EarlyReviewsPending(db).Where(i => serviceId == null || i.ServiceId == serviceId)
            .Join(db.Practices.Where(p => p.Status != PracticeStatus.Ended), i => i.PracticeId, p => p.Id, (i, p) => new { i, p.Description })
            .Select(x => new { x.i.Id, x.i.ServiceId, x.i.PersonId, PracticeId = x.i.PracticeId!.Value, x.i.RecordedAt, x.Description,
                x.i.Person!.GivenName, x.i.Person.PreferredName, x.i.Person.FamilyName })
            .AsNoTracking().ToListAsync(ct);
        // One item per practice, due from the first incident that called for it.
        items.AddRange(early.Where(i => names.ContainsKey(i.ServiceId)).OrderBy(i => i.RecordedAt).DistinctBy(i => i.PracticeId).Select(i => new DueItem(DueKind.EarlyReview, i.ServiceId, names[i.ServiceId],
            i.PersonId, KnownAs(i.GivenName, i.PreferredName, i.FamilyName), i.PracticeId, $"Review a practice early: {i.Description}",
            DateOnly.FromDateTime(UkTime.ToLondon(i.RecordedAt)), true, PracticeLink(i.PersonId, i.PracticeId), EarlyReview.Rule)));

        // R18: in place since before the cut-off with no review since that considered reducing it.
        var months = ReductionMonths;
        var stale = await Soonest(PracticeQueries.ReductionNotConsidered(PracticesIn(serviceId), today, months).OrderBy(p => p.StartDate))
            .Select(p => new { p.Id, p.ServiceId, p.PersonId, p.Description, p.StartDate, p.Person!.GivenName, p.Person.PreferredName, p.Person.FamilyName })
            .AsNoTracking().ToListAsync(ct);
        items.AddRange(stale.Where(p => names.ContainsKey(p.ServiceId)).Select(p => new DueItem(DueKind.ReductionNotConsidered, p.ServiceId, names[p.ServiceId],
            p.PersonId, KnownAs(p.GivenName, p.PreferredName, p.FamilyName), p.Id, $"Consider reducing: {p.Description}. {ReductionConsidered.Message(months)}",
            p.StartDate.AddMonths(months), true, PracticeLink(p.PersonId, p.Id), ReductionConsidered.Rule)));

        // R11: each service's next monitoring and audit, from the last one completed.
        var lastOn = await MonitoringQueries.LastCompletedAsync(db.Monitoring.Where(m => serviceId == null || m.ServiceId == serviceId), ct);
        foreach (var s in services)
        {
            foreach (var kind in new[] { MonitoringKind.ManagerMonitoring, MonitoringKind.SeniorAudit })
            {
                var due = lastOn.NextDue(s.Id, s.CreatedAt, kind);
                if (due <= today.AddDays(MonitoringDue.DueSoonDays))
                {
                    items.Add(new DueItem(kind == MonitoringKind.SeniorAudit ? DueKind.Audit : DueKind.Monitoring, s.Id, s.Name, null, null, s.Id,
                        kind == MonitoringKind.SeniorAudit ? $"Audit the restrictive practices of {s.Name} (RP3)" : $"Monitor the restrictive practices of {s.Name} (RP3)",
                        due, MonitoringDue.IsOverdue(due, today), links.ServiceMonitoring(s.Id), MonitoringDue.Rule));
                }
            }
        }

        // R11: the actions signed-off checks set, until they are recorded as done.
        var soon = today.AddDays(MonitoringDue.DueSoonDays);
        var actions = await db.Monitoring.Where(m => m.Status == MonitoringStatus.Completed && (serviceId == null || m.ServiceId == serviceId))
            .SelectMany(m => m.Actions.Where(a => a.DoneOn == null && a.DueOn <= soon), (m, a) => new { m.Id, m.ServiceId, m.Kind, ActionId = a.Id, a.What, a.Owner, a.DueOn })
            .AsNoTracking().ToListAsync(ct);
        items.AddRange(actions.Where(a => names.ContainsKey(a.ServiceId)).Select(a => new DueItem(DueKind.MonitoringAction, a.ServiceId, names[a.ServiceId],
            null, null, a.ActionId, $"Action from the {(a.Kind == MonitoringKind.SeniorAudit ? "audit" : "monitoring")} of {names[a.ServiceId]}: {a.What} ({a.Owner})",
            a.DueOn, MonitoringDue.IsOverdue(a.DueOn, today), links.MonitoringActions(a.ServiceId, a.Id), MonitoringDue.Rule)));

        // R10: emergencies past their 48-hour review.
        var late = await IncidentQueries.ManagerReviewsOverdue(db, now).Where(i => serviceId == null || i.ServiceId == serviceId)
            .Select(i => new { i.Id, i.ServiceId, i.PersonId, i.OccurredAt, i.Person!.GivenName, i.Person.PreferredName, i.Person.FamilyName })
            .AsNoTracking().ToListAsync(ct);
        items.AddRange(late.Where(i => names.ContainsKey(i.ServiceId)).Select(i => new DueItem(DueKind.IncidentReview48Hours, i.ServiceId, names[i.ServiceId],
            i.PersonId, KnownAs(i.GivenName, i.PreferredName, i.FamilyName), i.Id, $"Review the emergency of {UkTime.Format(i.OccurredAt)} with the person",
            DateOnly.FromDateTime(UkTime.ToLondon(i.OccurredAt + IncidentDuties.ManagerReviewWithin)), true, links.Incident(i.Id), "R10")));

        items.AddRange(await LibertyItemsAsync(serviceId, names, today, ct));

        // R26: risk review panels' open actions, for the user given each, and the panels' reviews of their decisions.
        var panelActions = await db.PanelActions.Where(a => a.DoneAt == null && a.DueOn <= soon)
            .Join(db.PanelReferrals.Where(r => r.Status == PanelStatus.Decided && (serviceId == null || r.ServiceId == serviceId)), a => a.ReferralId, r => r.Id,
                (a, r) => new { a.Id, a.What, a.DueOn, a.AssignedToId, ReferralId = r.Id, r.ServiceId, r.PersonId, r.Person!.GivenName, r.Person.PreferredName, r.Person.FamilyName })
            .AsNoTracking().ToListAsync(ct);
        items.AddRange(panelActions.Where(a => names.ContainsKey(a.ServiceId)).Select(a => new DueItem(DueKind.PanelAction, a.ServiceId, names[a.ServiceId],
            a.PersonId, KnownAs(a.GivenName, a.PreferredName, a.FamilyName), a.Id, $"Action from a risk review panel: {a.What}",
            a.DueOn, a.DueOn < today, links.PanelReferral(a.PersonId, a.ReferralId), PanelRules.Rule, a.AssignedToId)));
        var panelReviews = await db.PanelReferrals.Where(r => r.Status == PanelStatus.Decided && r.ReviewOn <= soon && (serviceId == null || r.ServiceId == serviceId))
            .Select(r => new { r.Id, r.ServiceId, r.PersonId, r.Kind, ReviewOn = r.ReviewOn!.Value, r.Person!.GivenName, r.Person.PreferredName, r.Person.FamilyName })
            .AsNoTracking().ToListAsync(ct);
        items.AddRange(panelReviews.Where(r => names.ContainsKey(r.ServiceId)).Select(r => new DueItem(DueKind.PanelReview, r.ServiceId, names[r.ServiceId],
            r.PersonId, KnownAs(r.GivenName, r.PreferredName, r.FamilyName), r.Id,
            r.Kind == PanelKind.RiskEnablement ? "Ask the council to review its risk enablement panel's decision" : "Review a risk review panel's decision",
            r.ReviewOn, r.ReviewOn < today, links.PanelReferral(r.PersonId, r.Id), PanelRules.Rule)));
        // R19: plans in place reviewed by their date, shown from a month before it, as practices are.
        var plans = await Soonest(PlansIn(serviceId).Where(p => p.Status == PlanStatus.InPlace && p.ReviewDate != null && p.ReviewDate <= shownUpTo)
                .OrderBy(p => p.ReviewDate))
            .Select(p => new { p.Id, p.ServiceId, p.PersonId, p.Kind, p.Title, p.ReviewDate, p.Person!.GivenName, p.Person.PreferredName, p.Person.FamilyName })
            .AsNoTracking().ToListAsync(ct);
        items.AddRange(plans.Where(p => names.ContainsKey(p.ServiceId)).Select(p => new DueItem(DueKind.PlanReview, p.ServiceId, names[p.ServiceId],
            p.PersonId, KnownAs(p.GivenName, p.PreferredName, p.FamilyName), p.Id, $"Review the {EnumNames.Of(p.Kind).ToLowerInvariant()}: {p.Title}",
            p.ReviewDate!.Value, p.ReviewDate < today, links.ReviewPlan(p.PersonId, p.Id), "R19")));

        items.AddRange(await SafeguardingForProviderAsync(serviceId, names, today, ct));
        items.AddRange(await SafeguardingForCouncilAsync(today, ct));
        items.AddRange(await SafeguardingItemsAsync(serviceId, names, now, ct));

        return [.. items.OrderBy(i => i.Due).ThenBy(i => i.Kind).ThenBy(i => i.What, StringComparer.Ordinal)];
    }

    /// <summary>
    /// R20: the council's safeguarding timescales for the user's council: first decisions due (within the working
    /// days set, shown from the day the concern is sent), safety plan reviews and the actions the council follows up,
    /// due within <see cref="SafeguardingTimescales.DueSoonDays"/> days or overdue. Only for the council's own
    /// safeguarding team: they are the council's work, so never in a provider's lists or the reminders.
    /// </summary>
    public async Task<IReadOnlyList<DueItem>> SafeguardingForCouncilAsync(CancellationToken ct = default) =>
        [.. (await SafeguardingForCouncilAsync(UkTime.Today(clock), ct)).OrderBy(i => i.Due).ThenBy(i => i.Kind).ThenBy(i => i.What, StringComparer.Ordinal)];

    private async Task<IEnumerable<DueItem>> SafeguardingForCouncilAsync(DateOnly today, CancellationToken ct)
    {
        var council = db.Scope.SafeguardingCouncilId;
        if (council == Guid.Empty || !db.Scope.Allows(Permission.RespondToSafeguarding))
        {
            return [];
        }
        var settings = rules.Value;
        var soon = today.AddDays(SafeguardingTimescales.DueSoonDays);
        var concerns = db.SafeguardingConcerns.Where(c => c.CouncilId == council && c.Status != SafeguardingStatus.Draft && c.Status != SafeguardingStatus.Closed);
        var items = new List<DueItem>();

        var waiting = await concerns.Where(c => (c.Status == SafeguardingStatus.Sent || c.Status == SafeguardingStatus.Received) && c.SentAt != null)
            .Select(c => new { c.Id, c.ServiceId, c.ServiceName, c.ProviderName, c.PersonId, c.PersonName, SentAt = c.SentAt!.Value })
            .AsNoTracking().ToListAsync(ct);
        items.AddRange(waiting.Select(c =>
        {
            var due = SafeguardingTimescales.DecisionDue(c.SentAt, settings);
            return new DueItem(DueKind.SafeguardingDecision, c.ServiceId, $"{c.ServiceName}, {c.ProviderName}", c.PersonId, c.PersonName, c.Id,
                $"Decide whether a s.42 enquiry is needed (within {settings.SafeguardingDecisionWithinWorkingDays} working days of the concern being sent)",
                due, SafeguardingTimescales.IsOverdue(due, today), links.CouncilSafeguardingConcern(c.Id), SafeguardingTimescales.Rule);
        }));

        var reviews = await concerns.Where(c => c.SafetyPlan != null && c.PlanReviewOn != null && c.PlanReviewOn <= soon)
            .Select(c => new { c.Id, c.ServiceId, c.ServiceName, c.ProviderName, c.PersonId, c.PersonName, ReviewOn = c.PlanReviewOn!.Value })
            .AsNoTracking().ToListAsync(ct);
        items.AddRange(reviews.Select(c => new DueItem(DueKind.SafeguardingPlanReview, c.ServiceId, $"{c.ServiceName}, {c.ProviderName}", c.PersonId, c.PersonName, c.Id,
            "Review the safety plan with the person", c.ReviewOn, SafeguardingTimescales.IsOverdue(c.ReviewOn, today),
            links.CouncilSafeguardingConcern(c.Id), SafeguardingTimescales.Rule)));

        var actions = await db.SafeguardingActions.Where(a => a.DoneAt == null && a.Owner != ActionOwner.Provider && a.DueOn <= soon)
            .Join(concerns, a => a.ConcernId, c => c.Id, (a, c) => new { a.Id, a.What, a.Owner, a.OwnerName, a.DueOn, ConcernId = c.Id, c.ServiceId, c.ServiceName, c.ProviderName, c.PersonId, c.PersonName })
            .AsNoTracking().ToListAsync(ct);
        items.AddRange(actions.Select(a => new DueItem(DueKind.SafeguardingCouncilAction, a.ServiceId, $"{a.ServiceName}, {a.ProviderName}", a.PersonId, a.PersonName, a.Id,
            $"Safety plan action for {(a.OwnerName ?? EnumNames.Of(a.Owner).ToLowerInvariant())}: {a.What}", a.DueOn, SafeguardingTimescales.IsOverdue(a.DueOn, today),
            links.CouncilSafeguardingConcern(a.ConcernId), SafeguardingTimescales.Rule)));
        return items;
    }

    /// <summary>
    /// R20: the open actions of safety plans the council gave the provider, due within
    /// <see cref="SafeguardingTimescales.DueSoonDays"/> days or overdue, for the provider's staff who read
    /// safeguarding (its managers) in the services they see. The concern's query filter keeps them from an alleged
    /// source of harm; a member of staff who raised a concern sees only that it was received, never its actions.
    /// </summary>
    private async Task<IEnumerable<DueItem>> SafeguardingForProviderAsync(Guid? serviceId, Dictionary<Guid, string> names, DateOnly today, CancellationToken ct)
    {
        if (!db.Scope.Everything && !(db.Scope.IsProviderStaff && db.Scope.Allows(Permission.ReadSafeguarding)))
        {
            return [];
        }
        var soon = today.AddDays(SafeguardingTimescales.DueSoonDays);
        var actions = await db.SafeguardingActions.Where(a => a.DoneAt == null && a.Owner == ActionOwner.Provider && a.DueOn <= soon)
            .Join(db.SafeguardingConcerns.Where(c => c.Status != SafeguardingStatus.Draft && c.Status != SafeguardingStatus.Closed && (serviceId == null || c.ServiceId == serviceId)),
                a => a.ConcernId, c => c.Id, (a, c) => new { a.Id, a.What, a.DueOn, ConcernId = c.Id, c.ServiceId, c.PersonId, c.PersonName })
            .AsNoTracking().ToListAsync(ct);
        return actions.Where(a => names.ContainsKey(a.ServiceId)).Select(a => new DueItem(DueKind.SafeguardingProviderAction, a.ServiceId, names[a.ServiceId],
            a.PersonId, a.PersonName, a.Id, $"Safeguarding action the council gave the provider: {a.What}", a.DueOn, SafeguardingTimescales.IsOverdue(a.DueOn, today),
            links.ProviderSafeguardingActionDone(a.PersonId, a.ConcernId, a.Id), SafeguardingTimescales.Rule));
    }

    /// <summary>R6 and Regulation 18: deprivation of liberty deadlines due within the month or overdue, and screening prompts.</summary>
    private async Task<IEnumerable<DueItem>> LibertyItemsAsync(Guid? serviceId, Dictionary<Guid, string> names, DateOnly today, CancellationToken ct)
    {
        var people = serviceId is { } id ? db.People.Where(p => p.ServiceId == id)
            : db.Scope.AllPeopleInOrganisation ? db.People.Where(p => p.OrganisationId == db.Scope.OrganisationId)
            : db.People;
        var shownUpTo = today.AddDays(LibertyDue.ShownWithinDays);
        return (await LibertyDue.ForPeopleAsync(db, people, today, ct))
            .Where(i => names.ContainsKey(i.ServiceId) && (i.Overdue || i.Due <= shownUpTo))
            .Select(i => new DueItem(
                i.IsScreeningPrompt ? DueKind.LibertyScreening : i.Kind == LibertyDeadlineKind.TellCqc ? DueKind.LibertyCqcNotification : DueKind.LibertyDeadline,
                i.ServiceId, names[i.ServiceId], i.PersonId, i.Person, i.RecordId, i.What, i.Due, i.Overdue,
                i.IsScreeningPrompt ? links.LibertyScreening(i.PersonId) : links.Liberty(i.PersonId), i.Rule));
    }

    /// <summary>
    /// R20: concerns started more than a day ago and not sent (for the one who raised each, and the service's managers),
    /// and concerns sent without the person's agreement that the person has not been told of yet. The concerns' own
    /// query filter keeps each to those who may see it; the alleged source is named so reminders leave them out too.
    /// </summary>
    private async Task<IEnumerable<DueItem>> SafeguardingItemsAsync(Guid? serviceId, Dictionary<Guid, string> names, DateTime now, CancellationToken ct)
    {
        var startedBefore = now - SafeguardingRules.SendDraftWithin;
        var concerns = await db.SafeguardingConcerns
            .Where(c => serviceId == null || c.ServiceId == serviceId)
            .Where(c => (c.Status == SafeguardingStatus.Draft && c.RaisedAt <= startedBefore)
                || (c.Status != SafeguardingStatus.Draft && c.Consent != null && c.Consent != ConsentAnswer.Given && c.PersonTold == false))
            .Select(c => new { c.Id, c.ServiceId, c.PersonId, c.Status, c.RaisedAt, c.RaisedById, c.SentAt, c.AllegedSourceUserId,
                c.Person!.GivenName, c.Person.PreferredName, c.Person.FamilyName })
            .AsNoTracking().ToListAsync(ct);
        return concerns.Where(c => names.ContainsKey(c.ServiceId)).Select(c => c.Status == SafeguardingStatus.Draft
            ? new DueItem(DueKind.SafeguardingDraft, c.ServiceId, names[c.ServiceId], c.PersonId, KnownAs(c.GivenName, c.PreferredName, c.FamilyName), c.Id,
                "Finish and send the safeguarding concern started more than a day ago", DateOnly.FromDateTime(UkTime.ToLondon(SafeguardingRules.SendBy(c.RaisedAt))),
                true, links.SafeguardingCheck(c.PersonId, c.Id), SafeguardingRules.Rule, c.RaisedById, c.AllegedSourceUserId)
            : new DueItem(DueKind.SafeguardingPersonNotTold, c.ServiceId, names[c.ServiceId], c.PersonId, KnownAs(c.GivenName, c.PreferredName, c.FamilyName), c.Id,
                "Tell the person the safeguarding concern went ahead without their agreement, as soon as that will not increase the risk",
                DateOnly.FromDateTime(UkTime.ToLondon(c.SentAt!.Value)), false, links.SafeguardingPersonTold(c.PersonId, c.Id), SafeguardingRules.Rule,
                HiddenFromId: c.AllegedSourceUserId));
    }

    private IQueryable<Service> ServicesIn(Guid? serviceId) =>
        serviceId is { } id ? db.Services.Where(s => s.Id == id)
        : db.Scope.Everything ? db.Services
        : db.Scope.AllServicesInOrganisation ? db.Services.Where(s => s.OrganisationId == db.Scope.OrganisationId)
        : db.Services.Where(s => db.Scope.PeopleServiceIds.Contains(s.Id));

    private IQueryable<RestrictivePractice> PracticesIn(Guid? serviceId) =>
        serviceId is { } id ? db.Practices.Where(p => p.ServiceId == id)
        : db.Scope.AllPeopleInOrganisation ? db.Practices.Where(p => p.OrganisationId == db.Scope.OrganisationId)
        : db.Scope.SeesByServiceOnly ? db.Practices.Where(p => db.Scope.PeopleServiceIds.Contains(p.ServiceId))
        : db.Practices;

    private IQueryable<Plan> PlansIn(Guid? serviceId) =>
        serviceId is { } id ? db.Plans.Where(p => p.ServiceId == id)
        : db.Scope.AllPeopleInOrganisation ? db.Plans.Where(p => p.OrganisationId == db.Scope.OrganisationId)
        : db.Scope.SeesByServiceOnly ? db.Plans.Where(p => db.Scope.PeopleServiceIds.Contains(p.ServiceId))
        : db.Plans;

    private string PracticeLink(Guid personId, Guid practiceId) => links.PracticeDetails(personId, practiceId);

    private static string KnownAs(string given, string? preferred, string family) =>
        string.IsNullOrWhiteSpace(preferred) ? $"{given} {family}" : $"{preferred} {family}";
}
