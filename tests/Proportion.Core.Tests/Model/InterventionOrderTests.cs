using Proportion.Core.Model;

namespace Proportion.Core.Tests.Model;

public class InterventionOrderTests
{
    [Fact]
    public void LeastRestrictiveFirst_ListsEveryTypeOnce()
    {
        Assert.Equal(Enum.GetValues<InterventionType>().Order(), InterventionCodes.LeastRestrictiveFirst.Order());
        Assert.Equal(InterventionCodes.LeastRestrictiveFirst.Count, InterventionCodes.LeastRestrictiveFirst.Distinct().Count());
    }

    [Fact]
    public void LeastRestrictiveFirst_StartsWithoutTouch_AndPutsProneLastOfTheHolds()
    {
        var order = InterventionCodes.LeastRestrictiveFirst.ToList();
        Assert.False(order[0].IsPhysicalRestraint());
        var holds = order.Where(t => t.IsPhysicalRestraint()).ToList();
        Assert.Equal(InterventionType.PhysicalProne, holds[^1]);
        Assert.True(order.IndexOf(InterventionType.ChemicalOral) < order.IndexOf(InterventionType.ChemicalRapidTranquillisation));
    }
}
