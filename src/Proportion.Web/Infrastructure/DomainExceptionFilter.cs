using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Proportion.Core.Data;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// An unknown or out-of-scope id becomes the not-found page and a refused role the forbidden page,
/// wherever in a page they are thrown: never a 500.
/// </summary>
public sealed class DomainExceptionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        switch (executed.Exception)
        {
            case RecordNotFoundException:
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                break;
            case NotPermittedException:
                executed.Result = new ForbidResult();
                executed.ExceptionHandled = true;
                break;
        }
    }
}
