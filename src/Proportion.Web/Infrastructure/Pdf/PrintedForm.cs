using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Web.Infrastructure.Pdf;

/// <summary>What every page of a printed form carries at its top and foot.</summary>
/// <param name="Organisation">The organisation whose form it is (the provider), printed first on every page and as the author.</param>
/// <param name="Form">The form's name, e.g. "Register of restrictive practices (form RP1)".</param>
/// <param name="Subject">Whom the form is about, on every page: the person (name, date of birth, NHS number) or the service.</param>
/// <param name="PrintedOn">The day it was printed, in the London calendar.</param>
public sealed record FormHeader(string Organisation, string Form, string Subject, DateOnly PrintedOn)
{
    /// <summary>The person as every form names them: full name, date of birth and NHS number when known.</summary>
    public static string PersonLine(Person person) =>
        person.FullName
        + (string.IsNullOrWhiteSpace(person.PreferredName) ? "" : $" (known as {person.PreferredName})")
        + $", born {UkTime.Format(person.DateOfBirth)}"
        + (person.NhsNumber is null ? "" : $", NHS number {NhsNumber.Format(person.NhsNumber)}")
        + (person.Service is null ? "" : $", {person.Service.Name}");
}

/// <summary>
/// The one layout of every printed form, over PDFsharp (ADR 0019): A4 pages with the organisation, the form
/// and whom it is about at the top of every page, "Page X of Y" and the date printed at the foot, then
/// headings, answers, paragraphs, tables and lines to sign on, flowing from page to page. Text is in an
/// embedded Unicode font (<see cref="PdfFonts"/>) and wraps to the page, breaking a word too long for a line.
/// The document is tagged (headings, paragraphs, tables; the running header and footer as artifacts) and
/// carries its title, author and language. A builder per form calls these methods; adding a question to a
/// form is one call to <see cref="Answer"/>.
/// </summary>
public sealed class PrintedForm
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    private const double Margin = 50;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double FooterTop = PageHeight - Margin - 14;
    private const double LineSpacing = 1.3;

    private readonly FormHeader _header;
    private readonly string _title;
    private readonly double _size;
    private readonly XGraphics _measure;
    private readonly List<List<Op>> _pages = [];
    private readonly List<string> _headerLines;
    private readonly double _contentTop;
    private List<Op> _page = null!;
    private double _y;

    /// <param name="title">The document's title as a PDF reader shows it.</param>
    /// <param name="baseSize">The body text size in points: 10 for the forms, larger for easy read.</param>
    public PrintedForm(FormHeader header, string title, double baseSize = 10)
    {
        PdfFonts.EnsureRegistered();
        _header = header;
        _title = title;
        _size = baseSize;
        _measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        _headerLines = [.. Wrap($"{header.Organisation}: {header.Form}", HeaderFont(true), ContentWidth), .. Wrap(header.Subject, HeaderFont(false), ContentWidth)];
        _contentTop = Margin + _headerLines.Count * HeaderSize * LineSpacing + 14;
        NewPage();
    }

    private const double HeaderSize = 9;

    private static XFont Font(double size, bool bold) =>
        new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);

    private static XFont HeaderFont(bool bold) => Font(HeaderSize, bold);

    /// <summary>The form's title, once at the start.</summary>
    public void Title(string text) => Text(text, Font(_size * 1.6, true), Tag.H1, spaceAfter: _size * 0.6);

    /// <summary>A section of the form.</summary>
    public void Heading(string text, double scale = 1.25) => Text(text, Font(_size * scale, true), Tag.H2, spaceAfter: _size * 0.4, keepWithNext: true);

    /// <summary>A question in bold and its answer beneath; an unanswered question says so rather than vanishing.</summary>
    public void Answer(string label, string? value, string whenMissing = "Not recorded")
    {
        Text(label, Font(_size, true), Tag.P, spaceAfter: 1, keepWithNext: true);
        Text(string.IsNullOrWhiteSpace(value) ? whenMissing : value, Font(_size, false), Tag.P, spaceAfter: _size * 0.8);
    }

    /// <summary>A yes/no question and its evidence, as the forms ask them; unknown stays unknown.</summary>
    public void Answer(string label, bool? yes, string? evidence) =>
        Answer(label, yes is null ? null : $"{(yes.Value ? "Yes" : "No")}. {(string.IsNullOrWhiteSpace(evidence) ? "No evidence recorded." : evidence)}");

    public void Paragraph(string text, bool bold = false, double? spaceAfter = null) =>
        Text(text, Font(_size, bold), Tag.P, spaceAfter ?? _size * 0.5);

    /// <summary>
    /// A table with a header row repeated on every page it runs onto. Each column's share of the width is
    /// given; cells wrap within their column. A footer row (a total) is drawn in bold.
    /// </summary>
    public void Table(IReadOnlyList<(string Header, double Share)> columns, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<string>? footer = null)
    {
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => ContentWidth * c.Share / total).ToArray();
        var size = _size * 0.9;
        var header = columns.Select(c => c.Header).ToList();
        var open = false;
        void Begin()
        {
            _page.Add(Op.Begin(Tag.Table));
            open = true;
            Row(header, widths, Font(size, true), Tag.TH, shaded: true);
        }
        void Place(IReadOnlyList<string> cells, XFont font)
        {
            var height = RowHeight(cells, widths, font);
            if (_y + height > FooterTop - 10)
            {
                if (open)
                {
                    _page.Add(Op.End());
                }
                NewPage();
                Begin();
            }
            Row(cells, widths, font, font.Bold ? Tag.TH : Tag.TD, shaded: false);
        }
        if (_y + RowHeight(header, widths, Font(size, true)) * 2 > FooterTop - 10)
        {
            NewPage();
        }
        Begin();
        foreach (var row in rows)
        {
            Place(row, Font(size, false));
        }
        if (footer is not null)
        {
            Place(footer, Font(size, true));
        }
        _page.Add(Op.End());
        _y += _size;
    }

    /// <summary>
    /// Lines for each person named to sign and date by hand, kept together on one page: the form is printed
    /// to be signed and filed. A role's printed name, when known, is written in.
    /// </summary>
    public void SignatureLines(IEnumerable<(string Role, string? Name)> signers)
    {
        var font = Font(_size, false);
        var bold = Font(_size, true);
        foreach (var (role, name) in signers)
        {
            var roleLines = Wrap(role, bold, ContentWidth);
            var height = roleLines.Count * LineHeight(bold) + 3 * (LineHeight(font) + 14);
            EnsureSpace(height);
            _page.Add(Op.Begin(Tag.P));
            foreach (var line in roleLines)
            {
                _y += LineHeight(bold);
                _page.Add(Op.Text(Margin, _y, line, bold));
            }
            foreach (var (label, value) in new[] { ("Name", name), ("Signature", null), ("Date", null) })
            {
                _y += LineHeight(font) + 14;
                _page.Add(Op.Text(Margin, _y, label, font));
                var labelWidth = 70;
                if (value is not null)
                {
                    foreach (var part in Wrap(value, font, ContentWidth * 0.6 - labelWidth).Take(1))
                    {
                        _page.Add(Op.Text(Margin + labelWidth + 4, _y - 2, part, font));
                    }
                }
                _page.Add(Op.Line(Margin + labelWidth, _y + 2, Margin + ContentWidth * 0.6, _y + 2));
            }
            _page.Add(Op.End());
            _y += _size * 1.2;
        }
    }

    /// <summary>An empty framed box where a picture or symbol can be stuck or drawn (easy read).</summary>
    public void PictureBox(double size)
    {
        EnsureSpace(size + 10 + LineHeight(Font(_size * 1.2, true)) * 2);
        _page.Add(Op.Rect(Margin, _y + 4, size, size));
        _y += size + 10;
    }

    /// <summary>
    /// A simple line chart, one line per series over the same points: a solid black line for the first series
    /// and a dashed grey one for the second, with a scale from zero. A null value is a gap in its line. The
    /// lines are drawn as decoration: the figures they show are printed as a table too, and the caption says
    /// what the chart shows, so nothing is only in the picture.
    /// </summary>
    public void LineChart(string caption, IReadOnlyList<string> pointLabels, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> series)
    {
        const double height = 170;
        var small = Font(_size * 0.8, false);
        var total = height + LineHeight(small) * 3 + _size;
        Paragraph(caption, bold: true, spaceAfter: 2);
        EnsureSpace(total);
        var max = series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        var top = NiceCeiling(max);
        var left = Margin + 36;
        var right = Margin + ContentWidth;
        var chartTop = _y + 6;
        var bottom = chartTop + height;
        _page.Add(Op.Begin(Tag.P));
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var y = bottom - height * fraction;
            var label = (top * fraction).ToString("0", CultureInfo.InvariantCulture);
            _page.Add(Op.Text(left - 6 - Measure(label, small), y + small.Size * 0.35, label, small));
        }
        var step = pointLabels.Count > 1 ? (right - left) / (pointLabels.Count - 1) : 0;
        for (var i = 0; i < pointLabels.Count; i++)
        {
            var label = pointLabels[i];
            _page.Add(Op.Text(left + step * i - Measure(label, small) / 2, bottom + LineHeight(small), label, small));
        }
        var legendX = left;
        for (var s = 0; s < series.Count; s++)
        {
            var name = (s == 0 ? "Solid line: " : "Dashed line: ") + series[s].Name;
            _page.Add(Op.Text(legendX, bottom + LineHeight(small) * 2.4, name, small));
            legendX += Measure(name, small) + 24;
        }
        _page.Add(Op.End());
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var y = bottom - height * fraction;
            _page.Add(Op.Stroke(left, y, right, y, fraction == 0 ? "axis" : "grid"));
        }
        _page.Add(Op.Stroke(left, chartTop, left, bottom, "axis"));
        for (var s = 0; s < series.Count; s++)
        {
            var values = series[s].Values;
            for (var i = 1; i < values.Count && i < pointLabels.Count; i++)
            {
                if (values[i - 1] is { } a && values[i] is { } b)
                {
                    _page.Add(Op.Stroke(left + step * (i - 1), bottom - height * a / top, left + step * i, bottom - height * b / top, s == 0 ? "solid" : "dashed"));
                }
            }
        }
        _y = bottom + LineHeight(small) * 3 + _size;
    }

    /// <summary>The top of a chart's scale: 1, 2 or 5 times a power of ten, at least the largest value (and never zero).</summary>
    private static double NiceCeiling(double max)
    {
        if (max <= 0)
        {
            return 5;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * power).First(c => c >= max);
    }

    public byte[] ToBytes()
    {
        using var document = new PdfDocument();
        document.Info.Title = _title;
        document.Info.Author = _header.Organisation;
        document.Info.Subject = _header.Form;
        document.Info.Creator = "Proportion";
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage("en-GB");
        var structure = accessibility.StructureBuilder;
        var footerFont = Font(HeaderSize, false);
        var printed = $"Printed {UkTime.Format(_header.PrintedOn)}";
        var pen = new XPen(XColors.Black, 0.6);
        var grey = new XPen(XColors.Gray, 0.6);
        var shade = new XSolidBrush(XColor.FromArgb(235, 235, 235));
        var strokes = new Dictionary<string, XPen>
        {
            ["axis"] = new(XColors.Black, 0.8),
            ["grid"] = new(XColors.LightGray, 0.5),
            ["solid"] = new(XColors.Black, 1.6),
            ["dashed"] = new(XColors.DimGray, 1.4) { DashStyle = XDashStyle.Dash },
        };
        for (var number = 1; number <= _pages.Count; number++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            using var gfx = XGraphics.FromPdfPage(page);

            // The running header and footer repeat on every page: artifacts, so a screen reader reads them once.
            structure.BeginArtifact();
            var y = Margin;
            for (var i = 0; i < _headerLines.Count; i++)
            {
                y += HeaderSize * LineSpacing;
                gfx.DrawString(_headerLines[i], HeaderFont(i == 0), XBrushes.Black, Margin, y);
            }
            gfx.DrawLine(grey, Margin, y + 5, PageWidth - Margin, y + 5);
            gfx.DrawLine(grey, Margin, FooterTop, PageWidth - Margin, FooterTop);
            gfx.DrawString(printed, footerFont, XBrushes.Black, Margin, FooterTop + 12);
            var pageText = $"Page {number} of {_pages.Count}";
            gfx.DrawString(pageText, footerFont, XBrushes.Black, PageWidth - Margin - gfx.MeasureString(pageText, footerFont).Width, FooterTop + 12);
            structure.End();

            var depth = 0;
            foreach (var op in _pages[number - 1])
            {
                // A rule or box drawn outside any element is decoration: an artifact, as tagged PDF requires.
                var decoration = depth == 0 && op.Kind is OpKind.Line or OpKind.Rect or OpKind.Shade or OpKind.Stroke;
                if (decoration)
                {
                    structure.BeginArtifact();
                }
                switch (op.Kind)
                {
                    case OpKind.Begin:
                        depth++;
                        structure.BeginElement(op.Tag switch
                        {
                            Tag.H1 => PdfBlockLevelElementTag.Heading1,
                            Tag.H2 => PdfBlockLevelElementTag.Heading2,
                            Tag.Table => PdfBlockLevelElementTag.Table,
                            Tag.TR => PdfBlockLevelElementTag.TableRow,
                            Tag.TH => PdfBlockLevelElementTag.TableHeaderCell,
                            Tag.TD => PdfBlockLevelElementTag.TableDataCell,
                            _ => PdfBlockLevelElementTag.Paragraph,
                        });
                        break;
                    case OpKind.End:
                        depth--;
                        structure.End();
                        break;
                    case OpKind.Text:
                        gfx.DrawString(op.Content!, op.Font!, XBrushes.Black, op.X, op.Y);
                        break;
                    case OpKind.Line:
                        gfx.DrawLine(pen, op.X, op.Y, op.X2, op.Y2);
                        break;
                    case OpKind.Stroke:
                        gfx.DrawLine(strokes[op.Content!], op.X, op.Y, op.X2, op.Y2);
                        break;
                    case OpKind.Rect:
                        gfx.DrawRectangle(grey, op.X, op.Y, op.X2, op.Y2);
                        break;
                    case OpKind.Shade:
                        gfx.DrawRectangle(shade, op.X, op.Y, op.X2, op.Y2);
                        break;
                }
                if (decoration)
                {
                    structure.End();
                }
            }
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private double LineHeight(XFont font) => font.Size * LineSpacing;

    private void Text(string text, XFont font, Tag tag, double spaceAfter, bool keepWithNext = false)
    {
        var lines = Wrap(text, font, ContentWidth);
        var lineHeight = LineHeight(font);
        // A heading or a question is not left alone at the foot of a page, away from what follows it.
        EnsureSpace(lineHeight * (keepWithNext ? lines.Count + 2 : 1));
        _page.Add(Op.Begin(tag));
        foreach (var line in lines)
        {
            if (_y + lineHeight > FooterTop - 6)
            {
                _page.Add(Op.End());
                NewPage();
                _page.Add(Op.Begin(tag));
            }
            _y += lineHeight;
            _page.Add(Op.Text(Margin, _y - font.Size * 0.25, line, font));
        }
        _page.Add(Op.End());
        _y += spaceAfter;
    }

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
        cells.Select((c, i) => Wrap(c, font, widths[i] - 8).Count).DefaultIfEmpty(1).Max() * LineHeight(font) + 6;

    private void Row(IReadOnlyList<string> cells, double[] widths, XFont font, Tag cellTag, bool shaded)
    {
        var height = RowHeight(cells, widths, font);
        if (shaded)
        {
            _page.Add(Op.Shade(Margin, _y, ContentWidth, height));
        }
        _page.Add(Op.Begin(Tag.TR));
        var x = Margin;
        for (var i = 0; i < widths.Length; i++)
        {
            _page.Add(Op.Begin(cellTag));
            var lineY = _y + 3;
            foreach (var line in Wrap(i < cells.Count ? cells[i] : "", font, widths[i] - 8))
            {
                lineY += LineHeight(font);
                _page.Add(Op.Text(x + 4, lineY - font.Size * 0.25, line, font));
            }
            _page.Add(Op.End());
            x += widths[i];
        }
        _page.Add(Op.End());
        _y += height;
        _page.Add(Op.Line(Margin, _y, Margin + ContentWidth, _y));
    }

    private void EnsureSpace(double height)
    {
        if (_y + height > FooterTop - 6 && _y > _contentTop)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _page = [];
        _pages.Add(_page);
        _y = _contentTop;
    }

    /// <summary>
    /// Lines that fit the width: words are kept whole where they fit, and a word longer than a line (a pasted
    /// link, a 200-letter string) is broken between letters rather than run off the page.
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Replace("\t", " ").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line);
                }
                line = "";
                foreach (var piece in BreakWord(word, font, width))
                {
                    if (line.Length > 0)
                    {
                        lines.Add(line);
                    }
                    line = piece;
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>A word in pieces that each fit the width, split between whole characters (never inside one).</summary>
    private IEnumerable<string> BreakWord(string word, XFont font, double width)
    {
        var piece = "";
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && Measure(piece + element, font) > width)
            {
                yield return piece;
                piece = "";
            }
            piece += element;
        }
        yield return piece;
    }

    private double Measure(string text, XFont font) => _measure.MeasureString(text, font).Width;

    private enum Tag { P, H1, H2, Table, TR, TH, TD }

    private enum OpKind { Begin, End, Text, Line, Rect, Shade, Stroke }

    /// <summary>One thing to draw on a page, or the start or end of a tagged element; laid out first so the page count is known.</summary>
    private sealed record Op(OpKind Kind, Tag Tag = Tag.P, double X = 0, double Y = 0, double X2 = 0, double Y2 = 0, string? Content = null, XFont? Font = null)
    {
        public static Op Begin(Tag tag) => new(OpKind.Begin, tag);
        public static Op End() => new(OpKind.End);
        public static Op Text(double x, double y, string text, XFont font) => new(OpKind.Text, X: x, Y: y, Content: text, Font: font);
        public static Op Line(double x1, double y1, double x2, double y2) => new(OpKind.Line, X: x1, Y: y1, X2: x2, Y2: y2);
        /// <summary>A line of a chart, in one of the chart's pens ("axis", "grid", "solid", "dashed").</summary>
        public static Op Stroke(double x1, double y1, double x2, double y2, string pen) => new(OpKind.Stroke, X: x1, Y: y1, X2: x2, Y2: y2, Content: pen);
        public static Op Rect(double x, double y, double width, double height) => new(OpKind.Rect, X: x, Y: y, X2: width, Y2: height);
        public static Op Shade(double x, double y, double width, double height) => new(OpKind.Shade, X: x, Y: y, X2: width, Y2: height);
    }
}

/// <summary>The header's parts that come from the database and the clock, found the same way for every form.</summary>
public static class FormHeaders
{
    /// <summary>The header of a form of the given organisation (the provider whose record it is), printed today.</summary>
    public static async Task<FormHeader> ForAsync(ProportionDbContext db, TimeProvider clock, Guid organisationId, string form, string subject)
    {
        var organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync();
        return new FormHeader(organisation ?? "Unknown organisation", form, subject, UkTime.Today(clock));
    }

    /// <summary>A file name for the download: the form, the person's family name or the service, and a number; letters and digits only.</summary>
    public static string FileName(string form, string about, object? number = null)
    {
        var safe = new string([.. about.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return $"{form}-{(safe.Length == 0 ? "record" : safe)}{(number is null ? "" : $"-{number}")}.pdf";
    }
}
