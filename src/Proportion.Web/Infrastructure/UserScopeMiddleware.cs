using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Core.Sessions;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// Works out what the signed-in user may see and hands it to the DbContext before any page runs, so
/// every query of the request is scoped. In the same round trip it checks the session the cookie names
/// (ADR 0009): a session that was signed out, ended by an administrator, idle too long or past its
/// lifetime, or a deactivated user, makes the request a signed-out one, so pages send it to sign in and
/// the API answers 401. A form posted after the sign-in lapsed is held for its user to send again.
/// </summary>
public sealed class UserScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ProportionDbContext db, UserScopeFactory scopes, UserSessions sessions,
        UnsentForms unsentForms, SignInManager<AppUser> signIn, TimeProvider clock, ILogger<UserScopeMiddleware> logger)
    {
        var lapsedUser = context.User.Identity?.IsAuthenticated == true ? context.User : ExpiredSignIn(context, clock);
        if (lapsedUser is not null && Guid.TryParse(lapsedUser.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var (scope, session) = await scopes.BuildForSessionAsync(userId, SignInSessions.SessionIdOf(lapsedUser) ?? Guid.Empty, context.RequestAborted);
            var now = clock.GetUtcNow().UtcDateTime;
            var endedBecause = scope == UserScope.Anonymous ? SessionEndReason.Deactivated
                : session is null ? SessionEndReason.SignedOut
                // A cookie past its own expiry has outlived its session, whatever the session row says.
                : session.EndedBecause(now, sessions.Limits) ?? (lapsedUser == context.User ? null : SessionEndReason.LifetimeReached);
            if (endedBecause is null)
            {
                db.Scope = scope;
                context.Items[typeof(UserScope)] = scope;
                context.Items[typeof(SignInSession)] = new SignInSession(session!.Id, await sessions.KeepAliveAsync(session, context.RequestAborted));
                await unsentForms.SentAsync(context, userId);
                await next(context);
                return;
            }
            if (session is not null)
            {
                await sessions.EndAsync(session.Id, endedBecause.Value, context.RequestAborted);
            }
            logger.LogInformation("A request to {Path} was treated as signed out: the sign-in ended ({Reason}).", context.Request.Path, endedBecause);
            // Only a sign-in that ran out of time keeps what was typed: a session signed out or ended by an
            // administrator holds nothing for whoever still has a copy of its cookie.
            var heldId = endedBecause is SessionEndReason.Idle or SessionEndReason.LifetimeReached
                ? await HoldAsync(context, lapsedUser, userId, unsentForms) : null;
            await signIn.SignOutAsync();
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (heldId is { } id)
            {
                var links = context.RequestServices.GetRequiredService<Links>();
                context.Response.Redirect(links.SignIn() + QueryString.Create("ReturnUrl", links.ResumeForm(id)));
                return;
            }
        }
        await next(context);
    }

    /// <summary>The antiforgery token of the held form was issued to the lapsed user: check it as them.</summary>
    private static async Task<Guid?> HoldAsync(HttpContext context, ClaimsPrincipal lapsedUser, Guid userId, UnsentForms unsentForms)
    {
        var asSeen = context.User;
        context.User = lapsedUser;
        try
        {
            return await unsentForms.HoldAsync(context, userId);
        }
        finally
        {
            context.User = asSeen;
        }
    }

    /// <summary>
    /// The user of a sign-in cookie that has passed its own expiry, read only for a form post (the one
    /// case where it matters who it was: to keep what they typed). Null for anything else.
    /// </summary>
    private static ClaimsPrincipal? ExpiredSignIn(HttpContext context, TimeProvider clock)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            return null;
        }
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var cookie = options.CookieManager.GetRequestCookie(context, options.Cookie.Name!);
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }
        var ticket = options.TicketDataFormat.Unprotect(cookie);
        return ticket?.Properties.ExpiresUtc is { } expires && expires <= clock.GetUtcNow() ? ticket.Principal : null;
    }
}
