using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Proportion.Core.Sessions;

namespace Proportion.Web.Infrastructure;

/// <summary>The live session of this request and when it ends if nothing more is sent, for the warning on long forms.</summary>
public sealed record SignInSession(Guid Id, DateTime EndsAt);

/// <summary>
/// Ties the sign-in cookie to a session held on the server (ADR 0009): every sign-in starts one and
/// the cookie carries its id as a claim; <see cref="UserScopeMiddleware"/> checks it on every request.
/// </summary>
public static class SignInSessions
{
    /// <summary>The claims of how the user signed in, which a refresh of the principal from the database must keep.</summary>
    private static readonly string[] KeptOnRefresh = [UserSessions.ClaimType, CouncilSignIn.CouncilClaim, CouncilSignIn.IdTokenClaim];

    public static void AddSignInSessions(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = new SessionLimits(
            TimeSpan.FromMinutes(configuration.GetValue("SignIn:IdleMinutes", SessionLimits.Default.Idle.TotalMinutes)),
            TimeSpan.FromHours(configuration.GetValue("SignIn:AbsoluteHours", SessionLimits.Default.Lifetime.TotalHours)));
        services.AddSingleton(limits);
        services.ConfigureApplicationCookie(o => ConfigureCookie(o, limits));
        services.AddScoped<UserSessions>();
        services.AddScoped<UnsentForms>();
        // The security stamp check rebuilds the principal from the database every minute: keep what the database does
        // not hold, the session it belongs to and, for a council's own sign-in, which provider and its token (ADR 0036).
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = ctx =>
        {
            foreach (var type in KeptOnRefresh)
            {
                if (ctx.CurrentPrincipal?.FindFirst(type) is { } claim && ctx.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == type))
                {
                    identity.AddClaim(new Claim(type, claim.Value));
                }
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The cookie's own lifetime is the session's absolute lifetime and does not slide: the server
    /// decides when a session ends, the cookie only outlives no session.
    /// </summary>
    private static void ConfigureCookie(CookieAuthenticationOptions options, SessionLimits limits)
    {
        options.ExpireTimeSpan = limits.Lifetime;
        options.SlidingExpiration = false;
        options.Events.OnSigningIn = AddSessionClaimAsync;
    }

    public static Guid? SessionIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(UserSessions.ClaimType), out var id) ? id : null;

    /// <summary>
    /// Runs whenever the sign-in cookie is issued, so every way of signing in (password, two-factor)
    /// starts a session. Re-issuing the cookie of the user already signed in on this request (two-factor
    /// turned on or off) keeps their session.
    /// </summary>
    private static async Task AddSessionClaimAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.HasClaim(c => c.Type == UserSessions.ClaimType)
            || !Guid.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId))
        {
            return;
        }
        var current = context.HttpContext.User;
        var sessionId = current.FindFirstValue(ClaimTypes.NameIdentifier) == userId.ToString() && SessionIdOf(current) is { } live
            ? live
            : await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().StartAsync(userId, context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(UserSessions.ClaimType, sessionId.ToString()));
    }
}
