using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Guidelines;

/// <summary>
/// The agreed guidelines for the people a member of staff supports, readable on a phone on a night
/// shift: what the practice is, when it may be used, when it must not, and how others are protected.
/// New or changed guidelines ask to be confirmed as read (§6.1, §7.5).
/// </summary>
[Requires(Permission.ReadPeople)]
public class IndexModel(ProportionDbContext db, DecisionRecords decisions) : ProportionPageModel
{
    public sealed record Guideline(PracticeDecision Decision, bool Read);

    public List<(Person Person, List<Guideline> Guidelines)> People { get; private set; } = [];
    public int Unread => People.Sum(p => p.Guidelines.Count(g => !g.Read));
    public bool CanConfirm => Scope.Allows(Permission.ConfirmGuidelines);

    public async Task OnGetAsync()
    {
        var inForce = await DecisionRecords.GuidelinesInForceAsync(db);
        var read = (await db.GuidelineAcknowledgements.Where(g => g.UserId == Scope.UserId).Select(g => g.DecisionId).ToListAsync()).ToHashSet();
        People = [.. inForce.GroupBy(d => d.PersonId)
            .Select(g => (g.First().Practice!.Person!, g.Select(d => new Guideline(d, read.Contains(d.Id))).OrderBy(x => x.Read).ToList()))
            .OrderBy(p => p.Item1.FamilyName)];
    }

    public async Task<IActionResult> OnPostAsync(Guid decisionId)
    {
        await decisions.AcknowledgeGuidelinesAsync(decisionId);
        Confirm("Thank you. You have confirmed you have read these guidelines.");
        return Redirect(Links.Guidelines());
    }
}
