using Proportion.Core.Plans;
using Proportion.Core.Rules;

namespace Proportion.Web.Pages.Plans;

/// <summary>What <c>_PlanSections</c> shows: a version's sections, whether the reader may see restricted ones, the gaps to mark, and where to change them.</summary>
public sealed record PlanSectionsView(IReadOnlyList<PlanSection> Sections, bool CanReadRestricted, IReadOnlyList<Finding> Gaps, string? ChangeLink = null)
{
    public static PlanSectionsView Of(IPlanContent content, bool canReadRestricted) => new([.. content.Sections()], canReadRestricted, []);
}
