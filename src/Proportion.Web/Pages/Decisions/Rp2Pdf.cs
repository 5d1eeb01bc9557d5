using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Decisions;

/// <summary>
/// An agreed decision on paper: form RP2 with every answer, its agreements and lines to sign; and the
/// easy-read version for the person (large type, short sentences, plain words, space for pictures, their
/// rights). A new question on the form is one more <see cref="PrintedForm.Answer(string, string?, string)"/> line here.
/// </summary>
public static class Rp2Pdf
{
    public const string FormName = "Restrictive practice discussion and decision (form RP2)";
    public const string EasyReadFormName = "Easy read: what staff will do (form RP2)";

    public static byte[] Full(PracticeDecision d, Person person, FormHeader header)
    {
        var practice = d.Practice!;
        var pdf = new PrintedForm(header, $"RP2: {practice.Description}");
        pdf.Title("Restrictive practice guidelines (form RP2)");
        pdf.Answer("Person", FormHeader.PersonLine(person));
        pdf.Answer("Practice", $"{practice.Description} ({Display.Name(practice.Category)}, {Display.Name(practice.Kind).ToLowerInvariant()})");
        pdf.Answer("Decision", $"Decision {d.Number}, agreed {UkTime.Format(d.AgreedAt!.Value)}{(d.ChangeReason is null ? "" : $". Changed because: {d.ChangeReason}")}");

        pdf.Heading("The risk");
        pdf.Answer("The risk the practice manages", d.Risk);
        pdf.Answer("Likelihood and seriousness", d.Likelihood is null ? null : $"Likelihood {d.Likelihood} of 5; seriousness {d.Seriousness} of 5");
        pdf.Answer("What has been tried before", d.TriedBefore);
        pdf.Answer("If the practice is used", d.ConsequencesOfUsing);
        pdf.Answer("If it is not used", d.ConsequencesOfNotUsing);
        pdf.Answer("Why it is proportionate", d.Proportionality);
        pdf.Answer("Less restrictive alternatives considered", string.Join("\n", d.Alternatives.Select(a => $"{a.Description}: not chosen because {a.WhyRejected}")), "None recorded");
        pdf.Answer("Legal basis", DecisionLawText.LegalBasis(d));

        pdf.Heading("Views");
        pdf.Answer("The person's views", d.PersonViews);
        pdf.Answer("How their views were gathered", Display.Names(d.ViewsGatheredBy, "Not recorded"));
        pdf.Answer("Do they agree?", d.PersonResponse is { } response ? ViewsModel.ResponseOptions.Single(o => o.Value == response.ToString()).Text : null);
        pdf.Answer("Representatives' and advocates' views", d.RepresentativesViews ?? (d.RepresentativesNotInvolvedReason is null ? null : "Not involved: " + d.RepresentativesNotInvolvedReason));
        pdf.Answer("Multi-disciplinary advice", d.MultiDisciplinaryAdvice);

        pdf.Heading("Capacity to consent to this practice");
        pdf.Answer("Conclusion", d.Capacity switch
        {
            CapacityToConsent.HasCapacity => "Has capacity to consent to this practice",
            CapacityToConsent.LacksCapacity => "Lacks capacity to consent to this practice",
            _ => null,
        }, "Not concluded");
        pdf.Answer("Impairment of, or disturbance in the functioning of, the mind or brain", YesNo(d.HasImpairmentOfMindOrBrain));
        pdf.Answer("Can understand the information", YesNo(d.CanUnderstand));
        pdf.Answer("Can retain it", YesNo(d.CanRetain));
        pdf.Answer("Can use or weigh it", YesNo(d.CanUseOrWeigh));
        pdf.Answer("Can communicate the decision", YesNo(d.CanCommunicate));
        pdf.Answer("The inability is because of the impairment", YesNo(d.InabilityIsBecauseOfImpairment));
        pdf.Answer("Evidence", d.CapacityEvidence);
        if (d.Capacity == CapacityToConsent.LacksCapacity)
        {
            pdf.Answer("Capacity assessed by", DecisionLawText.AssessedBy(d));
            pdf.Answer("Steps taken to help them decide", DecisionLawText.Recorded(d.PracticableStepsTaken));
            pdf.Answer("Evidence for each part of the test they cannot do", DecisionLawText.LimbEvidence(d));
            pdf.Answer("The impairment", DecisionLawText.Recorded(d.ImpairmentDescription));
            pdf.Answer("Based on an unwise decision?", DecisionLawText.UnwiseDecision(d));

            pdf.Heading("Who decides");
            pdf.Answer("Decision-maker", DecisionLawText.Recorded(d.DecisionMakerName));
            if (d.DecisionMakerRepresentativeId is not null)
            {
                pdf.Answer("The attorney's or deputy's decision", DecisionLawText.AttorneyDecision(d));
            }
            if (d.AuthorityNotCoveringReason is not null)
            {
                pdf.Answer("Why the attorney or deputy does not decide", d.AuthorityNotCoveringReason);
            }
            pdf.Answer("IMCA", DecisionLawText.Imca(d));
            pdf.Heading("Best interests");
            pdf.Answer("Could they regain capacity; can the decision wait", d.CouldRegainCapacity);
            pdf.Answer("How they took part", d.HowTheyTookPart);
            pdf.Answer("Wishes and feelings", d.WishesAndFeelings);
            pdf.Answer("Beliefs and values", d.BeliefsAndValues);
            pdf.Answer("Those consulted and their views", DecisionLawText.Consulted(d));
            pdf.Answer("Best-interests decision", d.BestInterestsConclusion);
        }

        pdf.Heading("Guidelines for staff");
        pdf.Answer("It may be used only when", d.WhenMayBeUsed);
        pdf.Answer("It must not be used when", d.WhenMustNotBeUsed);
        pdf.Answer("How other people's rights are protected", d.OthersRightsProtection);
        pdf.Answer("Review date", UkTime.Format(d.ReviewDate, "Not recorded"));

        pdf.Heading("Agreements recorded");
        foreach (var s in d.SignOffs.OrderBy(s => s.At))
        {
            pdf.Paragraph(s.Role == SignOffRole.CommissionerInformed
                ? $"Commissioner informed: {s.Note} (recorded by {s.Name}, {UkTime.Format(s.At)})"
                : $"Agreed as {DecisionRecords.Describe(s.Role)}: {s.Name}, {UkTime.Format(s.At)}{(s.RegistrationNumber is null ? "" : $", registration {s.RegistrationNumber}, {s.Council}")}");
        }
        foreach (var s in d.Signatures)
        {
            pdf.Paragraph($"Signed by {Display.Signature(s)}");
        }
        if (d.SignOffs.Count == 0 && d.Signatures.Count == 0)
        {
            pdf.Paragraph("None recorded.");
        }

        pdf.Heading("Signatures");
        var signers = d.SignOffs.Where(s => s.Role != SignOffRole.CommissionerInformed)
            .Select(s => (Role: Capitalise(DecisionRecords.Describe(s.Role)), (string?)s.Name))
            .Concat(d.Signatures.Select(s => (Role: Capitalise(s.SignedAs), (string?)s.Name)))
            .ToList();
        pdf.SignatureLines(signers.Count > 0 ? signers : [("Service manager", null)]);
        return pdf.ToBytes();
    }

    public static byte[] EasyRead(PracticeDecision d, Person person, FormHeader header)
    {
        var pdf = new PrintedForm(header, $"Easy read: {d.Practice!.Description}", baseSize: 16);
        pdf.Title($"About you, {person.PreferredName ?? person.GivenName}");
        Section(pdf, "What staff will do", d.Practice.Description);
        Section(pdf, "Why", d.Risk);
        Section(pdf, "When staff may do this", d.WhenMayBeUsed);
        Section(pdf, "When staff must not do this", d.WhenMustNotBeUsed);
        Section(pdf, "Other people", d.OthersRightsProtection);
        Section(pdf, "We will look at this again", $"By {UkTime.Format(d.ReviewDate, "the date on your plan")}. Or sooner if you ask.");
        Section(pdf, "Your rights", "You can say if you do not like this. You can ask for it to be looked at again at any time. An advocate can help you. You can complain.");
        pdf.Heading("Signing this");
        pdf.SignatureLines([("You", person.FullName), ("A member of staff who explained this to you", null)]);
        return pdf.ToBytes();
    }

    private static void Section(PrintedForm pdf, string heading, string? text)
    {
        pdf.PictureBox(60);
        pdf.Heading(heading, 1.2);
        pdf.Paragraph(string.IsNullOrWhiteSpace(text) ? "Ask staff to explain." : text, spaceAfter: 12);
    }

    private static string? YesNo(bool? answer) => answer switch { true => "Yes", false => "No", _ => null };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
