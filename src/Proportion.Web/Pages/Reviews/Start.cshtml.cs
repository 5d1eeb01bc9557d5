using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Core.Reviews;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Reviews;

/// <summary>Starts the review of an agreed practice (form RP2A), or resumes the one already open.</summary>
[Requires(Permission.EditPractices)]
public class StartModel(ProportionDbContext db, ReviewRecords reviews, TimeProvider clock) : ReviewPageModel(db, reviews)
{
    public bool HasDraft { get; private set; }
    public RestrictivePractice Subject { get; private set; } = null!;
    public ReviewState State { get; private set; }
    public List<Incident> EarlyReviewIncidents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        var practice = Practice;
        Subject = practice;
        HasDraft = await Db.Reviews.AnyAsync(r => r.PracticeId == practiceId && r.Status == ReviewStatus.Draft);
        State = ReviewDue.State(practice.ReviewDate, UkTime.Today(clock));
        EarlyReviewIncidents = await IncidentQueries.EarlyReviewsPending(Db).Where(i => i.PracticeId == practiceId).AsNoTracking().ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        PracticeReview? review = null;
        if (!await TryWriteAsync(async () => review = await Reviews.StartOrResumeAsync(id, practiceId), ""))
        {
            return await OnGetAsync(id, practiceId);
        }
        return Redirect(Links.ReviewStep(id, practiceId, review!.UpdatedAt > review.CreatedAt ? "check" : Steps[0].Slug));
    }
}
