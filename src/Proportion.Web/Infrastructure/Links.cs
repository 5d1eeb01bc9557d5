using Proportion.Core.Analytics;
using Proportion.Core.Links;
using Proportion.Core.Model;
using Proportion.Web.Pages.Plans.PositiveRisk;
using Proportion.Web.Pages.Plans.SupportPlan;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// Every link to a page, in one place: each is built by <see cref="LinkGenerator"/> from the page's own
/// <c>@page</c> route template, so a route changed on its page changes every link to it, and a link to a
/// route that cannot be built fails loudly here instead of rendering a broken href. Pages, views, page
/// models, the API and (through <see cref="IRecordLinks"/>) Core all use it. Needs no HttpContext, so
/// background jobs use it too. Paths are relative to the app's root; emails add <c>Email:BaseUrl</c>.
/// </summary>
public sealed class Links(LinkGenerator generator) : IRecordLinks
{
    /// <summary>The discussion's question pages by slug (the slug is the last segment of each page's route).</summary>
    private static readonly IReadOnlyDictionary<string, string> DecisionSteps = new Dictionary<string, string>
    {
        ["risk"] = "/Decisions/Risk",
        ["alternatives"] = "/Decisions/Alternatives",
        ["views"] = "/Decisions/Views",
        ["capacity"] = "/Decisions/Capacity",
        ["legal-basis"] = "/Decisions/LegalBasis",
        ["best-interests"] = "/Decisions/BestInterests",
        ["consultees"] = "/Decisions/Consultees",
        ["guidelines"] = "/Decisions/Guidelines",
        ["check"] = "/Decisions/Check",
    };

    /// <summary>The review's question pages by slug.</summary>
    private static readonly IReadOnlyDictionary<string, string> ReviewSteps = new Dictionary<string, string>
    {
        ["need"] = "/Reviews/Need",
        ["views"] = "/Reviews/Views",
        ["safeguards"] = "/Reviews/Safeguards",
        ["outcome"] = "/Reviews/Outcome",
        ["check"] = "/Reviews/Check",
    };

    // Charts of restriction over time (R14): one measure, weekly or monthly, for whoever the subject is.
    public string RestrictionChart(ChartSubject subject, Measure measure, ChartPeriod period)
    {
        var query = new { measure = measure.ToString(), period = period.ToString() };
        return subject.Kind switch
        {
            ChartSubjectKind.Person => Page("/Charts/Person", new { id = subject.Id, query.measure, query.period }),
            ChartSubjectKind.Service => Page("/Charts/Service", new { id = subject.Id, query.measure, query.period }),
            ChartSubjectKind.Organisation => Page("/Charts/Organisation", query),
            ChartSubjectKind.CouncilProvider => Page("/Charts/CouncilProvider", new { organisationId = subject.ProviderId, query.measure, query.period }),
            _ => Page("/Charts/Council", query),
        };
    }

    // Alerts when restriction creeps up (R14, ADR 0025).
    public string CreepAlert(Guid alertId) => Page("/Alerts/View", new { id = alertId });

    public string PersonCharts(Guid personId) => Page("/Charts/Person", new { id = personId });
    public string ServiceCharts(Guid serviceId) => Page("/Charts/Service", new { id = serviceId });
    public string OrganisationCharts() => Page("/Charts/Organisation");
    public string CouncilCharts() => Page("/Charts/Council");

    // The council-wide picture (R27): every provider where the council funds people, then one provider's people.
    public string CouncilPicture(int page = 1) => page == 1 ? Page("/Council/Picture/Index") : Page("/Council/Picture/Index", new { PageNumber = page });
    public string CouncilPictureProvider(Guid organisationId) => Page("/Council/Picture/Provider", new { organisationId });
    public string CouncilProviderCharts(Guid organisationId) => Page("/Charts/CouncilProvider", new { organisationId });

    // Contract compliance (R27): the council's side, then the provider's.
    public string CouncilContracts() => Page("/Council/Contracts/Index");
    public string NewCouncilContract() => Page("/Council/Contracts/New");
    public string CouncilContract(Guid id) => Page("/Council/Contracts/View", new { id });
    public string JudgeContractItem(Guid id, ContractItem item) => Page("/Council/Contracts/Judge", new { id, item });
    public string NewContractVisit(Guid id) => Page("/Council/Contracts/NewVisit", new { id });
    public string ContractVisit(Guid id, Guid visitId) => Page("/Council/Contracts/Visit", new { id, visitId });
    public string NewContractAction(Guid id, Guid visitId) => Page("/Council/Contracts/NewAction", new { id, visitId });
    public string ContractActionDone(Guid id, Guid actionId) => Page("/Council/Contracts/ActionDone", new { id, actionId });
    public string ProviderContracts() => Page("/Organisation/Contracts/Index");

    // A council's own sign-in (R27, ADR 0036).
    public string SingleSignOn() => Page("/Admin/SingleSignOn");
    public string SingleSignOnUser(Guid userId) => Page("/Admin/SingleSignOnUser", new { userId });

    // The council's intelligence log (R27).
    public string Intelligence(Guid? providerId = null) => Page("/Council/Intelligence/Index", new { providerId });
    public string NewIntelligence() => Page("/Council/Intelligence/New");
    public string IntelligenceEntry(Guid id) => Page("/Council/Intelligence/View", new { id });
    public string AmendIntelligence(Guid id) => Page("/Council/Intelligence/Amend", new { id });
    public string ShareIntelligence(Guid id) => Page("/Council/Intelligence/Share", new { id });
    public string ProviderContract(Guid id) => Page("/Organisation/Contracts/View", new { id });
    public string RespondToContractItem(Guid id, ContractItem item) => Page("/Organisation/Contracts/Respond", new { id, Item = item });
    public string RespondToContractAction(Guid id, Guid actionId) => Page("/Organisation/Contracts/Respond", new { id, ActionId = actionId });

    /// <summary>Marking a change on a subject's charts, and withdrawing one (R14). A council's chart has none.</summary>
    public string ChartChanges(ChartSubject subject) => subject.Kind switch
    {
        ChartSubjectKind.Person => Page("/Charts/PersonChanges", new { id = subject.Id }),
        ChartSubjectKind.Service => Page("/Charts/ServiceChanges", new { id = subject.Id }),
        ChartSubjectKind.Organisation => Page("/Charts/OrganisationChanges"),
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject.Kind, "A council's chart has no changes marked on it."),
    };

    // Plans written with the person (R19). Each kind has its own folder of pages (Start, View, Edit) under
    // Pages/Plans; what every kind shares (the list, versions, agreeing, revising, reviewing, closing and the
    // easy-read copy) is in Pages/Plans itself. A reduction plan starts from its practice.
    public string PersonPlans(Guid personId) => Page("/Plans/Index", new { id = personId });
    public string Plan(Guid personId, Guid planId, PlanKind kind) => Page($"/Plans/{kind}/View", new { id = personId, planId });
    public string EditPlan(Guid personId, Guid planId, PlanKind kind) => Page($"/Plans/{kind}/Edit", new { id = personId, planId });
    public string StartPlan(Guid personId, PlanKind kind) => kind == PlanKind.Reduction
        ? throw new ArgumentOutOfRangeException(nameof(kind), "A reduction plan starts from its practice: StartReductionPlan.")
        : Page($"/Plans/{kind}/Start", new { id = personId });
    public string StartReductionPlan(Guid personId, Guid practiceId) => Page("/Plans/Reduction/Start", new { id = personId, practiceId });
    public string PlanVersion(Guid personId, Guid planId, int number) => Page("/Plans/Version", new { id = personId, planId, number });
    public string AgreePlan(Guid personId, Guid planId) => Page("/Plans/Agree", new { id = personId, planId });
    public string RevisePlan(Guid personId, Guid planId) => Page("/Plans/Revise", new { id = personId, planId });
    public string ReviewPlan(Guid personId, Guid planId) => Page("/Plans/Review", new { id = personId, planId });
    public string ClosePlan(Guid personId, Guid planId) => Page("/Plans/Close", new { id = personId, planId });
    public string PlanEasyRead(Guid personId, Guid planId, int number) => Page("/Plans/EasyRead", new { id = personId, planId, number });
    /// <summary>One part of a behaviour support plan's draft, by its slug ("prevention", "reactive", ...); the first part is <see cref="EditPlan"/>.</summary>
    public string EditBehaviourSupportPart(Guid personId, Guid planId, string slug) =>
        BehaviourSupportParts.Contains(slug) ? Page("/Plans/BehaviourSupport/Edit", new { id = personId, planId, step = slug })
        : throw new ArgumentException($"No part of a behaviour support plan is called '{slug}'.", nameof(slug));
    public static readonly IReadOnlyList<string> BehaviourSupportParts = ["communicates", "prevention", "early-warning", "reactive", "after", "incidents"];
    // A positive risk-taking plan's question pages (Pages/Plans/PositiveRisk): each "from the check page"
    // goes back to the check page once answered, as change links on a check-answers page do.
    public string PositiveRiskQuestion(Guid personId, Guid planId, PositiveRiskPart part, bool fromCheck = false) =>
        Page("/Plans/PositiveRisk/Question", new { id = personId, planId, part = part.ToString().ToLowerInvariant(), from = fromCheck ? "check" : null });
    public string PositiveRiskRisks(Guid personId, Guid planId, bool fromCheck = false) =>
        Page("/Plans/PositiveRisk/Risks", new { id = personId, planId, from = fromCheck ? "check" : null });
    public string PositiveRiskRisk(Guid personId, Guid planId, Guid? riskId, bool fromCheck = false) =>
        riskId is null
            ? Page("/Plans/PositiveRisk/Risk", new { id = personId, planId, from = fromCheck ? "check" : null })
            : Page("/Plans/PositiveRisk/Risk", new { id = personId, planId, riskId, from = fromCheck ? "check" : null });
    public string PositiveRiskStages(Guid personId, Guid planId, bool fromCheck = false) =>
        Page("/Plans/PositiveRisk/Stages", new { id = personId, planId, from = fromCheck ? "check" : null });
    public string PositiveRiskStage(Guid personId, Guid planId, Guid? stageId, bool fromCheck = false) =>
        stageId is null
            ? Page("/Plans/PositiveRisk/Stage", new { id = personId, planId, from = fromCheck ? "check" : null })
            : Page("/Plans/PositiveRisk/Stage", new { id = personId, planId, stageId, from = fromCheck ? "check" : null });
    public string PositiveRiskFit(Guid personId, Guid planId) => Page("/Plans/PositiveRisk/Fit", new { id = personId, planId });
    /// <summary>Where what happened at one stage of an agreed positive risk-taking plan is recorded.</summary>
    public string PositiveRiskStageOutcome(Guid personId, Guid planId, Guid stageId) =>
        Page("/Plans/PositiveRisk/StageOutcome", new { id = personId, planId, stageId });

    // A personalised support plan's question pages (R20, Pages/Plans/SupportPlan): each "from the check page" goes
    // back to the check page once answered. Outcomes and personal assistants are "add another" lists; a plan in
    // place has its own outcome-focused review (the shared review page sends a support plan there).
    public string SupportPlanQuestion(Guid personId, Guid planId, SupportPlanPart part, bool fromCheck = false) =>
        Page("/Plans/SupportPlan/Question", new { id = personId, planId, part = SupportPlanPageModel.Slug(part), from = fromCheck ? "check" : null });
    public string SupportPlanOutcomes(Guid personId, Guid planId, bool fromCheck = false) =>
        Page("/Plans/SupportPlan/Outcomes", new { id = personId, planId, from = fromCheck ? "check" : null });
    public string SupportPlanOutcome(Guid personId, Guid planId, Guid? outcomeId, bool fromCheck = false) =>
        outcomeId is null
            ? Page("/Plans/SupportPlan/Outcome", new { id = personId, planId, from = fromCheck ? "check" : null })
            : Page("/Plans/SupportPlan/Outcome", new { id = personId, planId, outcomeId, from = fromCheck ? "check" : null });
    public string SupportPlanAssistants(Guid personId, Guid planId, bool fromCheck = false) =>
        Page("/Plans/SupportPlan/Assistants", new { id = personId, planId, from = fromCheck ? "check" : null });
    public string SupportPlanAssistant(Guid personId, Guid planId, Guid? assistantId, bool fromCheck = false) =>
        assistantId is null
            ? Page("/Plans/SupportPlan/Assistant", new { id = personId, planId, from = fromCheck ? "check" : null })
            : Page("/Plans/SupportPlan/Assistant", new { id = personId, planId, assistantId, from = fromCheck ? "check" : null });
    public string ReviewSupportPlan(Guid personId, Guid planId) => Page("/Plans/SupportPlan/Review", new { id = personId, planId });

    // Risk review panels (R26): a person's referrals, the panel's decision, its actions and amendments; the
    // organisation's open referrals and how consistently its services decide. Pages/Panels.
    /// <summary>Refers to a panel; the subject (a plan, a practice, a risk of the risk assessment) is preselected when given.</summary>
    public string ReferToPanel(Guid personId, Guid? planId = null, Guid? practiceId = null, Guid? riskId = null) =>
        Page("/Panels/New", new { id = personId, planId, practiceId, riskId });
    public string PanelReferral(Guid personId, Guid referralId) => Page("/Panels/View", new { id = personId, referralId });
    public string RecordPanelDecision(Guid personId, Guid referralId) => Page("/Panels/Decide", new { id = personId, referralId });
    public string PanelActionDone(Guid personId, Guid referralId, Guid actionId) => Page("/Panels/ActionDone", new { id = personId, referralId, actionId });
    public string AmendPanelDecision(Guid personId, Guid referralId) => Page("/Panels/Amend", new { id = personId, referralId });
    public string OrganisationPanels() => Page("/Panels/Organisation");
    // The council's risk enablement panel (R20, tools for risky choices): on the same referral, its decision is
    // recorded and corrected by a social worker of the funding council, on pages of its own.
    public string RecordCouncilPanelDecision(Guid personId, Guid referralId) => Page("/Panels/CouncilDecide", new { id = personId, referralId });
    public string AmendCouncilPanelDecision(Guid personId, Guid referralId) => Page("/Panels/CouncilAmend", new { id = personId, referralId });

    // Safeguarding, the council's side (R20): the safeguarding adults team's inbox, a concern and each of its steps;
    // and the one page of the provider's kept here, marking done an action the council gave it. Pages/Council/Safeguarding.
    public string CouncilSafeguarding() => Page("/Council/Safeguarding/Index");
    public string CouncilSafeguardingConcern(Guid concernId) => Page("/Council/Safeguarding/View", new { id = concernId });
    public string CouncilSafeguardingDecision(Guid concernId) => Page("/Council/Safeguarding/Decision", new { id = concernId });
    public string CouncilSafeguardingPlan(Guid concernId) => Page("/Council/Safeguarding/Plan", new { id = concernId });
    public string CouncilSafeguardingNewAction(Guid concernId) => Page("/Council/Safeguarding/NewAction", new { id = concernId });
    public string CouncilSafeguardingActionDone(Guid concernId, Guid actionId) => Page("/Council/Safeguarding/ActionDone", new { id = concernId, actionId });
    public string CouncilSafeguardingReview(Guid concernId) => Page("/Council/Safeguarding/Review", new { id = concernId });
    public string CouncilSafeguardingClose(Guid concernId) => Page("/Council/Safeguarding/Close", new { id = concernId });
    public string ProviderSafeguardingActionDone(Guid personId, Guid concernId, Guid actionId) =>
        Page("/Council/Safeguarding/ProviderActionDone", new { id = personId, concernId, actionId });
    // Safeguarding concerns, the provider's side (R20): raised from the person (or from anywhere, choosing the
    // person first), a question page at a time, checked and sent; the concern's page for its managers, the
    // raiser's receipt, and recording that the person was told. Pages/Safeguarding.
    /// <summary>The question pages of a draft concern by part, each with its slug (the last segment of its route).</summary>
    public static readonly IReadOnlyDictionary<Proportion.Core.Rules.ConcernPart, string> ConcernPartSlugs = new Dictionary<Proportion.Core.Rules.ConcernPart, string>
    {
        [Proportion.Core.Rules.ConcernPart.WhatHappened] = "what-happened",
        [Proportion.Core.Rules.ConcernPart.Who] = "who",
        [Proportion.Core.Rules.ConcernPart.Action] = "action",
        [Proportion.Core.Rules.ConcernPart.Consent] = "consent",
        [Proportion.Core.Rules.ConcernPart.Voice] = "voice",
        [Proportion.Core.Rules.ConcernPart.Advocacy] = "advocacy",
    };
    public string SafeguardingConcerns() => Page("/Safeguarding/Index");
    /// <summary>Raising a concern from anywhere: the person is chosen first.</summary>
    public string RaiseSafeguardingConcern() => Page("/Safeguarding/Start");
    /// <summary>Raising a concern about the person; from one of their incidents, or naming where the worry came from, when given.</summary>
    public string RaiseSafeguardingConcern(Guid personId, Guid? incidentId = null, Proportion.Core.Model.ConcernSource? source = null) =>
        Page("/Safeguarding/New", new { id = personId, incidentId, source = source?.ToString() });
    public string SafeguardingQuestion(Guid personId, Guid concernId, Proportion.Core.Rules.ConcernPart part, bool fromCheck = false) =>
        Page("/Safeguarding/Question", new { id = personId, concernId, part = ConcernPartSlugs[part], from = fromCheck ? "check" : null });
    public string SafeguardingCheck(Guid personId, Guid concernId) => Page("/Safeguarding/Check", new { id = personId, concernId });
    public string SafeguardingConcern(Guid personId, Guid concernId) => Page("/Safeguarding/View", new { id = personId, concernId });
    public string SafeguardingReceipt(Guid personId, Guid concernId) => Page("/Safeguarding/Receipt", new { id = personId, concernId });
    public string SafeguardingPersonTold(Guid personId, Guid concernId) => Page("/Safeguarding/Told", new { id = personId, concernId });

    // A restriction reduction plan's own question pages (R19), by slug, and taking its steps.
    private static readonly IReadOnlyDictionary<string, string> ReductionSteps = new Dictionary<string, string>
    {
        ["restriction"] = "/Plans/Reduction/Edit",
        ["steps"] = "/Plans/Reduction/Steps",
        ["safeguards"] = "/Plans/Reduction/Safeguards",
        ["assessments"] = "/Plans/Reduction/Assessments",
    };

    public string ReductionPlanStep(Guid personId, Guid planId, string slug) =>
        Page(ReductionSteps.TryGetValue(slug, out var page) ? page : throw new ArgumentException($"No reduction plan question page is called {slug}.", nameof(slug)),
            new { id = personId, planId });
    public string ReductionPlanEditStep(Guid personId, Guid planId, Guid? stepId = null) => Page("/Plans/Reduction/Step", new { id = personId, planId, stepId });
    public string TakeReductionStep(Guid personId, Guid planId, Guid stageId) => Page("/Plans/Reduction/TakeStep", new { id = personId, planId, stageId });
    public string ReductionDocuments(Guid personId, Guid planId, Guid stageId) => Page("/Plans/Reduction/Documents", new { id = personId, planId, stageId });

    // The risk assessment's draft (R24): how the person took part is its Edit page; then the list of risks,
    // each risk's own question page (no risk id: a new one), and removing a risk from the draft.
    public string RiskAssessmentRisks(Guid personId, Guid planId) => Page("/Plans/RiskAssessment/Risks", new { id = personId, planId });
    public string RiskAssessmentRisk(Guid personId, Guid planId, Guid? riskId) => Page("/Plans/RiskAssessment/Risk", new { id = personId, planId, riskId });
    public string RemoveAssessedRisk(Guid personId, Guid planId, Guid riskId) => Page("/Plans/RiskAssessment/RemoveRisk", new { id = personId, planId, riskId });
    /// <summary>One risk as shown on its risk assessment's page.</summary>
    public string AssessedRiskOnPlan(Guid personId, Guid planId, Guid riskId) => Plan(personId, planId, PlanKind.RiskAssessment) + "#risk-" + riskId;

    // Home, account and lists
    public string Home() => Page("/Index");
    public string AccessDenied() => Page("/AccessDenied");
    public string SignIn() => Page("/Account/SignIn");
    public string SignInTwoFactor() => Page("/Account/SignInTwoFactor");
    // Signing in through a council's own identity provider, and where it hands back (ADR 0036).
    public string CouncilSignIn(Guid councilId, string? returnUrl = null) => Page("/Account/CouncilSignIn", new { id = councilId, ReturnUrl = returnUrl });
    public string CouncilSignInDone(Guid councilId, string returnUrl) => Page("/Account/CouncilSignInDone", new { id = councilId, ReturnUrl = returnUrl });
    public string SignOut() => Page("/Account/SignOut");
    public string AccountPassword() => Page("/Account/Password");
    public string TwoFactor() => Page("/Account/TwoFactor");
    public string Tasks() => Page("/Tasks/Index");
    /// <summary>A form kept when its sender's sign-in lapsed, to send again once they are signed in.</summary>
    public string ResumeForm(Guid id) => Page("/Account/Resume", new { id });
    public string Notifications() => Page("/Notifications/Index");
    public string Guidelines() => Page("/Guidelines/Index");
    public string Organisation() => Page("/Organisation/Index");

    // People
    public string People() => Page("/People/Index");
    public string NewPerson() => Page("/People/New");
    public string Person(Guid id) => Page("/People/Details", new { id });
    public string EditPerson(Guid id) => Page("/People/Edit", new { id });
    public string PersonHistory(Guid id) => Page("/People/History", new { id });
    public string NewRepresentative(Guid personId) => Page("/People/Representatives/New", new { id = personId });

    // Restrictive practices
    public string PracticeRegister(Guid personId) => Page("/Practices/Register", new { id = personId });
    public string ProposePractice(Guid personId) => Page("/Practices/Propose", new { id = personId });
    public string PracticeDetails(Guid personId, Guid practiceId) => Page("/Practices/Details", new { id = personId, practiceId });
    public string EndPractice(Guid personId, Guid practiceId) => Page("/Practices/End", new { id = personId, practiceId });
    /// <summary>The register as form RP1, a PDF.</summary>
    public string PracticeRegisterRp1(Guid personId) => Page("/Practices/Rp1", new { id = personId });
    public string WhatAPracticeRestricts(Guid personId, Guid practiceId) => Page("/Practices/Restricts", new { id = personId, practiceId });

    // The discussion and its agreed decisions
    public string DecisionStart(Guid personId, Guid practiceId) => Page("/Decisions/Start", new { id = personId, practiceId });
    public string DecisionStep(Guid personId, Guid practiceId, string slug) =>
        Page(DecisionSteps.TryGetValue(slug, out var page) ? page : throw new ArgumentException($"No question of the discussion is called '{slug}'.", nameof(slug)),
            new { id = personId, practiceId });
    public string DecisionCheck(Guid personId, Guid practiceId) => DecisionStep(personId, practiceId, "check");
    /// <summary>Where the manager records the disagreement route of §5.10 for a practice's open discussion.</summary>
    public string DecisionDisagreement(Guid personId, Guid practiceId) => Page("/Decisions/Disagreement", new { id = personId, practiceId });
    public string Decision(Guid personId, Guid practiceId, int number) => Page("/Decisions/View", new { id = personId, practiceId, number });
    public string DecisionRp2(Guid personId, Guid practiceId, int number) => Page("/Decisions/Print", new { id = personId, practiceId, number, format = "rp2" });
    public string DecisionEasyRead(Guid personId, Guid practiceId, int number) => Page("/Decisions/Print", new { id = personId, practiceId, number, format = "easy-read" });

    // Reviews
    public string ReviewStart(Guid personId, Guid practiceId) => Page("/Reviews/Start", new { id = personId, practiceId });
    public string ReviewStep(Guid personId, Guid practiceId, string slug) =>
        Page(ReviewSteps.TryGetValue(slug, out var page) ? page : throw new ArgumentException($"No question of the review is called '{slug}'.", nameof(slug)),
            new { id = personId, practiceId });
    public string Review(Guid personId, Guid practiceId, int number) => Page("/Reviews/View", new { id = personId, practiceId, number });
    /// <summary>A completed review as form RP2A, a PDF.</summary>
    public string ReviewRp2a(Guid personId, Guid practiceId, int number) => Page("/Reviews/Print", new { id = personId, practiceId, number });

    // Incidents
    public string NewIncident() => Page("/Incidents/Start");
    public string RecordIncident(Guid personId) => Page("/Incidents/Record", new { id = personId });
    public string PersonIncidents(Guid personId) => Page("/Incidents/Person", new { id = personId });
    public string Incident(Guid id) => Page("/Incidents/View", new { id });
    /// <summary>The incident as form CB1, a PDF.</summary>
    public string IncidentCb1(Guid id) => Page("/Incidents/Print", new { id });
    public string IncidentReflection(Guid id) => Page("/Incidents/Reflection", new { id });
    public string IncidentReview(Guid id) => Page("/Incidents/Review", new { id });
    public string IncidentFollowUp(Guid id) => Page("/Incidents/FollowUp", new { id });
    public string IncidentAmend(Guid id) => Page("/Incidents/Amend", new { id });
    public string IncidentNotification(Guid id, NotificationRecipient recipient) => Page("/Incidents/Notify", new { id, recipient = recipient.ToString() });

    /// <param name="filterQuery">The list's filter as a query string (without the "?"), kept when going back to the list.</param>
    public string ServiceIncidents(Guid serviceId, string? filterQuery = null) => WithQuery(Page("/Incidents/Service", new { id = serviceId }), filterQuery);

    /// <param name="table">The MHSDS table: "mhs505" or "mhs515"; or "local", the local file that goes with them.</param>
    /// <param name="filterQuery">The list's filter as a query string, so the export holds what the list shows.</param>
    public string ServiceIncidentsExport(Guid serviceId, string table, string? filterQuery = null) =>
        WithQuery(Page("/Incidents/Export", new { id = serviceId, table }), filterQuery);

    // Services, monitoring and training
    public string Services() => Page("/Services/Index");
    public string NewService() => Page("/Services/New");
    public string Service(Guid id) => Page("/Services/Details", new { id });
    public string EditService(Guid id) => Page("/Services/Edit", new { id });
    public string ServicePractices(Guid id) => Page("/Services/Practices", new { id });
    public string ServiceTraining(Guid id) => Page("/Training/Matrix", new { id });
    public string ServiceMonitoring(Guid serviceId) => Page("/Monitoring/Index", new { id = serviceId });
    public string MonitoringCheck(Guid serviceId, Guid monitoringId) => Page("/Monitoring/Check", new { id = serviceId, monitoringId });
    /// <summary>The check as form RP3, a PDF.</summary>
    public string MonitoringRp3(Guid serviceId, Guid monitoringId) => Page("/Monitoring/Print", new { id = serviceId, monitoringId });
    public string MonitoringActions(Guid serviceId, Guid monitoringId) => MonitoringCheck(serviceId, monitoringId) + "#actions";
    public string MonitoringActionDone(Guid serviceId, Guid monitoringId, Guid actionId) =>
        Page("/Monitoring/ActionDone", new { id = serviceId, monitoringId, actionId });
    public string StaffTraining(Guid userId) => Page("/Training/Staff", new { userId });
    public string NewTraining(Guid userId) => Page("/Training/New", new { userId });

    // Patterns in incidents, and the figures that turn them into rates (issue 12)
    /// <param name="windowQuery">The chosen window as a query string, e.g. "Window.Months=6".</param>
    public string PersonPatterns(Guid personId, string? windowQuery = null) => WithQuery(Page("/Patterns/Person", new { id = personId }), windowQuery);
    public string ServicePatterns(Guid serviceId, string? windowQuery = null) => WithQuery(Page("/Patterns/Service", new { id = serviceId }), windowQuery);
    /// <param name="month">A month to change, as "2026-10"; none for the list and a new month.</param>
    public string ServiceOccupancy(Guid serviceId, string? month = null) =>
        WithQuery(Page("/Patterns/Occupancy", new { id = serviceId }), month is null ? null : "month=" + Uri.EscapeDataString(month));

    // Deprivation of liberty
    public string Liberty(Guid personId) => Page("/Liberty/Index", new { id = personId });
    public string LibertyScreening(Guid personId) => Page("/Liberty/Screening", new { id = personId });
    public string LibertyApply(Guid personId) => Page("/Liberty/Apply", new { id = personId });
    public string LibertyApplication(Guid personId, Guid applicationId) => Page("/Liberty/Outcome", new { id = personId, applicationId });

    // The yearly public report (R17): the organisation's drafts and versions, and the published report anyone may read
    public string YearlyReports() => Page("/Organisation/Reports/Index");
    public string YearlyReport(int year) => Page("/Organisation/Reports/Year", new { year });
    public string YearlyReportEdit(int year) => Page("/Organisation/Reports/Edit", new { year });
    public string YearlyReportCorrect(int year) => Page("/Organisation/Reports/Correct", new { year });
    public string PublicReport(Guid organisationId, int year) => Page("/Reports/Index", new { organisationId, year });
    /// <summary>The published report as a PDF.</summary>
    public string PublicReportPdf(Guid organisationId, int year) => Page("/Reports/Pdf", new { organisationId, year });

    // Administration
    public string Users() => Page("/Admin/Users/Index");
    public string NewUser() => Page("/Admin/Users/New");
    public string User(Guid id) => Page("/Admin/Users/Edit", new { id });
    public string UserPassword(Guid id) => Page("/Admin/Users/Password", new { id });
    public string UserInspectorAccess(Guid id) => Page("/Admin/Users/InspectorAccess", new { id });
    public string RefusedRequests() => Page("/Admin/Refused");
    public string AuditTrail() => Page("/Admin/AuditTrail");
    /// <summary>The organisation's own details: for a council, its safeguarding helpline (R20).</summary>
    public string OrganisationDetails() => Page("/Admin/Organisation");

    // Equality information and the breakdown of restriction by it (ADR 0023)
    public string PersonEquality(Guid personId) => Page("/People/Equality", new { id = personId });
    public string OrganisationEquality() => Page("/Organisation/Equality");

    private string Page(string page, object? values = null) =>
        generator.GetPathByPage(page, handler: null, values)
        ?? throw new InvalidOperationException($"No link can be built to the page {page} with {values ?? "no values"}: its route has changed or a value is missing.");

    private static string WithQuery(string path, string? query) => string.IsNullOrEmpty(query) ? path : $"{path}?{query}";
}
