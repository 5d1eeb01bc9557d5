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
        // Fastest: on a page of 20-60 KB it costs well under a millisecond and keeps most of the saving; the
        // smallest settings cost tens of milliseconds of CPU per page for a few per cent more.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
