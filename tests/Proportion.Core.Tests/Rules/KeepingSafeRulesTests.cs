using Proportion.Core.Plans.KeepingSafe;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>
/// R20, tools for risky choices: a keeping safe plan is agreed only when every part is written with the person, who
/// can help says how to reach each, and a safeguarding helpline can always be shown: the council's, or while no
/// council has set one, a number written in the plan.
/// </summary>
public sealed class KeepingSafeRulesTests
{
    private static readonly Guid Northshire = Guid.CreateVersion7();
    private static readonly SafeguardingHelplines Set = new([new CouncilHelpline(Northshire, "Northshire Council", "01632 960200", IsLocal: true, IsFunding: true)]);
    private static readonly SafeguardingHelplines NotSet = new([new CouncilHelpline(Northshire, "Northshire Council", null, IsLocal: true, IsFunding: false)]);
    private static readonly SafeguardingHelplines NoCouncil = new([]);

    private static readonly KeepingSafeContent Complete = new()
    {
        ManagingTheMoney = "A prepaid card; receipts in the blue folder",
        Recruiting = "DBS check and two references",
        Employing = "Oakfield Care employs my staff",
        Training = "Using my card",
        WhenThingsGoWrong = "Tell Amira or Mum straight away",
        WhoCanHelp = [new() { Name = "Grace Adeyemi", WhoTheyAre = "mum", HowToReach = "07700 900456" }],
        HowThePersonTookPart = "Over three mornings with photographs",
    };

    [Fact]
    public void ACompletePlan_WithTheCouncilsHelpline_HasNoFindings() => Assert.Empty(KeepingSafeRules.Findings(Complete, Set, "Sam Adeyemi"));

    [Fact]
    public void AnEmptyPlan_IsRefusedOncePerPart_AtItsField()
    {
        var findings = KeepingSafeRules.Findings(new KeepingSafeContent(), Set, "Sam Adeyemi");
        Assert.Equal(["ManagingTheMoney", "Recruiting", "Employing", "Training", "WhenThingsGoWrong", "HowThePersonTookPart", "WhoCanHelp"],
            findings.Select(f => f.Field));
        Assert.All(findings, f => Assert.Equal(("R20", FindingSeverity.Refusal), (f.Rule, f.Severity)));
    }

    [Fact]
    public void EachPersonWhoCanHelp_SaysHowToReachThem()
    {
        var finding = Assert.Single(KeepingSafeRules.Findings(Complete with { WhoCanHelp = [new() { Name = "Amira Khan", WhoTheyAre = "key worker" }] }, Set, "Sam"));
        Assert.Equal(("WhoCanHelp", "Say how to reach Amira Khan"), (finding.Field, finding.Message));
    }

    [Fact]
    public void WhenTheCouncilHasNotSetItsHelpline_ThePlanMustGiveANumber_AndSaysWhoHasNotSetIt()
    {
        var finding = Assert.Single(KeepingSafeRules.Findings(Complete, NotSet, "Sam Adeyemi"));
        Assert.Equal(KeepingSafeRules.HelplineField, finding.Field);
        Assert.StartsWith("No safeguarding helpline is set: Northshire Council has not added one to Proportion yet", finding.Message);
        Assert.Empty(KeepingSafeRules.Findings(Complete with { SafeguardingContact = "01632 960999" }, NotSet, "Sam Adeyemi"));
    }

    [Fact]
    public void WhenNoCouncilIsRecorded_ThePlanSaysSoPlainly()
    {
        var finding = Assert.Single(KeepingSafeRules.Findings(Complete, NoCouncil, "Stan Patel"));
        Assert.Contains("Stan Patel has no funding council and their service has no local council recorded", finding.Message);
    }

    [Fact]
    public void TheHelplineSection_ShowsEachCouncilsNumber_OrThatNoneIsSet()
    {
        var funding = new CouncilHelpline(Guid.CreateVersion7(), "Southvale Council", "01632 960777", IsLocal: false, IsFunding: true);
        var both = new SafeguardingHelplines([Set.Councils[0] with { IsFunding = false }, funding]);
        var items = both.Section("Sam").Items!;
        Assert.Equal(
            ["Northshire Council safeguarding adults helpline (the council where you live): 01632 960200",
                "Southvale Council safeguarding adults helpline (the council that funds your support): 01632 960777"], items);
        Assert.Equal("No safeguarding helpline is set: Northshire Council has not added one to Proportion yet.", NotSet.Section("Sam").Text);
    }
}
