using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.KeepingSafe;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.KeepingSafe;

/// <summary>
/// Writes the draft of a keeping safe plan (R20), every part on one page, made with the person. Who can help is a
/// list: a row is added or removed without JavaScript, and empty rows are left out when it is saved. The council's
/// safeguarding helpline is shown, not typed: the plan asks for a number of its own only while no council has set one.
/// </summary>
[Requires(Permission.EditPlans)]
public class EditModel(ProportionDbContext db, PlanRecords plans) : ProportionPageModel
{
    private const string TooLong = "must be 4,000 characters or fewer";
    private const string ShortTooLong = "must be 200 characters or fewer";

    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;
    public SafeguardingHelplines Helplines { get; private set; } = new([]);

    [BindProperty(Name = "Input")]
    public PlanForm Input { get; set; } = new();

    [BindProperty]
    public int PlanVersion { get; set; }

    public sealed class PlanForm
    {
        [StringLength(KeepingSafeContent.TextMaxLength, ErrorMessage = "Managing the money " + TooLong)]
        public string? ManagingTheMoney { get; set; }
        [StringLength(KeepingSafeContent.TextMaxLength, ErrorMessage = "Recruiting help " + TooLong)]
        public string? Recruiting { get; set; }
        [StringLength(KeepingSafeContent.TextMaxLength, ErrorMessage = "Being an employer " + TooLong)]
        public string? Employing { get; set; }
        [StringLength(KeepingSafeContent.TextMaxLength, ErrorMessage = "Training " + TooLong)]
        public string? Training { get; set; }
        [StringLength(KeepingSafeContent.TextMaxLength, ErrorMessage = "When things go wrong " + TooLong)]
        public string? WhenThingsGoWrong { get; set; }
        public List<ContactRow> WhoCanHelp { get; set; } = [];
        [StringLength(KeepingSafeContent.ShortMaxLength, ErrorMessage = "The safeguarding number " + ShortTooLong)]
        public string? SafeguardingContact { get; set; }
        [StringLength(KeepingSafeContent.TextMaxLength, ErrorMessage = "How the plan was made " + TooLong)]
        public string? HowThePersonTookPart { get; set; }
    }

    public sealed class ContactRow
    {
        [StringLength(KeepingSafeContent.ShortMaxLength, ErrorMessage = "Each name " + ShortTooLong)]
        public string? Name { get; set; }
        [StringLength(KeepingSafeContent.ShortMaxLength, ErrorMessage = "Who each person is " + ShortTooLong)]
        public string? WhoTheyAre { get; set; }
        [StringLength(KeepingSafeContent.ShortMaxLength, ErrorMessage = "How to reach each person " + ShortTooLong)]
        public string? HowToReach { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(WhoTheyAre) && string.IsNullOrWhiteSpace(HowToReach);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        if (Plan.Kind != PlanKind.KeepingSafe)
        {
            return NotFound();
        }
        if (!Plan.HasDraft)
        {
            // An agreed plan never changes: a change is a new version, with its reason.
            return Redirect(Plan.Status == PlanStatus.Closed ? Links.Plan(id, planId, Plan.Kind) : Links.RevisePlan(id, planId));
        }
        var c = await plans.LatestContentAsync<KeepingSafeContent>(Plan);
        Input = new PlanForm
        {
            ManagingTheMoney = c.ManagingTheMoney, Recruiting = c.Recruiting, Employing = c.Employing, Training = c.Training,
            WhenThingsGoWrong = c.WhenThingsGoWrong, SafeguardingContact = c.SafeguardingContact, HowThePersonTookPart = c.HowThePersonTookPart,
            WhoCanHelp = [.. c.WhoCanHelp.Select(h => new ContactRow { Name = h.Name, WhoTheyAre = h.WhoTheyAre, HowToReach = h.HowToReach })],
        };
        await LoadAsync();
        PlanVersion = Plan.Version;
        return Page();
    }

    /// <summary>Saves the draft, or adds or removes a row of who can help and shows the form again as typed.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId, string? add, int? removeContact)
    {
        if (Plan.Kind != PlanKind.KeepingSafe)
        {
            return NotFound();
        }
        if (add == "contact" || removeContact is not null)
        {
            if (add == "contact") Input.WhoCanHelp.Add(new());
            if (removeContact is { } r && r >= 0 && r < Input.WhoCanHelp.Count) Input.WhoCanHelp.RemoveAt(r);
            // Nothing is saved yet, so nothing is refused.
            ModelState.Clear();
            await LoadAsync();
            return Page();
        }
        for (var i = 0; i < Input.WhoCanHelp.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Input.WhoCanHelp[i].Name) && !Input.WhoCanHelp[i].IsBlank)
            {
                ModelState.AddModelError($"Input.WhoCanHelp[{i}].Name", $"Enter the name of person {i + 1} who can help");
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var content = new KeepingSafeContent
        {
            ManagingTheMoney = Text.OrNull(Input.ManagingTheMoney), Recruiting = Text.OrNull(Input.Recruiting), Employing = Text.OrNull(Input.Employing),
            Training = Text.OrNull(Input.Training), WhenThingsGoWrong = Text.OrNull(Input.WhenThingsGoWrong),
            WhoCanHelp = [.. Input.WhoCanHelp.Where(r => !r.IsBlank)
                .Select(r => new HelpContact { Name = r.Name?.Trim() ?? "", WhoTheyAre = Text.OrNull(r.WhoTheyAre), HowToReach = Text.OrNull(r.HowToReach) })],
            SafeguardingContact = Text.OrNull(Input.SafeguardingContact),
            HowThePersonTookPart = Text.OrNull(Input.HowThePersonTookPart),
        };
        if (!await TryWriteAsync(() => plans.SaveDraftAsync(planId, PlanVersion, Plan.Title, content)))
        {
            await LoadAsync();
            return Page();
        }
        Confirm("The draft of the keeping safe plan is saved.");
        return Redirect(Links.Plan(id, planId, PlanKind.KeepingSafe));
    }

    private async Task LoadAsync()
    {
        Helplines = await SafeguardingHelplines.ForPersonAsync(db, Person.Id);
        if (Input.WhoCanHelp.Count == 0)
        {
            Input.WhoCanHelp.Add(new());
        }
    }
}
