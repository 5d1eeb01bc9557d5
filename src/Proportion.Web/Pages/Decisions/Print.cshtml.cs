using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Decisions;

/// <summary>
/// An agreed decision as a PDF to print: the full form RP2 with its agreements and signatures, or an
/// easy-read version for the person (large type, short sentences, space for pictures, their rights).
/// </summary>
[Requires(Permission.ReadPeople)]
public class PrintModel(ProportionDbContext db) : ProportionPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId, int number, string format)
    {
        if (format is not ("rp2" or "easy-read"))
        {
            return NotFound();
        }
        var decision = await db.Decisions.Include(d => d.Alternatives).Include(d => d.SignOffs).Include(d => d.Signatures).Include(d => d.Consultees)
            .Include(d => d.Practice).ThenInclude(p => p!.Person).ThenInclude(p => p!.Service).AsNoTracking()
            .SingleOrDefaultAsync(d => d.PracticeId == practiceId && d.PersonId == id && d.Number == number && d.Status == DecisionStatus.Agreed);
        if (decision is null)
        {
            return NotFound();
        }
        var person = decision.Practice!.Person!;
        var pdf = format == "rp2" ? FullForm(decision, person) : EasyRead(decision, person);
        return File(pdf, "application/pdf", $"{format}-{person.FamilyName.ToLowerInvariant()}-{decision.Number}.pdf");
    }

    private static byte[] FullForm(PracticeDecision d, Person person)
    {
        var pdf = new SimplePdf($"RP2: {d.Practice!.Description}");
        pdf.Heading("Restrictive practice guidelines (form RP2)");
        pdf.Answer("Person", $"{person.FullName}, born {UkTime.Format(person.DateOfBirth)}{(person.NhsNumber is null ? "" : $", NHS number {NhsNumber.Format(person.NhsNumber)}")}");
        pdf.Answer("Service", person.Service?.Name);
        pdf.Answer("Practice", $"{d.Practice.Description} ({Display.Name(d.Practice.Category)}, {Display.Name(d.Practice.Kind).ToLowerInvariant()})");
        pdf.Answer("Decision", $"Decision {d.Number}, agreed {UkTime.Format(d.AgreedAt!.Value)}{(d.ChangeReason is null ? "" : $". Changed because: {d.ChangeReason}")}");
        pdf.Heading("The risk", 1.2);
        pdf.Answer("The risk the practice manages", d.Risk);
        pdf.Answer("Likelihood and seriousness", d.Likelihood is null ? null : $"Likelihood {d.Likelihood} of 5; seriousness {d.Seriousness} of 5");
        pdf.Answer("What has been tried before", d.TriedBefore);
        pdf.Answer("If the practice is used", d.ConsequencesOfUsing);
        pdf.Answer("If it is not used", d.ConsequencesOfNotUsing);
        pdf.Answer("Why it is proportionate", d.Proportionality);
        pdf.Answer("Less restrictive alternatives considered", string.Join("\n", d.Alternatives.Select(a => $"{a.Description}: not chosen because {a.WhyRejected}")));
        pdf.Answer("Legal basis", DecisionLawText.LegalBasis(d));
        pdf.Heading("Views and capacity", 1.2);
        pdf.Answer("The person's views", d.PersonViews);
        pdf.Answer("How their views were gathered", Display.Names(d.ViewsGatheredBy));
        pdf.Answer("Representatives' and advocates' views", d.RepresentativesViews ?? (d.RepresentativesNotInvolvedReason is null ? null : "Not involved: " + d.RepresentativesNotInvolvedReason));
        pdf.Answer("Multi-disciplinary advice", d.MultiDisciplinaryAdvice);
        pdf.Answer("Capacity to consent to this practice", d.Capacity switch
        {
            CapacityToConsent.HasCapacity => "Has capacity",
            CapacityToConsent.LacksCapacity => "Lacks capacity",
            _ => null,
        } + (d.CapacityEvidence is null ? "" : $". {d.CapacityEvidence}"));
        if (d.Capacity == CapacityToConsent.LacksCapacity)
        {
            pdf.Answer("Capacity assessed by", DecisionLawText.AssessedBy(d));
            pdf.Answer("Steps taken to help them decide", DecisionLawText.Recorded(d.PracticableStepsTaken));
            pdf.Answer("Evidence for each part of the test they cannot do", DecisionLawText.LimbEvidence(d));
            pdf.Answer("The impairment", DecisionLawText.Recorded(d.ImpairmentDescription));
            pdf.Answer("Based on an unwise decision?", DecisionLawText.UnwiseDecision(d));
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
            pdf.Answer("Could they regain capacity; can it wait", d.CouldRegainCapacity);
            pdf.Answer("How they took part", d.HowTheyTookPart);
            pdf.Answer("Wishes and feelings", d.WishesAndFeelings);
            pdf.Answer("Beliefs and values", d.BeliefsAndValues);
            pdf.Answer("Those consulted", DecisionLawText.Consulted(d));
            pdf.Answer("Best-interests decision", d.BestInterestsConclusion);
        }
        pdf.Heading("Guidelines for staff", 1.2);
        pdf.Answer("It may be used only when", d.WhenMayBeUsed);
        pdf.Answer("It must not be used when", d.WhenMustNotBeUsed);
        pdf.Answer("How other people's rights are protected", d.OthersRightsProtection);
        pdf.Answer("Review date", UkTime.Format(d.ReviewDate));
        pdf.Heading("Agreements and signatures", 1.2);
        foreach (var s in d.SignOffs)
        {
            pdf.Paragraph(s.Role == SignOffRole.CommissionerInformed
                ? $"Commissioner informed: {s.Note} (recorded by {s.Name})"
                : $"Agreed as {DecisionRecords.Describe(s.Role)}: {s.Name}, {UkTime.Format(s.At)}{(s.RegistrationNumber is null ? "" : $", registration {s.RegistrationNumber}, {s.Council}")}");
        }
        foreach (var s in d.Signatures)
        {
            pdf.Paragraph($"Signed by {s.Name} ({s.SignedAs}), {Display.Name(s.Method).ToLowerInvariant()}{(s.Witness is null ? "" : $", witnessed by {s.Witness}")}, {UkTime.Format(s.SignedOn)}");
        }
        return pdf.ToBytes();
    }

    private static byte[] EasyRead(PracticeDecision d, Person person)
    {
        var pdf = new SimplePdf($"Easy read: {d.Practice!.Description}", baseSize: 16);
        pdf.Heading($"About you, {person.PreferredName ?? person.GivenName}", 1.5);
        Section(pdf, "What staff will do", d.Practice.Description);
        Section(pdf, "Why", d.Risk);
        Section(pdf, "When staff may do this", d.WhenMayBeUsed);
        Section(pdf, "When staff must not do this", d.WhenMustNotBeUsed);
        Section(pdf, "Other people", d.OthersRightsProtection);
        Section(pdf, "We will look at this again", $"By {UkTime.Format(d.ReviewDate)}. Or sooner if you ask.");
        Section(pdf, "Your rights", "You can say if you do not like this. You can ask for it to be looked at again at any time. An advocate can help you. You can complain.");
        return pdf.ToBytes();
    }

    private static void Section(SimplePdf pdf, string heading, string? text)
    {
        pdf.PictureBox(60);
        pdf.Heading(heading, 1.2);
        pdf.Paragraph(string.IsNullOrWhiteSpace(text) ? "Ask staff to explain." : text, spaceAfter: 12);
    }
}
