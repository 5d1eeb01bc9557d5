using Proportion.Core.Links;

namespace Proportion.Bench;

/// <summary>
/// The benchmarks time DueWork's queries, not its links, and run without the web app whose routes build
/// them (Proportion.Web.Infrastructure.Links): every link here is empty.
/// </summary>
internal sealed class BenchLinks : IRecordLinks
{
    public static readonly BenchLinks Instance = new();

    public string Incident(Guid incidentId) => "";
    public string IncidentReflection(Guid incidentId) => "";
    public string PracticeDetails(Guid personId, Guid practiceId) => "";
    public string DecisionCheck(Guid personId, Guid practiceId) => "";
    public string ServiceMonitoring(Guid serviceId) => "";
    public string MonitoringActions(Guid serviceId, Guid monitoringId) => "";
    public string StaffTraining(Guid userId) => "";
    public string Guidelines() => "";
    public string Liberty(Guid personId) => "";
    public string LibertyScreening(Guid personId) => "";
    public string CreepAlert(Guid alertId) => "";
    public string RestrictionChart(Proportion.Core.Analytics.ChartSubject subject, Proportion.Core.Analytics.Measure measure, Proportion.Core.Analytics.ChartPeriod period) => "";
    public string PersonPlans(Guid personId) => "";
    public string Plan(Guid personId, Guid planId, Proportion.Core.Model.PlanKind kind) => "";
    public string ReviewPlan(Guid personId, Guid planId) => "";
    public string PanelReferral(Guid personId, Guid referralId) => "";
    public string ProviderSafeguardingActionDone(Guid personId, Guid concernId, Guid actionId) => "";
    public string SafeguardingConcern(Guid personId, Guid concernId) => "";
    public string SafeguardingCheck(Guid personId, Guid concernId) => "";
    public string SafeguardingPersonTold(Guid personId, Guid concernId) => "";
    public string CouncilSafeguardingConcern(Guid concernId) => "";
    public string RespondToContractAction(Guid contractId, Guid actionId) => "";
    public string ContractActionDone(Guid contractId, Guid actionId) => "";
}
