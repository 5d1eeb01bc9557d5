using Proportion.Core.Decisions;
using Proportion.Core.Model;

namespace Proportion.Core.Tests.Decisions;

/// <summary>A change to an agreed practice starts from its answers, but asks afresh those whose say was on the earlier version.</summary>
public class NextDiscussionTests
{
    [Fact]
    public void AChange_KeepsTheLegalBasisAndCapacityEvidence_ButConsultsAfresh_AndAsksTheAttorneyAgain()
    {
        var practice = new RestrictivePractice { Description = "Front door key-code lock", ProposalReason = "Left at night", PersonId = Guid.CreateVersion7() };
        var agreed = new PracticeDecision
        {
            PracticeId = practice.Id, Number = 1, Status = DecisionStatus.Agreed,
            LegalBasis = LegalBasis.BestInterests, CapacityAssessorName = "Daniel Okafor", ImpairmentDescription = "Alzheimer's disease",
            DecisionMakerRepresentativeId = Guid.CreateVersion7(), DecisionMakerName = "Susan Hughes, attorney for health and welfare",
            AttorneyDecision = "Agrees", AttorneyAgrees = true,
            Consultees = [new DecisionConsultee { Name = "Susan Hughes", Relationship = "daughter", View = "Agrees", ConsultedOn = new(2026, 6, 1) }],
        };

        var next = DecisionRecords.NextDiscussion(practice, [agreed], "She now climbs the fence", Guid.CreateVersion7(), DateTime.UtcNow);

        Assert.Equal((LegalBasis.BestInterests, "Daniel Okafor", "Alzheimer's disease"), (next.LegalBasis, next.CapacityAssessorName, next.ImpairmentDescription));
        Assert.Equal(agreed.DecisionMakerRepresentativeId, next.DecisionMakerRepresentativeId);
        Assert.Empty(next.Consultees);
        Assert.Null(next.AttorneyDecision);
        Assert.Null(next.AttorneyAgrees);
        Assert.Single(agreed.Consultees);
    }
}
