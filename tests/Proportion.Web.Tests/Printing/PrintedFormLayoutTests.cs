using Proportion.Web.Infrastructure.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Proportion.Web.Tests.Printing;

/// <summary>The layout on its own, without the app: what every form relies on, read back with PdfPig.</summary>
public sealed class PrintedFormLayoutTests
{
    private static readonly FormHeader Header = new("Oakfield Care", "Form X", "Zoë Łukasiewicz-Nguyễn", new DateOnly(2026, 12, 2));

    [Fact]
    public void ALongWord_IsBrokenToFitTheLine_AndATable_RepeatsItsHeaderOnEveryPage()
    {
        var longWord = string.Concat(Enumerable.Repeat("Restriction", 19));
        var form = new PrintedForm(Header, "Layout", baseSize: 16);
        form.Title("Title");
        form.PictureBox(60);
        form.Paragraph($"Before {longWord} after");
        form.Table([("Column A", 1), ("Column B", 2)], Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[$"row {i}", longWord]), ["Total", "60"]);
        form.SignatureLines([("Role", "Ann Lee")]);

        using var pdf = PdfDocument.Open(form.ToBytes());

        Assert.True(pdf.NumberOfPages > 2);
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains("Oakfield Care: Form X", page.Text);
            Assert.Contains("Zoë Łukasiewicz-Nguyễn", page.Text);
            Assert.Contains($"Page {page.Number} of {pdf.NumberOfPages}", page.Text);
            Assert.Contains("Printed 2 December 2026", page.Text);
            Assert.Contains("Column AColumn B", page.Text);
            var box = page.MediaBox.Bounds;
            Assert.All(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)), l =>
                Assert.True(l.BoundingBox.Left >= box.Left && l.BoundingBox.Right <= box.Right && l.BoundingBox.Bottom >= box.Bottom && l.BoundingBox.Top <= box.Top,
                    $"'{l.Value}' at {l.BoundingBox} is outside the page"));
        }
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains(longWord, text);
        Assert.Contains("row 60", text);
        Assert.Contains("Total60", text);
        Assert.Contains("RoleNameAnn LeeSignatureDate", text);
    }

    [Fact]
    public void TheDocument_IsTagged_AndNamesItsTitleAuthorAndLanguage()
    {
        var form = new PrintedForm(Header, "The title");
        form.Title("Title");
        form.Answer("Question", null);

        using var pdf = PdfDocument.Open(form.ToBytes());

        Assert.Equal("The title", pdf.Information.Title);
        Assert.Equal("Oakfield Care", pdf.Information.Author);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(NameToken.StructTreeRoot), "No structure tree: the PDF is not tagged");
        Assert.True(catalog.ContainsKey(NameToken.MarkInfo));
        Assert.True(catalog.ContainsKey(NameToken.Lang));
        // An unanswered question says so rather than vanishing.
        Assert.Contains("QuestionNot recorded", pdf.GetPage(1).Text);
    }
}
