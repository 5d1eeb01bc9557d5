using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Core.Rules;

namespace Proportion.Core.Liberty;

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
        if (screening.CapacityToConsent != ArrangementsCapacity.HasCapacity)
        {
            // Consent is only asked of a person who can give it.
            screening.ConsentsToArrangements = null;
        }
        if (LibertyConsent.Check(screening.CapacityToConsent, screening.ConsentsToArrangements, screening.Conclusion) is { } findings
            && findings.Any(f => f.Severity == FindingSeverity.Refusal))
        {
            throw new RuleViolationException(findings);
        }
        screening.OrganisationId = person.OrganisationId;
        screening.PersonId = person.Id;
        screening.ServiceId = person.ServiceId;
        screening.Route = RoutesFor(person, screening.AssessedOn).Usual;
        screening.RecordedById = db.Scope.UserId;
        screening.RecordedAt = clock.GetUtcNow().UtcDateTime;
        db.LibertyScreenings.Add(screening);
        audit.Record(person.OrganisationId, AuditAction.Created, nameof(LibertyScreening), screening.Id,
            $"Screened for a deprivation of liberty: {screening.Conclusion}", person.Id,
            new ChangeSet().Set("Conclusion", screening.Conclusion).Set("Legal basis", screening.LegalBasis).Set("Route", screening.Route)
                .Set("Capacity to consent to the arrangements", screening.CapacityToConsent).Set("Consents", screening.ConsentsToArrangements));
        await db.SaveChangesAsync(ct);
        return screening;
    }

    /// <summary>The routes open to the person on a day, from their setting and age (R6).</summary>
    public static LibertyRoutes RoutesFor(Person person, DateOnly on) =>
        DeprivationOfLibertyRoute.For(person.Service!.SettingType, person.DateOfBirth, on);

    /// <summary>
    /// Records a request for a standard authorisation or an application to the Court of Protection, by a route
    /// open to the person on that day; another route is refused naming R6. An urgent authorisation is not
    /// applied for: the care home gives it itself, with <see cref="GiveUrgentAsync"/>.
    /// </summary>
    public async Task<LibertyAuthorisation> ApplyAsync(Guid personId, LibertyAuthorisationKind kind, DateOnly requestedOn, string? notes, CancellationToken ct = default)
    {
        var person = await EditablePersonAsync(personId, ct);
        if (kind == LibertyAuthorisationKind.UrgentAuthorisation)
        {
            throw new RuleViolationException([new Finding(DeprivationOfLibertyRoute.Rule, DeprivationOfLibertyRoute.Source, "Kind",
                "An urgent authorisation is given by the care home itself, not applied for: record it with the date it was given and when it ends")]);
        }
        RequireRoute(person, kind, requestedOn);
        RequirePast(requestedOn, "RequestedOn", "The date applied must be today or in the past");
        var application = NewApplication(person, kind, requestedOn, notes);
        db.LibertyAuthorisations.Add(application);
        audit.Record(person.OrganisationId, AuditAction.Created, nameof(LibertyAuthorisation), application.Id,
            $"Applied for a {kind}", person.Id, new ChangeSet().Set("Kind", kind).Set("Applied on", requestedOn));
        await db.SaveChangesAsync(ct);
        return application;
    }

    /// <summary>
    /// Records an urgent authorisation the care home (the managing authority) has given itself: up to 7 days
    /// from when it was given, and only together with a request to the supervisory body for a standard
    /// authorisation (MCA Schedule A1 paras 76 and 78). The request is the person's standard request still
    /// waiting for a decision if there is one; otherwise it must have been sent with the urgent one, and both
    /// are recorded together. Without either, the urgent authorisation is refused.
    /// </summary>
    public async Task<LibertyAuthorisation> GiveUrgentAsync(Guid personId, DateOnly givenOn, DateOnly endsOn, bool standardRequestedWithIt, string? notes, CancellationToken ct = default)
    {
        var person = await EditablePersonAsync(personId, ct);
        RequireRoute(person, LibertyAuthorisationKind.UrgentAuthorisation, givenOn);
        var errors = new Dictionary<string, string>();
        if (givenOn > UkTime.Today(clock))
        {
            errors["RequestedOn"] = "The date it was given must be today or in the past";
        }
        var latest = DeprivationOfLibertyTimescales.UrgentExpires(givenOn);
        if (endsOn < givenOn)
        {
            errors["EndsOn"] = "The end date must be on or after the date it was given";
        }
        else if (endsOn > latest)
        {
            errors["EndsOn"] = $"An urgent authorisation lasts up to 7 days: it must end by {UkTime.Format(latest)} (rule R6, Appendix 3)";
        }
        var waiting = await db.LibertyAuthorisations
            .Where(a => a.PersonId == person.Id && a.Kind == LibertyAuthorisationKind.StandardAuthorisation && a.Outcome == LibertyOutcome.Pending)
            .OrderByDescending(a => a.RequestedOn).FirstOrDefaultAsync(ct);
        if (waiting is null && !standardRequestedWithIt)
        {
            errors["StandardRequested"] = "An urgent authorisation can only be given together with a request to the supervisory body for a standard authorisation " +
                "(Mental Capacity Act Schedule A1, paragraph 76). Send the request and confirm it here (rule R6, Appendix 3)";
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
        var standard = waiting;
        if (standard is null)
        {
            standard = NewApplication(person, LibertyAuthorisationKind.StandardAuthorisation, givenOn, "Requested with an urgent authorisation");
            db.LibertyAuthorisations.Add(standard);
            audit.Record(person.OrganisationId, AuditAction.Created, nameof(LibertyAuthorisation), standard.Id,
                $"Applied for a {LibertyAuthorisationKind.StandardAuthorisation} with an urgent authorisation", person.Id,
                new ChangeSet().Set("Kind", LibertyAuthorisationKind.StandardAuthorisation).Set("Applied on", givenOn));
        }
        var urgent = NewApplication(person, LibertyAuthorisationKind.UrgentAuthorisation, givenOn, notes);
        urgent.Outcome = LibertyOutcome.Granted;
        urgent.StartsOn = givenOn;
        urgent.ExpiresOn = endsOn;
        urgent.OutcomeRecordedOn = UkTime.Today(clock);
        urgent.StandardRequestId = standard.Id;
        db.LibertyAuthorisations.Add(urgent);
        audit.Record(person.OrganisationId, AuditAction.Created, nameof(LibertyAuthorisation), urgent.Id,
            "Gave an urgent authorisation", person.Id,
            new ChangeSet().Set("Kind", LibertyAuthorisationKind.UrgentAuthorisation).Set("Given on", givenOn).Set("Ends", endsOn)
                .Set("Standard request of", standard.RequestedOn));
        await db.SaveChangesAsync(ct);
        return urgent;
    }

    private LibertyAuthorisation NewApplication(Person person, LibertyAuthorisationKind kind, DateOnly requestedOn, string? notes) => new()
    {
        OrganisationId = person.OrganisationId, PersonId = person.Id, Kind = kind, RequestedOn = requestedOn,
        Notes = Text.OrNull(notes), RecordedAt = clock.GetUtcNow().UtcDateTime,
    };

    private static void RequireRoute(Person person, LibertyAuthorisationKind kind, DateOnly on)
    {
        var routes = RoutesFor(person, on);
        if (!routes.Allows(kind))
        {
            throw new RuleViolationException([new Finding(DeprivationOfLibertyRoute.Rule, DeprivationOfLibertyRoute.Source, "Kind",
                routes.Age is < DeprivationOfLibertyRoute.SafeguardsFromAge ? routes.Explanation
                    : "In supported living, home care or day services a deprivation of liberty is authorised by the Court of Protection, not DoLS")]);
        }
    }

    private void RequirePast(DateOnly date, string field, string message)
    {
        if (date > UkTime.Today(clock))
        {
            throw new RuleViolationException(field, message);
        }
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
                    LibertyAuthorisationKind.UrgentAuthorisation => LibertyDeadlines.UrgentLatestEnd(s, extended, EndBeforeExtension(application, extended)),
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
        else if (extended && !application.Extended && application.StandardRequestId is null)
        {
            errors["Extended"] = "The supervisory body can only extend an urgent authorisation when a standard authorisation has been requested: none is linked to this one (rule R6, Appendix 3)";
        }
        if (application.Kind == LibertyAuthorisationKind.UrgentAuthorisation && outcome is LibertyOutcome.Refused or LibertyOutcome.Pending)
        {
            errors["Outcome"] = "An urgent authorisation is given by the care home itself: record it as granted while it is in force, or withdrawn if it ended early";
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
        if (application.Kind == LibertyAuthorisationKind.UrgentAuthorisation)
        {
            application.EndBeforeExtension = EndBeforeExtension(application, extended);
        }
        if (outcome != application.Outcome)
        {
            // CQC is told without delay from the day an outcome is known (Regulation 18).
            application.OutcomeRecordedOn = outcome == LibertyOutcome.Pending ? null : UkTime.Today(clock);
        }
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

    /// <summary>The end an urgent authorisation had before its extension: the one stored, or, when extending now, its end until now.</summary>
    private static DateOnly? EndBeforeExtension(LibertyAuthorisation urgent, bool extended) =>
        !extended ? null : urgent.Extended ? urgent.EndBeforeExtension : urgent.ExpiresOn;

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
