using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Model;
using Proportion.Core.People;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.People;

/// <summary>
/// The person's equality information (ADR 0023): five optional questions on one page, each of which the
/// person may decline. Special category data, so only those who keep the person's details see or change it.
/// </summary>
[Requires(Permission.EditPeople)]
[OwnOrganisationSubject]
public class EqualityModel(EqualityRecords equality, TimeProvider clock) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public EqualityForm Input { get; set; } = new();

    public Person Person => Subjects.Person!;

    public AgeBand AgeBand => AgeBands.Of(Person.DateOfBirth, UkTime.Today(clock));

    public sealed class EqualityForm
    {
        [Display(Name = "Ethnic group")]
        [EnumDataType(typeof(EthnicCategory), ErrorMessage = "Select the person's ethnic group from the list")]
        public EthnicCategory? Ethnicity { get; set; }

        [Display(Name = "Sex")]
        [EnumDataType(typeof(Sex), ErrorMessage = "Select the person's sex from the list")]
        public Sex? Sex { get; set; }

        [Display(Name = "Disability")]
        [EnumDataType(typeof(DisabilityAnswer), ErrorMessage = "Select whether the person considers themselves to have a disability")]
        public DisabilityAnswer? Disability { get; set; }

        [Display(Name = "Religion or belief")]
        [EnumDataType(typeof(ReligionOrBelief), ErrorMessage = "Select the person's religion or belief from the list")]
        public ReligionOrBelief? ReligionOrBelief { get; set; }

        [Display(Name = "Sexual orientation")]
        [EnumDataType(typeof(SexualOrientation), ErrorMessage = "Select the person's sexual orientation from the list")]
        public SexualOrientation? SexualOrientation { get; set; }

        public int Version { get; set; }

        public EqualityAnswers ToAnswers() => new(Ethnicity, Sex, Disability, ReligionOrBelief, SexualOrientation);
    }

    /// <summary>Each ethnic category named with its group ("White: British"), in the Data Dictionary's order.</summary>
    public static List<SelectListItem> EthnicityOptions() =>
        [.. Enum.GetValues<EthnicCategory>().Select(c => new SelectListItem(c.FullName(), c.ToString()))];

    public IActionResult OnGet(Guid id)
    {
        var answers = EqualityAnswers.Of(Person);
        Input = new EqualityForm
        {
            Ethnicity = answers.Ethnicity, Sex = answers.Sex, Disability = answers.Disability,
            ReligionOrBelief = answers.ReligionOrBelief, SexualOrientation = answers.SexualOrientation, Version = Person.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!ModelState.IsValid || !await TryWriteAsync(() => equality.RecordAsync(id, Input.Version, Input.ToAnswers())))
        {
            return Page();
        }
        Confirm("The person's equality information has been saved.");
        return Redirect(Links.Person(id) + "#equality");
    }
}
