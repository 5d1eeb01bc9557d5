using Proportion.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace Proportion.Web.Tests.Printing;

/// <summary>The layout on its own, without the app: a picture box, a long word and a table across pages.</summary>
public sealed class PrintedFormLayoutTests
{
    [Fact]
    public void EveryKindOfBlock_RendersAndReadsBack()
    {
        var form = new PrintedForm(new FormHeader("Org", "Form X", "Zoë Łukasiewicz-Nguyễn", new DateOnly(2026, 12, 2)), "Title", baseSize: 16);
        form.Title("Title");
        form.PictureBox(60);
        form.Heading("Heading");
        form.Paragraph("Before " + string.Concat(Enumerable.Repeat("Restriction", 19)) + " after");
        form.Table([("A", 1), ("B", 2)], Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[$"row {i}", "cell"]), ["Total", "60"]);
        form.SignatureLines([("Role", "Name")]);
        var bytes = form.ToBytes();
        File.WriteAllBytes("/tmp/pdfdebug/layout.pdf", bytes);
        using var pdf = PdfDocument.Open(bytes);
        foreach (var page in pdf.GetPages())
        {
            File.AppendAllText("/tmp/pdfdebug/layout.txt", $"--- page {page.Number}\n{page.Text}\n");
            Assert.Contains("Zoë Łukasiewicz-Nguyễn", page.Text);
        }
    }
}
