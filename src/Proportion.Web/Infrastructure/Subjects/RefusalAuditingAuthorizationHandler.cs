using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Proportion.Web.Infrastructure.Subjects;

/// <summary>
/// Records a signed-in user's request that a policy refused (their roles do not allow the page or API
/// route), then answers exactly as before: the access-denied page, or 403 from the API.
/// </summary>
public sealed class RefusalAuditingAuthorizationHandler(RequestAudit audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            await audit.RecordRefusalAsync(context, RefusalReasons.NotAllowedForRoles);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
