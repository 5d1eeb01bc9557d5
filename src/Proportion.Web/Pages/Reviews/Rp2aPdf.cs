using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Reviews;

/// <summary>
/// A completed review on paper (form RP2A): the nine questions of §7.4 with their evidence, who took part,
/// the outcome and the signatures (§7.5), with lines to sign. A new question is one more Answer line here.
/// </summary>
public static class Rp2aPdf
{
    public const string FormName = "Review of a restrictive practice (form RP2A)";

    public static byte[] Build(PracticeReview r, Person person, string completedBy, FormHeader header)
    {
        var practice = r.Practice!;
        var pdf = new PrintedForm(header, $"RP2A: {practice.Description}, review {r.Number}");
        pdf.Title($"Review {r.Number} (form RP2A)");
        pdf.Answer("Person", FormHeader.PersonLine(person));
        pdf.Answer("Practice", $"{practice.Description} ({Display.Name(practice.Category)})");
        pdf.Answer("Review held", UkTime.Format(r.HeldOn, "Not recorded"));
        pdf.Answer("Was due", r.DueOn is { } due ? UkTime.Format(due) + (r.HeldOn > due ? " (held late)" : "") : null);
        if (r.BroughtForwardBecause is { } why)
        {
            pdf.Answer("Brought forward because", why);
        }
        pdf.Answer("Completed", r.CompletedAt is { } at ? $"{UkTime.Format(at)} by {completedBy}" : null);

        pdf.Heading(ReviewPageModel.Title("need"));
        pdf.Answer("Does the risk still exist?", r.RiskContinues, r.RiskContinuesEvidence);
        pdf.Answer("Is the practice managing the risk?", r.MeasuresEffective, r.MeasuresEffectiveEvidence);
        pdf.Answer("Is it still the least restrictive way?", r.StillLeastRestrictive, r.StillLeastRestrictiveEvidence);
        pdf.Answer("Impact on quality of life", r.QualityOfLifeImpact);

        pdf.Heading(ReviewPageModel.Title("views"));
        pdf.Answer("The person's view", r.PersonView);
        pdf.Answer("How it was gathered", Display.Names(r.ViewGatheredBy, "Not recorded"));
        pdf.Answer("Did the person take part?", r.PersonTookPart, r.PersonParticipation);
        pdf.Answer("Family, representatives and advocates", r.FamilyAndAdvocates);
        pdf.Answer("Other agencies", r.OtherAgencies);

        pdf.Heading(ReviewPageModel.Title("safeguards"));
        pdf.Answer("Justifiable and in their best interests?", r.Justifiable, r.JustifiableEvidence);
        pdf.Answer("Could it deprive them of their liberty?", r.PotentialDeprivationOfLiberty, r.DeprivationOfLibertyEvidence);
        pdf.Answer("Is the balance of choice and risk justifiable?", r.BalanceJustifiable, r.BalanceEvidence);
        pdf.Answer("Are the safeguards adequate?", r.SafeguardsAdequate, r.SafeguardsEvidence);

        pdf.Heading(ReviewPageModel.Title("outcome"));
        pdf.Answer("Was reducing or ending it considered?", r.ReductionConsidered, r.ReductionDetail);
        pdf.Answer("Outcome", r.Outcome is { } outcome ? Display.Name(outcome) : null);
        pdf.Answer("Reasons", r.OutcomeReasons);
        if (r.Outcome != ReviewOutcome.End)
        {
            pdf.Answer("Next review", UkTime.Format(r.NextReviewDate, "Not recorded"));
        }
        pdf.Answer("Care plan updated", r.CarePlanUpdated ? "Yes" : "Not confirmed");
        if (r.FollowUpDecisionId is not null)
        {
            pdf.Answer("Guidelines", "Changed through a new restrictive practice discussion (form RP2)");
        }

        pdf.Heading("Signatures recorded");
        foreach (var s in r.Signatures)
        {
            pdf.Paragraph(Display.Signature(s));
        }
        if (r.Signatures.Count == 0)
        {
            pdf.Paragraph("None recorded.");
        }
        pdf.Heading("Signatures");
        pdf.SignatureLines([("Manager who completed the review", completedBy), .. r.Signatures.Select(s => ((string Role, string? Name))(s.SignedAs, s.Name))]);
        return pdf.ToBytes();
    }
}
