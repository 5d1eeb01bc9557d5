using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>Someone consulted about the decision, as recorded.</summary>
public sealed record ConsultedPerson(string Name, string? View, DateOnly ConsultedOn, ConsulteeKind Kind, Guid? RepresentativeId);

/// <summary>A representative recorded on the person's record, and in what capacity they could be consulted.</summary>
public sealed record RecordedRepresentative(Guid Id, string Name, ConsulteeKind Kind);

/// <summary>Whether an Independent Mental Capacity Advocate was instructed, who, or why not.</summary>
public sealed record ImcaAnswers(bool? Instructed, string? Name, string? NotInstructedReason);

/// <summary>
/// Consulting about a best-interests decision (MCA s.4(7)): the people consulted are named, each with their
/// view and when. Where the person has nobody other than paid staff to consult, an IMCA is prompted: the
/// discussion is not agreed until one is instructed or consulted, or it says why not. The statutory IMCA
/// duties (s.37-39, s.39A-39D) cover serious medical treatment, long-term accommodation and DoLS; for
/// other restrictions an IMCA is a safeguard, so a reason may be given instead.
/// </summary>
public static class ConsultationRules
{
    // Provisional number: the lead catalogues it in docs/rules.md (with DecisionMakerRules).
    public const string Rule = DecisionMakerRules.Rule;
    public const string Source = "MCA 2005 s.4(7), s.35-40; §5.14";

    /// <summary>Whether a representative would be consulted other than as someone paid (MCA s.40).</summary>
    public static ConsulteeKind KindOf(RepresentativeRoles roles)
    {
        if (roles.HasFlag(RepresentativeRoles.IndependentMentalCapacityAdvocate))
        {
            return ConsulteeKind.Imca;
        }
        const RepresentativeRoles unpaid = RepresentativeRoles.FamilyOrFriend | RepresentativeRoles.NamedPerson
            | RepresentativeRoles.LastingPowerOfAttorneyHealthAndWelfare | RepresentativeRoles.CourtAppointedDeputy;
        return roles == RepresentativeRoles.None || (roles & unpaid) != 0 ? ConsulteeKind.Unpaid : ConsulteeKind.PaidOrProfessional;
    }

    public static IReadOnlyList<Finding> Check(CapacityToConsent? capacity, IReadOnlyList<ConsultedPerson> consulted,
        IReadOnlyList<RecordedRepresentative> representatives, ImcaAnswers imca, DateOnly today)
    {
        var findings = new List<Finding>();
        if (capacity != CapacityToConsent.LacksCapacity)
        {
            return findings;
        }
        void Add(string field, string message, FindingSeverity severity = FindingSeverity.Refusal) =>
            findings.Add(new Finding(Rule, Source, field, message, severity));
        static bool Has(string? text) => !string.IsNullOrWhiteSpace(text);

        if (consulted.Count == 0)
        {
            Add(nameof(PracticeDecision.Consultees), "Add each person consulted about the person's best interests, with their view and when they were consulted");
        }
        foreach (var late in consulted.Where(c => c.ConsultedOn > today))
        {
            Add(nameof(PracticeDecision.Consultees), $"The date {late.Name} was consulted cannot be in the future");
        }
        foreach (var missing in consulted.Where(c => !Has(c.View)))
        {
            Add(nameof(PracticeDecision.Consultees), $"Record {missing.Name}'s view");
        }
        foreach (var notAsked in representatives.Where(r => r.Kind == ConsulteeKind.Unpaid && consulted.All(c => c.RepresentativeId != r.Id)))
        {
            Add(nameof(PracticeDecision.Consultees),
                $"{notAsked.Name} is recorded as the person's representative but is not among those consulted. Consult them if it is practicable and appropriate, and record their view",
                FindingSeverity.Warning);
        }

        if (imca.Instructed == true && !Has(imca.Name))
        {
            Add(nameof(PracticeDecision.ImcaName), "Enter the name of the IMCA or advocacy service instructed");
        }
        var somebodyUnpaid = representatives.Any(r => r.Kind == ConsulteeKind.Unpaid) || consulted.Any(c => c.Kind == ConsulteeKind.Unpaid);
        // Instructed without a name is refused above, so it is not prompted twice.
        var imcaInvolved = consulted.Any(c => c.Kind == ConsulteeKind.Imca) || imca.Instructed == true;
        if (!somebodyUnpaid && !imcaInvolved && !Has(imca.NotInstructedReason))
        {
            Add(nameof(PracticeDecision.ImcaInstructed),
                "There is nobody other than paid staff to consult about the person's best interests. Instruct an Independent Mental Capacity Advocate (IMCA) and record who, or say why one is not needed");
        }
        return findings;
    }
}
