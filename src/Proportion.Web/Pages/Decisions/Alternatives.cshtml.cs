using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Decisions;

/// <summary>§5.7: the less restrictive alternatives considered, one at a time, each with why it was not chosen.</summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class AlternativesModel(ProportionDbContext db, DecisionRecords decisions) : DecisionPageModel(db, decisions)
{
    public override string Slug => "alternatives";

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public AlternativeAnswer Input { get; set; } = new();

    public sealed class AlternativeAnswer
    {
        [Required(ErrorMessage = "Describe the less restrictive alternative")]
        [StringLength(1000, ErrorMessage = "The alternative must be 1,000 characters or fewer")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Say why this alternative was not chosen")]
        [StringLength(1000, ErrorMessage = "Why it was not chosen must be 1,000 characters or fewer")]
        public string? WhyRejected { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId) => await LoadDraftAsync() ?? Page();

    public async Task<IActionResult> OnPostAddAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (!ModelState.IsValid || !await TryWriteAsync(() => Decisions.AddAlternativeAsync(Decision.Id, DecisionVersion, Input.Description!, Input.WhyRejected!)))
        {
            return Page();
        }
        Confirm("The alternative has been added. Add another, or continue.");
        return Redirect(StepUrl(Slug));
    }

    /// <summary>Continue needs no answer of its own: the alternatives are saved as they are added.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        // Typed into "Add an alternative" but not added: ask, rather than drop it.
        ModelState.Clear();
        if (!string.IsNullOrWhiteSpace(Input.Description) || !string.IsNullOrWhiteSpace(Input.WhyRejected))
        {
            ModelState.AddModelError("Input.Description", "You have typed an alternative but not added it. Select 'Add alternative' to add it, or clear it to continue");
            return Page();
        }
        return await NextAsync(Slug);
    }
}
