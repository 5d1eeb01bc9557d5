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

    /// <summary>What a form is told when a question's answer is not on its list (a tampered form), by question.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotOnTheList = new Dictionary<string, string>
    {
        [nameof(EqualityAnswers.Ethnicity)] = "Select the person's ethnic group from the list",
        [nameof(EqualityAnswers.Sex)] = "Select the person's sex from the list",
        [nameof(EqualityAnswers.Disability)] = "Select whether the person considers themselves to have a disability",
        [nameof(EqualityAnswers.ReligionOrBelief)] = "Select the person's religion or belief from the list",
        [nameof(EqualityAnswers.SexualOrientation)] = "Select the person's sexual orientation from the list",
    };

    /// <summary>A number no list holds is refused at its question.</summary>
    private static void RefuseUnknown(EqualityAnswers a)
    {
        var unknown = new List<string>();
        if (a.Ethnicity is { } e && !Enum.IsDefined(e)) unknown.Add(nameof(a.Ethnicity));
        if (a.Sex is { } s && !Enum.IsDefined(s)) unknown.Add(nameof(a.Sex));
        if (a.Disability is { } d && !Enum.IsDefined(d)) unknown.Add(nameof(a.Disability));
        if (a.ReligionOrBelief is { } r && !Enum.IsDefined(r)) unknown.Add(nameof(a.ReligionOrBelief));
        if (a.SexualOrientation is { } o && !Enum.IsDefined(o)) unknown.Add(nameof(a.SexualOrientation));
        if (unknown.Count > 0)
        {
            throw new RuleViolationException(unknown.ToDictionary(field => field, field => NotOnTheList[field]));
        }
    }

    private static string? NameOf<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? EnumNames.Of(v) : null;
}
