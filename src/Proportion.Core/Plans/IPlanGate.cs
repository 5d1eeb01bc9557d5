using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans;

/// <summary>
/// What must be true before a kind of plan is agreed (R19 and the rules it names). The same findings refuse
/// <see cref="PlanRecords.AgreeAsync"/> and are listed wherever the draft is shown. A kind without a gate
/// is agreed as it stands. Register one per kind in the app's services.
/// </summary>
public interface IPlanGate
{
    PlanKind Kind { get; }

    /// <summary>Every gap (refusal) and warning about this draft, each naming what is missing and its field.</summary>
    Task<IReadOnlyList<Finding>> FindingsAsync(Plan plan, IPlanContent draft, CancellationToken ct);
}
