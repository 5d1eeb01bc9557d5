using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Decisions;

/// <summary>The law on a decision in words, the same on the decision, the check page, the practice and the printed RP2.</summary>
public static class DecisionLawText
{
    /// <summary>"Not recorded" for decisions agreed before the legal basis was asked: unknown, never guessed.</summary>
    public static string LegalBasis(PracticeDecision d) => d.LegalBasis is { } basis
        ? Display.Name(basis) + (d.LegalBasisDetail is null ? "" : $": {d.LegalBasisDetail}")
        : "Not recorded";
}
