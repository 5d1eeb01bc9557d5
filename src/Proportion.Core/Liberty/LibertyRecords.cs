using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Core.Rules;

namespace Proportion.Core.Liberty;

/// <summary>One date the people involved must meet for an authorisation, and whether it has passed.</summary>
public sealed record LibertyDeadline(string What, DateOnly Due, bool Overdue);

/// <summary>
/// R6: screening for a possible deprivation of liberty, and tracking the authorisation by the right
/// route (DoLS or the Court of Protection) with its dates (§4, Appendix 3). Every write is audited.
/// </summary>
public sealed class LibertyRecords(ProportionDbContext db, AuditTrail audit, TimeProvider clock)
{

    public async Task<LibertyScreening> RecordScreeningAsync(Guid personId, LibertyScreening screening, CancellationToken ct = default)
    {
        var person = await EditablePersonAsync(personId, ct);
        if (screening.AssessedOn > UkTime.Today(clock))
        {
            throw new RuleViolationException("AssessedOn", "The date of the assessment must be today or in the past");
        }
        screening.OrganisationId = person.OrganisationId;
        screening.PersonId = person.Id;
        screening.ServiceId = person.ServiceId;
        screening.Route = DeprivationOfLibertyRoute.For(person.Service!.SettingType);
        screening.RecordedById = db.Scope.UserId;
        screening.RecordedAt = clock.GetUtcNow().UtcDateTime;
        db.LibertyScreenings.Add(screening);
        audit.Record(person.OrganisationId, AuditAction.Created, nameof(LibertyScreening), screening.Id,
            $"Screened for a deprivation of liberty: {screening.Conclusion}", person.Id,
            new ChangeSet().Set("Conclusion", screening.Conclusion).Set("Legal basis", screening.LegalBasis).Set("Route", screening.Route));
        await db.SaveChangesAsync(ct);
        return screening;
    }

    /// <summary>Records an application by the route the person's setting requires; the wrong route is refused naming R6.</summary>
    public async Task<LibertyAuthorisation> ApplyAsync(Guid personId, LibertyAuthorisationKind kind, DateOnly requestedOn, string? notes, CancellationToken ct = default)
    {
        var person = await EditablePersonAsync(personId, ct);
        var route = DeprivationOfLibertyRoute.For(person.Service!.SettingType);
        var kindRoute = kind == LibertyAuthorisationKind.CourtOfProtection ? LibertyRoute.CourtOfProtection : LibertyRoute.DeprivationOfLibertySafeguards;
        if (route != kindRoute)
        {
            throw new RuleViolationException([new Finding(DeprivationOfLibertyRoute.Rule, DeprivationOfLibertyRoute.Source, "Kind",
                route == LibertyRoute.CourtOfProtection
                    ? "In supported living, home care or day services a deprivation of liberty is authorised by the Court of Protection, not DoLS"
                    : "In care homes, nursing homes and hospitals a deprivation of liberty is authorised through DoLS, not the Court of Protection")]);
        }
        if (requestedOn > UkTime.Today(clock))
        {
            throw new RuleViolationException("RequestedOn", "The date applied must be today or in the past");
        }
        var application = new LibertyAuthorisation
        {
            OrganisationId = person.OrganisationId, PersonId = person.Id, Kind = kind, RequestedOn = requestedOn,
            Notes = Text.OrNull(notes), RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.LibertyAuthorisations.Add(application);
        audit.Record(person.OrganisationId, AuditAction.Created, nameof(LibertyAuthorisation), application.Id,
            $"Applied for a {kind}", person.Id, new ChangeSet().Set("Kind", kind).Set("Applied on", requestedOn));
        await db.SaveChangesAsync(ct);
        return application;
    }

    /// <summary>Records the outcome and dates of an application, within the limits of Appendix 3.</summary>
    public async Task RecordOutcomeAsync(Guid authorisationId, int versionUserSaw, LibertyOutcome outcome, DateOnly? startsOn, DateOnly? expiresOn,
        bool extended, DateOnly? cqcNotifiedOn, string? notes, CancellationToken ct = default)
    {
        RequireEditor();
        var application = await db.LibertyAuthorisations.SingleOrDefaultAsync(a => a.Id == authorisationId && a.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The application");
        var errors = new Dictionary<string, string>();
        if (outcome == LibertyOutcome.Granted)
        {
            if (startsOn is null)
            {
                errors["StartsOn"] = "Enter the date the authorisation starts";
            }
            if (expiresOn is null)
            {
                errors["ExpiresOn"] = "Enter the date the authorisation ends";
            }
            if (startsOn is { } s && expiresOn is { } e)
            {
                var latest = application.Kind switch
                {
                    LibertyAuthorisationKind.UrgentAuthorisation => extended ? DeprivationOfLibertyTimescales.UrgentExtendedExpires(s) : DeprivationOfLibertyTimescales.UrgentExpires(s),
                    LibertyAuthorisationKind.StandardAuthorisation => DeprivationOfLibertyTimescales.StandardLatestExpiry(s),
                    _ => (DateOnly?)null,
                };
                if (e <= s)
                {
                    errors["ExpiresOn"] = "The end date must be after the start date";
                }
                else if (latest is { } l && e > l)
                {
                    errors["ExpiresOn"] = $"A {Describe(application.Kind)} lasts no later than {UkTime.Format(l)} (rule R6, Appendix 3)";
                }
            }
        }
        if (extended && application.Kind != LibertyAuthorisationKind.UrgentAuthorisation)
        {
            errors["Extended"] = "Only an urgent authorisation can be extended";
        }
        if (cqcNotifiedOn > UkTime.Today(clock))
        {
            errors["CqcNotifiedOn"] = "The date CQC was told must be today or in the past";
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
        ProportionDbContext.ClaimVersion(application, versionUserSaw);
        var changes = new ChangeSet()
            .Track("Outcome", application.Outcome, outcome).Track("Starts", application.StartsOn, startsOn)
            .Track("Expires", application.ExpiresOn, expiresOn).Track("Extended", application.Extended, extended)
            .Track("CQC notified", application.CqcNotifiedOn, cqcNotifiedOn);
        application.Outcome = outcome;
        application.StartsOn = startsOn;
        application.ExpiresOn = expiresOn;
        application.Extended = extended;
        application.CqcNotifiedOn = cqcNotifiedOn;
        application.Notes = Text.OrNull(notes) ?? application.Notes;
        audit.Record(application.OrganisationId, AuditAction.Updated, nameof(LibertyAuthorisation), application.Id,
            $"Recorded the {Describe(application.Kind)}: {outcome}", application.PersonId, changes);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The dates that matter for an application now: decisions due, expiry and renewal, and telling CQC.</summary>
    public static IReadOnlyList<LibertyDeadline> Deadlines(LibertyAuthorisation a, DateOnly today)
    {
        var deadlines = new List<LibertyDeadline>();
        void Add(string what, DateOnly due) => deadlines.Add(new LibertyDeadline(what, due, due < today));
        if (a.Outcome == LibertyOutcome.Pending && a.Kind == LibertyAuthorisationKind.StandardAuthorisation)
        {
            Add("Assessments due from the supervisory body (21 days)", DeprivationOfLibertyTimescales.AssessmentDue(a.RequestedOn));
        }
        if (a.Outcome == LibertyOutcome.Granted && a.ExpiresOn is { } expires)
        {
            Add(a.Kind == LibertyAuthorisationKind.UrgentAuthorisation ? "Urgent authorisation ends: a standard one must be in place" : "Authorisation ends: apply to renew before then", expires);
        }
        // Regulation 18: DoLS outcomes are notified to CQC without delay.
        if (a.Kind != LibertyAuthorisationKind.CourtOfProtection && a.Outcome is LibertyOutcome.Granted or LibertyOutcome.Refused && a.CqcNotifiedOn is null)
        {
            Add("Tell CQC the outcome (Regulation 18)", today);
        }
        return deadlines;
    }

    public static string Describe(LibertyAuthorisationKind kind) => kind switch
    {
        LibertyAuthorisationKind.UrgentAuthorisation => "DoLS urgent authorisation",
        LibertyAuthorisationKind.StandardAuthorisation => "DoLS standard authorisation",
        _ => "Court of Protection order",
    };

    private async Task<Person> EditablePersonAsync(Guid personId, CancellationToken ct)
    {
        RequireEditor();
        return await db.People.Include(p => p.Service).SingleOrDefaultAsync(p => p.Id == personId && p.OrganisationId == db.Scope.OrganisationId, ct)
            ?? throw new RecordNotFoundException("The person");
    }

    private void RequireEditor() => db.Scope.Demand(Permission.EditPractices);
}
