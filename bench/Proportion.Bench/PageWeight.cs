using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Proportion.Bench;

/// <summary>
/// What a page costs over the wire, as a browser with an empty cache and then a warm one would fetch it: the
/// page, its stylesheet and scripts, and the modules those scripts import. It asks for Brotli and gzip as a
/// browser does, counts response headers and body as sent, and keeps what the response's Cache-Control lets a
/// browser keep: an immutable or max-age file is not asked for again, a no-cache one is asked again with its
/// ETag (a 304 costs only its headers), anything else is fetched again. The baseline, measured in the same
/// run, is the same first view with no compression asked for.
/// </summary>
public static partial class PageWeight
{
    public const int FirstViewAimBytes = 60 * 1024;
    public const int RepeatViewAimBytes = 20 * 1024;

    public sealed record Weight(string Page, long FirstView, long RepeatView, long Uncompressed, int Files);

    public static async Task<Weight> MeasureAsync(HttpClient http, string name, string path, CancellationToken ct)
    {
        var cache = new Dictionary<string, Fetched>();
        var first = await ViewAsync(http, path, cache, compressed: true, ct);
        var repeat = await ViewAsync(http, path, cache, compressed: true, ct);
        var uncompressed = await ViewAsync(http, path, new Dictionary<string, Fetched>(), compressed: false, ct);
        return new Weight(name, first.Bytes, repeat.Bytes, uncompressed.Bytes, first.Files);
    }

    public static void Print(IReadOnlyList<Weight> weights)
    {
        Console.WriteLine("Page weight over the wire (KiB; headers and bodies as sent; first view with an empty cache, repeat with a warm one):");
        Console.WriteLine();
        Console.WriteLine("| page | files | first view | repeat view | uncompressed first view (baseline) | first / baseline | aims (60 / 20) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var w in weights)
        {
            var met = w.FirstView < FirstViewAimBytes && w.RepeatView < RepeatViewAimBytes ? "met" : "NOT met";
            Console.WriteLine($"| {w.Page} | {w.Files} | {Kib(w.FirstView)} | {Kib(w.RepeatView)} | {Kib(w.Uncompressed)} | {(double)w.FirstView / w.Uncompressed:F2} | {met} |");
        }
        Console.WriteLine();
    }

    private static string Kib(long bytes) => (bytes / 1024.0).ToString("F1");

    private sealed record Fetched(string? CacheControl, string? ETag);

    private sealed record View(long Bytes, int Files);

    private static async Task<View> ViewAsync(HttpClient http, string path, Dictionary<string, Fetched> cache, bool compressed, CancellationToken ct)
    {
        long bytes = 0;
        var files = 0;
        var (pageBytes, html, _) = await FetchAsync(http, path, null, compressed, ct);
        bytes += pageBytes;
        var queue = new Queue<string>(Subresources(html, path));
        var seen = new HashSet<string>();
        while (queue.TryDequeue(out var file))
        {
            if (!seen.Add(file))
            {
                continue;
            }
            files++;
            cache.TryGetValue(file, out var kept);
            if (kept?.CacheControl is { } cc && (cc.Contains("immutable") || (cc.Contains("max-age") && !cc.Contains("no-cache"))))
            {
                continue;
            }
            var (fileBytes, body, fetched) = await FetchAsync(http, file, kept?.ETag, compressed, ct);
            bytes += fileBytes;
            cache[file] = fetched ?? kept!;
            if (file.EndsWith(".js", StringComparison.Ordinal) && body.Length > 0)
            {
                foreach (var import in Imports().Matches(body).Select(m => m.Groups[1].Value))
                {
                    queue.Enqueue(new Uri(new Uri("http://x" + file), import).AbsolutePath);
                }
            }
        }
        return new View(bytes, files);
    }

    private static IEnumerable<string> Subresources(string html, string page) =>
        Links().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(u => u.StartsWith('/') && (u.Contains(".css") || u.Contains(".js")))
            .Select(u => new Uri(new Uri("http://x" + page), u).AbsolutePath);

    /// <summary>Bytes as sent (status line, headers, body), the body as text for finding what it links to.</summary>
    private static async Task<(long Bytes, string Body, Fetched? Kept)> FetchAsync(
        HttpClient http, string path, string? etag, bool compressed, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (compressed)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        }
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        }
        using var response = await http.SendAsync(request, ct);
        var raw = await response.Content.ReadAsByteArrayAsync(ct);
        long headerBytes = $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n".Length + 2;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headerBytes += name.Length + 4 + string.Join(", ", values).Length;
        }
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return (headerBytes, "", null);
        }
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }
        var body = response.Content.Headers.ContentEncoding.Count == 0 ? System.Text.Encoding.UTF8.GetString(raw) : Decode(raw, response.Content.Headers.ContentEncoding.Single());
        return (headerBytes + raw.Length, body, new Fetched(response.Headers.CacheControl?.ToString(), response.Headers.ETag?.ToString()));
    }

    private static string Decode(byte[] raw, string encoding)
    {
        using var input = new MemoryStream(raw);
        using Stream decoder = encoding switch
        {
            "br" => new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"Unexpected Content-Encoding {encoding}."),
        };
        using var reader = new StreamReader(decoder);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"<(?:link|script)\b[^>]*?\b(?:href|src)=""([^""]+)""")]
    private static partial Regex Links();

    [GeneratedRegex("""import\s*(?:[^'";]*?\s*from\s*)?['"]([^'"]+)['"]""")]
    private static partial Regex Imports();
}
