using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Decisions;

/// <summary>An agreed decision as it was agreed, read-only: earlier versions stay readable after a change.</summary>
[Requires(Permission.ReadPeople)]
public class ViewModel(ProportionDbContext db) : ProportionPageModel
{
    public PracticeDecision Decision { get; private set; } = null!;
    public Person Person => Decision.Practice!.Person!;

    /// <summary>Every decline on the way to agreement, how each was answered, and the §5.10 route taken.</summary>
    public DisagreementHistory Disagreements { get; private set; } = DisagreementHistory.None;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId, int number)
    {
        var decision = await db.Decisions.Include(d => d.Alternatives).Include(d => d.SignOffs).Include(d => d.Signatures).Include(d => d.Consultees)
            .Include(d => d.Practice).ThenInclude(p => p!.Person).AsNoTracking()
            .SingleOrDefaultAsync(d => d.PracticeId == practiceId && d.PersonId == id && d.Number == number && d.Status == DecisionStatus.Agreed);
        if (decision is null)
        {
            return NotFound();
        }
        Decision = decision;
        Disagreements = await DecisionAgreements.HistoryAsync(db, decision.Id);
        return Page();
    }
}
