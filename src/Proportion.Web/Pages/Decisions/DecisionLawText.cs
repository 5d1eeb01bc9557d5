using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Decisions;

/// <summary>
/// The law on a decision in words, the same on the decision, the check page, the practice and the printed
/// RP2. Questions added after some decisions were agreed read "Not recorded" there: unknown, never guessed.
/// </summary>
public static class DecisionLawText
{
    public const string NotRecorded = "Not recorded";

    public static string Recorded(string? text) => string.IsNullOrWhiteSpace(text) ? NotRecorded : text;

    public static string LegalBasis(PracticeDecision d) => d.LegalBasis is { } basis
        ? Display.Name(basis) + (d.LegalBasisDetail is null ? "" : $": {d.LegalBasisDetail}")
        : NotRecorded;

    public static string AssessedBy(PracticeDecision d) => d.CapacityAssessorName is null ? NotRecorded
        : $"{d.CapacityAssessorName}{(d.CapacityAssessorRole is null ? "" : $", {d.CapacityAssessorRole}")}, {UkTime.Format(d.CapacityAssessedOn, "date not recorded")}";

    /// <summary>The evidence for each limb of the functional test the person could not do, one a line.</summary>
    public static string LimbEvidence(PracticeDecision d) => string.Join("\n", new[]
    {
        d.CanUnderstand == false ? $"Understand: {Recorded(d.UnderstandEvidence)}" : null,
        d.CanRetain == false ? $"Retain: {Recorded(d.RetainEvidence)}" : null,
        d.CanUseOrWeigh == false ? $"Use or weigh: {Recorded(d.UseOrWeighEvidence)}" : null,
        d.CanCommunicate == false ? $"Communicate: {Recorded(d.CommunicateEvidence)}" : null,
    }.Where(s => s is not null));

    public static string UnwiseDecision(PracticeDecision d) => d.NotBasedOnUnwiseDecision switch
    {
        true => "No",
        false => "Yes",
        _ => NotRecorded,
    };

    public static string AttorneyDecision(PracticeDecision d) =>
        $"{Recorded(d.AttorneyDecision)}{d.AttorneyAgrees switch { true => " (agrees)", false => " (does not agree)", _ => "" }}";

    public static string Consulted(PracticeDecision d) => d.ConsulteesSummary ?? d.ConsulteesViews ?? NotRecorded;

    public static string Imca(PracticeDecision d) => d.ImcaInstructed switch
    {
        true => $"Instructed: {d.ImcaName}",
        false => $"Not instructed{(d.ImcaNotInstructedReason is null ? "" : $": {d.ImcaNotInstructedReason}")}",
        _ => NotRecorded,
    };
}
