using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Data;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Authorisation;

/// <summary>
/// Every page and API route, for every role, in the user's own organisation and in another: the expected
/// answer is written out by hand here (not derived from the code under test), so a leak fails the test.
/// A = allowed (200), F = forbidden, N = not found (out of scope looks the same as missing).
/// Columns: care worker, service manager, senior manager, board member, inspector, organisation
/// administrator, social worker, commissioner, the other provider's service manager, and the council's
/// safeguarding adults officer.
/// </summary>
public abstract class AccessMatrixTests(AppFixture app)
{
    internal static readonly string[] Users =
    [
        "careworker@oakfield.example", "manager@oakfield.example", "senior@oakfield.example", "board@oakfield.example",
        "inspector@oakfield.example", "admin@oakfield.example", "socialworker@northshire.example",
        "commissioner@northshire.example", "manager@riverside.example", "safeguarding@northshire.example",
    ];

    // Peggy Hughes: Oakfield House (care home), funded by Northshire, allocated to its social worker.
    // George Whitaker: Riverside Lodge (the other provider), not council funded.
    // Eileen Foster: Riverside Lodge, funded by Northshire, no social worker.
    // Samuel Adeyemi: Beech Road (Oakfield supported living), so outside the inspector's grant.
    internal static readonly (string Route, string Expected)[] Gets =
    [
        ("/", "AAAAAAAAAA"),
        ("/people", "AAAAAFAAAF"),
        ("/people/new", "FAAFFFFFAF"),
        ("/people/{peggy}", "AAAAAFAANF"),
        ("/people/{george}", "NNNNNFNNAF"),
        ("/people/{eileen}", "NNNNNFNAAF"),
        ("/people/{sam}", "AAAANFAANF"),
        ("/people/{peggy}/edit", "FAAFFFFFNF"),
        ("/people/{george}/edit", "FNNFFFFFAF"),
        ("/people/{peggy}/representatives/new", "FAAFFFFFNF"),
        ("/people/{peggy}/history", "FAAFFFFFNF"),
        ("/people/{george}/history", "FNNFFFFFAF"),
        ("/people/{peggy}/practices", "AAAAAFAANF"),
        ("/people/{george}/practices", "NNNNNFNNAF"),
        // The register printed as form RP1 (PDF), for those who may see the register.
        ("/people/{peggy}/practices/rp1", "AAAAAFAANF"),
        ("/people/{george}/practices/rp1", "NNNNNFNNAF"),
        ("/people/{unknown}/practices/rp1", "NNNNNFNNNF"),
        ("/people/{peggy}/practices/new", "FAAFFFFFNF"),
        ("/people/{george}/practices/new", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}", "AAAAAFAANF"),
        ("/people/{george}/practices/{georgePractice}", "NNNNNFNNAF"),
        ("/people/{peggy}/practices/{georgePractice}", "NNNNNFNNNF"),
        ("/people/{peggy}/practices/{peggyPractice}/end", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/end", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/restricts", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/restricts", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/decision", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/risk", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/guidelines", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/alternatives", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/views", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/capacity", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/best-interests", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/legal-basis", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/decision/legal-basis", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/consultees", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/decision/capacity", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/check", "AAAAAFAANF"),
        ("/people/{george}/practices/{georgePractice}/decision/check", "NNNNNFNNAF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/disagreement", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/decision/disagreement", "FNNFFFFFAF"),
        ("/guidelines", "AAAAAFAAAF"),
        // A positive behaviour support plan (R25): read by all who read plans, written by managers. Peggy's is a draft;
        // George's (the demo's) is in place, so starting another or changing it leads back to it.
        ("/people/{peggy}/behaviour-support/new", "FAAFFFFFNF"),
        ("/people/{george}/behaviour-support/new", "FNNFFFFFAF"),
        ("/people/{peggy}/behaviour-support/{peggyPbs}", "AAAAAFAANF"),
        ("/people/{george}/behaviour-support/{georgePbs}", "NNNNNFNNAF"),
        ("/people/{peggy}/behaviour-support/{georgePbs}", "NNNNNFNNNF"),
        ("/people/{peggy}/behaviour-support/{peggyPbs}/edit", "FAAFFFFFNF"),
        ("/people/{peggy}/behaviour-support/{peggyPbs}/edit/reactive", "FAAFFFFFNF"),
        ("/people/{peggy}/behaviour-support/{peggyPbs}/edit/incidents", "FAAFFFFFNF"),
        ("/people/{george}/behaviour-support/{georgePbs}/edit", "FNNFFFFFAF"),
        // R19, R23: the person's plans. Read by everyone who supports or oversees them, written by their managers.
        // Peggy's profile is agreed (so agree and edit lead back to it, a new version needs a reason); Sam's is a draft;
        // George's is Riverside's. Starting a second profile opens the one there is.
        ("/people/{peggy}/plans", "AAAAAFAANF"),
        ("/people/{george}/plans", "NNNNNFNNAF"),
        ("/people/{peggy}/profile/new", "FAAFFFFFNF"),
        ("/people/{george}/profile/new", "FNNFFFFFAF"),
        ("/people/{peggy}/profile/{peggyProfile}", "AAAAAFAANF"),
        ("/people/{george}/profile/{georgeProfile}", "NNNNNFNNAF"),
        ("/people/{peggy}/profile/{georgeProfile}", "NNNNNFNNNF"),
        ("/people/{sam}/profile/{samProfile}", "AAAANFAANF"),
        ("/people/{peggy}/profile/{peggyProfile}/edit", "FAAFFFFFNF"),
        ("/people/{sam}/profile/{samProfile}/edit", "FAAFFFFFNF"),
        ("/people/{george}/profile/{georgeProfile}/edit", "FNNFFFFFAF"),
        ("/people/{peggy}/plans/{peggyProfile}/versions/1", "AAAAAFAANF"),
        ("/people/{george}/plans/{georgeProfile}/versions/1", "NNNNNFNNAF"),
        ("/people/{peggy}/plans/{peggyProfile}/versions/2", "NNNNNFNNNF"),
        ("/people/{peggy}/plans/{peggyProfile}/versions/1/easy-read", "AAAAAFAANF"),
        ("/people/{george}/plans/{georgeProfile}/versions/1/easy-read", "NNNNNFNNAF"),
        ("/people/{sam}/plans/{samProfile}/versions/1/easy-read", "NNNNNFNNNF"),
        ("/people/{peggy}/plans/{peggyProfile}/agree", "FAAFFFFFNF"),
        ("/people/{sam}/plans/{samProfile}/agree", "FAAFFFFFNF"),
        ("/people/{peggy}/plans/{peggyProfile}/revise", "FAAFFFFFNF"),
        ("/people/{peggy}/plans/{peggyProfile}/review", "FAAFFFFFNF"),
        ("/people/{george}/plans/{georgeProfile}/review", "FNNFFFFFAF"),
        ("/people/{peggy}/plans/{peggyProfile}/close", "FAAFFFFFNF"),
        ("/people/{george}/plans/{georgeProfile}/close", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/review", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/review", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/review/need", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/review/views", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/review/safeguards", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/review/outcome", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/review/check", "FAAFFFFFNF"),
        // Positive risk-taking plans (R19): read with ReadPlans, written by the person's managers. Peggy's is a
        // draft (the question pages answer only a draft); Sam's is the demo's agreed plan, outside the inspector's grant.
        ("/people/{peggy}/positive-risk/new", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}", "AAAAAFAANF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/about", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/views", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/escalation", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/contingency", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/review", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/understanding", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/risks", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/risk", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/stages", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/stage", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/fit", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/risk/{unknown}", "FNNFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/stage/{unknown}", "FNNFFFFFNF"),
        ("/people/{george}/positive-risk/new", "FNNFFFFFAF"),
        ("/people/{sam}/positive-risk/{samRiskPlan}", "AAAANFAANF"),
        ("/people/{sam}/positive-risk/{samRiskPlan}/stages/{samRiskStage}/outcome", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{samRiskPlan}", "NNNNNFNNNF"),
        ("/people/{george}/practices/{georgePractice}/review/check", "FNNFFFFFAF"),
        // Restriction reduction plans (R19): started from the practice, written by its managers, read by all who read plans.
        ("/people/{peggy}/practices/{peggyPractice}/reduction/new", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/reduction/new", "FNNFFFFFAF"),
        ("/people/{peggy}/reduction/{peggyReduction}", "AAAAAFAANF"),
        ("/people/{george}/reduction/{georgeReduction}", "NNNNNFNNAF"),
        ("/people/{peggy}/reduction/{georgeReduction}", "NNNNNFNNNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/edit", "FAAFFFFFNF"),
        ("/people/{george}/reduction/{georgeReduction}/edit", "FNNFFFFFAF"),
        ("/people/{peggy}/reduction/{peggyReduction}/edit/steps", "FAAFFFFFNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/edit/step", "FAAFFFFFNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/edit/step/{peggyReductionStep}", "FAAFFFFFNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/edit/safeguards", "FAAFFFFFNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/edit/assessments", "FAAFFFFFNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/steps/{peggyReductionStep}", "FAAFFFFFNF"),
        ("/people/{george}/reduction/{georgeReduction}/steps/{georgeReductionStep}", "FNNFFFFFAF"),
        ("/people/{peggy}/reduction/{peggyReduction}/steps/{peggyReductionStep}/documents", "AAAAAFAANF"),
        ("/people/{george}/reduction/{georgeReduction}/steps/{georgeReductionStep}/documents", "NNNNNFNNAF"),
        ("/people/{peggy}/practices/{peggyPractice}/reviews/1", "AAAAAFAANF"),
        ("/people/{george}/practices/{georgePractice}/reviews/1", "NNNNNFNNNF"),
        ("/people/{peggy}/practices/{peggyPractice}/reviews/2", "NNNNNFNNNF"),
        ("/people/{peggy}/practices/{peggyPractice}/reviews/1/rp2a", "AAAAAFAANF"),
        ("/people/{peggy}/practices/{peggyPractice}/reviews/2/rp2a", "NNNNNFNNNF"),
        ("/people/{george}/practices/{georgePractice}/reviews/1/rp2a", "NNNNNFNNNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decisions/1", "AAAAAFAANF"),
        ("/people/{peggy}/practices/{peggyPractice}/decisions/1/rp2", "AAAAAFAANF"),
        ("/people/{peggy}/practices/{peggyPractice}/decisions/1/easy-read", "AAAAAFAANF"),
        ("/people/{peggy}/practices/{peggyPractice}/decisions/2/rp2", "NNNNNFNNNF"),
        // R24: the person's risk assessment. Peggy's is a draft (made by the test), George's agreed in the demo, so
        // his has no draft to change: its question pages send the manager back to it. Reading follows the person;
        // writing is their managers'.
        ("/people/{peggy}/risk-assessment/new", "FAAFFFFFNF"),
        ("/people/{george}/risk-assessment/new", "FNNFFFFFAF"),
        ("/people/{peggy}/risk-assessment/{peggyRisks}", "AAAAAFAANF"),
        ("/people/{george}/risk-assessment/{georgeRisks}", "NNNNNFNNAF"),
        ("/people/{peggy}/risk-assessment/{georgeRisks}", "NNNNNFNNNF"),
        ("/people/{peggy}/risk-assessment/{peggyRisks}/edit", "FAAFFFFFNF"),
        ("/people/{george}/risk-assessment/{georgeRisks}/edit", "FNNFFFFFAF"),
        ("/people/{peggy}/risk-assessment/{peggyRisks}/edit/risks", "FAAFFFFFNF"),
        ("/people/{george}/risk-assessment/{georgeRisks}/edit/risks", "FNNFFFFFAF"),
        ("/people/{peggy}/risk-assessment/{peggyRisks}/edit/risk", "FAAFFFFFNF"),
        ("/people/{peggy}/risk-assessment/{peggyRisks}/edit/risk/{peggyRisk}", "FAAFFFFFNF"),
        ("/people/{peggy}/risk-assessment/{peggyRisks}/edit/risk/{unknown}", "FNNFFFFFNF"),
        ("/people/{george}/risk-assessment/{georgeRisks}/edit/risk/{georgeRisk}", "FNNFFFFFAF"),
        ("/people/{peggy}/risk-assessment/{peggyRisks}/edit/risk/{peggyRisk}/remove", "FAAFFFFFNF"),
        ("/people/{george}/risk-assessment/{georgeRisks}/edit/risk/{georgeRisk}/remove", "FNNFFFFFAF"),
        ("/people/{peggy}/liberty", "AAAAAFAANF"),
        ("/people/{george}/liberty", "NNNNNFNNAF"),
        ("/people/{peggy}/liberty/screening/new", "FAAFFFFFNF"),
        ("/people/{peggy}/liberty/applications/new", "FAAFFFFFNF"),
        ("/people/{george}/liberty/applications/new", "FNNFFFFFAF"),
        ("/people/{peggy}/liberty/applications/{unknown}", "FNNFFFFFNF"),
        ("/people/{peggy}/incidents", "AAAAAFAANF"),
        ("/people/{george}/incidents", "NNNNNFNNAF"),
        ("/people/{peggy}/incidents/new", "AAAFFFFFNF"),
        ("/people/{george}/incidents/new", "NNNFFFFFAF"),
        ("/incidents/new", "AAAFFFFFAF"),
        ("/incidents/{joyceIncident}", "AAAAAFAANF"),
        ("/incidents/{samIncident}", "AAAANFAANF"),
        ("/incidents/{unknown}", "NNNNNFNNNF"),
        ("/incidents/{joyceIncident}/cb1", "AAAAAFAANF"),
        ("/incidents/{samIncident}/cb1", "AAAANFAANF"),
        ("/incidents/{unknown}/cb1", "NNNNNFNNNF"),
        ("/incidents/{joyceIncident}/review", "FAAFFFFFNF"),
        ("/incidents/{joyceIncident}/follow-up", "FAAFFFFFNF"),
        ("/incidents/{joyceIncident}/notifications/Cqc", "FAAFFFFFNF"),
        ("/incidents/{joyceIncident}/notifications/Nonsense", "FNNFFFFFNF"),
        ("/incidents/{joyceIncident}/reflection", "ANNFFFFFNF"),
        ("/incidents/{joyceIncident}/amend", "AAAFFFFFNF"),
        ("/incidents/{unknown}/amend", "NNNFFFFFNF"),
        ("/services/{house}/incidents", "FAAAAFFFNF"),
        ("/services/{lodge}/incidents", "FNNNNFFFAF"),
        ("/services/{house}/incidents/export/mhs505", "FAAFFFFFNF"),
        ("/services/{house}/incidents/export/mhs515", "FAAFFFFFNF"),
        ("/services/{lodge}/incidents/export/mhs505", "FNNFFFFFAF"),
        ("/services/{house}/incidents/export/local", "FAAFFFFFNF"),
        ("/services/{lodge}/incidents/export/local", "FNNFFFFFAF"),
        // Patterns follow the incidents they read: a person's whoever sees the person's incidents, a service's
        // those who collate the service's incidents; its occupancy and hours those who manage them.
        ("/people/{peggy}/patterns", "AAAAAFAANF"),
        ("/people/{george}/patterns", "NNNNNFNNAF"),
        ("/people/{unknown}/patterns", "NNNNNFNNNF"),
        ("/services/{house}/patterns", "FAAAAFFFNF"),
        ("/services/{lodge}/patterns", "FNNNNFFFAF"),
        ("/services/{house}/occupancy", "FAAFFFFFNF"),
        ("/services/{lodge}/occupancy", "FNNFFFFFAF"),
        ("/notifications", "AAAAAAAAAA"),
        ("/tasks", "AAAAAAAAAA"),
        ("/organisation", "FFAAFFFFFF"),
        // Restriction over time (R14): a person's chart follows the person, a service's its incidents list,
        // the organisation's its picture; council users see the people their council funds.
        ("/people/{peggy}/charts", "AAAAAFAANF"),
        ("/people/{george}/charts", "NNNNNFNNAF"),
        ("/services/{house}/charts", "FAAAAFFFNF"),
        ("/services/{lodge}/charts", "FNNNNFFFAF"),
        ("/organisation/charts", "FFAAFFFFFF"),
        ("/council/charts", "FFFFFFAAFF"),
        // An alert that restriction is creeping up (R14): read with the service's incidents; council users never see the provider's.
        ("/alerts/{houseAlert}", "FAAAAFFFNF"),
        ("/alerts/{lodgeAlert}", "FNNNNFFFAF"),
        ("/alerts/{unknown}", "FNNNNFFFNF"),
        // Marking a change on a chart: a person's or a service's managers, the organisation's senior managers.
        ("/people/{peggy}/charts/changes", "FAAFFFFFNF"),
        ("/people/{george}/charts/changes", "FNNFFFFFAF"),
        ("/services/{house}/charts/changes", "FAAFFFFFNF"),
        ("/services/{lodge}/charts/changes", "FNNFFFFFAF"),
        ("/organisation/charts/changes", "FFAFFFFFFF"),
        ("/services/{house}/training", "FAAAAAFFNF"),
        ("/services/{lodge}/training", "FNNNNNFFAF"),
        ("/staff/{oakfieldCareWorker}/training", "FAAAAAFFNF"),
        ("/staff/{riversideManager}/training", "FNNNNNFFAF"),
        ("/staff/{oakfieldCareWorker}/training/new", "FAAFFAFFNF"),
        ("/staff/{riversideManager}/training/new", "FNNFFNFFAF"),
        ("/services", "AAAAAAAAAA"),
        ("/services/new", "FFAFFAFFFF"),
        ("/services/{house}", "AAAAAAAANN"),
        ("/services/{lodge}", "NNNNNNNAAN"),
        ("/services/{house}/practices", "FAAAAFFFNF"),
        ("/services/{lodge}/practices", "FNNNNFFFAF"),
        ("/services/{house}/edit", "FFAFFAFFFF"),
        ("/services/{lodge}/edit", "FFNFFNFFFF"),
        ("/services/{house}/monitoring", "FAAAAFFFNF"),
        ("/services/{lodge}/monitoring", "FNNNNFFFAF"),
        ("/services/{house}/monitoring/{houseMonitoring}", "FAAAAFFFNF"),
        ("/services/{house}/monitoring/{houseAudit}", "FAAAAFFFNF"),
        ("/services/{lodge}/monitoring/{houseMonitoring}", "FNNNNFFFNF"),
        ("/services/{house}/monitoring/{houseMonitoring}/actions/{houseAction}/done", "FAAFFFFFNF"),
        ("/services/{house}/monitoring/{houseMonitoring}/actions/{unknown}/done", "FNNFFFFFNF"),
        ("/services/{house}/monitoring/{unknown}", "FNNNNFFFNF"),
        ("/services/{house}/monitoring/{houseMonitoring}/rp3", "FAAAAFFFNF"),
        ("/services/{house}/monitoring/{houseAudit}/rp3", "FAAAAFFFNF"),
        ("/services/{lodge}/monitoring/{houseMonitoring}/rp3", "FNNNNFFFNF"),
        ("/services/{house}/monitoring/{unknown}/rp3", "FNNNNFFFNF"),
        ("/admin/users", "FFFFFAFFFF"),
        ("/admin/users/new", "FFFFFAFFFF"),
        ("/admin/refused", "FFFFFAFFFF"),
        ("/admin/users/{oakfieldInspector}", "FFFFFAFFFF"),
        ("/admin/users/{riversideManager}", "FFFFFNFFFF"),
        ("/admin/users/{oakfieldInspector}/inspector-access", "FFFFFAFFFF"),
        ("/admin/users/{riversideManager}/inspector-access", "FFFFFNFFFF"),
        ("/admin/users/{oakfieldInspector}/password", "FFFFFAFFFF"),
        ("/admin/users/{riversideManager}/password", "FFFFFNFFFF"),
        ("/admin/audit-trail", "FFFFFAFFFF"),
        ("/account/two-factor", "AAAAAAAAAA"),
        ("/account/password", "AAAAAAAAAA"),
        // A form held when the care worker's sign-in lapsed: only they may see it; anyone else is told it does not exist.
        ("/resume/{careWorkerForm}", "ANNNNNNNNN"),
        ("/resume/{unknown}", "NNNNNNNNNN"),
        ("/people/{unknown}", "NNNNNFNNNF"),
        ("/services/{unknown}", "NNNNNNNNNN"),
        ("/api/v1/people", "AAAAAFAAAF"),
        ("/api/v1/people/{peggy}", "AAAAAFAANF"),
        ("/api/v1/people/{george}", "NNNNNFNNAF"),
        ("/api/v1/people/{peggy}/practices", "AAAAAFAANF"),
        ("/api/v1/people/{george}/practices", "NNNNNFNNAF"),
        ("/api/v1/people/{peggy}/incidents", "AAAAAFAANF"),
        ("/api/v1/people/{george}/incidents", "NNNNNFNNAF"),
        ("/api/v1/services", "AAAAAAAAAA"),
        ("/api/v1/services/{house}/practices", "FAAAAFFFNF"),
        ("/api/v1/services/{lodge}/practices", "FNNNNFFFAF"),
        ("/api/v1/services/{house}/due", "FAAAAFFFNF"),
        ("/api/v1/services/{lodge}/due", "FNNNNFFFAF"),
        ("/api/v1/services/{unknown}/due", "FNNNNFFFNF"),
        // Equality information is special category data: only those who keep the person's details (ADR 0023).
        ("/people/{peggy}/equality", "FAAFFFFFNF"),
        ("/people/{george}/equality", "FNNFFFFFAF"),
        ("/people/{unknown}/equality", "FNNFFFFFNF"),
        ("/organisation/equality", "FFAAFFFFFF"),
        // R17: the organisation's yearly reports (the demo's for 2025 to 2026 is published), for those who answer for it.
        ("/organisation/reports", "FFAAFFFFFF"),
        ("/organisation/reports/2025", "FFAAFFFFFF"),
        ("/organisation/reports/2019", "FFNNFFFFFF"),
        // No draft in the demo: the senior manager is taken back to the report.
        ("/organisation/reports/2025/edit", "FFAFFFFFFF"),
        ("/organisation/reports/2025/correct", "FFAFFFFFFF"),
        ("/organisation/reports/2019/correct", "FFNFFFFFFF"),
        // The published report is public: the same answer for everyone, signed in or not (EveryPublicRoute_WhenSignedOut_...).
        ("/reports/{oakfield}/2025", "AAAAAAAAAA"),
        ("/reports/{oakfield}/2025/pdf", "AAAAAAAAAA"),
        ("/reports/{oakfield}/2019", "NNNNNNNNNN"),
        ("/reports/{riverside}/2025/pdf", "NNNNNNNNNN"),
        ("/reports/{unknown}/2025", "NNNNNNNNNN"),
        // Risk review panels (R26): managers refer; senior managers record the decision and correct it; those who
        // read plans read the referral; an action is marked done by the user given it or a manager.
        ("/people/{peggy}/panels/new", "FAAFFFFFNF"),
        ("/people/{george}/panels/new", "FNNFFFFFAF"),
        ("/people/{peggy}/panels/{peggyReferral}", "AAAAAFAANF"),
        ("/people/{sam}/panels/{samReferral}", "AAAANFAANF"),
        ("/people/{george}/panels/{peggyReferral}", "NNNNNFNNNF"),
        ("/people/{sam}/panels/{peggyReferral}", "NNNNNFNNNF"),
        ("/people/{peggy}/panels/{unknown}", "NNNNNFNNNF"),
        ("/people/{sam}/panels/{samReferral}/decision", "FFAFFFFFFF"),
        ("/people/{peggy}/panels/{peggyReferral}/decision", "FFAFFFFFFF"),
        ("/people/{peggy}/panels/{peggyReferral}/amend", "FFAFFFFFFF"),
        ("/people/{sam}/panels/{samReferral}/amend", "FFAFFFFFFF"),
        ("/people/{peggy}/panels/{peggyReferral}/actions/{peggyAction}/done", "FAAFFFNNNF"),
        ("/people/{peggy}/panels/{samReferral}/actions/{peggyAction}/done", "NNNNNFNNNF"),
        ("/organisation/panels", "FFAAFFFFFF"),
        // Safeguarding: raising. Care staff and managers raise a concern (RaiseSafeguarding) about the people they
        // support; the provider's managers read it (ReadSafeguarding); the care worker who raised Peggy's sees its
        // receipt only. The council's safeguarding officer reads the list of concerns sent to their council, never
        // the provider's pages, which are about a person's record they do not see. Peggy's draft and sent concern
        // were raised by the care worker; George's by Riverside's manager.
        ("/safeguarding", "FAAFFFFFAA"),
        ("/safeguarding/new", "AAAFFFFFAF"),
        ("/people/{peggy}/safeguarding/new", "AAAFFFFFNF"),
        ("/people/{george}/safeguarding/new", "NNNFFFFFAF"),
        ("/people/{unknown}/safeguarding/new", "NNNFFFFFNF"),
        ("/people/{peggy}/safeguarding/{peggyDraft}/what-happened", "AAAFFFFFNF"),
        ("/people/{peggy}/safeguarding/{peggyDraft}/who", "AAAFFFFFNF"),
        ("/people/{peggy}/safeguarding/{peggyDraft}/action", "AAAFFFFFNF"),
        ("/people/{peggy}/safeguarding/{peggyDraft}/consent", "AAAFFFFFNF"),
        ("/people/{peggy}/safeguarding/{peggyDraft}/voice", "AAAFFFFFNF"),
        ("/people/{peggy}/safeguarding/{peggyDraft}/advocacy", "AAAFFFFFNF"),
        ("/people/{peggy}/safeguarding/{peggyDraft}/check", "AAAFFFFFNF"),
        ("/people/{peggy}/safeguarding/{unknown}/check", "NNNFFFFFNF"),
        ("/people/{george}/safeguarding/{georgeConcern}/voice", "NNNFFFFFAF"),
        // A sent concern's question and check pages lead to its page, or its receipt.
        ("/people/{peggy}/safeguarding/{peggyConcern}/consent", "AAAFFFFFNF"),
        ("/people/{peggy}/safeguarding/{peggyConcern}/check", "AAAFFFFFNF"),
        ("/people/{peggy}/safeguarding/{peggyDraft}", "FAAFFFFFNN"),
        ("/people/{peggy}/safeguarding/{peggyConcern}", "FAAFFFFFNN"),
        ("/people/{george}/safeguarding/{georgeConcern}", "FNNFFFFFAN"),
        ("/people/{peggy}/safeguarding/{georgeConcern}", "FNNFFFFFNN"),
        ("/people/{peggy}/safeguarding/{unknown}", "FNNFFFFFNN"),
        ("/people/{peggy}/safeguarding/{peggyConcern}/receipt", "AAAFFFFFNF"),
        ("/people/{george}/safeguarding/{georgeConcern}/receipt", "NNNFFFFFAF"),
        ("/people/{peggy}/safeguarding/{peggyConcern}/told", "FAAFFFFFNN"),
        ("/people/{george}/safeguarding/{georgeConcern}/told", "FNNFFFFFAN"),
        // Safeguarding: the council (R20). Its safeguarding adults team alone, on concerns sent to its own council (Peggy's at
        // Oakfield and George's at Riverside are both Northshire's; one sent to Southshire is not found). A step not open yet
        // leads back to the concern. The provider's managers mark done the actions given to the provider, and only those.
        ("/council/safeguarding", "FFFFFFFFFA"),
        ("/council/safeguarding/{peggyDecided}", "FFFFFFFFFA"),
        ("/council/safeguarding/{georgeDecided}", "FFFFFFFFFA"),
        ("/council/safeguarding/{southshireConcern}", "FFFFFFFFFN"),
        ("/council/safeguarding/{unknown}", "FFFFFFFFFN"),
        ("/council/safeguarding/{peggyDecided}/decision", "FFFFFFFFFA"),
        ("/council/safeguarding/{southshireConcern}/decision", "FFFFFFFFFN"),
        ("/council/safeguarding/{peggyDecided}/plan", "FFFFFFFFFA"),
        ("/council/safeguarding/{peggyDecided}/actions/new", "FFFFFFFFFA"),
        ("/council/safeguarding/{peggyDecided}/actions/{peggyCouncilAction}/done", "FFFFFFFFFA"),
        ("/council/safeguarding/{peggyDecided}/actions/{georgeProviderAction}/done", "FFFFFFFFFN"),
        ("/council/safeguarding/{peggyDecided}/reviews/new", "FFFFFFFFFA"),
        ("/council/safeguarding/{peggyDecided}/close", "FFFFFFFFFA"),
        ("/council/safeguarding/{southshireConcern}/close", "FFFFFFFFFN"),
        ("/people/{peggy}/safeguarding/{peggyDecided}/actions/{peggyProviderAction}/done", "FAAFFFFFNF"),
        ("/people/{george}/safeguarding/{georgeDecided}/actions/{georgeProviderAction}/done", "FNNFFFFFAF"),
        ("/people/{peggy}/safeguarding/{peggyDecided}/actions/{peggyCouncilAction}/done", "FNNFFFFFNF"),
        ("/people/{peggy}/safeguarding/{georgeDecided}/actions/{georgeProviderAction}/done", "FNNFFFFFNF"),
        // Support plans (R20): read with ReadPlans, written by the person's managers. Peggy's is a draft (made by the
        // test; the question pages answer only a draft); Sam's is the demo's agreed plan, outside the inspector's grant,
        // so starting another opens it and only it is reviewed. The safeguarding officer reads no plans.
        ("/people/{peggy}/support-plan/new", "FAAFFFFFNF"),
        ("/people/{george}/support-plan/new", "FNNFFFFFAF"),
        ("/people/{sam}/support-plan/new", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}", "AAAAAFAANF"),
        ("/people/{sam}/support-plan/{samSupportPlan}", "AAAANFAANF"),
        ("/people/{peggy}/support-plan/{samSupportPlan}", "NNNNNFNNNF"),
        ("/people/{george}/support-plan/{samSupportPlan}", "NNNNNFNNNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/outcomes", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/outcome", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/outcome/{unknown}", "FNNFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/capacity", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/budget", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/holders", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/assistants", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/assistant", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/assistant/{unknown}", "FNNFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/matrix", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/isolation", "FAAFFFFFNF"),
        ("/people/{sam}/support-plan/{samSupportPlan}/edit/matrix", "FAAFFFFFNF"),
        ("/people/{sam}/support-plan/{samSupportPlan}/review", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/review", "FAAFFFFFNF"),
        ("/people/{george}/support-plan/{samSupportPlan}/review", "FNNFFFFFNF"),
        ("/people/{sam}/plans/{samSupportPlan}/review", "FAAFFFFFNF"),
        // Tools for risky choices (R20): a supported decision-making agreement and a keeping safe plan are plans (read with
        // ReadPlans, written by the person's managers); Sam's are agreed in the demo, Peggy's are drafts made here. The
        // council's risk enablement panel on the panel records: its decision and corrections are a social worker's of the
        // funding council (Sam's waits for the panel); the risk review panel's own page sends anyone back from it. An
        // administrator's own organisation's details (a council's safeguarding helpline; Oakfield's admin sees the councils').
        ("/people/{peggy}/decision-making/new", "FAAFFFFFNF"),
        ("/people/{george}/decision-making/new", "FNNFFFFFAF"),
        ("/people/{sam}/decision-making/new", "FAAFFFFFNF"),
        ("/people/{sam}/decision-making/{samAgreement}", "AAAANFAANF"),
        ("/people/{peggy}/decision-making/{peggyAgreement}", "AAAAAFAANF"),
        ("/people/{peggy}/decision-making/{samAgreement}", "NNNNNFNNNF"),
        ("/people/{sam}/decision-making/{samKeepingSafe}", "NNNNNFNNNF"),
        ("/people/{peggy}/decision-making/{peggyAgreement}/edit", "FAAFFFFFNF"),
        ("/people/{sam}/decision-making/{samAgreement}/edit", "FAAFFFFFNF"),
        ("/people/{peggy}/keeping-safe/new", "FAAFFFFFNF"),
        ("/people/{george}/keeping-safe/new", "FNNFFFFFAF"),
        ("/people/{sam}/keeping-safe/{samKeepingSafe}", "AAAANFAANF"),
        ("/people/{peggy}/keeping-safe/{peggyKeepingSafe}", "AAAAAFAANF"),
        ("/people/{sam}/keeping-safe/{samAgreement}", "NNNNNFNNNF"),
        ("/people/{george}/keeping-safe/{samKeepingSafe}", "NNNNNFNNNF"),
        ("/people/{peggy}/keeping-safe/{peggyKeepingSafe}/edit", "FAAFFFFFNF"),
        ("/people/{sam}/keeping-safe/{samKeepingSafe}/edit", "FAAFFFFFNF"),
        ("/people/{sam}/plans/{samKeepingSafe}/versions/1", "AAAANFAANF"),
        ("/people/{sam}/plans/{samKeepingSafe}/versions/1/easy-read", "AAAANFAANF"),
        ("/people/{sam}/plans/{samAgreement}/versions/1/easy-read", "AAAANFAANF"),
        ("/people/{peggy}/plans/{peggyKeepingSafe}/agree", "FAAFFFFFNF"),
        ("/people/{peggy}/plans/{peggyAgreement}/agree", "FAAFFFFFNF"),
        ("/people/{sam}/panels/{samEnablement}", "AAAANFAANF"),
        ("/people/{sam}/panels/{samEnablement}/council-decision", "FFFFFFAFFF"),
        ("/people/{sam}/panels/{samReferral}/council-decision", "FFFFFFAFFF"),
        ("/people/{peggy}/panels/{samEnablement}/council-decision", "FFFFFFNFFF"),
        ("/people/{george}/panels/{unknown}/council-decision", "FFFFFFNFFF"),
        ("/people/{sam}/panels/{samEnablement}/decision", "FFAFFFFFFF"),
        ("/people/{sam}/panels/{samEnablement}/council-amend", "FFFFFFAFFF"),
        ("/people/{sam}/panels/{unknown}/council-amend", "FFFFFFNFFF"),
        ("/admin/organisation", "FFFFFAFFFF"),
    ];

    // Every write, posted with a valid antiforgery token by each role. A write that passes
    // authorisation but fails validation re-renders the form (200) without saving, which is allowed.
    internal static readonly (string Route, string Expected)[] Posts =
    [
        // R19, R23: plan writes, the person's managers only; an empty form is shown back (or refused as stale).
        ("/people/{george}/profile/new", "FNNFFFFFAF"),
        ("/people/{sam}/profile/{samProfile}/edit", "FAAFFFFFNF"),
        ("/people/{sam}/plans/{samProfile}/agree", "FAAFFFFFNF"),
        ("/people/{peggy}/plans/{peggyProfile}/revise", "FAAFFFFFNF"),
        ("/people/{peggy}/plans/{peggyProfile}/review", "FAAFFFFFNF"),
        ("/people/{peggy}/plans/{peggyProfile}/close", "FAAFFFFFNF"),
        ("/people/{george}/plans/{georgeProfile}/close", "FNNFFFFFAF"),
        // Marking a change on a chart: a person's or a service's managers, the organisation's senior managers.
        ("/people/{peggy}/charts/changes", "FAAFFFFFNF"),
        ("/people/{george}/charts/changes", "FNNFFFFFAF"),
        ("/services/{house}/charts/changes", "FAAFFFFFNF"),
        ("/services/{lodge}/charts/changes", "FNNFFFFFAF"),
        ("/organisation/charts/changes", "FFAFFFFFFF"),
        // Positive risk-taking plans: an empty post is refused with errors (or a stale version) and changes nothing.
        ("/people/{peggy}/positive-risk/new", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/about", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/risks", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/risk/{unknown}", "FNNFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/stages", "FAAFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/stage/{unknown}", "FNNFFFFFNF"),
        ("/people/{peggy}/positive-risk/{peggyRiskPlan}/edit/fit", "FAAFFFFFNF"),
        ("/people/{sam}/positive-risk/{samRiskPlan}/stages/{samRiskStage}/outcome", "FAAFFFFFNF"),
        // Risk review panels (R26): managers refer; senior managers record the decision, correct it and close it; an action is done by whoever it was given to or a manager.
        ("/people/{peggy}/panels/new", "FAAFFFFFNF"),
        ("/people/{george}/panels/new", "FNNFFFFFAF"),
        ("/people/{sam}/panels/{samReferral}/decision", "FFAFFFFFFF"),
        ("/people/{peggy}/panels/{peggyReferral}/amend", "FFAFFFFFFF"),
        ("/people/{peggy}/panels/{peggyReferral}/actions/{peggyAction}/done", "FAAFFFNNNF"),
        ("/people/{peggy}/panels/{peggyReferral}?handler=Close", "FFAFFFFFFF"),
        ("/people/new", "FAAFFFFFAF"),
        ("/people/{peggy}/edit", "FAAFFFFFNF"),
        ("/people/{george}/edit", "FNNFFFFFAF"),
        ("/people/{peggy}/representatives/new", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/new", "FAAFFFFFNF"),
        ("/people/{george}/practices/new", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/end", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/restricts", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/decision", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/risk", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/alternatives", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/views", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/capacity", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/best-interests", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/guidelines", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/legal-basis", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/decision/legal-basis", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/consultees", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/consultees?handler=Add", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/decision/capacity", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/check?handler=Agree", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/check?handler=Commissioner", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/check?handler=Signature", "FAAFFFFFNF"),
        // Declining needs the role that gives the agreement (R3, R4, R5); asking and answering a decline are the manager's.
        ("/people/{peggy}/practices/{peggyPractice}/decision/check?handler=Decline&role=ServiceManager", "FAFFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/check?handler=Decline&role=SeniorManager", "FFAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/check?handler=Decline&role=SocialWorker", "FFFFFFAFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/check?handler=Decline&role=CommissionerInformed", "FFFFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/check?handler=AnswerDecline", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/check?handler=Ask", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/decision/disagreement", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/decision/disagreement", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/review", "FAAFFFFFNF"),
        ("/people/{george}/practices/{georgePractice}/review", "FNNFFFFFAF"),
        ("/people/{peggy}/practices/{peggyPractice}/review/need", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/review/views", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/review/safeguards", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/review/outcome", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/review/check?handler=Signature", "FAAFFFFFNF"),
        ("/people/{peggy}/practices/{peggyPractice}/review/check?handler=Complete", "FAAFFFFFNF"),
        // R24: without the version the form was built from, each allowed user is shown the form back; starting again goes to the open one.
        ("/people/{peggy}/risk-assessment/new", "FAAFFFFFNF"),
        ("/people/{george}/risk-assessment/new", "FNNFFFFFAF"),
        ("/people/{peggy}/risk-assessment/{peggyRisks}/edit", "FAAFFFFFNF"),
        ("/people/{peggy}/risk-assessment/{peggyRisks}/edit/risk", "FAAFFFFFNF"),
        ("/people/{peggy}/risk-assessment/{peggyRisks}/edit/risk/{peggyRisk}", "FAAFFFFFNF"),
        ("/people/{peggy}/risk-assessment/{peggyRisks}/edit/risk/{peggyRisk}/remove", "FAAFFFFFNF"),
        ("/people/{george}/risk-assessment/{georgeRisks}/edit/risk/{georgeRisk}/remove", "FNNFFFFFAF"),
        ("/guidelines", "NNNNFFFFNF"),
        // Confirming reading a behaviour support plan (none named, so not found to those who may).
        ("/guidelines?handler=Plan", "NNNNFFFFNF"),
        ("/people/{peggy}/behaviour-support/new", "FAAFFFFFNF"),
        ("/people/{george}/behaviour-support/new", "FNNFFFFFAF"),
        ("/people/{peggy}/behaviour-support/{peggyPbs}/edit", "FAAFFFFFNF"),
        ("/people/{peggy}/behaviour-support/{peggyPbs}/edit/prevention", "FAAFFFFFNF"),
        ("/people/{peggy}/behaviour-support/{peggyPbs}/edit/reactive", "FAAFFFFFNF"),
        ("/people/{george}/behaviour-support/{georgePbs}/edit", "FNNFFFFFAF"),
        ("/people/{peggy}/liberty/screening/new", "FAAFFFFFNF"),
        ("/people/{peggy}/liberty/applications/new", "FAAFFFFFNF"),
        ("/people/{george}/liberty/applications/new", "FNNFFFFFAF"),
        ("/people/{peggy}/incidents/new", "AAAFFFFFNF"),
        ("/people/{george}/incidents/new", "NNNFFFFFAF"),
        ("/incidents/new", "AAAFFFFFAF"),
        ("/incidents/{joyceIncident}/review", "FAAFFFFFNF"),
        ("/incidents/{joyceIncident}/follow-up", "FAAFFFFFNF"),
        ("/incidents/{joyceIncident}/notifications/Cqc", "FAAFFFFFNF"),
        ("/incidents/{joyceIncident}/reflection", "ANNFFFFFNF"),
        ("/incidents/{joyceIncident}/amend", "AAAFFFFFNF"),
        ("/services/{house}/occupancy", "FAAFFFFFNF"),
        ("/services/{lodge}/occupancy", "FNNFFFFFAF"),
        ("/notifications", "AAAAAAAAAA"),
        // Acknowledging an alert is a manager's (R14); without a note each is shown the form back.
        ("/alerts/{houseAlert}?handler=Acknowledge", "FAAFFFFFNF"),
        ("/alerts/{lodgeAlert}?handler=Acknowledge", "FNNFFFFFAF"),
        ("/staff/{oakfieldCareWorker}/training/new", "FAAFFAFFNF"),
        ("/services/new", "FFAFFAFFFF"),
        ("/services/{house}/edit", "FFAFFAFFFF"),
        ("/services/{lodge}/edit", "FFNFFNFFFF"),
        // Starting resumes the open draft, so each allowed user lands on the same one; the audit is the senior manager's.
        ("/services/{house}/monitoring?handler=Start&kind=ManagerMonitoring", "FAAFFFFFNF"),
        ("/services/{house}/monitoring?handler=Start&kind=SeniorAudit", "FFAFFFFFNF"),
        ("/services/{lodge}/monitoring?handler=Start&kind=ManagerMonitoring", "FNNFFFFFAF"),
        // The demo's monitoring and audit are signed off: an allowed user is shown the form back with the refusal.
        ("/services/{house}/monitoring/{houseMonitoring}?handler=Save", "FAAFFFFFNF"),
        ("/services/{house}/monitoring/{houseMonitoring}?handler=Action", "FAAFFFFFNF"),
        ("/services/{house}/monitoring/{houseMonitoring}?handler=Complete", "FAAFFFFFNF"),
        ("/services/{house}/monitoring/{houseMonitoring}/actions/{houseAction}/done", "FAAFFFFFNF"),
        ("/services/{house}/monitoring/{houseAudit}?handler=Save", "FFAFFFFFNF"),
        ("/services/{house}/monitoring/{houseAudit}?handler=Complete", "FFAFFFFFNF"),
        ("/admin/users/new", "FFFFFAFFFF"),
        ("/admin/users/{oakfieldInspector}", "FFFFFAFFFF"),
        ("/admin/users/{riversideManager}", "FFFFFNFFFF"),
        ("/admin/users/{oakfieldInspector}/inspector-access", "FFFFFAFFFF"),
        ("/admin/users/{riversideManager}/password", "FFFFFNFFFF"),
        ("/account/password", "AAAAAAAAAA"),
        // Without a code (and a password to turn it off), each is shown the form back with the refusal.
        ("/account/two-factor?handler=Enable", "AAAAAAAAAA"),
        ("/account/two-factor?handler=Disable", "AAAAAAAAAA"),
        ("/people/{peggy}/equality", "FAAFFFFFNF"),
        ("/people/{george}/equality", "FNNFFFFFAF"),
        // R17: with no year, or a form opened on another version, the senior manager is shown the form back.
        ("/organisation/reports?handler=Start", "FFAFFFFFFF"),
        ("/people/{peggy}/practices/{peggyPractice}/reduction/new", "FAAFFFFFNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/steps/{peggyReductionStep}", "FAAFFFFFNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/edit", "FAAFFFFFNF"),
        ("/people/{george}/reduction/{georgeReduction}/edit", "FNNFFFFFAF"),
        ("/people/{peggy}/reduction/{peggyReduction}/edit/safeguards", "FAAFFFFFNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/edit/assessments", "FAAFFFFFNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/edit/step", "FAAFFFFFNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/edit/step/{peggyReductionStep}", "FAAFFFFFNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/edit/steps", "FAAFFFFFNF"),
        ("/people/{peggy}/reduction/{peggyReduction}/steps/{peggyReductionStep}/documents?handler=Confirm", "FAAFFFFFNF"),
        ("/people/{george}/reduction/{georgeReduction}/steps/{georgeReductionStep}/documents?handler=Confirm", "FNNFFFFFAF"),
        ("/organisation/reports/2025?handler=Publish", "FFAFFFFFFF"),
        ("/organisation/reports/2025/edit", "FFAFFFFFFF"),
        ("/organisation/reports/2025/correct", "FFAFFFFFFF"),
        // Safeguarding: raising. With nothing chosen, or without the version the form was built from, each allowed
        // user is shown the form back; telling the person is recorded by the managers who read the concern.
        ("/safeguarding/new", "AAAFFFFFAF"),
        ("/people/{peggy}/safeguarding/new", "AAAFFFFFNF"),
        ("/people/{george}/safeguarding/new", "NNNFFFFFAF"),
        ("/people/{peggy}/safeguarding/{peggyDraft}/what-happened", "AAAFFFFFNF"),
        ("/people/{peggy}/safeguarding/{peggyDraft}/consent", "AAAFFFFFNF"),
        ("/people/{peggy}/safeguarding/{peggyDraft}/advocacy", "AAAFFFFFNF"),
        ("/people/{george}/safeguarding/{georgeConcern}/voice", "NNNFFFFFAF"),
        ("/people/{peggy}/safeguarding/{peggyDraft}/check?handler=Send", "AAAFFFFFNF"),
        ("/people/{peggy}/safeguarding/{peggyConcern}/told", "FAAFFFFFNN"),
        ("/people/{george}/safeguarding/{georgeConcern}/told", "FNNFFFFFAN"),
        // Safeguarding: the council (R20). An empty post is refused as stale or at its fields, and changes nothing.
        ("/council/safeguarding/{peggyDecided}?handler=Receive", "FFFFFFFFFA"),
        ("/council/safeguarding/{southshireConcern}?handler=Receive", "FFFFFFFFFN"),
        ("/council/safeguarding/{peggyDecided}/decision", "FFFFFFFFFA"),
        ("/council/safeguarding/{peggyDecided}/plan", "FFFFFFFFFA"),
        ("/council/safeguarding/{peggyDecided}/actions/new", "FFFFFFFFFA"),
        ("/council/safeguarding/{peggyDecided}/actions/{peggyCouncilAction}/done", "FFFFFFFFFA"),
        ("/council/safeguarding/{peggyDecided}/reviews/new", "FFFFFFFFFA"),
        ("/council/safeguarding/{peggyDecided}/close", "FFFFFFFFFA"),
        ("/council/safeguarding/{southshireConcern}/close", "FFFFFFFFFN"),
        ("/people/{peggy}/safeguarding/{peggyDecided}/actions/{peggyProviderAction}/done", "FAAFFFFFNF"),
        ("/people/{george}/safeguarding/{georgeDecided}/actions/{georgeProviderAction}/done", "FNNFFFFFAF"),
        // Support plans (R20): an empty post is refused with errors (or a stale version) and changes nothing; starting
        // another opens the one there is; the review without answers is shown back naming each gap.
        ("/people/{peggy}/support-plan/new", "FAAFFFFFNF"),
        ("/people/{sam}/support-plan/new", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/outcomes", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/outcome/{unknown}", "FNNFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/capacity", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/budget", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/matrix", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/assistants", "FAAFFFFFNF"),
        ("/people/{peggy}/support-plan/{peggySupportPlan}/edit/assistant/{unknown}", "FNNFFFFFNF"),
        ("/people/{sam}/support-plan/{samSupportPlan}/review", "FAAFFFFFNF"),
        ("/people/{george}/support-plan/{samSupportPlan}/review", "FNNFFFFFNF"),
        // Tools for risky choices (R20): starting again opens the draft there is; a draft saved from a form opened on no
        // version is refused as changed by someone else; the council's panel's decision from an empty form likewise, and
        // its correction before a decision goes back to the referral. Oakfield's administrator is told a provider has no helpline.
        ("/people/{peggy}/decision-making/new", "FAAFFFFFNF"),
        ("/people/{george}/keeping-safe/{unknown}/edit", "FNNFFFFFNF"),
        ("/people/{peggy}/decision-making/{peggyAgreement}/edit", "FAAFFFFFNF"),
        ("/people/{peggy}/keeping-safe/new", "FAAFFFFFNF"),
        ("/people/{peggy}/keeping-safe/{peggyKeepingSafe}/edit", "FAAFFFFFNF"),
        ("/people/{sam}/panels/{samEnablement}/council-decision", "FFFFFFAFFF"),
        ("/people/{sam}/panels/{samEnablement}/council-amend", "FFFFFFAFFF"),
        ("/admin/organisation", "FFFFFAFFFF"),
    ];

    /// <summary>Routes anyone may open without signing in (R17's published report): everyone gets the same answer.</summary>
    internal static bool IsPublic(string route) => route.StartsWith("/reports/");

    [SkippableFact]
    public async Task EveryRoute_ForEveryRole_AnswersAsTheMatrixSays()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await AnswersAsTheMatrixSaysAsync(app, Users, Gets, Posts, await IdsAsync());
    }

    [SkippableFact]
    public async Task EveryRoute_WhenSignedOut_AsksToSignIn()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await SignedOutAsksToSignInAsync(app, Gets, await IdsAsync());
    }

    /// <summary>Signs in as each user and asks every route: the runner of this matrix and of <see cref="CouncilAccessMatrixTests"/>.</summary>
    internal static async Task AnswersAsTheMatrixSaysAsync(AppFixture app, string[] users, (string Route, string Expected)[] gets,
        (string Route, string Expected)[] posts, Dictionary<string, Guid> ids)
    {
        var failures = new List<string>();
        for (var u = 0; u < users.Length; u++)
        {
            using var client = await app.NewClient().SignInAsync(users[u]);
            foreach (var (route, expected) in gets)
            {
                var path = Resolve(route, ids);
                var page = await client.GetAsync(path);
                Check(failures, users[u], "GET " + route, expected[u], page);
            }
            foreach (var (route, expected) in posts)
            {
                var page = await client.PostAsync(Resolve(route, ids), new Dictionary<string, string>());
                Check(failures, users[u], "POST " + route, expected[u], page);
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the access matrix:\n" + string.Join("\n", failures));
    }

    internal static async Task SignedOutAsksToSignInAsync(AppFixture app, (string Route, string Expected)[] gets, Dictionary<string, Guid> ids)
    {
        using var client = app.NewClient();
        var failures = new List<string>();
        foreach (var (route, expected) in gets)
        {
            var page = await client.GetAsync(Resolve(route, ids));
            if (IsPublic(route))
            {
                Check(failures, "signed out", "GET " + route, expected[0], page);
                continue;
            }
            var api = route.StartsWith("/api/");
            var ok = api ? page.Status == HttpStatusCode.Unauthorized
                : page.Status == HttpStatusCode.Redirect && page.Location!.Contains("/sign-in");
            if (!ok)
            {
                failures.Add($"GET {route}: {(int)page.Status} {page.Location}");
            }
        }
        Assert.Empty(failures);
    }

    [SkippableFact]
    public async Task PeopleLists_ShowOnlyThePeopleInScope()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var expected = new Dictionary<string, (string[] Sees, string[] DoesNotSee)>
        {
            ["careworker@oakfield.example"] = (["Hughes", "Adeyemi"], ["Whitaker", "Foster"]),
            ["inspector@oakfield.example"] = (["Hughes", "Bennett"], ["Adeyemi", "Whitaker", "Foster"]),
            ["socialworker@northshire.example"] = (["Hughes", "Clarke", "Adeyemi"], ["Bennett", "Patel", "Whitaker", "Foster"]),
            ["commissioner@northshire.example"] = (["Hughes", "Bennett", "Foster"], ["Patel", "Whitaker"]),
            ["manager@riverside.example"] = (["Whitaker", "Foster"], ["Hughes", "Adeyemi"]),
        };
        foreach (var (user, (sees, doesNotSee)) in expected)
        {
            using var client = await app.NewClient().SignInAsync(user);
            foreach (var path in new[] { "/people", "/api/v1/people" })
            {
                var body = (await client.GetAsync(path)).Body;
                Assert.All(sees, name => Assert.True(body.Contains(name), $"{user} should see {name} on {path}"));
                Assert.All(doesNotSee, name => Assert.False(body.Contains(name), $"{user} must not see {name} on {path}"));
            }
        }
    }

    [SkippableFact]
    public async Task Inspector_AfterTheGrantExpires_SeesNothing()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var inspector = await app.IdOfUserAsync("inspector@oakfield.example");
        using var client = await app.NewClient().SignInAsync("inspector@oakfield.example");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/people/{peggy}")).Status);

        await app.WithDatabaseAsync(async db =>
        {
            await db.InspectorGrants.Where(g => g.UserId == inspector)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)));
        });
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{peggy}")).Status);
            Assert.DoesNotContain("Hughes", (await client.GetAsync("/people")).Body);
        }
        finally
        {
            await app.WithDatabaseAsync(async db =>
            {
                await db.InspectorGrants.Where(g => g.UserId == inspector)
                    .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, app.Clock.GetUtcNow().UtcDateTime.AddDays(30)));
            });
        }
    }

    /// <summary>
    /// A button is shown only when the action behind it would be accepted: every form a user is shown is
    /// posted back as it stands, every link drawn as a button is followed, and none may be refused (403, the access-denied page, or not found).
    /// Forms that end the user's own session or account settings are left out; the writes happen, on
    /// this fixture's own database.
    /// </summary>
    [SkippableFact]
    public async Task EveryFormShown_IsAcceptedForTheUserItIsShownTo()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        await FormsShownAreAcceptedAsync(app, Users, Gets, await IdsAsync());
    }

    internal static async Task FormsShownAreAcceptedAsync(AppFixture app, string[] users, (string Route, string Expected)[] gets, Dictionary<string, Guid> ids)
    {
        var failures = new List<string>();
        string[] leftOut = ["/sign-out", "/account/two-factor", "/account/password"];
        for (var u = 0; u < users.Length; u++)
        {
            using var client = await app.NewClient().SignInAsync(users[u]);
            foreach (var (route, expected) in gets)
            {
                if (expected[u] != 'A' || route.StartsWith("/api/"))
                {
                    continue;
                }
                var path = Resolve(route, ids);
                var page = await client.GetAsync(path);
                // Links drawn as buttons ("Record an incident", "End this practice") promise the same.
                foreach (var button in page.Document.QuerySelectorAll("a.govuk-button[href^='/']"))
                {
                    var target = await client.GetAsync(button.GetAttribute("href")!);
                    if (target.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || target.Location?.Contains("/access-denied") == true)
                    {
                        failures.Add($"{users[u]} was shown the button '{button.TextContent.Trim()}' on {route}, and was refused: {(int)target.Status} {target.Location}");
                    }
                }
                foreach (var form in page.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
                    .Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)))
                {
                    var action = new Uri(new Uri("http://localhost" + path), form.GetAttribute("action") ?? path).PathAndQuery;
                    if (leftOut.Any(l => action.StartsWith(l)))
                    {
                        continue;
                    }
                    var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
                        .Where(i => !string.IsNullOrEmpty(i.Name) && i.Name != "__RequestVerificationToken"
                            && (i.Type is not ("radio" or "checkbox") || i.IsChecked) && i.Type != "submit")
                        .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
                        .Concat(form.Elements.OfType<AngleSharp.Html.Dom.IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name))
                            .Select(t => new KeyValuePair<string, string>(t.Name!, t.Value)))
                        .Concat(form.Elements.OfType<AngleSharp.Html.Dom.IHtmlSelectElement>().Where(e => !string.IsNullOrEmpty(e.Name))
                            .Select(e => new KeyValuePair<string, string>(e.Name!, e.Value ?? "")))
                        .Append(new KeyValuePair<string, string>("__RequestVerificationToken", AppClient.TokenOf(page.Document) ?? ""))
                        .ToList();
                    using var response = await client.Http.PostAsync(action, new FormUrlEncodedContent(fields));
                    var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                        || response.Headers.Location?.OriginalString.Contains("/access-denied") == true;
                    if (refused)
                    {
                        failures.Add($"{users[u]} was shown a form on {route} that posts to {action}, and was refused: {(int)response.StatusCode} {response.Headers.Location}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} forms shown to users who may not use them:\n" + string.Join("\n", failures));
    }

    internal static void Check(List<string> failures, string user, string route, char expected, AppClient.Page page)
    {
        var actual = page.Status switch
        {
            HttpStatusCode.OK => 'A',
            HttpStatusCode.NotFound => 'N',
            HttpStatusCode.Forbidden => 'F',
            HttpStatusCode.Redirect when page.Location?.Contains("/access-denied") == true => 'F',
            // A successful or refused write redirects elsewhere; only an allowed user can get there.
            HttpStatusCode.Redirect => 'A',
            _ => '?',
        };
        if (actual != expected)
        {
            failures.Add($"{user} {route}: expected {expected}, got {(int)page.Status} {page.Location}");
        }
    }

    /// <summary>Every GET route of the matrix the service manager may open, with its ids filled in: pages other tests scan.</summary>
    internal static async Task<IReadOnlyList<string>> PagesTheManagerCanOpenAsync(AppFixture app)
    {
        var ids = await IdsAsync(app);
        var manager = Array.IndexOf(Users, "manager@oakfield.example");
        return [.. Gets.Where(g => g.Expected[manager] == 'A').Select(g => Resolve(g.Route, ids))];
    }

    private Task<Dictionary<string, Guid>> IdsAsync() => IdsAsync(app);

    /// <summary>The ids the routes name, shared with the robustness tests that walk the same routes.</summary>
    internal static async Task<Dictionary<string, Guid>> IdsAsync(AppFixture app) => await app.WithDatabaseAsync(async db => new Dictionary<string, Guid>
    {
        ["peggy"] = await db.People.Where(p => p.FamilyName == "Hughes").Select(p => p.Id).SingleAsync(),
        ["george"] = await db.People.Where(p => p.FamilyName == "Whitaker").Select(p => p.Id).SingleAsync(),
        ["eileen"] = await db.People.Where(p => p.FamilyName == "Foster").Select(p => p.Id).SingleAsync(),
        ["sam"] = await db.People.Where(p => p.FamilyName == "Adeyemi").Select(p => p.Id).SingleAsync(),
        // Peggy's front door lock: agreed, with agreed decision 1 in the demo data.
        ["peggyPractice"] = await db.Practices.Where(p => p.Description.StartsWith("Front door has a key-code lock; the code is not shared with Peggy")).Select(p => p.Id).SingleAsync(),
        ["georgePractice"] = await EnsurePracticeForGeorgeAsync(db, app.Clock),
        ["peggyReduction"] = (await EnsureReductionPlanAsync(db, "Hughes", app.Clock)).Plan,
        ["peggyReductionStep"] = (await EnsureReductionPlanAsync(db, "Hughes", app.Clock)).Step,
        ["georgeReduction"] = (await EnsureReductionPlanAsync(db, "Whitaker", app.Clock)).Plan,
        ["georgeReductionStep"] = (await EnsureReductionPlanAsync(db, "Whitaker", app.Clock)).Step,
        // The demo's emergency with Joyce (Oakfield House), recorded by the care worker, who owes a reflection.
        ["joyceIncident"] = await db.Incidents.Where(i => i.Person!.FamilyName == "Turner" && i.Kind == Core.Model.IncidentKind.Emergency).Select(i => i.Id).FirstAsync(),
        // A demo incident with Sam at Beech Road, outside the inspector's grant.
        ["samIncident"] = await db.Incidents.Where(i => i.Person!.FamilyName == "Adeyemi").Select(i => i.Id).FirstAsync(),
        ["house"] = await db.Services.Where(s => s.Name == "Oakfield House").Select(s => s.Id).SingleAsync(),
        ["lodge"] = await db.Services.Where(s => s.Name == "Riverside Lodge").Select(s => s.Id).SingleAsync(),
        // The demo's signed-off monitoring and audit of Oakfield House.
        ["houseMonitoring"] = await db.Monitoring.Where(m => m.Service!.Name == "Oakfield House" && m.Kind == Core.Model.MonitoringKind.ManagerMonitoring
            && m.Status == Core.Model.MonitoringStatus.Completed).OrderBy(m => m.CompletedOn).Select(m => m.Id).FirstAsync(),
        ["houseAction"] = (await db.Monitoring.Where(m => m.Service!.Name == "Oakfield House" && m.Kind == Core.Model.MonitoringKind.ManagerMonitoring
            && m.Status == Core.Model.MonitoringStatus.Completed).OrderBy(m => m.CompletedOn).FirstAsync()).Actions.OrderBy(a => a.RecordedAt).First().Id,
        ["houseAudit"] = await db.Monitoring.Where(m => m.Service!.Name == "Oakfield House" && m.Kind == Core.Model.MonitoringKind.SeniorAudit
            && m.Status == Core.Model.MonitoringStatus.Completed).OrderBy(m => m.CompletedOn).Select(m => m.Id).FirstAsync(),
        ["oakfieldInspector"] = await db.Users.Where(u => u.Email == "inspector@oakfield.example").Select(u => u.Id).SingleAsync(),
        ["oakfieldCareWorker"] = await db.Users.Where(u => u.Email == "careworker@oakfield.example").Select(u => u.Id).SingleAsync(),
        ["riversideManager"] = await db.Users.Where(u => u.Email == "manager@riverside.example").Select(u => u.Id).SingleAsync(),
        ["careWorkerForm"] = await HoldFormForCareWorkerAsync(app, db),
        ["houseAlert"] = await EnsureCreepAlertAsync(db, "Oakfield House", app.Clock),
        ["lodgeAlert"] = await EnsureCreepAlertAsync(db, "Riverside Lodge", app.Clock),
        ["oakfield"] = await db.Organisations.Where(o => o.Name == "Oakfield Care").Select(o => o.Id).SingleAsync(),
        ["riverside"] = await db.Organisations.Where(o => o.Name == "Riverside Care Ltd").Select(o => o.Id).SingleAsync(),
        // The demo's risk review panels: Peggy's decided referral with an open action, and Sam's waiting for the panel
        // (found by person and order, not status: the robustness tests post to every form, which may decide or finish them).
        ["peggyReferral"] = await db.PanelReferrals.Where(r => r.Person!.FamilyName == "Hughes").OrderBy(r => r.ReferredAt).Select(r => r.Id).FirstAsync(),
        ["samReferral"] = await db.PanelReferrals.Where(r => r.Person!.FamilyName == "Adeyemi").OrderBy(r => r.ReferredAt).Select(r => r.Id).FirstAsync(),
        ["peggyAction"] = await db.PanelActions.Where(a => a.What.StartsWith("Walk the route")).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
        // The demo's agreed positive risk-taking plan for Sam (going to college by bus), and its first stage.
        ["samRiskPlan"] = await db.Plans.Where(p => p.Kind == Core.Model.PlanKind.PositiveRisk && p.Person!.FamilyName == "Adeyemi" && p.Title == "Go to college on the 42 bus on my own").Select(p => p.Id).SingleAsync(),
        ["samRiskStage"] = await FirstStageOfSamsRiskPlanAsync(db),
        ["peggyRiskPlan"] = await EnsurePositiveRiskDraftForPeggyAsync(db, app.Clock),
        ["peggyPbs"] = await EnsureBehaviourSupportDraftForPeggyAsync(db, app.Clock),
        // George's positive behaviour support plan in the demo data, in place.
        ["georgePbs"] = await db.Plans.Where(p => p.Person!.FamilyName == "Whitaker" && p.Kind == Core.Model.PlanKind.BehaviourSupport).Select(p => p.Id).SingleAsync(),
        ["peggyRisks"] = await EnsureRiskAssessmentForPeggyAsync(db, app.Clock),
        ["peggyRisk"] = PeggysRisk,
        ["georgeRisks"] = await db.Plans.Where(p => p.Person!.FamilyName == "Whitaker" && p.Kind == Core.Model.PlanKind.RiskAssessment).Select(p => p.Id).SingleAsync(),
        ["georgeRisk"] = await GeorgesFirstRiskAsync(db),
        // Safeguarding concerns (R20): Peggy's draft and sent concern, raised by the care worker; George's, sent by Riverside's manager.
        ["peggyDraft"] = await EnsureConcernAsync(db, PeggysDraftConcern, "Hughes", "careworker@oakfield.example", sent: false, app.Clock),
        ["peggyConcern"] = await EnsureConcernAsync(db, PeggysSentConcern, "Hughes", "careworker@oakfield.example", sent: true, app.Clock),
        ["georgeConcern"] = await EnsureConcernAsync(db, GeorgesSentConcern, "Whitaker", "manager@riverside.example", sent: true, app.Clock),
        ["unknown"] = Guid.CreateVersion7(),
        // Tools for risky choices (R20): Sam's agreed agreement and keeping safe plan and his referral to Northshire's
        // risk enablement panel, all in the demo; Peggy's drafts of both, made here.
        ["samAgreement"] = await db.Plans.Where(p => p.Person!.FamilyName == "Adeyemi" && p.Kind == Core.Model.PlanKind.DecisionMaking).Select(p => p.Id).SingleAsync(),
        ["samKeepingSafe"] = await db.Plans.Where(p => p.Person!.FamilyName == "Adeyemi" && p.Kind == Core.Model.PlanKind.KeepingSafe).Select(p => p.Id).SingleAsync(),
        ["samEnablement"] = await db.PanelReferrals.Where(r => r.Person!.FamilyName == "Adeyemi" && r.Kind == Core.Model.PanelKind.RiskEnablement)
            .OrderBy(r => r.ReferredAt).Select(r => r.Id).FirstAsync(),
        ["peggyAgreement"] = await EnsureDraftForPeggyAsync(db, app.Clock, new Core.Plans.DecisionMaking.DecisionMakingContent { DecisionsCovered = "Going to the shop" }),
        ["peggyKeepingSafe"] = await EnsureDraftForPeggyAsync(db, app.Clock, new Core.Plans.KeepingSafe.KeepingSafeContent { ManagingTheMoney = "Her purse" }),
        // The demo's profiles (R23): Peggy's agreed, George's agreed at Riverside Lodge, Sam's a draft.
        ["peggyProfile"] = await db.Plans.Where(p => p.Person!.FamilyName == "Hughes" && p.Kind == Core.Model.PlanKind.Profile).Select(p => p.Id).SingleAsync(),
        ["georgeProfile"] = await db.Plans.Where(p => p.Person!.FamilyName == "Whitaker" && p.Kind == Core.Model.PlanKind.Profile).Select(p => p.Id).SingleAsync(),
        ["samProfile"] = await db.Plans.Where(p => p.Person!.FamilyName == "Adeyemi" && p.Kind == Core.Model.PlanKind.Profile).Select(p => p.Id).SingleAsync(),
        // Safeguarding: the council. Concerns sent to Northshire about Peggy and George, decided with a plan and the provider's and council's actions.
        ["peggyDecided"] = await Safeguarding.SentConcerns.EnsureForMatrixAsync(db, app.Clock, "Hughes"),
        ["georgeDecided"] = await Safeguarding.SentConcerns.EnsureForMatrixAsync(db, app.Clock, "Whitaker"),
        ["southshireConcern"] = await Safeguarding.SentConcerns.EnsureSentElsewhereAsync(db, app.Clock),
        ["peggyProviderAction"] = await Safeguarding.SentConcerns.ActionOfAsync(db, await Safeguarding.SentConcerns.EnsureForMatrixAsync(db, app.Clock, "Hughes"), Core.Model.ActionOwner.Provider),
        ["peggyCouncilAction"] = await Safeguarding.SentConcerns.ActionOfAsync(db, await Safeguarding.SentConcerns.EnsureForMatrixAsync(db, app.Clock, "Hughes"), Core.Model.ActionOwner.Council),
        ["georgeProviderAction"] = await Safeguarding.SentConcerns.ActionOfAsync(db, await Safeguarding.SentConcerns.EnsureForMatrixAsync(db, app.Clock, "Whitaker"), Core.Model.ActionOwner.Provider),
        // Support plans (R20): the demo's agreed one for Sam, and a draft for Peggy.
        ["samSupportPlan"] = await db.Plans.Where(p => p.Person!.FamilyName == "Adeyemi" && p.Kind == Core.Model.PlanKind.SupportPlan).OrderBy(p => p.CreatedAt).Select(p => p.Id).FirstAsync(),
        ["peggySupportPlan"] = await EnsureSupportPlanDraftForPeggyAsync(db, app.Clock),
    });

    private static readonly Guid PeggysDraftConcern = Guid.Parse("0197a1b2-0000-7000-8000-000000005a01");
    private static readonly Guid PeggysSentConcern = Guid.Parse("0197a1b2-0000-7000-8000-000000005a02");
    private static readonly Guid GeorgesSentConcern = Guid.Parse("0197a1b2-0000-7000-8000-000000005a03");

    /// <summary>
    /// A safeguarding concern with a fixed id, made once: a draft with only where the worry came from, or a concern sent
    /// to Northshire without the person's agreement and the person not told yet (so telling them is still to record).
    /// </summary>
    private static async Task<Guid> EnsureConcernAsync(ProportionDbContext db, Guid id, string familyName, string raisedBy, bool sent, TimeProvider clock)
    {
        if (await db.SafeguardingConcerns.AnyAsync(c => c.Id == id))
        {
            return id;
        }
        var person = await db.People.Include(p => p.Service).SingleAsync(p => p.FamilyName == familyName);
        var raiser = await db.Users.Where(u => u.Email == raisedBy).Select(u => u.Id).SingleAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var concern = new Core.Model.SafeguardingConcern
        {
            Id = id, OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = person.Id, CouncilId = person.Service!.LocalCouncilId!.Value,
            PersonName = person.FullName, PersonDateOfBirth = person.DateOfBirth, ServiceName = person.Service.Name,
            ProviderName = await db.Organisations.Where(o => o.Id == person.OrganisationId).Select(o => o.Name).SingleAsync(),
            Source = Core.Model.ConcernSource.Observed, RaisedById = raiser, RaisedAt = now,
        };
        if (sent)
        {
            concern.Kinds = Core.Model.HarmKinds.Neglect;
            concern.WhatHappened = "Access matrix: left without a drink all afternoon.";
            concern.AllegedSourceKind = Core.Model.AllegedSourceKind.NotKnown;
            concern.ImmediateAction = "Given a drink; the manager on call told.";
            concern.Consent = Core.Model.ConsentAnswer.Refused;
            concern.ProceedReasons = Core.Model.ProceedWithoutConsent.OthersAtRisk;
            concern.ProceedExplanation = "Others on the same corridor may be left too.";
            concern.PersonTold = false;
            concern.PersonToldNote = "Not yet: telling them now could increase the risk.";
            concern.OutcomesWanted = "To have drinks when I want them.";
            concern.HowPersonTakesPart = "At home, with a key worker.";
            concern.AdvocacyOffered = true;
            concern.SubstantialDifficulty = false;
            concern.Status = Core.Model.SafeguardingStatus.Sent;
            concern.SentAt = now;
            concern.SentById = raiser;
        }
        db.SafeguardingConcerns.Add(concern);
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A draft support plan for Peggy with one outcome and a mix (so who holds it is asked), the same one each time.</summary>
    private static async Task<Guid> EnsureSupportPlanDraftForPeggyAsync(ProportionDbContext db, TimeProvider clock)
    {
        var peggy = await db.People.SingleAsync(p => p.FamilyName == "Hughes");
        var content = Core.Plans.PlanContents.ToJson(new Core.Plans.Support.SupportPlanContent
        {
            Outcomes = [new() { InTheirWords = "Have my hair done on Fridays", Support = "Staff walk with me to the salon" }],
            Budget = [new() { How = Core.Plans.Support.BudgetManagement.DirectPayment }, new() { How = Core.Plans.Support.BudgetManagement.CouncilManaged }],
        });
        var plan = await db.Plans.Where(p => p.PersonId == peggy.Id && p.Kind == Core.Model.PlanKind.SupportPlan).OrderBy(p => p.CreatedAt).FirstOrDefaultAsync();
        if (plan is null)
        {
            var manager = await db.Users.Where(u => u.Email == "manager@oakfield.example").Select(u => u.Id).SingleAsync();
            plan = new Core.Model.Plan
            {
                OrganisationId = peggy.OrganisationId, ServiceId = peggy.ServiceId, PersonId = peggy.Id, Kind = Core.Model.PlanKind.SupportPlan,
                Title = "Peggy Hughes's support plan", CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = manager,
            };
            db.Plans.Add(plan);
            db.PlanVersions.Add(new Core.Model.PlanVersion { OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, Content = content, DraftedAt = plan.CreatedAt, DraftedById = manager });
        }
        else if (plan.HasDraft)
        {
            (await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id && v.Number == plan.LatestVersion)).Content = content;
        }
        await db.SaveChangesAsync();
        return plan.Id;
    }

    /// <summary>A draft plan of the content's kind for Peggy (one open per person), the same one each time.</summary>
    private static async Task<Guid> EnsureDraftForPeggyAsync(ProportionDbContext db, TimeProvider clock, Core.Plans.IPlanContent content)
    {
        var kind = Core.Plans.PlanContents.KindOf(content);
        var peggy = await db.People.SingleAsync(p => p.FamilyName == "Hughes");
        var existing = await db.Plans.Where(p => p.PersonId == peggy.Id && p.Kind == kind && p.Status != Core.Model.PlanStatus.Closed).Select(p => p.Id).FirstOrDefaultAsync();
        if (existing != Guid.Empty)
        {
            return existing;
        }
        var manager = await db.Users.Where(u => u.Email == "manager@oakfield.example").Select(u => u.Id).SingleAsync();
        var plan = new Core.Model.Plan
        {
            OrganisationId = peggy.OrganisationId, ServiceId = peggy.ServiceId, PersonId = peggy.Id, Kind = kind,
            Title = $"Access matrix: Peggy's {kind}", CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = manager,
        };
        db.Plans.Add(plan);
        db.PlanVersions.Add(new Core.Model.PlanVersion
        {
            OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, DraftedAt = plan.CreatedAt, DraftedById = manager,
            Content = Core.Plans.PlanContents.ToJson(content),
        });
        await db.SaveChangesAsync();
        return plan.Id;
    }

    private static readonly Guid PeggysRisk = Guid.Parse("0197a1b2-0000-7000-8000-00000000ee01");

    /// <summary>A draft risk assessment for Peggy with one risk, put back as it was each time (the forms test may remove the risk).</summary>
    private static async Task<Guid> EnsureRiskAssessmentForPeggyAsync(ProportionDbContext db, TimeProvider clock)
    {
        var peggy = await db.People.SingleAsync(p => p.FamilyName == "Hughes");
        var manager = await db.Users.Where(u => u.Email == "manager@oakfield.example").Select(u => u.Id).SingleAsync();
        var content = Core.Plans.PlanContents.ToJson(new Core.Plans.RiskAssessments.RiskAssessmentContent
        {
            Risks = [new() { Id = PeggysRisk, WhatCouldHappen = "Getting lost on the main road at night", Likelihood = 3, Impact = 4 }],
        });
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.PersonId == peggy.Id && p.Kind == Core.Model.PlanKind.RiskAssessment);
        if (plan is null)
        {
            plan = new Core.Model.Plan
            {
                OrganisationId = peggy.OrganisationId, ServiceId = peggy.ServiceId, PersonId = peggy.Id, Kind = Core.Model.PlanKind.RiskAssessment,
                Title = "Risk assessment", CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = manager,
            };
            db.Plans.Add(plan);
            db.PlanVersions.Add(new Core.Model.PlanVersion { OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, Content = content, DraftedAt = plan.CreatedAt, DraftedById = manager });
        }
        else
        {
            (await db.PlanVersions.SingleAsync(v => v.PlanId == plan.Id && v.Number == plan.LatestVersion)).Content = content;
        }
        await db.SaveChangesAsync();
        return plan.Id;
    }

    private static async Task<Guid> GeorgesFirstRiskAsync(ProportionDbContext db)
    {
        var plan = await db.Plans.Where(p => p.Person!.FamilyName == "Whitaker" && p.Kind == Core.Model.PlanKind.RiskAssessment).Select(p => p.Id).SingleAsync();
        var json = await db.PlanVersions.Where(v => v.PlanId == plan && v.Number == 1).Select(v => v.Content).SingleAsync();
        return Core.Plans.PlanContents.FromJson<Core.Plans.RiskAssessments.RiskAssessmentContent>(json).Risks[0].Id;
    }

    private static async Task<Guid> HoldFormForCareWorkerAsync(AppFixture app, ProportionDbContext db)
    {
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(UnsentForms.ProtectionPurpose);
        var held = new Core.Model.UnsentForm
        {
            UserId = await db.Users.Where(u => u.Email == "careworker@oakfield.example").Select(u => u.Id).SingleAsync(),
            Path = "/incidents/new", ProtectedFields = protector.Protect("[]"),
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime, ExpiresAt = app.Clock.GetUtcNow().UtcDateTime + UnsentForms.KeptFor,
        };
        db.UnsentForms.Add(held);
        await db.SaveChangesAsync();
        return held.Id;
    }

    /// <summary>An alert that a service's prone restraint rose (R14), as the background job would raise it; the same one each time.</summary>
    private static async Task<Guid> EnsureCreepAlertAsync(ProportionDbContext db, string serviceName, TimeProvider clock)
    {
        var service = await db.Services.SingleAsync(s => s.Name == serviceName);
        var signal = new DateOnly(2026, 1, 5);
        var existing = await db.CreepAlerts.Where(a => a.SubjectId == service.Id && a.SignalStarts == signal).Select(a => a.Id).FirstOrDefaultAsync();
        if (existing != Guid.Empty)
        {
            return existing;
        }
        var alert = new Core.Model.CreepAlert
        {
            OrganisationId = service.OrganisationId, ServiceId = service.Id, SubjectKind = Core.Analytics.ChartSubjectKind.Service, SubjectId = service.Id,
            Measure = Core.Analytics.Measure.Prone, Period = Core.Analytics.ChartPeriod.Week, SignalStarts = signal, LatestStarts = signal,
            Causes = Core.Analytics.SpecialCause.BeyondLimit, Value = 6, Mean = 1.2, UpperLimit = 3.4, RaisedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CreepAlerts.Add(alert);
        await db.SaveChangesAsync();
        return alert.Id;
    }

    private static async Task<Guid> FirstStageOfSamsRiskPlanAsync(ProportionDbContext db)
    {
        var json = await db.PlanVersions.Where(v => v.Number == 1 && db.Plans.Any(p => p.Id == v.PlanId && p.Kind == Core.Model.PlanKind.PositiveRisk
            && p.Person!.FamilyName == "Adeyemi" && p.Title == "Go to college on the 42 bus on my own")).Select(v => v.Content).SingleAsync();
        return Core.Plans.PlanContents.FromJson<Core.Plans.PositiveRisk.PositiveRiskContent>(json).Stages[0].Id;
    }

    // A draft positive risk-taking plan for Peggy, the same one each time: the question pages answer only a draft.
    private static async Task<Guid> EnsurePositiveRiskDraftForPeggyAsync(ProportionDbContext db, TimeProvider clock)
    {
        const string title = "Access matrix: a walk to the shop";
        var existing = await db.Plans.Where(p => p.Title == title).Select(p => p.Id).FirstOrDefaultAsync();
        if (existing != Guid.Empty)
        {
            return existing;
        }
        var peggy = await db.People.SingleAsync(p => p.FamilyName == "Hughes");
        var manager = await db.Users.Where(u => u.Email == "manager@oakfield.example").Select(u => u.Id).SingleAsync();
        var plan = new Core.Model.Plan
        {
            OrganisationId = peggy.OrganisationId, ServiceId = peggy.ServiceId, PersonId = peggy.Id, Kind = Core.Model.PlanKind.PositiveRisk,
            Title = title, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = manager,
        };
        db.Plans.Add(plan);
        db.PlanVersions.Add(new Core.Model.PlanVersion
        {
            OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, DraftedAt = plan.CreatedAt, DraftedById = manager,
            Content = Core.Plans.PlanContents.ToJson(new Core.Plans.PositiveRisk.PositiveRiskContent
            {
                Activity = Core.Plans.PositiveRisk.ActivityKind.NewPlace, WhatThePersonWantsToDo = title,
            }),
        });
        await db.SaveChangesAsync();
        return plan.Id;
    }

    /// <summary>
    /// A restriction reduction plan in place for the person's first agreed practice, with its first step achieved and
    /// counted (the practice itself is left as it was, so the other routes answer as before); the same one each time.
    /// </summary>
    private static async Task<(Guid Plan, Guid Step)> EnsureReductionPlanAsync(ProportionDbContext db, string familyName, TimeProvider clock)
    {
        var person = await db.People.SingleAsync(p => p.FamilyName == familyName);
        if (familyName == "Whitaker")
        {
            await EnsurePracticeForGeorgeAsync(db, clock);
        }
        var practice = await db.Practices.Where(p => p.PersonId == person.Id && p.Status == Core.Model.PracticeStatus.Agreed).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).FirstAsync();
        var existing = await db.Plans.Where(p => p.PracticeId == practice.Id && p.Kind == Core.Model.PlanKind.Reduction).Select(p => p.Id).FirstOrDefaultAsync();
        if (existing != Guid.Empty)
        {
            return (existing, await db.PracticeReductions.Where(r => r.PlanId == existing).Select(r => r.StageId).SingleAsync());
        }
        var user = await db.Users.Where(u => u.OrganisationId == person.OrganisationId).OrderBy(u => u.Email).Select(u => u.Id).FirstAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Core.Model.UkTime.Today(clock);
        var step = new Core.Plans.Reduction.ReductionStep
        {
            Description = "Unlocked in the afternoon", PlannedOn = today, SuccessCriteria = "Settled", Change = Core.Plans.Reduction.StepChange.NarrowScope,
            NewDescription = practice.Description, NewWhenMayBeUsed = "Mornings and nights",
        };
        var plan = new Core.Model.Plan
        {
            OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = person.Id, Kind = Core.Model.PlanKind.Reduction,
            Title = "Reduce: " + practice.Description, PracticeId = practice.Id, Status = Core.Model.PlanStatus.InPlace, AgreedVersion = 1,
            ReviewDate = today.AddMonths(3), CreatedAt = now, CreatedById = user,
        };
        db.Plans.Add(plan);
        db.PlanVersions.Add(new Core.Model.PlanVersion
        {
            OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, DraftedAt = now, DraftedById = user, AgreedAt = now, AgreedById = user,
            Content = Core.Plans.PlanContents.ToJson(new Core.Plans.Reduction.ReductionContent { OriginalRestriction = practice.Description, Stages = [step] }),
        });
        var outcome = new Core.Model.StageOutcome
        {
            OrganisationId = plan.OrganisationId, PlanId = plan.Id, StageId = step.Id, VersionNumber = 1, TakenOn = today,
            Result = Core.Model.StageResult.Achieved, Notes = "Went well", RecordedAt = now, RecordedById = user,
        };
        db.StageOutcomes.Add(outcome);
        db.PracticeReductions.Add(new Core.Model.PracticeReduction
        {
            OrganisationId = plan.OrganisationId, ServiceId = plan.ServiceId, PersonId = person.Id, PracticeId = practice.Id, PlanId = plan.Id,
            StageId = step.Id, StageOutcomeId = outcome.Id, Kind = Core.Model.ReductionKind.ScopeReduced, AchievedOn = today,
            WhatChanged = practice.Description, RecordedAt = now, RecordedById = user,
        });
        await db.SaveChangesAsync();
        return (plan.Id, step.Id);
    }

    /// <summary>A draft positive behaviour support plan for Peggy (R25), the same one each time.</summary>
    private static async Task<Guid> EnsureBehaviourSupportDraftForPeggyAsync(ProportionDbContext db, TimeProvider clock)
    {
        var peggy = await db.People.SingleAsync(p => p.FamilyName == "Hughes");
        var existing = await db.Plans.Where(p => p.PersonId == peggy.Id && p.Kind == Core.Model.PlanKind.BehaviourSupport).Select(p => p.Id).FirstOrDefaultAsync();
        if (existing != Guid.Empty)
        {
            return existing;
        }
        var manager = await db.Users.Where(u => u.Email == "manager@oakfield.example").Select(u => u.Id).SingleAsync();
        var plan = new Core.Model.Plan
        {
            OrganisationId = peggy.OrganisationId, ServiceId = peggy.ServiceId, PersonId = peggy.Id, Kind = Core.Model.PlanKind.BehaviourSupport,
            Title = "Supporting Peggy in the evenings", CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = manager,
        };
        db.Plans.Add(plan);
        db.PlanVersions.Add(new Core.Model.PlanVersion
        {
            OrganisationId = plan.OrganisationId, PlanId = plan.Id, Number = 1, DraftedAt = plan.CreatedAt, DraftedById = manager,
            Content = Core.Plans.PlanContents.ToJson(new Core.Plans.BehaviourSupport.BehaviourSupportContent { WhatTheBehaviourCommunicates = "Looking for home." }),
        });
        await db.SaveChangesAsync();
        return plan.Id;
    }

    // The matrix needs a practice of George's in the other provider (the demo gives him one).
    private static async Task<Guid> EnsurePracticeForGeorgeAsync(ProportionDbContext db, TimeProvider clock)
    {
        var george = await db.People.SingleAsync(p => p.FamilyName == "Whitaker");
        var existing = await db.Practices.Where(p => p.PersonId == george.Id).Select(p => p.Id).FirstOrDefaultAsync();
        if (existing != Guid.Empty)
        {
            return existing;
        }
        var manager = await db.Users.Where(u => u.Email == "manager@riverside.example").Select(u => u.Id).SingleAsync();
        var practice = new Core.Model.RestrictivePractice
        {
            OrganisationId = george.OrganisationId, ServiceId = george.ServiceId, PersonId = george.Id,
            Category = Core.Model.PracticeCategory.SurveillanceAndMonitoring, Description = "Sensor mat at night",
            Kind = Core.Model.PracticeKind.Planned, Status = Core.Model.PracticeStatus.Agreed,
            StartDate = new DateOnly(2026, 1, 5), ReviewDate = new DateOnly(2026, 12, 1), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = manager,
        };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        return practice.Id;
    }

    internal static string Resolve(string route, Dictionary<string, Guid> ids) =>
        ids.Aggregate(route, (path, id) => path.Replace("{" + id.Key + "}", id.Value.ToString()));
}

public sealed class AccessMatrixOnSqlite(SqliteApp app) : AccessMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AccessMatrixOnPostgres(PostgresApp app) : AccessMatrixTests(app), IClassFixture<PostgresApp>;
