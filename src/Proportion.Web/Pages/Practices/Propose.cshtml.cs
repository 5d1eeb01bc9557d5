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

/// <summary>Adds a practice to the register as a proposal, ready for a restrictive practice discussion (§5).</summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class ProposeModel(PracticeRegister register) : ProportionPageModel
{
    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public ProposalForm Input { get; set; } = new();

    public Person Person => Subjects.Person!;

    public sealed class ProposalForm
    {
        [Required(ErrorMessage = "Select the category of restrictive practice")]
        [EnumDataType(typeof(PracticeCategory), ErrorMessage = "Select the category of restrictive practice")]
        public PracticeCategory? Category { get; set; }

        [Required(ErrorMessage = "Describe the practice")]
        [StringLength(RestrictivePractice.DescriptionMaxLength, ErrorMessage = "Description must be 2,000 characters or fewer")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Select what the practice restricts")]
        [EnumDataType(typeof(RestrictedThing), ErrorMessage = "Select what the practice restricts")]
        public RestrictedThing? RestrictedThing { get; set; }

        [StringLength(RestrictivePractice.RestrictedThingInOwnWordsMaxLength, ErrorMessage = "What it restricts must be 100 characters or fewer")]
        public string? RestrictedThingInOwnWords { get; set; }

        [Required(ErrorMessage = "Select whether the practice is planned or reactive")]
        [EnumDataType(typeof(PracticeKind), ErrorMessage = "Select whether the practice is planned or reactive")]
        public PracticeKind? Kind { get; set; }

        [Required(ErrorMessage = "Enter the risk the practice is meant to manage")]
        [StringLength(RestrictivePractice.ReasonMaxLength, ErrorMessage = "Reason must be 2,000 characters or fewer")]
        public string? ProposalReason { get; set; }

        public DateParts ReviewDate { get; set; } = new();
    }

    public IActionResult OnGet(Guid id) => Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var review = Input.ReviewDate.Validate(ModelState, "Input.ReviewDate", "Review date", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var proposal = new ProposedPractice(Input.Category!.Value, Input.Description!, Input.Kind!.Value, Input.ProposalReason!, review)
        {
            RestrictedThing = Input.RestrictedThing, RestrictedThingInOwnWords = Input.RestrictedThingInOwnWords,
        };
        if (!await TryWriteAsync(() => register.ProposeAsync(id, proposal)))
        {
            return Page();
        }
        Confirm("The practice has been proposed. It is not agreed until a restrictive practice discussion agrees it.");
        return Redirect(Links.PracticeRegister(id));
    }
}
