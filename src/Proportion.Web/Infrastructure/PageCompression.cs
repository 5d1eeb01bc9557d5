using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// Pages and API answers compressed as they are written, Brotli first then gzip, when the
/// browser says it takes them (ADR 0038). Static files are compressed once at build instead, and the
/// middleware leaves a response that already has a Content-Encoding alone.
/// </summary>
public static class PageCompression
{
    public static IServiceCollection AddPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Over HTTPS too. BREACH needs a secret that stays the same from response to response, beside text an
            // attacker chooses, in responses the attacker makes the victim's browser fetch. The antiforgery token in
            // every form is encrypted afresh for each response, and the sign-in cookie is SameSite=Lax, so another
            // site cannot fetch a signed-in page; what is left is weighed in ADR 0038.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Optimal (Brotli quality 4, gzip level 6), not Fastest: My tasks' 230 KB of HTML goes in about 15 KB rather
        // than 24 (Brotli's fastest setting does worse than gzip's), for a few milliseconds of CPU on the largest
        // pages. The smallest settings cost tens of milliseconds per page for a few per cent more.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }
}
