using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.BehaviourSupport;
using Proportion.Core.Plans.DecisionMaking;
using Proportion.Core.Plans.KeepingSafe;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Core.Plans.Profiles;
using Proportion.Core.Plans.Reduction;
using Proportion.Core.Plans.RiskAssessments;
using Proportion.Core.Plans.Support;

namespace Proportion.Core.Tests.Plans;

public class PlanContentsTests
{
    public static TheoryData<PlanKind> EveryKind() => [.. Enum.GetValues<PlanKind>()];

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void EveryKind_HasAContentRecord_ThatReadsBackAsItsKind(PlanKind kind)
    {
        IPlanContent content = kind switch
        {
            PlanKind.Profile => new ProfileContent { WhatMattersToMe = "My cat" },
            PlanKind.RiskAssessment => new RiskAssessmentContent { Risks = [new AssessedRisk { WhatCouldHappen = "Scald", Likelihood = 2, Impact = 3 }] },
            PlanKind.BehaviourSupport => new BehaviourSupportContent { WhatTheBehaviourCommunicates = "Pain" },
            PlanKind.PositiveRisk => new PositiveRiskContent { WhatThePersonWantsToDo = "Take the bus" },
            PlanKind.Reduction => new ReductionContent { OriginalRestriction = "Door locked" },
            PlanKind.SupportPlan => new SupportPlanContent { Outcomes = [new SupportOutcome { InTheirWords = "Go to college", Support = "A personal assistant" }] },
            PlanKind.DecisionMaking => new DecisionMakingContent { Supporters = [new Supporter { Name = "Grace", Relationship = "mum", Paid = false }] },
            PlanKind.KeepingSafe => new KeepingSafeContent { WhoCanHelp = [new HelpContact { Name = "Grace", HowToReach = "07700 900456" }] },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Assert.Equal(kind, PlanContents.KindOf(content));

        var back = PlanContents.FromJson(kind, PlanContents.ToJson(content));

        Assert.Equal(content.GetType(), back.GetType());
        Assert.Equal(PlanContents.ToJson(content), PlanContents.ToJson(back));
        Assert.NotEmpty(back.Sections());
    }

    [Fact]
    public void AStagesId_StaysTheSame_WhenAVersionIsCopied()
    {
        var stage = new PlanStage { Description = "Walk to the stop with staff", Support = "Staff beside Sam" };
        var plan = new PositiveRiskContent { Stages = [stage] };

        var copy = PlanContents.FromJson<PositiveRiskContent>(PlanContents.ToJson(plan));

        Assert.Equal(stage.Id, Assert.Single(copy.Stages).Id);
        Assert.Equal("Staff beside Sam", copy.Stages[0].Support);
    }

    [Fact]
    public void TraumaHistory_IsARestrictedSection_AndAnEmptyPartSaysNotRecorded()
    {
        var sections = new ProfileContent { TraumaHistory = "Lost her mother young" }.Sections().ToList();

        var restricted = Assert.Single(sections, s => s.Restricted);
        Assert.Equal("Lost her mother young", restricted.Text);
        Assert.All(sections.Where(s => !s.Restricted), s => Assert.Equal("Not recorded", s.Text));
    }

    [Theory]
    [InlineData(PlanKind.Profile, true)]
    [InlineData(PlanKind.RiskAssessment, true)]
    [InlineData(PlanKind.BehaviourSupport, true)]
    [InlineData(PlanKind.PositiveRisk, false)]
    [InlineData(PlanKind.Reduction, false)]
    [InlineData(PlanKind.SupportPlan, true)]
    [InlineData(PlanKind.DecisionMaking, true)]
    [InlineData(PlanKind.KeepingSafe, true)]
    public void OnlyTheProfile_RiskAssessment_BehaviourSupport_AndThePersonsOwnPlans_AreOnePerPerson(PlanKind kind, bool onePerPerson) =>
        Assert.Equal(onePerPerson, PlanContents.OnePerPerson(kind));
}
