using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Plans.PositiveRisk;

/// <summary>Starts a positive risk-taking plan for an activity the person wants to do (positive risk-taking guidance); a person may have many.</summary>
[Requires(Permission.EditPlans)]
[OwnOrganisationSubject]
public class StartModel(PlanRecords plans) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public StartForm Input { get; set; } = new();

    public Person Person => Subjects.Person!;

    public sealed class StartForm
    {
        [Required(ErrorMessage = "Select what kind of activity it is")]
        [EnumDataType(typeof(ActivityKind), ErrorMessage = "Select what kind of activity it is")]
        public ActivityKind? Activity { get; set; }

        [Required(ErrorMessage = "Enter what the person wants to do, in their words")]
        [StringLength(Plan.TitleMaxLength, ErrorMessage = "What they want to do must be 200 characters or fewer")]
        public string? WhatThePersonWantsToDo { get; set; }
    }

    public IActionResult OnGet(Guid id) => Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Plan? plan = null;
        var words = Input.WhatThePersonWantsToDo!.Trim();
        var content = new PositiveRiskContent { Activity = Input.Activity, WhatThePersonWantsToDo = words };
        if (!await TryWriteAsync(async () => plan = await plans.StartAsync(Person.Id, words, content), field => field == "Title" ? "Input.WhatThePersonWantsToDo" : field))
        {
            return Page();
        }
        return Redirect(Links.PositiveRiskQuestion(Person.Id, plan!.Id, PositiveRiskPart.About));
    }
}
