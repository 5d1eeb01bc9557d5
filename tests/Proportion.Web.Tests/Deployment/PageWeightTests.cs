using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Deployment;

/// <summary>
/// Light pages on a weak signal (ADR 0038): pages are compressed for a browser that takes Brotli or gzip;
/// the stylesheet and scripts are linked by fingerprinted addresses, sent compressed at build time and kept
/// by the browser for a year; and what a signed-in user reads is still never stored.
/// </summary>
public abstract class PageWeightTests(AppFixture app)
{
    [SkippableFact]
    public async Task TheLayoutsFiles_AreFingerprinted_Immutable_AndSentCompressed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var signedOut = app.NewClient();
        var page = await signedOut.GetAsync("/sign-in");
        var files = page.Document.QuerySelectorAll("link[rel=stylesheet][href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();
        Assert.Contains(files, f => f.StartsWith("/css/app.", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("/js/init.", StringComparison.Ordinal));

        foreach (var file in files)
        {
            // app.<fingerprint>.css: the address changes whenever the file does, so the browser may keep it.
            Assert.Matches(@"^/(css|js)/[a-z-]+\.[a-z0-9]{10}\.(css|js)$", file);
            var original = await FetchAsync(signedOut.Http, file, encodings: []);
            Assert.Equal(HttpStatusCode.OK, original.Status);
            Assert.Equal("max-age=31536000, immutable", original.CacheControl);
            Assert.Null(original.Encoding);

            var brotli = await FetchAsync(signedOut.Http, file, "br", "gzip");
            Assert.Equal("br", brotli.Encoding);
            Assert.Equal("max-age=31536000, immutable", brotli.CacheControl);
            Assert.Equal(original.Raw, Decode(brotli));
            var gzip = await FetchAsync(signedOut.Http, file, "gzip");
            Assert.Equal("gzip", gzip.Encoding);
            Assert.Equal(original.Raw, Decode(gzip));
            if (original.Raw.Length > 10_000)
            {
                Assert.True(brotli.Raw.Length * 5 < original.Raw.Length, $"{file}: {brotli.Raw.Length} bytes compressed of {original.Raw.Length}");
            }
        }
    }

    [SkippableFact]
    public async Task SignedIn_PagesAreCompressed_FilesCarryNoCookieAndAreNotNoStore_PagesAreNoStore()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var stylesheet = (await manager.GetAsync("/")).Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var home = await FetchAsync(manager.Http, "/", "br", "gzip");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("br", home.Encoding);
        Assert.Contains("no-store", home.CacheControl);
        var html = System.Text.Encoding.UTF8.GetString(Decode(home));
        Assert.Contains("</html>", html);
        Assert.True(home.Raw.Length * 3 < html.Length, $"home page: {home.Raw.Length} bytes sent for {html.Length}");

        var gzipOnly = await FetchAsync(manager.Http, "/tasks", "gzip");
        Assert.Equal("gzip", gzipOnly.Encoding);
        Assert.Contains("</html>", System.Text.Encoding.UTF8.GetString(Decode(gzipOnly)));
        var plain = await FetchAsync(manager.Http, "/tasks", encodings: []);
        Assert.Null(plain.Encoding);

        // A signed-in browser asking for the stylesheet: served before sign-in is read, so no session work,
        // no cookie and no no-store.
        var file = await FetchAsync(manager.Http, stylesheet, "br");
        Assert.Equal("max-age=31536000, immutable", file.CacheControl);
        Assert.False(file.SetsCookie);
    }

    private sealed record Fetched(HttpStatusCode Status, string? Encoding, string? CacheControl, bool SetsCookie, byte[] Raw);

    /// <summary>The bytes as sent over the wire: the test client does not decompress.</summary>
    private static async Task<Fetched> FetchAsync(HttpClient http, string path, params string[] encodings)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var encoding in encodings)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }
        using var response = await http.SendAsync(request);
        var raw = await response.Content.ReadAsByteArrayAsync();
        return new Fetched(
            response.StatusCode,
            response.Content.Headers.ContentEncoding.SingleOrDefault(),
            response.Headers.CacheControl?.ToString(),
            response.Headers.Contains("Set-Cookie"),
            raw);
    }

    private static byte[] Decode(Fetched fetched)
    {
        using var input = new MemoryStream(fetched.Raw);
        using Stream decoder = fetched.Encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"not compressed: {fetched.Encoding}"),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}

public sealed class PageWeightOnSqlite(SqliteApp app) : PageWeightTests(app), IClassFixture<SqliteApp>;

public sealed class PageWeightOnPostgres(PostgresApp app) : PageWeightTests(app), IClassFixture<PostgresApp>;
