using Proportion.Core.Plans;
using Proportion.Core.Rules;

namespace Proportion.Web.Pages.Plans;

/// <summary>What <c>_PlanSections</c> shows: a version's sections, whether the reader may see restricted ones, the gaps to mark, and where to change them.</summary>
public sealed record PlanSectionsView(IReadOnlyList<PlanSection> Sections, bool CanReadRestricted, IReadOnlyList<Finding> Gaps, string? ChangeLink = null)
{
    public static PlanSectionsView Of(IPlanContent content, bool canReadRestricted) => new([.. content.Sections()], canReadRestricted, []);

    /// <summary>With the sections a kind shows beyond its content (<see cref="PlanExtraSections"/>) after its own.</summary>
    public PlanSectionsView With(IEnumerable<PlanSection> extra) => this with { Sections = [.. Sections, .. extra] };
}
