using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Profiles;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.Profile;

/// <summary>
/// Writes the draft of the person's profile (R23), every part on one page. Trauma history is shown and
/// changed only by those who may read it; for anyone else the recorded one is kept as it is.
/// </summary>
[Requires(Permission.EditPlans)]
public class EditModel(PlanRecords plans) : ProportionPageModel
{
    public const int PartMaxLength = 4000;
    private const string TooLong = "Each part must be 4,000 characters or fewer";

    public Person Person => Subjects.Person!;
    public bool CanReadTraumaHistory => Scope.Allows(Permission.ReadTraumaHistory);

    [BindProperty(Name = "Input")]
    public ProfileAnswers Input { get; set; } = new();

    [BindProperty]
    public int PlanVersion { get; set; }

    public sealed class ProfileAnswers
    {
        [StringLength(PartMaxLength, ErrorMessage = TooLong)] public string? WhatMattersToMe { get; set; }
        [StringLength(PartMaxLength, ErrorMessage = TooLong)] public string? StrengthsAndSkills { get; set; }
        [StringLength(PartMaxLength, ErrorMessage = TooLong)] public string? WhatTriggersDistress { get; set; }
        [StringLength(PartMaxLength, ErrorMessage = TooLong)] public string? EarlyWarningSigns { get; set; }
        [StringLength(PartMaxLength, ErrorMessage = TooLong)] public string? WhatHelpsMeFeelSafe { get; set; }
        [StringLength(PartMaxLength, ErrorMessage = TooLong)] public string? HowICommunicate { get; set; }
        [StringLength(PartMaxLength, ErrorMessage = TooLong)] public string? TraumaHistory { get; set; }
        [StringLength(PartMaxLength, ErrorMessage = TooLong)] public string? HowThisWasWritten { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        var plan = Subjects.Plan!;
        if (plan.Kind != PlanKind.Profile)
        {
            return NotFound();
        }
        if (!plan.HasDraft)
        {
            // An agreed profile never changes: a change is a new version, with its reason.
            return Redirect(plan.Status == PlanStatus.Closed ? Links.Plan(id, planId, plan.Kind) : Links.RevisePlan(id, planId));
        }
        var c = await plans.LatestContentAsync<ProfileContent>(plan);
        Input = new ProfileAnswers
        {
            WhatMattersToMe = c.WhatMattersToMe, StrengthsAndSkills = c.StrengthsAndSkills, WhatTriggersDistress = c.WhatTriggersDistress,
            EarlyWarningSigns = c.EarlyWarningSigns, WhatHelpsMeFeelSafe = c.WhatHelpsMeFeelSafe, HowICommunicate = c.HowICommunicate,
            TraumaHistory = CanReadTraumaHistory ? c.TraumaHistory : null, HowThisWasWritten = c.HowThisWasWritten,
        };
        PlanVersion = plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId)
    {
        var plan = Subjects.Plan!;
        if (plan.Kind != PlanKind.Profile)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var recordedHistory = CanReadTraumaHistory || !plan.HasDraft ? null : (await plans.LatestContentAsync<ProfileContent>(plan)).TraumaHistory;
        var content = new ProfileContent
        {
            WhatMattersToMe = Text.OrNull(Input.WhatMattersToMe), StrengthsAndSkills = Text.OrNull(Input.StrengthsAndSkills),
            WhatTriggersDistress = Text.OrNull(Input.WhatTriggersDistress), EarlyWarningSigns = Text.OrNull(Input.EarlyWarningSigns),
            WhatHelpsMeFeelSafe = Text.OrNull(Input.WhatHelpsMeFeelSafe), HowICommunicate = Text.OrNull(Input.HowICommunicate),
            TraumaHistory = CanReadTraumaHistory ? Text.OrNull(Input.TraumaHistory) : recordedHistory,
            HowThisWasWritten = Text.OrNull(Input.HowThisWasWritten),
        };
        if (!await TryWriteAsync(() => plans.SaveDraftAsync(planId, PlanVersion, plan.Title, content)))
        {
            return Page();
        }
        Confirm("The draft of the profile is saved.");
        return Redirect(Links.Plan(id, planId, PlanKind.Profile));
    }
}
