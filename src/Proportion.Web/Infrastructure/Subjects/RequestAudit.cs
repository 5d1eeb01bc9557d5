using Microsoft.AspNetCore.Routing.Patterns;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Web.Infrastructure.Subjects;

/// <summary>Why a request was refused, in the words the audit trail keeps.</summary>
public static class RefusalReasons
{
    public const string NotFoundOrOutOfScope = "Not found, or outside what the user may see";
    public const string NotAllowedForRoles = "Not allowed for the user's roles";
}

/// <summary>
/// Writes the two audit entries a request can leave without writing anything else: a view of a person's
/// record, and a refused attempt. One entry per request at most. Each is saved on its own unit of work,
/// so it never carries (or waits for) whatever else the request had tracked.
/// </summary>
public sealed class RequestAudit(IServiceScopeFactory scopes, ILogger<RequestAudit> logger)
{
    /// <summary>Items key: set once this request's entry is written, so no request writes two.</summary>
    private static readonly object Written = new();

    public async Task RecordViewAsync(HttpContext context, Person person, string what)
    {
        if (!TryClaim(context, out var scope))
        {
            return;
        }
        var (entityType, entityId, words) = context.Items[ViewedRecord] is ValueTuple<string, Guid, string> named ? named : (nameof(Person), person.Id, what);
        await WriteAsync(scope, audit =>
            audit.Record(person.OrganisationId, AuditAction.Viewed, entityType, entityId, $"Viewed {words}", person.Id), context.RequestAborted);
    }

    /// <summary>Items key: the record a page shows within the person's, when it is to be named in the view's entry instead of the person.</summary>
    private static readonly object ViewedRecord = new();

    /// <summary>
    /// Names the record a page shows, for the one Viewed entry its request writes: a safeguarding concern's
    /// pages name the concern, so the entry is seen only where the concern may be seen (R20). The entry is
    /// still written as the response starts, and only for a page that is shown.
    /// </summary>
    public static void NameViewedRecord(HttpContext context, string entityType, Guid entityId, string what) =>
        context.Items[ViewedRecord] = (entityType, entityId, what);

    /// <summary>
    /// Records a refusal in the requesting user's own organisation, never the organisation of whatever
    /// they asked for: that would tell them, and its managers, nothing they should learn this way. The
    /// entry keeps the method, path and the route's ids exactly as asked.
    /// </summary>
    public async Task RecordRefusalAsync(HttpContext context, string reason)
    {
        if (!TryClaim(context, out var scope))
        {
            return;
        }
        var ids = RouteIds(context);
        var path = context.Request.Path.Value ?? "";
        var changes = new ChangeSet().Set("Method", context.Request.Method).Set("Path", Truncate(path, 300));
        foreach (var (name, id) in ids)
        {
            changes.Set(name, id);
        }
        // The person asked for, when the route names one: their own managers then see the attempt on the
        // person's History tab. Another organisation's person never shows there (the entry is not theirs).
        Guid? personId = PersonIdAsked(context, ids);
        var entityId = ids.FirstOrDefault(i => i.Name == "id").Id;
        try
        {
            await WriteAsync(scope, audit => audit.Record(scope.OrganisationId, AuditAction.Refused, "Request", entityId,
                $"Refused {context.Request.Method} {Truncate(path, 300)}", personId, changes, reason), CancellationToken.None);
        }
        catch (Exception e)
        {
            // A refusal is already an error answer; failing to log it must not turn it into a 500.
            logger.LogError(e, "Could not record a refused request");
        }
    }

    private static bool TryClaim(HttpContext context, out UserScope scope)
    {
        scope = context.Items[typeof(UserScope)] as UserScope ?? UserScope.Anonymous;
        if (scope.UserId == Guid.Empty || scope.OrganisationId == Guid.Empty || context.Items.ContainsKey(Written))
        {
            return false;
        }
        context.Items[Written] = true;
        return true;
    }

    private async Task WriteAsync(UserScope scope, Action<AuditTrail> record, CancellationToken ct)
    {
        await using var unit = scopes.CreateAsyncScope();
        var db = unit.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = scope;
        record(unit.ServiceProvider.GetRequiredService<AuditTrail>());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The route's ids by parameter name ("id", "practiceId"...), as the user sent them.</summary>
    private static List<(string Name, Guid Id)> RouteIds(HttpContext context) =>
        [.. context.Request.RouteValues
            .Where(v => v.Key is not ("page" or "handler" or "action" or "controller"))
            .Select(v => (v.Key, Id: Guid.TryParse(v.Value?.ToString(), out var id) ? id : Guid.Empty))
            .Where(v => v.Id != Guid.Empty)];

    private static Guid? PersonIdAsked(HttpContext context, List<(string Name, Guid Id)> ids)
    {
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern;
        var asked = ids.FirstOrDefault(i => i.Name == "id").Id;
        return pattern is not null && asked != Guid.Empty && RouteSubjectMiddleware.KindOf(pattern, "id") == SubjectKind.Person
            ? asked : null;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
