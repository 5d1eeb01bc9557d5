using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Proportion.Core.Model;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// A user whose password someone else chose (a one-time password) must choose their own before
/// anything else: every page sends them to the change-password page, and the API refuses them. The
/// flag travels as a claim, rebuilt from the database whenever the sign-in is refreshed (a password
/// change, or the security stamp check every minute), so it costs no query per request.
/// </summary>
public static class PasswordChangeRequired
{
    public const string ClaimType = "proportion:must-change-password";
    public const string PasswordPage = "/account/password";

    /// <summary>Pages a user who must change their password can still reach.</summary>
    private static readonly string[] StillAllowed = [PasswordPage, "/sign-out", "/error"];

    public static bool IsRequired(ClaimsPrincipal user) => user.HasClaim(ClaimType, "true");

    public static IApplicationBuilder UsePasswordChangeRequired(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true || !IsRequired(context.User)
                || StillAllowed.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
            {
                return next(context);
            }
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }
            context.Response.Redirect(PasswordPage);
            return Task.CompletedTask;
        });

    /// <summary>Adds the claim to the signed-in user when their account carries the flag.</summary>
    public sealed class ClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            if (user.MustChangePassword)
            {
                identity.AddClaim(new Claim(ClaimType, "true"));
            }
            return identity;
        }
    }
}
