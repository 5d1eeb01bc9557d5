using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Web.Infrastructure.Subjects;

public enum SubjectKind
{
    Person,
    Practice,
    Incident,
    Service,
    Monitoring,
    Plan,
}

/// <summary>
/// The one place the record a route names is loaded (in the manner of teaching-record-system's
/// CheckPersonExistsFilter), for every page and API endpoint: keyed on the route parameter's name and
/// the segment before it, so `/people/{id}`, `{practiceId}`, `/incidents/{id}`, `/services/{id}` and
/// `{monitoringId}` each mean one kind of record wherever they appear. Runs after authorisation, reads
/// through the user's query filters, and answers 404 for anything missing or outside the user's scope,
/// indistinguishable from each other. It also writes the audit: one Viewed entry when a GET shows a
/// person's record, and one Refused entry when a signed-in user's request ends in 404 or 403.
/// </summary>
public sealed class RouteSubjectMiddleware(RequestDelegate next, RequestAudit audit)
{
    public async Task InvokeAsync(HttpContext context, ProportionDbContext db)
    {
        // The error page re-executed for a 404 or an exception is not a request of its own.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            await next(context);
            return;
        }
        var endpoint = context.GetEndpoint();
        if (endpoint is RouteEndpoint { RoutePattern: var pattern } && context.Items[typeof(UserScope)] is UserScope scope)
        {
            var handler = context.Request.Query["handler"].ToString();
            if (endpoint.Metadata.GetOrderedMetadata<HandlerRequiresAttribute>()
                .Any(h => string.Equals(h.Handler, handler, StringComparison.OrdinalIgnoreCase) && !scope.Allows(h.Permission)))
            {
                await audit.RecordRefusalAsync(context, RefusalReasons.NotAllowedForRoles);
                await context.ForbidAsync();
                return;
            }
            var ownOrganisation = endpoint.Metadata.GetMetadata<OwnOrganisationSubjectAttribute>() is not null;
            var subjects = await LoadAsync(db, pattern, context.Request.RouteValues, ownOrganisation ? scope.OrganisationId : null, context.RequestAborted);
            if (subjects is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await audit.RecordRefusalAsync(context, RefusalReasons.NotFoundOrOutOfScope);
                return;
            }
            context.Features.Set(subjects);
            if (HttpMethods.IsGet(context.Request.Method) && subjects.ShownPerson is { } person)
            {
                // Written as the response starts, once its status is known and before any of it is sent:
                // a redirect or an error shows nothing, and nothing is shown that was not logged.
                var what = Describe(endpoint, pattern, subjects);
                context.Response.OnStarting(async () =>
                {
                    if (context.Response.StatusCode is >= 200 and < 300)
                    {
                        await audit.RecordViewAsync(context, person, what);
                    }
                });
            }
        }

        await next(context);

        if (context.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status403Forbidden && endpoint is not null)
        {
            // A page's own "not found" (a decision number that does not exist, a reflection not owed) or an API's 403.
            await audit.RecordRefusalAsync(context, context.Response.StatusCode == StatusCodes.Status403Forbidden
                ? RefusalReasons.NotAllowedForRoles : RefusalReasons.NotFoundOrOutOfScope);
        }
    }

    /// <summary>Which kind of record a route parameter names: by its name, and for "id" by the segment before it.</summary>
    public static SubjectKind? KindOf(RoutePattern pattern, string parameter)
    {
        string? previous = null;
        foreach (var segment in pattern.PathSegments)
        {
            if (segment.IsSimple && segment.Parts[0] is RoutePatternParameterPart p && p.Name == parameter)
            {
                return (previous, parameter) switch
                {
                    ("people", "id") => SubjectKind.Person,
                    ("incidents", "id") => SubjectKind.Incident,
                    ("services", "id") => SubjectKind.Service,
                    (_, "practiceId") => SubjectKind.Practice,
                    (_, "monitoringId") => SubjectKind.Monitoring,
                    (_, "planId") => SubjectKind.Plan,
                    _ => null,
                };
            }
            previous = segment.IsSimple && segment.Parts[0] is RoutePatternLiteralPart literal ? literal.Content : null;
        }
        return null;
    }

    /// <summary>Loads every record the route names; null when any is missing, outside the scope, or not of the organisation required.</summary>
    private static async Task<RouteSubjects?> LoadAsync(ProportionDbContext db, RoutePattern pattern, RouteValueDictionary values,
        Guid? organisation, CancellationToken ct)
    {
        var kinds = pattern.Parameters
            .Select(p => (p.Name, Kind: KindOf(pattern, p.Name)))
            .Where(p => p.Kind is not null)
            .ToList();
        if (kinds.Count == 0)
        {
            return RouteSubjects.None;
        }
        var subjects = new RouteSubjects();
        foreach (var (name, kind) in kinds)
        {
            if (!Guid.TryParse(values[name]?.ToString(), out var id))
            {
                return null;
            }
            switch (kind)
            {
                case SubjectKind.Person:
                    subjects.Person = await db.People.Include(p => p.Service).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
                    if (subjects.Person is null || !InOrganisation(subjects.Person.OrganisationId, organisation)) return null;
                    break;
                case SubjectKind.Incident:
                    subjects.Incident = await db.Incidents.Include(i => i.Person).ThenInclude(p => p!.Service).AsNoTracking()
                        .SingleOrDefaultAsync(i => i.Id == id, ct);
                    if (subjects.Incident is null || !InOrganisation(subjects.Incident.OrganisationId, organisation)) return null;
                    break;
                case SubjectKind.Service:
                    subjects.Service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
                    if (subjects.Service is null || !InOrganisation(subjects.Service.OrganisationId, organisation)) return null;
                    break;
            }
        }
        // Records that belong to another named in the same route: a practice or plan of that person, a check of that service.
        foreach (var (name, kind) in kinds)
        {
            var id = Guid.Parse(values[name]!.ToString()!);
            switch (kind)
            {
                case SubjectKind.Practice when subjects.Person is { } person:
                    subjects.Practice = await db.Practices.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.PersonId == person.Id, ct);
                    if (subjects.Practice is null || !InOrganisation(subjects.Practice.OrganisationId, organisation)) return null;
                    subjects.Practice.Person = person;
                    break;
                case SubjectKind.Monitoring when subjects.Service is { } service:
                    subjects.Monitoring = await db.Monitoring.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.ServiceId == service.Id, ct);
                    if (subjects.Monitoring is null || !InOrganisation(subjects.Monitoring.OrganisationId, organisation)) return null;
                    subjects.Monitoring.Service = service;
                    break;
                case SubjectKind.Plan when subjects.Person is { } person:
                    subjects.Plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.PersonId == person.Id, ct);
                    if (subjects.Plan is null || !InOrganisation(subjects.Plan.OrganisationId, organisation)) return null;
                    subjects.Plan.Person = person;
                    break;
                case SubjectKind.Practice or SubjectKind.Monitoring or SubjectKind.Plan:
                    return null;
            }
        }
        return subjects;
    }

    private static bool InOrganisation(Guid recordOrganisation, Guid? required) => required is null || recordOrganisation == required;

    /// <summary>The words a route uses after the record it names, as the History tab says them; other routes use their own words.</summary>
    private static readonly Dictionary<string, string> ViewNames = new()
    {
        ["practices"] = "register of restrictive practices",
        ["incidents"] = "incident history",
        ["equality"] = "equality information",
        ["liberty"] = "deprivation of liberty records",
        ["decisions"] = "agreed decision",
        ["reviews"] = "completed review",
        // The printed forms (PDF).
        ["practices rp1"] = "register of restrictive practices printed as form RP1",
        ["reviews rp2a"] = "completed review printed as form RP2A",
        ["cb1"] = "incident record printed as form CB1",
    };

    /// <summary>
    /// What was viewed, in words, for the History tab: the route's words after the record it names
    /// ("history", "decision risk", "register of restrictive practices"), with the practice or incident it concerns.
    /// </summary>
    private static string Describe(Endpoint endpoint, RoutePattern pattern, RouteSubjects subjects)
    {
        var literals = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            if (segment.IsSimple && segment.Parts[0] is RoutePatternLiteralPart literal)
            {
                literals.Add(literal.Content.Replace('-', ' '));
            }
            else if (segment.IsSimple && segment.Parts[0] is RoutePatternParameterPart p && KindOf(pattern, p.Name) is not null)
            {
                literals.Clear();
            }
        }
        var words = string.Join(" ", literals);
        words = ViewNames.GetValueOrDefault(words, words);
        var api = pattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true;
        var about = subjects.Practice is { } practice ? $"practice: {practice.Description}"
            : subjects.Plan is { } plan ? $"{EnumNames.Of(plan.Kind).ToLowerInvariant()}: {plan.Title}"
            : subjects.Incident is { } incident ? $"an incident on {UkTime.Format(incident.OccurredAt)}"
            : null;
        var what = (words, about) switch
        {
            ("", null) => api ? "record" : "details",
            ("", _) => about,
            (_, null) => words,
            _ => $"{words} for {about}",
        };
        return api ? $"{what} through the API" : what;
    }
}
