using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans.DecisionMaking;

/// <summary>A supported decision-making agreement is agreed only once every part is written (R20, <see cref="DecisionMakingRules"/>).</summary>
public sealed class DecisionMakingGate : IPlanGate
{
    public PlanKind Kind => PlanKind.DecisionMaking;

    public Task<IReadOnlyList<Finding>> FindingsAsync(Plan plan, IPlanContent draft, CancellationToken ct) =>
        Task.FromResult(DecisionMakingRules.Findings((DecisionMakingContent)draft));
}
