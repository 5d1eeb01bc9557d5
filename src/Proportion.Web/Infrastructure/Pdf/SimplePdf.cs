using System.Globalization;
using System.Text;

namespace Proportion.Web.Infrastructure.Pdf;

/// <summary>
/// A small PDF writer for printable forms: A4 pages of wrapped text in the standard Helvetica fonts,
/// lines to sign on and boxes for pictures. Written here because the only PDFsharp in the package
/// registry (6.5) is AGPL-licensed (ADR 0005). Text uses WinAnsiEncoding, which covers English and
/// the typographic quotes, dashes and £; anything else prints as "?".
/// </summary>
public sealed class SimplePdf
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 56;
    private static readonly Encoding WinAnsi;

    // Helvetica's advance widths (per 1,000 units of the font size) for characters 32 to 126, from its AFM.
    private static readonly int[] HelveticaWidths =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
        556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
        556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    static SimplePdf()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        WinAnsi = Encoding.GetEncoding(1252, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
    }

    private readonly List<StringBuilder> _pages = [];
    private readonly string _title;
    private readonly double _baseSize;
    private StringBuilder _content = null!;
    private double _y;

    public SimplePdf(string title, double baseSize = 10)
    {
        _title = title;
        _baseSize = baseSize;
        NewPage();
    }

    private static double TextWidth => PageWidth - 2 * Margin;

    public void Heading(string text, double scale = 1.6) => Paragraph(text, bold: true, size: _baseSize * scale, spaceAfter: _baseSize * 0.6);

    /// <summary>A question in bold and its answer beneath; an unanswered question says so rather than vanishing.</summary>
    public void Answer(string label, string? value)
    {
        Paragraph(label, bold: true, spaceAfter: 1);
        Paragraph(string.IsNullOrWhiteSpace(value) ? "Not recorded" : value, spaceAfter: _baseSize * 0.8);
    }

    public void Paragraph(string text, bool bold = false, double? size = null, double spaceAfter = 4)
    {
        var fontSize = size ?? _baseSize;
        var lineHeight = fontSize * 1.3;
        foreach (var line in Wrap(text, fontSize, bold))
        {
            if (_y - lineHeight < Margin)
            {
                NewPage();
            }
            _y -= lineHeight;
            _content.Append(CultureInfo.InvariantCulture, $"BT /{(bold ? "F2" : "F1")} {fontSize:0.##} Tf {Margin:0.##} {_y:0.##} Td ({Escape(line)}) Tj ET\n");
        }
        _y -= spaceAfter;
    }

    /// <summary>An empty framed box where a picture or symbol can be stuck or drawn (easy read).</summary>
    public void PictureBox(double size)
    {
        if (_y - size - 10 < Margin)
        {
            NewPage();
        }
        _y -= size + 6;
        _content.Append(CultureInfo.InvariantCulture, $"0.6 G {Margin:0.##} {_y:0.##} {size:0.##} {size:0.##} re S 0 G\n");
        _y -= 4;
    }

    public byte[] ToBytes()
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "", // the page tree, filled in once the page objects are numbered
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
            $"<< /Title ({Escape(_title)}) /Creator (Proportion) >>",
        };
        var pageRefs = new List<string>();
        foreach (var page in _pages)
        {
            var stream = WinAnsi.GetBytes(page.ToString());
            objects.Add($"<< /Length {stream.Length} >>\nstream\n{WinAnsi.GetString(stream)}endstream");
            var contentRef = objects.Count;
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth:0.##} {PageHeight:0.##}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {contentRef} 0 R >>");
            pageRefs.Add($"{objects.Count} 0 R");
        }
        objects[1] = $"<< /Type /Pages /Kids [{string.Join(" ", pageRefs)}] /Count {pageRefs.Count} >>";

        using var output = new MemoryStream();
        void Write(string s) => output.Write(WinAnsi.GetBytes(s));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private void NewPage()
    {
        _content = new StringBuilder();
        _pages.Add(_content);
        _y = PageHeight - Margin;
    }

    private static double Measure(string text, double size, bool bold) =>
        text.Sum(c => c is >= ' ' and <= '~' ? HelveticaWidths[c - ' '] : 556) * size / 1000 * (bold ? 1.1 : 1);

    private static IEnumerable<string> Wrap(string text, double size, bool bold)
    {
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Measure(candidate, size, bold) > TextWidth)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }
            yield return line;
        }
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)").Replace("\t", " ");
}
