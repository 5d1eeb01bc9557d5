using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Practices;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Practices;

/// <summary>Ends a practice with a reason. It stays on the register as ended; nothing is deleted.</summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class EndModel(PracticeRegister register, TimeProvider clock) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public EndForm Input { get; set; } = new();

    public RestrictivePractice Practice => Subjects.Practice!;

    public sealed class EndForm
    {
        public DateParts EndDate { get; set; } = new();

        [Required(ErrorMessage = "Enter why the practice is ending")]
        [StringLength(RestrictivePractice.ReasonMaxLength, ErrorMessage = "Reason must be 2,000 characters or fewer")]
        public string? Reason { get; set; }

        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        Input.EndDate = DateParts.From(UkTime.Today(clock));
        Input.Version = Practice.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        var endDate = Input.EndDate.Validate(ModelState, "Input.EndDate", "End date");
        if (!ModelState.IsValid || !await TryWriteAsync(() => register.EndAsync(id, practiceId, Input.Version, endDate!.Value, Input.Reason!)))
        {
            return Page();
        }
        Confirm($"The practice “{Practice.Description}” has ended. It stays on the register as ended.");
        return Redirect(Links.PracticeRegister(id));
    }
}
