using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Pdf;

namespace Proportion.Web.Pages.Practices;

/// <summary>
/// Form RP1 on paper: the person's register of restrictive practices with the total in place, the practices
/// that have ended, and lines for the manager to sign. A new column is one more entry in <see cref="Columns"/>.
/// </summary>
public static class Rp1Pdf
{
    public const string FormName = "Register of restrictive practices (form RP1)";

    /// <summary>The register's columns: heading, share of the width, and the value for a practice.</summary>
    private static readonly (string Header, double Share, Func<RestrictivePractice, string> Value)[] Columns =
    [
        ("Practice", 3.2, p => p.Description),
        ("Category", 1.6, p => Display.Name(p.Category)),
        ("Planned or reactive", 1.1, p => Display.Name(p.Kind)),
        ("Status", 1, p => Display.Name(p.Status)),
        // A proposal has not started: its start date is when it was proposed, not when it began.
        ("Started", 1.1, p => p.Status == PracticeStatus.Proposed ? "Not started" : UkTime.Format(p.StartDate)),
        ("Review date", 1.1, p => UkTime.Format(p.ReviewDate, "Not set")),
    ];

    public static byte[] Build(Person person, IReadOnlyList<RestrictivePractice> inPlace, IReadOnlyList<RestrictivePractice> proposed,
        IReadOnlyList<RestrictivePractice> ended, FormHeader header)
    {
        var pdf = new PrintedForm(header, $"RP1: {person.FullName}");
        pdf.Title(FormName);
        pdf.Answer("Person", FormHeader.PersonLine(person));
        pdf.Paragraph($"Total in place: {inPlace.Count} {(inPlace.Count == 1 ? "practice" : "practices")}", bold: true);
        var byCategory = inPlace.GroupBy(p => p.Category).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {Display.Name(g.Key).ToLowerInvariant()}").ToList();
        if (byCategory.Count > 0)
        {
            pdf.Paragraph(string.Join(", ", byCategory));
        }

        pdf.Heading("Restrictive practices in place");
        pdf.Table([.. Columns.Select(c => (c.Header, c.Share))],
            inPlace.Count == 0 ? [["No restrictive practices are in place.", "", "", "", "", ""]] : inPlace.Select(p => (IReadOnlyList<string>)[.. Columns.Select(c => c.Value(p))]),
            ["Total in place", inPlace.Count.ToString(), "", "", "", ""]);

        if (proposed.Count > 0)
        {
            // Proposals are not in place and not in the total: nothing may be used until it is agreed.
            pdf.Heading("Proposed, not yet agreed (not in the total)");
            pdf.Table([("Practice", 3.2), ("Category", 1.8), ("Why proposed", 3)],
                proposed.Select(p => (IReadOnlyList<string>)[p.Description, Display.Name(p.Category), p.ProposalReason ?? "Not recorded"]));
        }

        if (ended.Count > 0)
        {
            pdf.Heading("Ended practices");
            pdf.Table([("Practice", 3.2), ("Ended", 1.2), ("Why it ended", 3.6)],
                ended.Select(p => (IReadOnlyList<string>)[p.Description, UkTime.Format(p.EndDate, "Not recorded"), p.EndReason ?? "Not recorded"]));
        }

        pdf.Heading("Checked and signed");
        pdf.SignatureLines([("Service manager", null)]);
        return pdf.ToBytes();
    }
}
