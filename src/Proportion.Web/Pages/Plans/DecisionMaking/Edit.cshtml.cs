using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.DecisionMaking;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.DecisionMaking;

/// <summary>
/// Writes the draft of a supported decision-making agreement (R20), every part on one page. Who helps the person
/// decide and their circle of support are lists: a row is added or removed without JavaScript (GOV.UK add another),
/// and empty rows are left out when it is saved. The gate's gaps are shown on the agreement's page.
/// </summary>
[Requires(Permission.EditPlans)]
public class EditModel(PlanRecords plans) : ProportionPageModel
{
    private const string TooLong = "must be 4,000 characters or fewer";
    private const string NameTooLong = "must be 200 characters or fewer";

    public Person Person => Subjects.Person!;
    public Plan Plan => Subjects.Plan!;

    public static readonly List<SelectListItem> YesNo = [new("Yes", "true"), new("No", "false")];
    public static readonly List<SelectListItem> PaidOption = [new("Paid to support them (staff or a personal assistant)", "yes")];

    [BindProperty(Name = "Input")]
    public AgreementForm Input { get; set; } = new();

    [BindProperty]
    public int PlanVersion { get; set; }

    public sealed class AgreementForm
    {
        [StringLength(DecisionMakingContent.TextMaxLength, ErrorMessage = "The decisions it covers " + TooLong)]
        public string? DecisionsCovered { get; set; }
        public List<PersonRow> Supporters { get; set; } = [];
        [StringLength(DecisionMakingContent.TextMaxLength, ErrorMessage = "How information is given " + TooLong)]
        public string? HowInformationIsGiven { get; set; }
        [StringLength(DecisionMakingContent.TextMaxLength, ErrorMessage = "The time and place " + TooLong)]
        public string? TimeAndPlace { get; set; }
        public bool? HasRepresentative { get; set; }
        [StringLength(DecisionMakingContent.NameMaxLength, ErrorMessage = "The representative's name " + NameTooLong)]
        public string? RepresentativeName { get; set; }
        [StringLength(DecisionMakingContent.TextMaxLength, ErrorMessage = "What the representative does " + TooLong)]
        public string? RepresentativeAuthority { get; set; }
        public List<PersonRow> CircleOfSupport { get; set; } = [];
        [StringLength(DecisionMakingContent.NameMaxLength, ErrorMessage = "The advocate " + NameTooLong)]
        public string? Advocate { get; set; }
        public bool? SubstantialDifficulty { get; set; }
        [StringLength(DecisionMakingContent.TextMaxLength, ErrorMessage = "How disagreements are handled " + TooLong)]
        public string? HowDisagreementsAreHandled { get; set; }
        [StringLength(DecisionMakingContent.TextMaxLength, ErrorMessage = "How the person agreed " + TooLong)]
        public string? HowThePersonAgreed { get; set; }
        [StringLength(DecisionMakingContent.TextMaxLength, ErrorMessage = "How it is reviewed " + TooLong)]
        public string? HowItIsReviewed { get; set; }
    }

    public sealed class PersonRow
    {
        [StringLength(DecisionMakingContent.NameMaxLength, ErrorMessage = "Each name " + NameTooLong)]
        public string? Name { get; set; }
        [StringLength(DecisionMakingContent.NameMaxLength, ErrorMessage = "Each relationship or role " + NameTooLong)]
        public string? Relationship { get; set; }
        public List<string> Paid { get; set; } = [];

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Relationship);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid planId)
    {
        if (Plan.Kind != PlanKind.DecisionMaking)
        {
            return NotFound();
        }
        if (!Plan.HasDraft)
        {
            // An agreed agreement never changes: a change is a new version, with its reason.
            return Redirect(Plan.Status == PlanStatus.Closed ? Links.Plan(id, planId, Plan.Kind) : Links.RevisePlan(id, planId));
        }
        var c = await plans.LatestContentAsync<DecisionMakingContent>(Plan);
        Input = new AgreementForm
        {
            DecisionsCovered = c.DecisionsCovered, Supporters = [.. c.Supporters.Select(Row)], HowInformationIsGiven = c.HowInformationIsGiven,
            TimeAndPlace = c.TimeAndPlace, HasRepresentative = c.HasRepresentative, RepresentativeName = c.RepresentativeName,
            RepresentativeAuthority = c.RepresentativeAuthority, CircleOfSupport = [.. c.CircleOfSupport.Select(Row)], Advocate = c.Advocate,
            SubstantialDifficulty = c.SubstantialDifficulty, HowDisagreementsAreHandled = c.HowDisagreementsAreHandled,
            HowThePersonAgreed = c.HowThePersonAgreed, HowItIsReviewed = c.HowItIsReviewed,
        };
        AddEmptyRows();
        PlanVersion = Plan.Version;
        return Page();
    }

    /// <summary>Saves the draft, or adds or removes a row of either list and shows the form again as typed.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, Guid planId, string? add, int? removeSupporter, int? removeCircle)
    {
        if (Plan.Kind != PlanKind.DecisionMaking)
        {
            return NotFound();
        }
        if (add is "supporter" or "circle" || removeSupporter is not null || removeCircle is not null)
        {
            if (add == "supporter") Input.Supporters.Add(new());
            if (add == "circle") Input.CircleOfSupport.Add(new());
            if (removeSupporter is { } s && s >= 0 && s < Input.Supporters.Count) Input.Supporters.RemoveAt(s);
            if (removeCircle is { } c && c >= 0 && c < Input.CircleOfSupport.Count) Input.CircleOfSupport.RemoveAt(c);
            // Nothing is saved yet, so nothing is refused.
            ModelState.Clear();
            AddEmptyRows();
            return Page();
        }
        NamesForEachRow(Input.Supporters, "Supporters", "who helps them decide");
        NamesForEachRow(Input.CircleOfSupport, "CircleOfSupport", "in their circle of support");
        if (!ModelState.IsValid)
        {
            AddEmptyRows();
            return Page();
        }
        var content = new DecisionMakingContent
        {
            DecisionsCovered = Text.OrNull(Input.DecisionsCovered),
            Supporters = People(Input.Supporters),
            HowInformationIsGiven = Text.OrNull(Input.HowInformationIsGiven),
            TimeAndPlace = Text.OrNull(Input.TimeAndPlace),
            HasRepresentative = Input.HasRepresentative,
            // A representative's name and authority are kept only while the person has one.
            RepresentativeName = Input.HasRepresentative == false ? null : Text.OrNull(Input.RepresentativeName),
            RepresentativeAuthority = Input.HasRepresentative == false ? null : Text.OrNull(Input.RepresentativeAuthority),
            CircleOfSupport = People(Input.CircleOfSupport),
            Advocate = Text.OrNull(Input.Advocate),
            SubstantialDifficulty = Input.SubstantialDifficulty,
            HowDisagreementsAreHandled = Text.OrNull(Input.HowDisagreementsAreHandled),
            HowThePersonAgreed = Text.OrNull(Input.HowThePersonAgreed),
            HowItIsReviewed = Text.OrNull(Input.HowItIsReviewed),
        };
        if (!await TryWriteAsync(() => plans.SaveDraftAsync(planId, PlanVersion, Plan.Title, content)))
        {
            AddEmptyRows();
            return Page();
        }
        Confirm("The draft of the agreement is saved.");
        return Redirect(Links.Plan(id, planId, PlanKind.DecisionMaking));
    }

    private static PersonRow Row(Supporter s) => new() { Name = s.Name, Relationship = s.Relationship, Paid = s.Paid ? ["yes"] : [] };

    private static List<Supporter> People(IEnumerable<PersonRow> rows) =>
        [.. rows.Where(r => !r.IsBlank).Select(r => new Supporter { Name = r.Name?.Trim() ?? "", Relationship = Text.OrNull(r.Relationship), Paid = r.Paid.Contains("yes") })];

    /// <summary>A row with a relationship but no name would be lost: ask for the name at the row.</summary>
    private void NamesForEachRow(List<PersonRow> rows, string list, string what)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(rows[i].Name) && !string.IsNullOrWhiteSpace(rows[i].Relationship))
            {
                ModelState.AddModelError($"Input.{list}[{i}].Name", $"Enter the name of person {i + 1} {what}");
            }
        }
    }

    /// <summary>Each list shows at least one row to type in.</summary>
    private void AddEmptyRows()
    {
        if (Input.Supporters.Count == 0) Input.Supporters.Add(new());
        if (Input.CircleOfSupport.Count == 0) Input.CircleOfSupport.Add(new());
    }
}
