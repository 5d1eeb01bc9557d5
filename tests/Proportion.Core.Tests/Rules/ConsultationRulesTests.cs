using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

/// <summary>MCA s.4(7): those consulted are named people; with nobody but paid staff to consult, an IMCA is prompted.</summary>
public class ConsultationRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private const CapacityToConsent Lacks = CapacityToConsent.LacksCapacity;
    private static readonly ImcaAnswers NoImca = new(null, null, null);
    private static readonly RecordedRepresentative Daughter = new(Guid.CreateVersion7(), "Susan Hughes", ConsulteeKind.Unpaid);
    private static ConsultedPerson Consulted(string name, ConsulteeKind kind, Guid? representative = null) =>
        new(name, "Supports a trial", Today.AddDays(-3), kind, representative);

    [Fact]
    public void APersonWithCapacity_NeedsNoConsultees() =>
        Assert.Empty(ConsultationRules.Check(CapacityToConsent.HasCapacity, [], [], NoImca, Today));

    [Fact]
    public void LackingCapacity_NobodyConsulted_IsRefused() =>
        Assert.Contains(ConsultationRules.Check(Lacks, [], [Daughter], NoImca, Today), f => f.Field == "Consultees" && f.Severity == FindingSeverity.Refusal);

    [Fact]
    public void FamilyConsulted_IsEnough_NoImcaPrompt() =>
        Assert.Empty(ConsultationRules.Check(Lacks, [Consulted("Susan Hughes", ConsulteeKind.Unpaid, Daughter.Id)], [Daughter], NoImca, Today));

    [Fact]
    public void OnlyPaidStaffToConsult_PromptsAnImca()
    {
        var refusal = Assert.Single(ConsultationRules.Check(Lacks, [Consulted("Amira Khan, key worker", ConsulteeKind.PaidOrProfessional)], [], NoImca, Today));

        Assert.Equal((ConsultationRules.Rule, "ImcaInstructed"), (refusal.Rule, refusal.Field));
        Assert.Contains("Independent Mental Capacity Advocate", refusal.Message);
    }

    [Fact]
    public void OnlyPaidStaff_ButAnImcaInstructed_OrConsulted_OrAReasonGiven_IsEnough()
    {
        ConsultedPerson[] staff = [Consulted("Amira Khan", ConsulteeKind.PaidOrProfessional)];
        Assert.Empty(ConsultationRules.Check(Lacks, staff, [], new(true, "Northshire Advocacy", null), Today));
        Assert.Empty(ConsultationRules.Check(Lacks, [.. staff, Consulted("Northshire Advocacy", ConsulteeKind.Imca)], [], NoImca, Today));
        Assert.Empty(ConsultationRules.Check(Lacks, staff, [], new(false, null, "Her friend Joan visits weekly and was consulted by phone"), Today));
    }

    [Fact]
    public void AnImcaInstructed_IsNamed() =>
        Assert.Equal("ImcaName", Assert.Single(ConsultationRules.Check(Lacks, [Consulted("Amira Khan", ConsulteeKind.PaidOrProfessional)], [], new(true, " ", null), Today)).Field);

    [Fact]
    public void AnUnpaidRepresentativeNotConsulted_IsAWarning_AndThereIsSomeoneToConsult_SoNoImcaPrompt()
    {
        var finding = Assert.Single(ConsultationRules.Check(Lacks, [Consulted("Amira Khan", ConsulteeKind.PaidOrProfessional)], [Daughter], NoImca, Today));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("Susan Hughes", finding.Message);
    }

    [Fact]
    public void AConsultationDatedInTheFuture_IsRefused() =>
        Assert.Equal("Consultees", Assert.Single(ConsultationRules.Check(Lacks, [Consulted("Susan Hughes", ConsulteeKind.Unpaid, Daughter.Id) with { ConsultedOn = Today.AddDays(1) }], [Daughter], NoImca, Today)).Field);

    [Theory]
    [InlineData(RepresentativeRoles.FamilyOrFriend | RepresentativeRoles.LastingPowerOfAttorneyHealthAndWelfare, ConsulteeKind.Unpaid)]
    [InlineData(RepresentativeRoles.CourtAppointedDeputy, ConsulteeKind.Unpaid)]
    [InlineData(RepresentativeRoles.IndependentMentalCapacityAdvocate, ConsulteeKind.Imca)]
    [InlineData(RepresentativeRoles.PaidCarer, ConsulteeKind.PaidOrProfessional)]
    [InlineData(RepresentativeRoles.Advocate, ConsulteeKind.PaidOrProfessional)]
    [InlineData(RepresentativeRoles.None, ConsulteeKind.Unpaid)]
    public void ARepresentativesStanding_DecidesWhetherTheyCountAsUnpaid(RepresentativeRoles roles, ConsulteeKind kind) =>
        Assert.Equal(kind, ConsultationRules.KindOf(roles));
}
