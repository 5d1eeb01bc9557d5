namespace Proportion.Web.Infrastructure;

/// <summary>
/// The headers every response carries, pages, API, static files, errors and 404s alike (ADR 0008). Set
/// just before the response starts, so whatever produced it (a page, the API, the status-code page,
/// the exception handler) cannot leave them out.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// No inline script or style anywhere: every script and stylesheet is a file under wwwroot.
    /// img-src allows data: for the empty favicon link; form-action 'self' stops a form being
    /// posted elsewhere; frame-ancestors 'none' stops one-click buttons being clickjacked.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Record addresses name people (/people/{id}), and nothing in Proportion needs to know where a
    /// visitor came from, so no address is ever sent on, not even to Proportion itself.
    /// </summary>
    public const string ReferrerPolicy = "no-referrer";

    /// <summary>
    /// Nothing a signed-in user reads, nor any API answer, is kept by the browser or a proxy: on a
    /// shared office computer the back button after signing out must not show a record from the
    /// cache. "private, no-cache" would still write the page to disk; no-store does not.
    /// </summary>
    public const string NoStore = "no-store";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Read now: an error page re-executes the request under /error before the response starts.
            var api = context.Request.Path.StartsWithSegments("/api");
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                // Static files are served before sign-in is read, so they stay cacheable; everything
                // after it that a signed-in user sees (pages, PDFs, CSV exports) is not.
                if (api || context.User.Identity?.IsAuthenticated == true)
                {
                    headers.CacheControl = NoStore;
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
}
