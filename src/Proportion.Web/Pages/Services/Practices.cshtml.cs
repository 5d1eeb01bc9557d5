using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Oversight;
using Proportion.Core.Practices;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Services;

/// <summary>
/// §8.2: "the service manager will keep an open list of all restrictive practices in the service ...
/// available to senior managers and to inspectors and auditors".
/// </summary>
[Requires(Permission.ServiceOpenList)]
public class PracticesModel(ProportionDbContext db, TimeProvider clock, IOptions<RuleSettings> rules) : ProportionPageModel
{
    public sealed record Row(Guid PracticeId, Guid PersonId, string PersonName, PracticeCategory Category, string Description,
        PracticeKind Kind, PracticeStatus Status, DateOnly? StartDate, DateOnly? ReviewDate);

    public Service Service => Subjects.Service!;
    public List<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>R12: restrictions agreed for most people in the service, to challenge as possible blanket rules.</summary>
    public List<Finding> BlanketRules { get; private set; } = [];
    /// <summary>R18: practices in place too long without a review that considered reducing them.</summary>
    public HashSet<Guid> ReductionNotConsidered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Today = UkTime.Today(clock);
        Rows = await db.Practices.AsNoTracking()
            .Where(p => p.ServiceId == id && p.Status != PracticeStatus.Ended)
            .OrderBy(p => p.Person!.FamilyName).ThenBy(p => p.Person!.GivenName).ThenBy(p => p.StartDate)
            .Select(p => new Row(p.Id, p.PersonId, (p.Person!.PreferredName ?? p.Person.GivenName) + " " + p.Person.FamilyName, p.Category, p.Description,
                p.Kind, p.Status, p.StartDate, p.ReviewDate))
            .ToListAsync();
        ReductionNotConsidered = [.. await PracticeQueries.ReductionNotConsidered(db.Practices.Where(p => p.ServiceId == id), Today,
            rules.Value.ReductionConsideredWithinMonths).Select(p => p.Id).ToListAsync()];
        BlanketRules = [.. await BlanketRuleFindings.ForServiceAsync(db, id, rules.Value)];
        return Page();
    }
}
