using Proportion.Core.Model;

namespace Proportion.Web.Infrastructure.Subjects;

/// <summary>
/// The records a request's route names, loaded once by <see cref="RouteSubjectMiddleware"/> within the
/// user's scope before the page or API endpoint runs. A page reads them; it never loads them itself.
/// Each is set only when the route names it, and then it is never null (a missing one is a 404 first).
/// </summary>
public sealed class RouteSubjects
{
    public Person? Person { get; internal set; }
    public RestrictivePractice? Practice { get; internal set; }
    public Incident? Incident { get; internal set; }
    public Service? Service { get; internal set; }
    public ServiceMonitoring? Monitoring { get; internal set; }
    public Plan? Plan { get; internal set; }

    /// <summary>The person whose record the page shows, if any: named by the route or reached through an incident.</summary>
    public Person? ShownPerson => Person ?? Incident?.Person;

    public static readonly RouteSubjects None = new();
}

public static class RouteSubjectsExtensions
{
    /// <summary>What the route named, as loaded for this request; empty when it named nothing.</summary>
    public static RouteSubjects GetRouteSubjects(this HttpContext context) =>
        context.Features.Get<RouteSubjects>() ?? RouteSubjects.None;
}

/// <summary>
/// Marks a page whose subject must belong to the user's own organisation, not only be visible to them:
/// the provider's own forms, which a council user who can read the person may not open. Anything else is
/// answered as not found, like a record outside the user's scope.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class OwnOrganisationSubjectAttribute : Attribute;

/// <summary>
/// A permission one handler of a page needs beyond the page's own (Razor Pages has no [Authorize] per
/// handler). Checked before the route's subject is loaded, as a page's policy is, so a user whose roles
/// do not allow the action is refused as forbidden whether or not the record is theirs to see.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class HandlerRequiresAttribute(string handler, Permission permission) : Attribute
{
    public string Handler { get; } = handler;
    public Permission Permission { get; } = permission;
}
