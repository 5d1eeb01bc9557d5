using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// Council sign-in through each council's own identity provider (R27, ADR 0036). Every council that turns it on has
/// its own OpenID Connect scheme, <c>council-{id}</c>, worked out from its settings when asked for: no restart, and
/// every instance reads the same settings. The provider answers at the council's own callback paths, so one
/// council's responses can never be taken for another's. Signing in ends on a Proportion account of that council,
/// which holds the roles; an identity provider user with no account mapped is refused.
/// </summary>
public static class CouncilSignIn
{
    public const string SchemePrefix = "council-";
    /// <summary>The claim on the sign-in cookie that says which council's provider the user came through.</summary>
    public const string CouncilClaim = "proportion:sso-council";
    /// <summary>The provider's identity token, kept to end the provider's session at sign-out.</summary>
    public const string IdTokenClaim = "proportion:sso-id-token";
    private const string Purpose = "Proportion.CouncilSignOn.ClientSecret";

    public static string SchemeFor(Guid councilId) => $"{SchemePrefix}{councilId:N}";
    public static string CallbackPath(Guid councilId) => $"/signin-oidc/{councilId:N}";
    public static string SignedOutCallbackPath(Guid councilId) => $"/signout-callback-oidc/{councilId:N}";

    public static Guid? CouncilOf(string scheme) =>
        scheme.StartsWith(SchemePrefix, StringComparison.Ordinal) && Guid.TryParseExact(scheme[SchemePrefix.Length..], "N", out var id) ? id : null;

    public static void AddCouncilSignIn(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        // The handler's own post-configuration (metadata, state and nonce protection) for every named scheme.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, CouncilOptions>();
        services.AddSingleton<IAuthenticationSchemeProvider, CouncilSchemes>();
        services.AddSingleton<CouncilSignOnStore>();
    }

    public static string Protect(IDataProtectionProvider protection, string secret) => protection.CreateProtector(Purpose).Protect(secret);

    private static string? Unprotect(IDataProtectionProvider protection, string? secret) =>
        secret is null ? null : protection.CreateProtector(Purpose).Unprotect(secret);

    /// <summary>The enabled councils, read with the system's scope: signing in happens before anyone is known.</summary>
    public sealed class CouncilSignOnStore(IServiceScopeFactory scopes)
    {
        public async Task<IReadOnlyList<(Guid Id, string Name)>> EnabledAsync(CancellationToken ct = default)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
            db.Scope = UserScope.System;
            return [.. (await db.CouncilSignOns.Where(s => s.Enabled).Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { o.Id, o.Name })
                .OrderBy(o => o.Name).ToListAsync(ct)).Select(o => (o.Id, o.Name))];
        }

        public CouncilSignOn? Find(Guid councilId)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
            db.Scope = UserScope.System;
            return db.CouncilSignOns.AsNoTracking().SingleOrDefault(s => s.OrganisationId == councilId && s.Enabled);
        }
    }

    /// <summary>A council's scheme exists while its sign-in is turned on; its handler answers only at its own paths.</summary>
    private sealed class CouncilSchemes(IOptions<AuthenticationOptions> options, CouncilSignOnStore store, IHttpContextAccessor http)
        : AuthenticationSchemeProvider(options)
    {
        public override async Task<AuthenticationScheme?> GetSchemeAsync(string name) =>
            await base.GetSchemeAsync(name) ?? (CouncilOf(name) is { } id && store.Find(id) is not null
                ? new AuthenticationScheme(name, name, typeof(OpenIdConnectHandler)) : null);

        public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
        {
            var schemes = (await base.GetRequestHandlerSchemesAsync()).ToList();
            // Only a request to a council's callback path can be for its handler: no database read on any other.
            var path = http.HttpContext?.Request.Path.Value ?? "";
            foreach (var prefix in new[] { "/signin-oidc/", "/signout-callback-oidc/" })
            {
                if (path.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParseExact(path[prefix.Length..].Split('/')[0], "N", out var id)
                    && await GetSchemeAsync(SchemeFor(id)) is { } scheme)
                {
                    schemes.Add(scheme);
                }
            }
            return schemes;
        }
    }

    /// <summary>Each council scheme's options, from its settings: authorization code with PKCE, at its own paths.</summary>
    private sealed class CouncilOptions(CouncilSignOnStore store, IDataProtectionProvider protection, IConfiguration configuration) : IConfigureNamedOptions<OpenIdConnectOptions>
    {
        public void Configure(OpenIdConnectOptions options) { }

        public void Configure(string? name, OpenIdConnectOptions options)
        {
            if (name is null || CouncilOf(name) is not { } id || store.Find(id) is not { } settings)
            {
                return;
            }
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = Unprotect(protection, settings.ProtectedSecret);
            options.ResponseType = "code";
            options.UsePkce = true;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("email");
            options.Scope.Add("profile");
            options.CallbackPath = CallbackPath(id);
            options.SignedOutCallbackPath = SignedOutCallbackPath(id);
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.SaveTokens = true;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            // Only a loopback provider run by the tests may be plain http (CouncilSignIn:AllowHttpLoopback).
            options.RequireHttpsMetadata = !(configuration.GetValue<bool>("CouncilSignIn:AllowHttpLoopback") && new Uri(settings.Authority).IsLoopback);
            options.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                context.ProtocolMessage.IdTokenHint = context.HttpContext.User.FindFirstValue(IdTokenClaim) ?? context.Properties.GetTokenValue("id_token");
                return Task.CompletedTask;
            };
        }
    }
}
