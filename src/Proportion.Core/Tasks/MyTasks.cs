using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Core.Oversight;
using Proportion.Core.Rules;
using Proportion.Core.Links;
using Proportion.Core.Plans.BehaviourSupport;

namespace Proportion.Core.Tasks;

/// <summary>One thing the signed-in user must do, with when it is due and the rule that asks for it.</summary>
public sealed record TaskItem(string What, string About, DateOnly? Due, bool Overdue, string Link, string Rule)
{
    /// <summary>What sort of task, so a home page can show each role what is urgent for it.</summary>
    public TaskKind Kind { get; init; }
}

/// <summary>The tasks a home page picks out; the rest are <see cref="Other"/>.</summary>
public enum TaskKind { Other, SignOff, Reflection, ReadGuidelines, EmergencyReview }

/// <summary>Adds a task to the list being built.</summary>
public delegate void AddTask(string what, string about, DateOnly? due, string link, string rule, TaskKind kind = TaskKind.Other);

/// <summary>
/// "My tasks": what each role must do next, worked out from the records the user can see, soonest first.
/// Every due date comes from the same rules the records use, and the time from the clock given.
/// </summary>
public sealed class MyTasks(ProportionDbContext db, TimeProvider clock, DueWork dueWork, IRecordLinks links, BehaviourSupportReviews supportReviews)
{
    /// <summary>Training refreshers show this many days before they fall due (reviews follow <see cref="ReviewDue.DueSoonDays"/>).</summary>
    public const int DueSoonDays = 30;
    /// <summary>A list stays readable: the soonest of each kind.</summary>
    private const int PerKind = 50;

    public async Task<IReadOnlyList<TaskItem>> ForMeAsync(CancellationToken ct = default)
    {
        var scope = db.Scope;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(clock);
        var tasks = new List<TaskItem>();
        if (scope.IsReadOnly)
        {
            return tasks;
        }
        void Add(string what, string about, DateOnly? due, string link, string rule, TaskKind kind = TaskKind.Other) =>
            tasks.Add(new TaskItem(what, about, due, due < today, link, rule) { Kind = kind });

        if (scope.Allows(Permission.RecordIncidents))
        {
            foreach (var i in await IncidentQueries.ReflectionsOwed(db, scope.UserId).Include(i => i.Person).OrderBy(i => i.OccurredAt).Take(PerKind).AsNoTracking().ToListAsync(ct))
            {
                Add("Write your reflection on an incident", $"{i.Person!.KnownAs}, {UkTime.Format(i.OccurredAt)}",
                    DateOnly.FromDateTime(UkTime.ToLondon(i.RecordedAt)).AddDays(1), links.IncidentReflection(i.Id), "R13", TaskKind.Reflection);
            }
            await AddGuidelinesToConfirmAsync(Add, ct);
        }

        if (scope.Allows(Permission.ManageIncidents))
        {
            foreach (var i in await IncidentQueries.AwaitingManagerReview(db).Include(i => i.Person).OrderBy(i => i.OccurredAt).Take(PerKind).AsNoTracking().ToListAsync(ct))
            {
                var due = IncidentDuties.ManagerReviewDue(i);
                tasks.Add(new TaskItem(due is null ? "Review an incident" : "Review an emergency with the person within 48 hours",
                    $"{i.Person!.KnownAs}, {UkTime.Format(i.OccurredAt)}", due is { } d ? DateOnly.FromDateTime(UkTime.ToLondon(d)) : null,
                    IncidentDuties.ManagerReviewOverdue(i, now), links.Incident(i.Id), due is null ? "§8.10" : "R10") { Kind = due is null ? TaskKind.Other : TaskKind.EmergencyReview });
            }
            foreach (var i in await db.Incidents.Where(i => i.FollowUpRecordedAt == null).Include(i => i.Person).OrderBy(i => i.OccurredAt).Take(PerKind).AsNoTracking().ToListAsync(ct))
            {
                Add("Record the debrief and support after an incident", $"{i.Person!.KnownAs}, {UkTime.Format(i.OccurredAt)}", null, links.Incident(i.Id), "R13");
            }
            var proposed = db.Practices.Where(p => p.Status == PracticeStatus.Proposed);
            if (db.Scope.SeesByServiceOnly)
            {
                // The query filter's rows, said so that the service index is used (UserScope.SeesByServiceOnly).
                proposed = proposed.Where(p => db.Scope.PeopleServiceIds.Contains(p.ServiceId));
            }
            foreach (var p in await proposed.Include(p => p.Person)
                         .OrderBy(p => p.CreatedAt).Take(PerKind).AsNoTracking().ToListAsync(ct))
            {
                Add($"Hold the discussion for a proposed practice: {p.Description}", p.Person!.KnownAs, null, links.PracticeDetails(p.PersonId, p.Id), "R2");
            }
            await AddCreepAlertsAsync(Add, ct);
        }

        if (scope.Allows(Permission.EditPlans))
        {
            // R25: incidents say a behaviour support plan is not working; its review is due now.
            foreach (var p in await supportReviews.InScopeAsync(PerKind, ct))
            {
                Add("Review the behaviour support plan: incidents say it may not be working", p.Person.KnownAs, today,
                    links.ReviewPlan(p.Plan.PersonId, p.Plan.Id), BehaviourSupportRules.Rule);
            }
        }

        await AddDueWorkAsync(tasks, ct);
        await AddSafeguardingResponseAsync(tasks, ct);
        await AddPanelTasksAsync(Add, ct);
        if (scope.Allows(Permission.RaiseSafeguarding))
        {
            await AddMySafeguardingDraftsAsync(tasks, now, ct);
        }
        if (scope.Allows(Permission.EditPlans) && scope.IsInRole(Roles.ServiceManager))
        {
            await AddPlanDraftsAsync(Add, ct);
        }
        await AddAgreementReviewsAsync(Add, ct);
        await AddSignOffsAwaitingMeAsync(Add, ct);
        await AddDeclinesToAnswerAsync(Add, ct);
        await AddContractActionsAsync(Add, ct);

        var myTraining = await db.TrainingRecords.Where(t => t.UserId == scope.UserId).AsNoTracking().ToListAsync(ct);
        foreach (var latest in myTraining.GroupBy(t => t.Course).Select(g => CertifiedTraining.Latest(g, g.Key)!)
                     .Where(t => t.RefresherDueOn <= today.AddDays(DueSoonDays)))
        {
            Add($"Refresher due: {EnumNames.Of(latest.Course)}", "Your training", latest.RefresherDueOn, links.StaffTraining(scope.UserId), "R15");
        }

        return [.. tasks.OrderBy(t => t.Due is null).ThenBy(t => t.Due).ThenBy(t => t.What, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Reviews, early reviews, practices to consider reducing, monitoring and audits (R8, R9, R11, R18), and
    /// deprivation of liberty deadlines, renewals, screenings and outcomes CQC must be told of (R6, Regulation 18).
    /// The service manager sees all of these for their services; the senior manager sees the audits that
    /// are theirs and, escalated, every review and monitoring in the organisation that is overdue (R9, R11).
    /// </summary>
    private async Task AddDueWorkAsync(List<TaskItem> tasks, CancellationToken ct)
    {
        var manager = db.Scope.IsInRole(Roles.ServiceManager);
        var senior = db.Scope.IsInRole(Roles.SeniorManager);
        if (!manager && !senior)
        {
            return;
        }
        bool Mine(DueItem item) => item.Kind switch
        {
            DueKind.PracticeReview or DueKind.Monitoring or DueKind.MonitoringAction or DueKind.PlanReview => manager || item.Overdue,
            // R6 and Regulation 18: the service's manager; past their date, senior managers too.
            DueKind.LibertyDeadline or DueKind.LibertyCqcNotification => manager || item.Overdue,
            DueKind.LibertyScreening => manager,
            DueKind.EarlyReview or DueKind.ReductionNotConsidered => true,
            DueKind.Audit => senior,
            // R26: the panel's review is the managers'; its actions are the tasks of the users given them (below).
            DueKind.PanelReview => true,
            // R20: the actions the council's safeguarding team gave the provider, for the managers who read safeguarding.
            DueKind.SafeguardingProviderAction => true,
            // R20: a draft concern a day old is the managers' to see sent (their own drafts are listed below, from the start);
            // telling the person a concern went ahead without their agreement is the managers' too.
            DueKind.SafeguardingDraft => item.AssignedToId != db.Scope.UserId,
            DueKind.SafeguardingPersonNotTold => true,
            _ => false,
        };
        foreach (var item in (await dueWork.ForScopeAsync(PerKind, ct)).Where(Mine).GroupBy(i => i.Kind).SelectMany(g => g.Take(PerKind)))
        {
            var escalated = !manager && item.Kind is DueKind.PracticeReview or DueKind.Monitoring or DueKind.MonitoringAction
                or DueKind.LibertyDeadline or DueKind.LibertyCqcNotification or DueKind.PlanReview;
            tasks.Add(new TaskItem(escalated ? $"{item.What} (overdue, escalated to you)" : item.What, item.Person ?? item.Service,
                item.Due, item.Overdue, item.Link, item.Rule));
        }
    }

    /// <summary>
    /// R20: for the council's safeguarding team, the concerns sent to their council waiting for the first decision
    /// (due within the working days the council sets), safety plan reviews and the actions the team follows up.
    /// </summary>
    private async Task AddSafeguardingResponseAsync(List<TaskItem> tasks, CancellationToken ct)
    {
        if (!db.Scope.Allows(Permission.RespondToSafeguarding))
        {
            return;
        }
        foreach (var item in (await dueWork.SafeguardingForCouncilAsync(ct)).GroupBy(i => i.Kind).SelectMany(g => g.Take(PerKind)))
        {
            tasks.Add(new TaskItem(item.What, $"{item.Person}, {item.Service}", item.Due, item.Overdue, item.Link, item.Rule));
        }
    }

    /// <summary>R26: risk review panel actions given to this user, due within the month or overdue; referrals waiting for a senior manager's record of the decision.</summary>
    private async Task AddPanelTasksAsync(AddTask add, CancellationToken ct)
    {
        var soon = UkTime.Today(clock).AddDays(DueSoonDays);
        var actions = await db.PanelActions.Where(a => a.AssignedToId == db.Scope.UserId && a.DoneAt == null && a.DueOn <= soon)
            .Join(db.PanelReferrals, a => a.ReferralId, r => r.Id, (a, r) => new { a.What, a.DueOn, r.Id, r.PersonId, r.Person!.GivenName, r.Person.PreferredName, r.Person.FamilyName })
            .OrderBy(a => a.DueOn).Take(PerKind).AsNoTracking().ToListAsync(ct);
        foreach (var a in actions)
        {
            add($"Risk review panel action: {a.What}", string.IsNullOrWhiteSpace(a.PreferredName) ? $"{a.GivenName} {a.FamilyName}" : $"{a.PreferredName} {a.FamilyName}",
                a.DueOn, links.PanelReferral(a.PersonId, a.Id), PanelRules.Rule);
        }
        if (db.Scope.Allows(Permission.RecordPanelDecisions))
        {
            foreach (var r in await db.PanelReferrals.Where(r => r.Status == PanelStatus.Referred && r.Kind == PanelKind.RiskReview).Include(r => r.Person)
                         .OrderBy(r => r.ReferredAt).Take(PerKind).AsNoTracking().ToListAsync(ct))
            {
                add($"Record the risk review panel's decision: {r.ReasonText}", r.Person!.KnownAs, null, links.PanelReferral(r.PersonId, r.Id), PanelRules.Rule);
            }
        }
        // R20: the council's risk enablement panels waiting for a decision, for the social workers of the council that funds the person.
        if (db.Scope.Allows(Permission.RecordEnablementPanelDecisions))
        {
            var council = db.Scope.OrganisationId;
            var everything = db.Scope.Everything;
            foreach (var r in await db.PanelReferrals.Where(r => r.Status == PanelStatus.Referred && r.Kind == PanelKind.RiskEnablement
                             && (everything || r.Person!.FundingCouncilId == council)).Include(r => r.Person)
                         .OrderBy(r => r.ReferredAt).Take(PerKind).AsNoTracking().ToListAsync(ct))
            {
                add($"Record the risk enablement panel's decision: {r.ReasonText}", r.Person!.KnownAs, null, links.PanelReferral(r.PersonId, r.Id), PanelRules.Rule);
            }
        }
    }

    /// <summary>
    /// R27: a contract visit's open actions. The provider's senior managers respond to each until they have; the
    /// council's commissioners check each response and mark the action done, and follow up those overdue unanswered.
    /// </summary>
    private async Task AddContractActionsAsync(AddTask add, CancellationToken ct)
    {
        const string rule = "R27";
        var organisation = db.Scope.OrganisationId;
        var open = db.ContractActions.Where(a => a.DoneOn == null)
            .Join(db.ProviderContracts, a => a.ContractId, c => c.Id, (a, c) => new { Action = a, c.Reference, c.CouncilId, c.ProviderId })
            .Select(x => new { x.Action, x.Reference, x.CouncilId, x.ProviderId, Answered = db.ContractResponses.Any(r => r.ActionId == x.Action.Id) });
        if (db.Scope.Allows(Permission.RespondToContracts, organisation))
        {
            foreach (var a in await open.Where(x => x.ProviderId == organisation && !x.Answered).OrderBy(x => x.Action.DueOn).Take(PerKind).AsNoTracking().ToListAsync(ct))
            {
                add($"Respond to the council's action: {a.Action.What}", $"Contract {a.Reference}", a.Action.DueOn, links.RespondToContractAction(a.Action.ContractId, a.Action.Id), rule);
            }
        }
        if (db.Scope.Allows(Permission.ManageContracts, organisation))
        {
            var today = UkTime.Today(clock);
            foreach (var a in await open.Where(x => x.CouncilId == organisation && (x.Answered || x.Action.DueOn < today)).OrderBy(x => x.Action.DueOn).Take(PerKind).AsNoTracking().ToListAsync(ct))
            {
                add(a.Answered ? $"Check the provider's response and mark the action done: {a.Action.What}" : $"Follow up an action the provider has not answered: {a.Action.What}",
                    $"Contract {a.Reference}", a.Answered ? null : a.Action.DueOn, links.ContractActionDone(a.Action.ContractId, a.Action.Id), rule);
            }
        }
    }

    /// <summary>R20: the safeguarding concerns this user started and has not sent, due within a day of starting each.</summary>
    private async Task AddMySafeguardingDraftsAsync(List<TaskItem> tasks, DateTime now, CancellationToken ct)
    {
        var drafts = await db.SafeguardingConcerns.Where(c => c.RaisedById == db.Scope.UserId && c.Status == SafeguardingStatus.Draft)
            .OrderBy(c => c.RaisedAt).Take(PerKind)
            .Select(c => new { c.Id, c.PersonId, c.RaisedAt, c.Person!.GivenName, c.Person.PreferredName, c.Person.FamilyName })
            .AsNoTracking().ToListAsync(ct);
        foreach (var c in drafts)
        {
            var sendBy = SafeguardingRules.SendBy(c.RaisedAt);
            tasks.Add(new TaskItem("Finish and send your safeguarding concern",
                string.IsNullOrWhiteSpace(c.PreferredName) ? $"{c.GivenName} {c.FamilyName}" : $"{c.PreferredName} {c.FamilyName}",
                DateOnly.FromDateTime(UkTime.ToLondon(sendBy)), now > sendBy, links.SafeguardingCheck(c.PersonId, c.Id), SafeguardingRules.Rule));
        }
    }

    /// <summary>Plans with a draft waiting to be agreed (a first draft, or a new version), in the services the manager runs (R19).</summary>
    private async Task AddPlanDraftsAsync(AddTask add, CancellationToken ct)
    {
        var drafts = await db.Plans.Where(p => p.Status != PlanStatus.Closed && (p.AgreedVersion == null || p.LatestVersion != p.AgreedVersion))
            .Include(p => p.Person).OrderBy(p => p.CreatedAt).Take(PerKind).AsNoTracking().ToListAsync(ct);
        foreach (var p in drafts)
        {
            add($"Finish and agree the draft {EnumNames.Of(p.Kind).ToLowerInvariant()}: {p.Title}", p.Person!.KnownAs, null, links.Plan(p.PersonId, p.Id, p.Kind), "R19");
        }
    }

    /// <summary>Rises in restriction no manager has acknowledged yet, in the services the user manages (R14, ADR 0025).</summary>
    private async Task AddCreepAlertsAsync(AddTask add, CancellationToken ct)
    {
        var alerts = await db.CreepAlerts.Where(a => a.AcknowledgedAt == null).Include(a => a.Service).Include(a => a.Person)
            .OrderBy(a => a.RaisedAt).Take(PerKind).AsNoTracking().ToListAsync(ct);
        foreach (var a in alerts)
        {
            add(Analytics.CreepAlerts.Title(a), $"{EnumNames.Of(a.Period)} chart, rising since {Analytics.CreepAlerts.PeriodName(a.SignalStarts, a.Period)}",
                null, links.CreepAlert(a.Id), "R14");
        }
    }

    /// <summary>Guidelines in force, and agreed behaviour support plans, for the people the user supports that they have not confirmed reading (§6.1, §7.5; R25).</summary>
    private async Task AddGuidelinesToConfirmAsync(AddTask add, CancellationToken ct)
    {
        var inForce = await DecisionRecords.GuidelinesInForceAsync(db, ct);
        var read = (await db.GuidelineAcknowledgements.Where(g => g.UserId == db.Scope.UserId).Select(g => g.DecisionId).ToListAsync(ct)).ToHashSet();
        foreach (var d in inForce.Where(d => !read.Contains(d.Id)).Take(PerKind))
        {
            add($"Read and confirm the guidelines: {d.Practice!.Description}", d.Practice.Person!.KnownAs, null, links.Guidelines(), "§7.5", TaskKind.ReadGuidelines);
        }
        // Each agreed version of a behaviour support plan is read and confirmed like a guideline (R25).
        if (!db.Scope.Allows(Permission.ReadPlans))
        {
            return;
        }
        foreach (var p in await PlansStaffRead.UnreadAsync(db, db.Scope.UserId, PerKind, ct))
        {
            add("Read and confirm the behaviour support plan", p.Person!.KnownAs, null, links.Guidelines(), BehaviourSupportRules.Rule, TaskKind.ReadGuidelines);
        }
    }

    /// <summary>
    /// R20, tools for risky choices: the council makes sure each supported decision-making agreement is reviewed, so its
    /// social workers see those of the people they are allocated that are due within the month or overdue.
    /// </summary>
    private async Task AddAgreementReviewsAsync(AddTask add, CancellationToken ct)
    {
        if (db.Scope.IsProviderStaff || !db.Scope.IsInRole(Roles.SocialWorker) || db.Scope.Everything)
        {
            return;
        }
        var shownUpTo = ReviewDue.ShownFrom(UkTime.Today(clock));
        var due = await db.Plans.Where(p => p.Kind == PlanKind.DecisionMaking && p.Status == PlanStatus.InPlace && p.ReviewDate != null && p.ReviewDate <= shownUpTo)
            .Include(p => p.Person).OrderBy(p => p.ReviewDate).Take(PerKind).AsNoTracking().ToListAsync(ct);
        foreach (var p in due)
        {
            add($"Make sure the supported decision-making agreement is reviewed: {p.Title}", p.Person!.KnownAs, p.ReviewDate, links.Plan(p.PersonId, p.Id, p.Kind), DecisionMakingRules.Rule);
        }
    }

    /// <summary>Discussions waiting for the agreement only this user's role can give (R3, R4, R5).</summary>
    private async Task AddSignOffsAwaitingMeAsync(AddTask add, CancellationToken ct)
    {
        var mine = new List<SignOffRole>();
        // The agreements this user's roles can give, whoever's organisation the decision is in (the
        // scope keeps the list to decisions they can see; giving one checks the organisation as well).
        mine.AddRange(new[] { SignOffRole.ServiceManager, SignOffRole.SeniorManager, SignOffRole.SocialWorker }
            .Where(role => db.Scope.Allows(Permissions.ToGive(role))));
        if (mine.Count == 0)
        {
            return;
        }
        // A discussion with a decline standing waits for its manager, not for anyone's agreement.
        var drafts = await db.Decisions.AsNoTracking().Include(d => d.Practice).ThenInclude(p => p!.Person)
            .Where(d => d.Status == DecisionStatus.Draft && !db.DecisionDeclines.Any(x => x.DecisionId == d.Id && x.AnsweredAt == null))
            .OrderBy(d => d.CreatedAt).Take(PerKind).ToListAsync(ct);
        foreach (var d in drafts)
        {
            var facts = new DecisionFacts(d.Capacity ?? CapacityToConsent.HasCapacity, d.PersonResponse ?? PersonResponse.NoClearView, d.ServiceId);
            foreach (var (role, rule, _) in SignOffRules.Required(facts).Where(r => mine.Contains(r.Role) && d.SignOffs.All(s => s.Role != r.Role)))
            {
                add($"Agree or decline as {role switch { SignOffRole.ServiceManager => "service manager", SignOffRole.SeniorManager => "senior manager", _ => "social worker" }}: {d.Practice!.Description}",
                    d.Practice.Person!.KnownAs, null, links.DecisionCheck(d.PersonId, d.PracticeId), rule, TaskKind.SignOff);
            }
        }
    }

    /// <summary>Discussions sent back by a decline, for the managers who run them: revise, or record how it was answered (§5.10).</summary>
    private async Task AddDeclinesToAnswerAsync(AddTask add, CancellationToken ct)
    {
        if (!db.Scope.Allows(Permission.EditPractices))
        {
            return;
        }
        var declined = await (from decline in db.DecisionDeclines
                              join decision in db.Decisions on decline.DecisionId equals decision.Id
                              where decline.AnsweredAt == null && decision.Status == DecisionStatus.Draft
                                    && decision.OrganisationId == db.Scope.OrganisationId
                              orderby decline.At
                              select new { decline.Name, decline.Role, decision.PersonId, decision.PracticeId, decision.Practice!.Description, decision.Practice.Person })
            .Take(PerKind).AsNoTracking().ToListAsync(ct);
        foreach (var d in declined)
        {
            add($"Answer the decline by {d.Name} ({DecisionRecords.Describe(d.Role)}): {d.Description}", d.Person!.KnownAs,
                null, links.DecisionCheck(d.PersonId, d.PracticeId), DeclinedAgreements.RuleFor(d.Role));
        }
    }
}
