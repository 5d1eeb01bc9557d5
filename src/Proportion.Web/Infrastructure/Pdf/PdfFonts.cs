using PdfSharp.Fonts;

namespace Proportion.Web.Infrastructure.Pdf;

/// <summary>
/// The one font the printed forms use, DejaVu Sans and DejaVu Sans Bold, read from the app's own embedded
/// resources (Fonts/, with their licence): PDFsharp 6 finds no fonts of its own on Linux, and a server or CI
/// machine may have none installed. DejaVu covers Latin, Greek, Cyrillic and Vietnamese, so a name prints
/// exactly as typed. Every family asked for resolves to it, so nothing depends on the machine (ADR 0019).
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lazy<bool> Registered = new(() =>
    {
        // PDFsharp takes its resolver once per process, before any font is used.
        GlobalFontSettings.FontResolver = new PdfFonts();
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Dictionary<string, byte[]> Faces = new()
    {
        [Regular] = Load(Regular),
        [Bold] = Load(Bold),
    };

    private PdfFonts()
    {
    }

    /// <summary>Makes sure PDFsharp uses these fonts; call before building any document.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular);

    public byte[] GetFont(string faceName) => Faces[faceName];

    private static byte[] Load(string face)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Proportion.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face}.ttf is not embedded in the app (Infrastructure/Pdf/Fonts).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
