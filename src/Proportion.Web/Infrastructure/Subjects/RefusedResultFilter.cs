using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Proportion.Web.Infrastructure.Subjects;

/// <summary>
/// Records a page's own refusal (a Forbid() once the record is loaded, such as an incident the user may
/// read but not correct), which the cookie scheme answers with a redirect rather than a 403.
/// </summary>
public sealed class RefusedResultFilter(RequestAudit audit) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is ForbidResult)
        {
            await audit.RecordRefusalAsync(context.HttpContext, RefusalReasons.NotAllowedForRoles);
        }
        await next();
    }
}
