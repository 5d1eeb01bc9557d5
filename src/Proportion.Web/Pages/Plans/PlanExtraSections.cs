using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.KeepingSafe;

namespace Proportion.Web.Pages.Plans;

/// <summary>
/// What a kind of plan shows beyond its own content, read when it is shown: a keeping safe plan's safeguarding
/// helpline (R20) is the council's as it is today, never a copy kept in the plan. The agree, version and easy-read
/// pages add these after the content's sections, so every way of reading the plan carries them.
/// </summary>
public static class PlanExtraSections
{
    public static async Task<IReadOnlyList<PlanSection>> ForAsync(ProportionDbContext db, Plan plan, Person person) =>
        plan.Kind == PlanKind.KeepingSafe ? [(await SafeguardingHelplines.ForPersonAsync(db, person.Id)).Section(person.KnownAs)] : [];
}
