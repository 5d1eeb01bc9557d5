using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>R12: the same restriction on most people in a service is a blanket rule to challenge.</summary>
public class BlanketRuleTests
{
    private static readonly string[] Doors = ["Front door locked for Ann", "Front door locked for Bob", "Key code not shared with Cy"];

    [Theory]
    [InlineData(3, 5)] // "most": more than half
    [InlineData(4, 6)]
    [InlineData(2, 3)]
    [InlineData(2, 2)]
    public void MostPeopleRestricted_IsAWarningToChallenge(int restricted, int inService)
    {
        var warning = BlanketRule.Check("The front door or other ways out (Environmental restraint)", restricted, inService, Doors);

        Assert.NotNull(warning);
        Assert.Equal(FindingSeverity.Warning, warning.Severity);
        Assert.Equal("R12", warning.Rule);
        Assert.Contains($"is restricted for {restricted} of the {inService} people", warning.Message);
    }

    [Theory]
    [InlineData(2, 4)] // exactly half is not "most"
    [InlineData(3, 6)]
    [InlineData(2, 5)]
    [InlineData(1, 1)] // one person is not a blanket rule
    [InlineData(0, 0)]
    public void HalfOrFewer_IsNotFlagged(int restricted, int inService) =>
        Assert.Null(BlanketRule.Check("The kitchen (Restriction of choice or rules)", restricted, inService, Doors));

    [Fact]
    public void TheWarning_QuotesTheDescriptionsItCounted_AndCountsThoseItMayNotQuote()
    {
        var warning = BlanketRule.Check("The front door or other ways out (Environmental restraint)", 4, 5, Doors)!;

        Assert.Contains("“Front door locked for Ann”; “Front door locked for Bob”; “Key code not shared with Cy”", warning.Message);
        Assert.Contains("and 1 more practice not quoted here", warning.Message);
        Assert.Contains("may be a blanket rule", warning.Message);
    }

    [Fact]
    public void Threshold_IsConfigurable_AndAShareOfTheService()
    {
        Assert.Null(BlanketRule.Check("Kitchen", 4, 6, Doors, threshold: 0.75));
        Assert.NotNull(BlanketRule.Check("Kitchen", 5, 6, Doors, threshold: 0.75));
        Assert.NotNull(BlanketRule.Check("Kitchen", 2, 6, Doors, threshold: 0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlanketRule.Check("Kitchen", 2, 6, Doors, threshold: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlanketRule.Check("Kitchen", 2, 6, Doors, threshold: 1));
    }

    [Fact]
    public void TheSameRestriction_IsTheSameListedThing_OrTheSameOwnWords()
    {
        Assert.Equal(BlanketRule.SameRestrictionKey(RestrictedThing.FrontDoor, null), BlanketRule.SameRestrictionKey(RestrictedThing.FrontDoor, "ignored"));
        Assert.NotEqual(BlanketRule.SameRestrictionKey(RestrictedThing.FrontDoor, null), BlanketRule.SameRestrictionKey(RestrictedThing.Kitchen, null));
        Assert.Equal(BlanketRule.SameRestrictionKey(RestrictedThing.SomethingElse, "The laundry room."),
            BlanketRule.SameRestrictionKey(RestrictedThing.SomethingElse, "  laundry   ROOM "));
        Assert.NotEqual(BlanketRule.SameRestrictionKey(RestrictedThing.SomethingElse, "laundry room"),
            BlanketRule.SameRestrictionKey(RestrictedThing.SomethingElse, "garden shed"));
    }

    [Fact]
    public void WhatItRestrictsUnknown_IsNeverTheSameAsAnything()
    {
        Assert.Null(BlanketRule.SameRestrictionKey(null, null));
        Assert.Null(BlanketRule.SameRestrictionKey(null, "front door"));
        Assert.Null(BlanketRule.SameRestrictionKey(RestrictedThing.SomethingElse, " . "));
    }

    [Fact]
    public void OwnWords_AreComparedWithoutCaseSpacingPunctuationOrALeadingArticle() =>
        Assert.Equal("front porch", BlanketRule.Normalise("  The Front-Porch! "));
}
