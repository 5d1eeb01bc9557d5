namespace Proportion.Core.Links;

/// <summary>
/// The links Core puts in tasks, due items, in-app notifications and reminder emails. Core knows no routes:
/// the web app implements this from its pages' own route templates (Proportion.Web.Infrastructure.Links),
/// so a link Core builds is always one the app answers. Paths only, never absolute: emails add
/// <c>Email:BaseUrl</c>, and a stored path keeps working for as long as the route does.
/// </summary>
public interface IRecordLinks
{
    /// <summary>An incident (its review, follow-up and notifications are reached from it).</summary>
    string Incident(Guid incidentId);

    /// <summary>Where a member of staff writes their reflection on an incident (R13).</summary>
    string IncidentReflection(Guid incidentId);

    /// <summary>A restrictive practice on a person's register.</summary>
    string PracticeDetails(Guid personId, Guid practiceId);

    /// <summary>The check page of a practice's open discussion, where each role agrees or declines.</summary>
    string DecisionCheck(Guid personId, Guid practiceId);

    /// <summary>A service's monitoring and audits (R11).</summary>
    string ServiceMonitoring(Guid serviceId);

    /// <summary>The actions a signed-off monitoring or audit set, on its page.</summary>
    string MonitoringActions(Guid serviceId, Guid monitoringId);

    /// <summary>A member of staff's training record (R15).</summary>
    string StaffTraining(Guid userId);

    /// <summary>The guidelines the user must read and confirm.</summary>
    string Guidelines();

    /// <summary>A person's deprivation of liberty screenings, applications and authorisations (R6).</summary>
    string Liberty(Guid personId);

    /// <summary>Where a deprivation of liberty screening is recorded for a person (R6).</summary>
    string LibertyScreening(Guid personId);

    /// <summary>The statistical process control chart of one measure of restriction for a person, a service, an organisation or a council (R14).</summary>
    string RestrictionChart(Analytics.ChartSubject subject, Analytics.Measure measure, Analytics.ChartPeriod period);

    /// <summary>An alert that restriction is creeping up, where a manager says what they will do about it (R14).</summary>
    string CreepAlert(Guid alertId);

    /// <summary>A person's plans: profile, risk assessment, behaviour support, positive risk-taking and reduction plans (R19).</summary>
    string PersonPlans(Guid personId);

    /// <summary>One plan's own page, whatever its kind (R19).</summary>
    string Plan(Guid personId, Guid planId, Model.PlanKind kind);

    /// <summary>Where a plan in place is reviewed (R19).</summary>
    string ReviewPlan(Guid personId, Guid planId);

    /// <summary>A risk review panel referral: its decision, actions and amendments (R26).</summary>
    string PanelReferral(Guid personId, Guid referralId);

    /// <summary>A safeguarding concern as the council's safeguarding adults team works on it (R20).</summary>
    string CouncilSafeguardingConcern(Guid concernId);

    /// <summary>Where the provider's manager marks done an action of the safety plan the council gave the provider (R20).</summary>
    string ProviderSafeguardingActionDone(Guid personId, Guid concernId, Guid actionId);
    /// <summary>A safeguarding concern's own page for the provider's managers (R20); a draft's is its check page, <see cref="SafeguardingCheck"/>.</summary>
    string SafeguardingConcern(Guid personId, Guid concernId);

    /// <summary>A draft safeguarding concern's check-answers page, where it is finished and sent (R20).</summary>
    string SafeguardingCheck(Guid personId, Guid concernId);

    /// <summary>Where a manager records that the person has now been told a concern went ahead without their agreement (R20).</summary>
    string SafeguardingPersonTold(Guid personId, Guid concernId);

    /// <summary>Where a provider's senior manager responds to an action a council's contract visit gave it (R27).</summary>
    string RespondToContractAction(Guid contractId, Guid actionId);

    /// <summary>Where the council's commissioner reads the provider's response and marks an action done (R27).</summary>
    string ContractActionDone(Guid contractId, Guid actionId);
}
