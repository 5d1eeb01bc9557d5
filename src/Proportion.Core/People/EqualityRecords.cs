using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Core.People;

/// <summary>
/// Records a person's equality information (ADR 0023). Kept by whoever keeps the person's details
/// (<see cref="Permission.EditPeople"/>); every change is audited against the person, so the History tab,
/// which the same managers read, says who answered what and when.
/// </summary>
public sealed class EqualityRecords(ProportionDbContext db, AuditTrail audit)
{
    public async Task RecordAsync(Guid personId, int versionUserSaw, EqualityAnswers answers, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.EditPeople);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, ct) ?? throw new RecordNotFoundException("The person");
        db.Scope.Demand(Permission.EditPeople, person.OrganisationId);
        RefuseUnknown(answers);
        ProportionDbContext.ClaimVersion(person, versionUserSaw);
        var changes = new ChangeSet()
            .Track("Ethnicity", person.Ethnicity?.FullName(), answers.Ethnicity?.FullName())
            .Track("Sex", NameOf(person.Sex), NameOf(answers.Sex))
            .Track("Disability", NameOf(person.Disability), NameOf(answers.Disability))
            .Track("Religion or belief", NameOf(person.ReligionOrBelief), NameOf(answers.ReligionOrBelief))
            .Track("Sexual orientation", NameOf(person.SexualOrientation), NameOf(answers.SexualOrientation));
        person.Ethnicity = answers.Ethnicity;
        person.Sex = answers.Sex;
        person.Disability = answers.Disability;
        person.ReligionOrBelief = answers.ReligionOrBelief;
        person.SexualOrientation = answers.SexualOrientation;
        audit.Record(person.OrganisationId, AuditAction.Updated, nameof(Person), person.Id, $"Changed equality information of {person.FullName}", person.Id, changes);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A tampered form could post a number no list holds; it is refused at its question.</summary>
    private static void RefuseUnknown(EqualityAnswers a)
    {
        var errors = new Dictionary<string, string>();
        if (a.Ethnicity is { } e && !Enum.IsDefined(e)) errors[nameof(a.Ethnicity)] = "Select the person's ethnic group from the list";
        if (a.Sex is { } s && !Enum.IsDefined(s)) errors[nameof(a.Sex)] = "Select the person's sex from the list";
        if (a.Disability is { } d && !Enum.IsDefined(d)) errors[nameof(a.Disability)] = "Select whether the person considers themselves to have a disability";
        if (a.ReligionOrBelief is { } r && !Enum.IsDefined(r)) errors[nameof(a.ReligionOrBelief)] = "Select the person's religion or belief from the list";
        if (a.SexualOrientation is { } o && !Enum.IsDefined(o)) errors[nameof(a.SexualOrientation)] = "Select the person's sexual orientation from the list";
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
    }

    private static string? NameOf<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? EnumNames.Of(v) : null;
}
