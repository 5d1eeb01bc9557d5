using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Reviews;

/// <summary>A completed review, as it was completed: readable by everyone who may see the practice (§8.6).</summary>
[Requires(Permission.ReadPeople)]
public class ViewModel(ProportionDbContext db) : ProportionPageModel
{
    public PracticeReview Review { get; private set; } = null!;
    public RestrictivePractice Practice => Review.Practice!;
    public string CompletedBy { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId, int number)
    {
        var review = await db.Reviews.Include(r => r.Signatures).Include(r => r.Practice).ThenInclude(p => p!.Person).AsNoTracking()
            .SingleOrDefaultAsync(r => r.PracticeId == practiceId && r.PersonId == id && r.Number == number && r.Status == ReviewStatus.Completed);
        if (review is null)
        {
            return NotFound();
        }
        Review = review;
        CompletedBy = await db.Users.Where(u => u.Id == review.CompletedById).Select(u => u.DisplayName).SingleOrDefaultAsync() ?? "";
        return Page();
    }
}
