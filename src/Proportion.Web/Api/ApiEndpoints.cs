using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Oversight;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Api;

public sealed record ServiceDto(Guid Id, string Name, string SettingType, string? CqcLocationId);
public sealed record PersonSummaryDto(Guid Id, string Name, Guid ServiceId, DateOnly DateOfBirth);
public sealed record PersonDto(Guid Id, string GivenName, string FamilyName, string? PreferredName, DateOnly DateOfBirth,
    string? NhsNumber, Guid ServiceId, Guid? FundingCouncilId, Guid? SocialWorkerId, string? CommunicationNeeds,
    IReadOnlyList<string> CommunicationMethods, IReadOnlyList<RepresentativeDto> Representatives);
public sealed record RepresentativeDto(Guid Id, string Name, string Relationship, IReadOnlyList<string> Roles);
public sealed record PracticeDto(Guid Id, Guid PersonId, Guid ServiceId, string Category, string Description, string Kind,
    string Status, DateOnly? StartDate, DateOnly? ReviewDate, DateOnly? EndDate, string? EndReason);
public sealed record InterventionDto(string Type, string? MhsdsCode, DateTime StartedAt, DateTime EndedAt, int Minutes,
    bool InjuryToPerson, bool InjuryToStaff, bool InjuryToOthers);
public sealed record IncidentDto(Guid Id, Guid PersonId, Guid ServiceId, DateTime OccurredAt, string Kind, Guid? PracticeId,
    bool? WithinAgreedGuidelines, string Reason, string ReasonMhsdsCode, IReadOnlyList<InterventionDto> Interventions,
    bool? Died, bool? SeriousInjury, bool UnauthorisedRestriction, DateTime RecordedAt, DateTime? ManagerReviewedAt);
/// <summary>One thing due or overdue: its kind and rule, the record it concerns, when it is due, and the page to act on it.</summary>
public sealed record DueItemDto(string Kind, string Rule, Guid RecordId, Guid? PersonId, string What, DateOnly Due, bool Overdue, string Link);
public sealed record RegisterDto(Guid PersonId, int InPlace, IReadOnlyList<PracticeDto> Practices);

/// <summary>
/// The read-only JSON API for integrations (docs/architecture.md: /api/v1 with an OpenAPI document). The same
/// policies and query filters as the pages apply, so it cannot show more than the pages do. The person
/// or service a route names is loaded, scoped and audited before the endpoint runs, as for the pages
/// (Infrastructure/Subjects): an endpoint reads it from the request and never answers 404 itself.
/// </summary>
public static class ApiEndpoints
{
    public static void MapProportionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Proportion");

        api.MapGet("/services", async (ProportionDbContext db, CancellationToken ct) =>
            await db.Services.AsNoTracking().OrderBy(s => s.Name)
                .Select(s => new ServiceDto(s.Id, s.Name, s.SettingType.ToString(), s.CqcLocationId)).ToListAsync(ct))
            .RequireAuthorization(Policies.For(Permission.ReadServices));

        api.MapGet("/services/{id:guid}/practices", async Task<IResult> (Guid id, ProportionDbContext db, CancellationToken ct) =>
        {
            var practices = await db.Practices.AsNoTracking()
                .Where(p => p.ServiceId == id && p.Status != PracticeStatus.Ended)
                .OrderBy(p => p.ReviewDate).ToListAsync(ct);
            return TypedResults.Ok(practices.Select(ToDto).ToList());
        }).RequireAuthorization(Policies.For(Permission.ServiceOpenList));

        // What falls due in the service (R8, R9, R10, R11, R18), for a provider's own dashboards.
        api.MapGet("/services/{id:guid}/due", async Task<IResult> (Guid id, DueWork dueWork, CancellationToken ct) =>
        {
            var items = await dueWork.ForServiceAsync(id, ct);
            return TypedResults.Ok(items.Select(i => new DueItemDto(i.Kind.ToString(), i.Rule, i.RecordId, i.PersonId, i.What, i.Due, i.Overdue, i.Link)).ToList());
        }).RequireAuthorization(Policies.For(Permission.ServiceOpenList));

        api.MapGet("/people", async (ProportionDbContext db, CancellationToken ct) =>
            await db.People.AsNoTracking().OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
                .Select(p => new PersonSummaryDto(p.Id, p.GivenName + " " + p.FamilyName, p.ServiceId, p.DateOfBirth)).ToListAsync(ct))
            .RequireAuthorization(Policies.For(Permission.ReadPeople));

        api.MapGet("/people/{id:guid}", IResult (HttpContext http) =>
        {
            var p = http.GetRouteSubjects().Person!;
            return TypedResults.Ok(new PersonDto(p.Id, p.GivenName, p.FamilyName, p.PreferredName, p.DateOfBirth, p.NhsNumber,
                p.ServiceId, p.FundingCouncilId, p.SocialWorkerId, p.CommunicationNeeds,
                [.. Display.Flags(p.CommunicationMethods).Select(m => m.ToString())],
                [.. p.Representatives.Select(r => new RepresentativeDto(r.Id, r.Name, r.Relationship, [.. Display.Flags(r.Roles).Select(x => x.ToString())]))]));
        }).RequireAuthorization(Policies.For(Permission.ReadPeople));

        api.MapGet("/people/{id:guid}/practices", async Task<IResult> (Guid id, ProportionDbContext db, CancellationToken ct) =>
        {
            var practices = await db.Practices.AsNoTracking().Where(p => p.PersonId == id)
                .OrderBy(p => p.Status).ThenBy(p => p.StartDate).ToListAsync(ct);
            return TypedResults.Ok(new RegisterDto(id, practices.Count(p => p.IsInPlace), [.. practices.Select(ToDto)]));
        }).RequireAuthorization(Policies.For(Permission.ReadPeople));

        // Incidents without their free text: the facts the NHS returns and the figures need.
        api.MapGet("/people/{id:guid}/incidents", async Task<IResult> (Guid id, ProportionDbContext db, CancellationToken ct) =>
        {
            var incidents = await db.Incidents.AsNoTracking().Where(i => i.PersonId == id).OrderByDescending(i => i.OccurredAt).ToListAsync(ct);
            return TypedResults.Ok(incidents.Select(ToDto).ToList());
        }).RequireAuthorization(Policies.For(Permission.ReadPeople));
    }

    private static IncidentDto ToDto(Incident i) => new(i.Id, i.PersonId, i.ServiceId, Utc(i.OccurredAt), i.Kind.ToString(), i.PracticeId,
        i.WithinAgreedGuidelines, i.Reason.ToString(), i.Reason.MhsdsCode(),
        [.. i.Interventions.OrderBy(x => x.StartedAt).Select(x => new InterventionDto(x.Type.ToString(), x.Type.MhsdsCode(), Utc(x.StartedAt), Utc(x.EndedAt),
            x.Minutes, x.InjuryToPerson, x.InjuryToStaff, x.InjuryToOthers))],
        i.Died, i.SeriousInjury, i.UnauthorisedRestriction, Utc(i.RecordedAt), i.ManagerReviewedAt is { } reviewed ? Utc(reviewed) : null);

    // SQLite hands back an unspecified kind; JSON must say these are UTC.
    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);

    private static PracticeDto ToDto(RestrictivePractice p) => new(p.Id, p.PersonId, p.ServiceId, p.Category.ToString(),
        p.Description, p.Kind.ToString(), p.Status.ToString(), p.StartedOn, p.ReviewDate, p.EndDate, p.EndReason);
}
