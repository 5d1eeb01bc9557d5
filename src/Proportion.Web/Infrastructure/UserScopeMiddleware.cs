using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// Works out what the signed-in user may see and hands it to the DbContext before any page runs, so
/// every query of the request is scoped. A deactivated user is signed out.
/// </summary>
public sealed class UserScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ProportionDbContext db, UserScopeFactory scopes, SignInManager<AppUser> signIn)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            db.Scope = await scopes.BuildAsync(userId, context.RequestAborted);
            if (db.Scope == UserScope.Anonymous)
            {
                await signIn.SignOutAsync();
                context.Response.Redirect(context.RequestServices.GetRequiredService<Links>().SignIn());
                return;
            }
            context.Items[typeof(UserScope)] = db.Scope;
        }
        await next(context);
    }
}
