using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans.Profiles;

/// <summary>A profile is agreed only once every part is written with the person (R23, <see cref="KnowThePerson"/>).</summary>
public sealed class ProfileGate : IPlanGate
{
    public PlanKind Kind => PlanKind.Profile;

    public Task<IReadOnlyList<Finding>> FindingsAsync(Plan plan, IPlanContent draft, CancellationToken ct) =>
        Task.FromResult(KnowThePerson.Findings((ProfileContent)draft));
}
