using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.BehaviourSupport;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Guidelines;

/// <summary>
/// What a member of staff reads about each person they support, on a phone on a night shift: first who the
/// person is (their agreed profile, without the restricted history), then their agreed positive behaviour
/// support plan (R25), then the agreed guidelines of each practice: what it is, when it may be used, when it
/// must not, and how others are protected. A new or changed guideline or plan version asks to be confirmed
/// as read (§6.1, §7.5).
/// </summary>
[Requires(Permission.ReadPeople)]
[HandlerRequires("Plan", Permission.ConfirmGuidelines)]
public class IndexModel(ProportionDbContext db, DecisionRecords decisions, PlanRecords plans) : ProportionPageModel
{
    public sealed record Guideline(PracticeDecision Decision, bool Read);

    public sealed record PersonToRead(Person Person, PlansStaffRead.PersonPlans? Plans, List<Guideline> Guidelines);

    public List<PersonToRead> People { get; private set; } = [];
    /// <summary>Practice descriptions by id, to name a plan's agreed practices.</summary>
    public Dictionary<Guid, string> PracticeNames { get; private set; } = [];
    public int Unread => People.Sum(p => p.Guidelines.Count(g => !g.Read) + (p.Plans is { Support: not null, SupportRead: false } ? 1 : 0));
    public bool CanConfirm => Scope.Allows(Permission.ConfirmGuidelines);

    public async Task OnGetAsync()
    {
        var inForce = await DecisionRecords.GuidelinesInForceAsync(db);
        var read = (await db.GuidelineAcknowledgements.Where(g => g.UserId == Scope.UserId).Select(g => g.DecisionId).ToListAsync()).ToHashSet();
        var guidelines = inForce.GroupBy(d => d.PersonId).ToDictionary(g => g.Key, g => g.ToList());
        var personPlans = Scope.Allows(Permission.ReadPlans)
            ? (await PlansStaffRead.InForceAsync(db, Scope.UserId)).ToDictionary(p => p.Person.Id)
            : [];
        var people = guidelines.Values.Select(g => g.First().Practice!.Person!).Concat(personPlans.Values.Select(p => p.Person)).DistinctBy(p => p.Id);
        People = [.. people.Select(person => new PersonToRead(person, personPlans.GetValueOrDefault(person.Id),
                guidelines.TryGetValue(person.Id, out var mine) ? [.. mine.Select(d => new Guideline(d, read.Contains(d.Id))).OrderBy(x => x.Read)] : []))
            .OrderBy(p => p.Person.FamilyName).ThenBy(p => p.Person.GivenName)];
        var chosen = personPlans.Values.Where(p => p.SupportContent is not null).SelectMany(p => p.SupportContent!.ReactivePracticeIds).Distinct().ToList();
        PracticeNames = await db.Practices.Where(p => chosen.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Description);
    }

    public async Task<IActionResult> OnPostAsync(Guid decisionId)
    {
        await decisions.AcknowledgeGuidelinesAsync(decisionId);
        Confirm("Thank you. You have confirmed you have read these guidelines.");
        return Redirect(Links.Guidelines());
    }

    /// <summary>Confirms reading the agreed version of a behaviour support plan (once per version).</summary>
    public async Task<IActionResult> OnPostPlanAsync(Guid planId)
    {
        await plans.ConfirmReadingAsync(planId);
        Confirm("Thank you. You have confirmed you have read this behaviour support plan.");
        return Redirect(Links.Guidelines());
    }
}
