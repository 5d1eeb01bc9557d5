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
        public EthnicCategory? Ethnicity { get; set; }

        [Display(Name = "Sex")]
        public Sex? Sex { get; set; }

        [Display(Name = "Disability")]
        public DisabilityAnswer? Disability { get; set; }

        [Display(Name = "Religion or belief")]
        public ReligionOrBelief? ReligionOrBelief { get; set; }

        [Display(Name = "Sexual orientation")]
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
        SayWhichAnswerIsNotOnTheList();
        if (!ModelState.IsValid || !await TryWriteAsync(() => equality.RecordAsync(id, Input.Version, Input.ToAnswers())))
        {
            return Page();
        }
        Confirm("The person's equality information has been saved.");
        return Redirect(Links.Person(id) + "#equality");
    }

    /// <summary>An answer that is not one of the list's (a tampered form) fails to bind; say so as the question's own refusal.</summary>
    private void SayWhichAnswerIsNotOnTheList()
    {
        foreach (var (field, message) in EqualityRecords.NotOnTheList)
        {
            if (ModelState[$"Input.{field}"] is { Errors.Count: > 0 } entry)
            {
                entry.Errors.Clear();
                entry.Errors.Add(message);
            }
        }
    }
}
