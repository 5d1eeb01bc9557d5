using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Core.People;

/// <summary>The facts about a person that staff enter and change. The NHS number is already normalised.</summary>
public sealed record PersonDetails(
    Guid ServiceId,
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly DateOfBirth,
    string? NhsNumber,
    string? CommunicationNeeds,
    CommunicationMethods CommunicationMethods,
    Guid? FundingCouncilId,
    Guid? SocialWorkerId);

/// <param name="AuthorityCovers">For an attorney or deputy: what their LPA or the Court's order covers.</param>
public sealed record RepresentativeDetails(string Name, string Relationship, string? ContactDetails, RepresentativeRoles Roles, string? AuthorityCovers = null);

/// <summary>Adds people and changes their details; every change is audited against the person.</summary>
public sealed class PersonRecords(ProportionDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Managers keep people's records; care workers read them.</summary>

    public async Task<Person> AddAsync(PersonDetails details, CancellationToken ct = default)
    {
        RequireEditor();
        await CheckReferencesAsync(details, ct);
        var person = new Person
        {
            OrganisationId = db.Scope.Everything ? await OrganisationOfServiceAsync(details.ServiceId, ct) : db.Scope.OrganisationId,
            GivenName = "",
            FamilyName = "",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var changes = Apply(person, details);
        db.People.Add(person);
        audit.Record(person.OrganisationId, AuditAction.Created, nameof(Person), person.Id, $"Added {person.FullName}", person.Id, changes);
        await db.SaveChangesAsync(ct);
        return person;
    }

    /// <param name="reason">Why the details changed, e.g. "date of birth corrected from the GP record"; optional.</param>
    public async Task UpdateAsync(Guid personId, int versionUserSaw, PersonDetails details, string? reason = null, CancellationToken ct = default)
    {
        RequireEditor();
        var person = await FindAsync(personId, ct);
        ProportionDbContext.ClaimVersion(person, versionUserSaw);
        await CheckReferencesAsync(details, ct);
        var movedService = person.ServiceId != details.ServiceId;
        var changes = Apply(person, details);
        if (movedService)
        {
            // Practices follow the person: the new service's manager must see them on the open list (§8.2).
            await foreach (var practice in db.Practices.Where(p => p.PersonId == personId && p.Status != PracticeStatus.Ended).AsAsyncEnumerable().WithCancellation(ct))
            {
                practice.ServiceId = details.ServiceId;
            }
            // So do their plans, counted with their new service.
            await foreach (var plan in db.Plans.Where(p => p.PersonId == personId).AsAsyncEnumerable().WithCancellation(ct))
            {
                plan.ServiceId = details.ServiceId;
            }
        }
        audit.Record(person.OrganisationId, AuditAction.Updated, nameof(Person), person.Id, $"Changed details of {person.FullName}", person.Id, changes, Text.OrNull(reason));
        await db.SaveChangesAsync(ct);
    }

    public async Task<Representative> AddRepresentativeAsync(Guid personId, int versionUserSaw, RepresentativeDetails details, CancellationToken ct = default)
    {
        RequireEditor();
        var person = await FindAsync(personId, ct);
        ProportionDbContext.ClaimVersion(person, versionUserSaw);
        var representative = new Representative
        {
            Name = details.Name.Trim(),
            Relationship = details.Relationship.Trim(),
            ContactDetails = Text.OrNull(details.ContactDetails),
            Roles = details.Roles,
            AuthorityCovers = Text.OrNull(details.AuthorityCovers),
        };
        person.Representatives.Add(representative);
        audit.Record(person.OrganisationId, AuditAction.Created, nameof(Representative), representative.Id,
            $"Added {representative.Name} ({representative.Relationship}) as a representative", person.Id,
            new ChangeSet().Set("Name", representative.Name).Set("Relationship", representative.Relationship)
                .Set("Contact details", representative.ContactDetails).Set("Roles", representative.Roles)
                .Set("Authority covers", representative.AuthorityCovers));
        await db.SaveChangesAsync(ct);
        return representative;
    }

    private async Task<Person> FindAsync(Guid personId, CancellationToken ct) =>
        await db.People.Include(p => p.Representatives).SingleOrDefaultAsync(p => p.Id == personId, ct)
        ?? throw new RecordNotFoundException("The person");

    private static ChangeSet Apply(Person person, PersonDetails d)
    {
        var changes = new ChangeSet()
            .Track("Service", person.ServiceId, d.ServiceId)
            .Track("Given name", person.GivenName, d.GivenName.Trim())
            .Track("Family name", person.FamilyName, d.FamilyName.Trim())
            .Track("Preferred name", person.PreferredName, Text.OrNull(d.PreferredName))
            .Track("Date of birth", person.DateOfBirth, d.DateOfBirth)
            .Track("NHS number", person.NhsNumber, Text.OrNull(d.NhsNumber))
            .Track("Communication needs", person.CommunicationNeeds, Text.OrNull(d.CommunicationNeeds))
            .Track("Communication methods", person.CommunicationMethods, d.CommunicationMethods)
            .Track("Funding council", person.FundingCouncilId, d.FundingCouncilId)
            .Track("Social worker", person.SocialWorkerId, d.SocialWorkerId);
        person.ServiceId = d.ServiceId;
        person.GivenName = d.GivenName.Trim();
        person.FamilyName = d.FamilyName.Trim();
        person.PreferredName = Text.OrNull(d.PreferredName);
        person.DateOfBirth = d.DateOfBirth;
        person.NhsNumber = Text.OrNull(d.NhsNumber);
        person.CommunicationNeeds = Text.OrNull(d.CommunicationNeeds);
        person.CommunicationMethods = d.CommunicationMethods;
        person.FundingCouncilId = d.FundingCouncilId;
        person.SocialWorkerId = d.SocialWorkerId;
        return changes;
    }

    /// <summary>
    /// A tampered form could name another organisation's service, or a social worker from the wrong
    /// council; each is refused at its field as if it did not exist.
    /// </summary>
    private async Task CheckReferencesAsync(PersonDetails d, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (!await db.Services.AnyAsync(s => s.Id == d.ServiceId, ct))
        {
            errors["ServiceId"] = "Select a service from the list";
        }
        if (d.FundingCouncilId is { } council
            && !await db.Organisations.AnyAsync(o => o.Id == council && o.Kind == OrganisationKind.Council, ct))
        {
            errors["FundingCouncilId"] = "Select a council from the list";
        }
        if (d.SocialWorkerId is { } socialWorker)
        {
            var valid = d.FundingCouncilId is { } fundingCouncil && await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.Id == socialWorker && u.OrganisationId == fundingCouncil && r.Name == Roles.SocialWorker
                select u.Id).AnyAsync(ct);
            if (!valid)
            {
                errors["SocialWorkerId"] = "Select a social worker from the funding council, or none";
            }
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
    }

    private async Task<Guid> OrganisationOfServiceAsync(Guid serviceId, CancellationToken ct) =>
        await db.Services.Where(s => s.Id == serviceId).Select(s => s.OrganisationId).SingleAsync(ct);

    private void RequireEditor() => db.Scope.Demand(Permission.EditPeople);
}
