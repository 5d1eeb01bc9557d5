using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace Proportion.Web.Infrastructure;

/// <summary>
/// A page answers only the methods it has handlers for. Any other method (a POST to a page that only
/// shows, a PUT, PATCH or DELETE anywhere) is 405 with an Allow header, before sign-in or antiforgery
/// are asked, so it can never reach a page that would render without its data. The API's methods are
/// checked by routing itself, which answers 405 the same way.
/// </summary>
public sealed class AllowedMethodsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, PageLoader pages)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor || IsReExecuted(context))
        {
            await next(context);
            return;
        }
        // Loaded once and cached by the loader; it is the same descriptor the page will run with.
        var allowed = AllowedMethods(await pages.LoadAsync(descriptor, endpoint.Metadata));
        if (allowed.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = string.Join(", ", allowed);
    }

    /// <summary>GET and HEAD for a page with no handlers (it only shows); otherwise the methods of its handlers.</summary>
    public static IReadOnlyList<string> AllowedMethods(CompiledPageActionDescriptor page)
    {
        var methods = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
        if (methods.Count == 0)
        {
            methods.Add(HttpMethods.Get);
        }
        if (methods.Contains(HttpMethods.Get))
        {
            methods.Insert(methods.IndexOf(HttpMethods.Get) + 1, HttpMethods.Head);
        }
        return methods;
    }

    /// <summary>The error page shown for a failed request runs with that request's method, whatever it was.</summary>
    public static bool IsReExecuted(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
}

/// <summary>
/// A handler name no handler has (<c>?handler=Nonsense</c>) would render the page without running any
/// handler, so without its data: it is not found instead.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }
        return next();
    }
}
