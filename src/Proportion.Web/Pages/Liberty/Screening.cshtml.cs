using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Liberty;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Liberty;

/// <summary>R6: a multi-factorial screening for a possible deprivation of liberty, with its conclusion and legal basis.</summary>
[Requires(Permission.EditPractices)]
public class ScreeningModel(LibertyRecords liberty, TimeProvider clock) : LibertyPageModel
{
    public const string DefaultLegalBasis = "Multi-factorial assessment following [2026] UKSC 16 (2 June 2026)";

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Input")]
    public ScreeningForm Input { get; set; } = new();

    public sealed class ScreeningForm
    {
        public DateParts AssessedOn { get; set; } = new();

        [Required(ErrorMessage = "Describe the supervision and control the person is under")]
        [StringLength(LibertyScreening.TextMaxLength, ErrorMessage = "This answer must be 2,000 characters or fewer")]
        public string? SupervisionAndControl { get; set; }

        [Required(ErrorMessage = "Describe whether the person is free to leave, and what happens if they try")]
        [StringLength(LibertyScreening.TextMaxLength, ErrorMessage = "This answer must be 2,000 characters or fewer")]
        public string? FreedomToLeave { get; set; }

        [StringLength(LibertyScreening.TextMaxLength, ErrorMessage = "This answer must be 2,000 characters or fewer")]
        public string? Purpose { get; set; }

        [StringLength(LibertyScreening.TextMaxLength, ErrorMessage = "This answer must be 2,000 characters or fewer")]
        public string? RelativeNormality { get; set; }

        [Required(ErrorMessage = "Record the person's expressed wishes and whether they are content or object")]
        [StringLength(LibertyScreening.TextMaxLength, ErrorMessage = "This answer must be 2,000 characters or fewer")]
        public string? WishesAndObjection { get; set; }

        [StringLength(LibertyScreening.TextMaxLength, ErrorMessage = "This answer must be 2,000 characters or fewer")]
        public string? RestraintAndMedication { get; set; }

        [Required(ErrorMessage = "Select whether the person has capacity to consent to the arrangements")]
        [EnumDataType(typeof(ArrangementsCapacity), ErrorMessage = "Select whether the person has capacity to consent to the arrangements")]
        public ArrangementsCapacity? CapacityToConsent { get; set; }

        /// <summary>Asked only when the person has capacity to consent.</summary>
        public bool? ConsentsToArrangements { get; set; }

        [Required(ErrorMessage = "Select the conclusion")]
        [EnumDataType(typeof(LibertyConclusion), ErrorMessage = "Select the conclusion")]
        public LibertyConclusion? Conclusion { get; set; }

        [Required(ErrorMessage = "Enter the legal basis for the conclusion")]
        [StringLength(500, ErrorMessage = "The legal basis must be 500 characters or fewer")]
        public string? LegalBasis { get; set; }
    }

    public static readonly List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> YesNo = [new("Yes", "true"), new("No", "false")];

    public IActionResult OnGet(Guid id)
    {
        Input.AssessedOn = DateParts.From(UkTime.Today(clock));
        Input.LegalBasis = DefaultLegalBasis;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var assessedOn = Input.AssessedOn.Validate(ModelState, "Input.AssessedOn", "Date of the assessment");
        if (!ModelState.IsValid || !await TryWriteAsync(() => liberty.RecordScreeningAsync(id, new LibertyScreening
            {
                AssessedOn = assessedOn!.Value, SupervisionAndControl = Text.OrNull(Input.SupervisionAndControl),
                FreedomToLeave = Text.OrNull(Input.FreedomToLeave), Purpose = Text.OrNull(Input.Purpose),
                RelativeNormality = Text.OrNull(Input.RelativeNormality), WishesAndObjection = Text.OrNull(Input.WishesAndObjection),
                RestraintAndMedication = Text.OrNull(Input.RestraintAndMedication), Conclusion = Input.Conclusion!.Value,
                CapacityToConsent = Input.CapacityToConsent, ConsentsToArrangements = Input.ConsentsToArrangements,
                LegalBasis = Input.LegalBasis!.Trim(),
            })))
        {
            return Page();
        }
        return Done("The screening has been recorded.");
    }
}
