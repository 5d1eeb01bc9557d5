using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Practices;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Practices;

/// <summary>
/// R12: says what a practice in place restricts, for practices recorded before the question was asked
/// ("Not recorded") or to correct it, so the blanket-rule check can compare like with like.
/// </summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class RestrictsModel(PracticeRegister register) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public RestrictsForm Input { get; set; } = new();

    public RestrictivePractice Practice => Subjects.Practice!;

    public sealed class RestrictsForm
    {
        [Required(ErrorMessage = "Select what the practice restricts")]
        [EnumDataType(typeof(RestrictedThing), ErrorMessage = "Select what the practice restricts")]
        public RestrictedThing? RestrictedThing { get; set; }

        [StringLength(RestrictivePractice.RestrictedThingInOwnWordsMaxLength, ErrorMessage = "What it restricts must be 100 characters or fewer")]
        public string? RestrictedThingInOwnWords { get; set; }

        public int Version { get; set; }
    }

    public IActionResult OnGet(Guid id, Guid practiceId)
    {
        Input.RestrictedThing = Practice.RestrictedThing;
        Input.RestrictedThingInOwnWords = Practice.RestrictedThingInOwnWords;
        Input.Version = Practice.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        if (!ModelState.IsValid || !await TryWriteAsync(() =>
                register.SayWhatItRestrictsAsync(id, practiceId, Input.Version, Input.RestrictedThing!.Value, Input.RestrictedThingInOwnWords)))
        {
            return Page();
        }
        Confirm("What the practice restricts has been recorded.");
        return Redirect(Links.PracticeDetails(id, practiceId));
    }
}
