using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Plans;

/// <summary>
/// An agreed version of a plan on paper for the person and their representatives (R19): large clear type,
/// short headings, space for a picture beside each part, the person's own name, the version and when it was
/// agreed. Restricted parts (trauma history) are never printed.
/// </summary>
public static class PlanEasyReadPdf
{
    public static string FormName(PlanKind kind) => $"Easy read: your {Display.Name(kind).ToLowerInvariant()}";

    /// <param name="extra">What the kind shows beyond its content (<see cref="PlanExtraSections"/>): a keeping safe plan's helpline.</param>
    public static byte[] For(Plan plan, PlanVersion version, IPlanContent content, Person person, FormHeader header, IEnumerable<PlanSection>? extra = null)
    {
        var pdf = new PrintedForm(header, $"Easy read: {plan.Title}", baseSize: 16);
        pdf.Title($"{plan.Title}");
        pdf.Paragraph($"This is about you, {person.KnownAs}.", bold: true);
        pdf.Paragraph($"Version {version.Number}, agreed on {UkTime.Format(version.AgreedAt!.Value)}.", spaceAfter: 12);
        foreach (var section in content.Sections().Concat(extra ?? []).Where(s => !s.Restricted))
        {
            pdf.PictureBox(60);
            pdf.Heading(section.Heading, 1.2);
            if (section.Text is { } text)
            {
                pdf.Paragraph(text == "Not recorded" ? "Ask staff to explain." : text, spaceAfter: section.Items is { Count: > 0 } ? 4 : 12);
            }
            foreach (var item in section.Items ?? [])
            {
                pdf.Paragraph("• " + item, spaceAfter: 4);
            }
        }
        pdf.Heading("We will look at this again", 1.2);
        pdf.Paragraph($"By {UkTime.Format(plan.ReviewDate, "the date on your plan")}. Or sooner if you ask.", spaceAfter: 12);
        pdf.Heading("Your say", 1.2);
        pdf.Paragraph("This is your plan. You can say if something is wrong or you want it changed. An advocate or someone close to you can help you.", spaceAfter: 12);
        pdf.Heading("Signing this");
        pdf.SignatureLines([("You", person.FullName), ("A member of staff who went through this with you", null)]);
        return pdf.ToBytes();
    }
}
