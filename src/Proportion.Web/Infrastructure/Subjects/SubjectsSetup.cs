using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Proportion.Web.Infrastructure.Subjects;

/// <summary>Wires the route subjects and the audit of views and refusals into the host.</summary>
public static class SubjectsSetup
{
    public static IServiceCollection AddRouteSubjects(this IServiceCollection services)
    {
        services.AddSingleton<RequestAudit>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalAuditingAuthorizationHandler>();
        services.AddSingleton<RefusedResultFilter>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<RefusedResultFilter>());
        return services;
    }

    /// <summary>After UseAuthorization: only an allowed request has its subject loaded.</summary>
    public static IApplicationBuilder UseRouteSubjects(this IApplicationBuilder app) => app.UseMiddleware<RouteSubjectMiddleware>();
}
