using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// What a real deployment needs beyond the app itself (ADR 0008): the shared key ring, encrypted at
/// rest when a certificate is given; a TLS proxy in front, whose forwarded headers are believed only
/// from the addresses configured; and cookies that never travel in clear.
/// </summary>
public static class DeploymentSetup
{
    /// <summary>
    /// Keys live in the database so every instance reads every cookie (docs/architecture.md: the web tier is
    /// stateless). With <c>DataProtection:CertificatePath</c> (a .pfx, and <c>DataProtection:CertificatePassword</c>)
    /// or <c>DataProtection:CertificateThumbprint</c> (from the machine's or user's certificate store),
    /// each key is encrypted with the certificate before it is stored.
    /// </summary>
    public static void AddKeyStore(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("Proportion")
            .PersistKeysToDbContext<ProportionDbContext>();
        if (KeyCertificate(builder.Configuration) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
    }

    /// <summary>Warns at start when keys are stored in plain text where it matters.</summary>
    public static void WarnIfKeysAreNotEncrypted(this WebApplication app)
    {
        if (!IsLocal(app.Environment) && KeyCertificate(app.Configuration) is null)
        {
            app.Logger.LogWarning("Data-protection keys are stored in the database unencrypted. Set DataProtection:CertificatePath "
                + "and DataProtection:CertificatePassword, or DataProtection:CertificateThumbprint, to encrypt them (README: Deploying).");
        }
    }

    private static X509Certificate2? KeyCertificate(IConfiguration configuration)
    {
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"DataProtection:CertificatePath names {path}, which does not exist.");
            }
            return X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"],
                X509KeyStorageFlags.EphemeralKeySet);
        }
        if (configuration["DataProtection:CertificateThumbprint"] is { Length: > 0 } thumbprint)
        {
            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                if (found.Count > 0)
                {
                    return found[0];
                }
            }
            throw new InvalidOperationException($"No certificate with thumbprint {thumbprint} is in the certificate store.");
        }
        return null;
    }

    /// <summary>
    /// Behind a TLS proxy the app sees plain HTTP from the proxy. X-Forwarded-For and X-Forwarded-Proto
    /// are believed only from the proxy's own addresses: loopback always, plus <c>Proxy:KnownProxies</c>
    /// (addresses) and <c>Proxy:KnownNetworks</c> (CIDR ranges), each a list or comma-separated.
    /// Anyone else could otherwise claim to be on HTTPS or at any address.
    /// </summary>
    public static void AddProxySupport(this WebApplicationBuilder builder)
    {
        var proxies = List(builder.Configuration, "Proxy:KnownProxies");
        var networks = List(builder.Configuration, "Proxy:KnownNetworks");
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"Proxy:KnownProxies: '{proxy}' is not an IP address, like 10.0.0.5."));
            }
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range) ? range
                    : throw new InvalidOperationException($"Proxy:KnownNetworks: '{network}' is not a network, like 10.0.0.0/24."));
            }
        });
    }

    /// <summary>
    /// Every cookie (sign-in, two-factor, antiforgery, TempData) is HttpOnly and SameSite, and Secure
    /// whenever the request arrived over TLS, at the app or, through X-Forwarded-Proto, at the proxy
    /// (SameAsRequest). Always would also mark it Secure on plain HTTP, but antiforgery then refuses
    /// every form on a plain-HTTP request, which breaks local runs in Production mode (the benchmarks)
    /// while adding nothing for browsers: HSTS keeps them on HTTPS after their first visit.
    /// </summary>
    public static void SecureCookies(this IServiceCollection services)
    {
        services.PostConfigureAll<CookieAuthenticationOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            if (o.Cookie.SameSite == SameSiteMode.None || o.Cookie.SameSite == SameSiteMode.Unspecified)
            {
                o.Cookie.SameSite = SameSiteMode.Lax;
            }
        });
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
    }

    /// <summary>Development on a developer's machine, or the test host: no TLS, no certificate, demo data allowed.</summary>
    public static bool IsLocal(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    private static List<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return [.. values.Select(v => v.Trim()).Where(v => v.Length > 0)];
    }
}
