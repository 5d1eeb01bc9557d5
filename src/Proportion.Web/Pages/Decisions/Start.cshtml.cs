using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Decisions;

/// <summary>Starts a restrictive practice discussion for a practice, or resumes the one already open.</summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class StartModel(ProportionDbContext db, DecisionRecords decisions) : DecisionPageModel(db, decisions)
{
    private readonly ProportionDbContext _db = db;

    public bool HasDraft { get; private set; }
    /// <summary>The practice has been agreed before, so a new discussion is a change and needs a reason.</summary>
    public bool IsChange { get; private set; }

    [BindProperty]
    [System.ComponentModel.DataAnnotations.StringLength(1000, ErrorMessage = "Why it is changing must be 1,000 characters or fewer")]
    public string? ChangeReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        var practice = Practice;
        HasDraft = await _db.Decisions.AnyAsync(d => d.PracticeId == practiceId && d.Status == DecisionStatus.Draft);
        IsChange = !HasDraft && await _db.Decisions.AnyAsync(d => d.PracticeId == practiceId);
        ViewData["PracticeDescription"] = practice.Description;
        ViewData["PersonName"] = practice.Person!.FullName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        PracticeDecision? draft = null;
        if (!ModelState.IsValid || !await TryWriteAsync(async () => draft = await Decisions.StartOrResumeAsync(id, practiceId, ChangeReason), ""))
        {
            return await OnGetAsync(id, practiceId);
        }
        return Redirect(Links.DecisionStep(id, practiceId, draft!.UpdatedAt > draft.CreatedAt ? "check" : Steps[0].Slug));
    }
}
