using Microsoft.AspNetCore.Authorization;
using Proportion.Core.Scoping;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// A page or endpoint that needs a permission. The policy of that name asks <see cref="Permissions"/>,
/// the one place roles are tied to actions, against the scope built for this request.
/// </summary>
public sealed class RequiresAttribute : AuthorizeAttribute
{
    public RequiresAttribute(Permission permission) => Policy = permission.ToString();
}

public static class Policies
{
    /// <summary>One authorisation policy for each permission, checked against the request's scope.</summary>
    public static void AddPermissionPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            authorization.AddPolicy(permission.ToString(), p => p.RequireAuthenticatedUser()
                .RequireAssertion(ctx => ctx.Resource is HttpContext http && (http.Items[typeof(UserScope)] as UserScope).Allows(permission)));
        }
    }

    /// <summary>For minimal API endpoints: <c>.RequireAuthorization(Policies.For(Permission.ReadPeople))</c>.</summary>
    public static string For(Permission permission) => permission.ToString();
}
