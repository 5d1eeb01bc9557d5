using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Rules;

/// <summary>
/// R19, auditable validation that a reduction is reflected everywhere (positive risk-taking guidance: "revised
/// support arrangements are reflected consistently across all operational documentation"). After a step of a
/// reduction plan changes a practice, each operational document either reflects the change or needs changing:
/// the register, the guidelines staff read, the person's positive behaviour support plan (flagged while its
/// reactive strategies still name an ended practice), the risk assessment and positive risk-taking plans that
/// name the practice (each reflects it once a version is agreed after the step), and the care plan held outside
/// Proportion, which the manager confirms.
/// </summary>
public static class ReductionDocuments
{
    /// <summary>What the step did, and what the register and guidelines say now.</summary>
    /// <param name="Ended">The step ended the practice.</param>
    /// <param name="ExpectedDescription">For a narrowing: the practice as the step says it now reads.</param>
    /// <param name="ExpectedWhenMayBeUsed">For a narrowing: when it may be used, as the step says.</param>
    /// <param name="GuidelinesAgreedAt">When the guidelines in force were agreed; null when none are in force.</param>
    /// <param name="StaffNotYetRead">Staff of the service who have not confirmed reading the guidelines in force.</param>
    public sealed record Facts(
        bool Ended, DateTime StepRecordedAt, bool PracticeEnded, string PracticeDescription, string? ExpectedDescription,
        string? WhenMayBeUsedInForce, string? ExpectedWhenMayBeUsed, DateTime? GuidelinesAgreedAt, int StaffNotYetRead,
        bool HasBehaviourSupportPlan, IReadOnlyList<NamingPlan> PlansNamingThePractice, bool CarePlanConfirmed);

    /// <summary>A plan in place that names the practice.</summary>
    /// <param name="AsReactiveStrategy">A behaviour support plan naming it among the practices its reactive strategies may use.</param>
    /// <param name="LatestAgreedAt">When its latest version was agreed.</param>
    public sealed record NamingPlan(Guid PlanId, Model.PlanKind Kind, string Title, bool AsReactiveStrategy, DateTime? LatestAgreedAt);

    public sealed record Check(OperationalDocument Document, string Name, bool Reflects, string Explanation, Guid? PlanId = null);

    public static IReadOnlyList<Check> Checks(Facts f)
    {
        var checks = new List<Check>();
        if (f.Ended)
        {
            checks.Add(new(OperationalDocument.Register, "The register", f.PracticeEnded,
                f.PracticeEnded ? "The practice is marked ended" : "The practice is still shown as in place"));
            checks.Add(new(OperationalDocument.Guidelines, "The practice's guidelines", f.PracticeEnded,
                f.PracticeEnded ? "Staff no longer see guidelines for it" : "Staff still see guidelines for it"));
        }
        else
        {
            var registerReflects = Same(f.PracticeDescription, f.ExpectedDescription);
            checks.Add(new(OperationalDocument.Register, "The register", registerReflects,
                registerReflects ? $"It reads: {f.PracticeDescription}" : $"It still reads: {f.PracticeDescription}"));
            var guidelinesReflect = Same(f.WhenMayBeUsedInForce, f.ExpectedWhenMayBeUsed) && f.GuidelinesAgreedAt >= f.StepRecordedAt;
            checks.Add(new(OperationalDocument.Guidelines, "The practice's guidelines", guidelinesReflect,
                !guidelinesReflect ? "The guidelines in force do not yet say when it may now be used"
                : f.StaffNotYetRead == 0 ? "Changed, and every member of staff has confirmed reading them"
                : $"Changed; {f.StaffNotYetRead} member{(f.StaffNotYetRead == 1 ? "" : "s")} of staff still to confirm reading them"));
        }
        var behaviourSupport = f.PlansNamingThePractice.Where(p => p.Kind == Model.PlanKind.BehaviourSupport).ToList();
        if (behaviourSupport.Count == 0)
        {
            checks.Add(new(OperationalDocument.BehaviourSupportPlan, "Positive behaviour support plan", true,
                f.HasBehaviourSupportPlan ? "It does not name this practice" : "There is no positive behaviour support plan"));
        }
        foreach (var plan in f.PlansNamingThePractice.OrderBy(p => p.Kind))
        {
            var document = plan.Kind switch
            {
                Model.PlanKind.BehaviourSupport => OperationalDocument.BehaviourSupportPlan,
                Model.PlanKind.RiskAssessment => OperationalDocument.RiskAssessment,
                _ => OperationalDocument.PositiveRiskPlan,
            };
            if (f.PracticeEnded && plan.AsReactiveStrategy)
            {
                checks.Add(new(document, plan.Title, false, "Its reactive strategies still name the ended practice", plan.PlanId));
                continue;
            }
            var reflects = plan.LatestAgreedAt >= f.StepRecordedAt;
            checks.Add(new(document, plan.Title, reflects,
                reflects ? "A version agreed since the step names the practice as it is now" : "It names the practice: agree a new version that reflects the change", plan.PlanId));
        }
        checks.Add(new(OperationalDocument.CarePlan, "The care plan held outside Proportion", f.CarePlanConfirmed,
            f.CarePlanConfirmed ? "The manager confirmed it reflects the change" : "The manager has not yet confirmed it reflects the change"));
        return checks;
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.Ordinal);
}

public enum OperationalDocument
{
    [Display(Name = "Register")] Register = 1,
    [Display(Name = "Guidelines")] Guidelines = 2,
    [Display(Name = "Positive behaviour support plan")] BehaviourSupportPlan = 3,
    [Display(Name = "Risk assessment")] RiskAssessment = 4,
    [Display(Name = "Positive risk-taking plan")] PositiveRiskPlan = 5,
    [Display(Name = "Care plan")] CarePlan = 6,
}
