using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.Support;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Plans.SupportPlan;

/// <summary>
/// One question page of a support plan (R20): whether the person can manage a direct payment themselves, how
/// the budget is managed, who holds it (and each part's share of a mix), the risk matrix with the plan for the
/// risk, and whether the person is isolated. Answers may be left for later; agreeing names what is missing.
/// </summary>
[Requires(Permission.EditPlans)]
public class QuestionModel(PlanRecords plans, TimeProvider clock) : SupportPlanPageModel(plans)
{
    private const string TooLong = "must be 4,000 characters or fewer";
    private const string Short = "must be 200 characters or fewer";

    [BindProperty(Name = "Input")]
    public Answers Input { get; set; } = new();

    public SupportPlanPart Part { get; private set; }

    public sealed class Answers
    {
        public BudgetCapacity? CapacityToManageBudget { get; set; }
        [StringLength(SupportPlanContent.ShortTextMaxLength, ErrorMessage = "Who assessed it " + Short)]
        public string? CapacityAssessedBy { get; set; }
        public DateParts CapacityAssessedOn { get; set; } = new();
        [StringLength(SupportPlanContent.TextMaxLength, ErrorMessage = "How it was assessed " + TooLong)]
        public string? CapacityEvidence { get; set; }
        public List<string> Budget { get; set; } = [];
        [StringLength(SupportPlanContent.ShortTextMaxLength, ErrorMessage = "The suitable person's name " + Short)]
        public string? SuitablePersonName { get; set; }
        [StringLength(SupportPlanContent.ShortTextMaxLength, ErrorMessage = "How they know the person " + Short)]
        public string? SuitablePersonRelationship { get; set; }
        [StringLength(SupportPlanContent.ShortTextMaxLength, ErrorMessage = "The provider " + Short)]
        public string? ServiceFundProvider { get; set; }
        [StringLength(SupportPlanContent.ShortTextMaxLength, ErrorMessage = "Who manages the account " + Short)]
        public string? AccountManager { get; set; }
        public List<string?> Shares { get; set; } = [];
        public SupportLevel? SupportNeeded { get; set; }
        public SupportLevel? SupportInPlace { get; set; }
        [StringLength(SupportPlanContent.TextMaxLength, ErrorMessage = "How the risk is managed " + TooLong)]
        public string? RiskPlan { get; set; }
        public bool? IsIsolated { get; set; }
        [StringLength(SupportPlanContent.TextMaxLength, ErrorMessage = "Who is around them " + TooLong)]
        public string? WhoIsAround { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string part)
    {
        if (await LoadAsync(part) is { } stop)
        {
            return stop;
        }
        var c = Draft;
        Input = new Answers
        {
            CapacityToManageBudget = c.CapacityToManageBudget, CapacityAssessedBy = c.CapacityAssessedBy,
            CapacityAssessedOn = DateParts.From(c.CapacityAssessedOn), CapacityEvidence = c.CapacityEvidence,
            Budget = [.. c.Budget.Select(b => b.How.ToString())],
            SuitablePersonName = c.SuitablePersonName, SuitablePersonRelationship = c.SuitablePersonRelationship,
            ServiceFundProvider = c.ServiceFundProvider, AccountManager = c.AccountManager,
            Shares = [.. c.Budget.Select(b => b.Share)],
            SupportNeeded = c.SupportNeeded, SupportInPlace = c.SupportInPlace, RiskPlan = c.RiskPlan,
            IsIsolated = c.IsIsolated, WhoIsAround = c.WhoIsAround,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string part)
    {
        if (await LoadAsync(part) is { } stop)
        {
            return stop;
        }
        var c = Draft;
        switch (Part)
        {
            case SupportPlanPart.Capacity:
                var capacity = Input.CapacityToManageBudget is { } answer && Enum.IsDefined(answer) ? answer : (BudgetCapacity?)null;
                var lacks = capacity == BudgetCapacity.LacksCapacity;
                var assessedOn = lacks ? Input.CapacityAssessedOn.Validate(ModelState, "Input.CapacityAssessedOn", "The date it was assessed", required: false) : null;
                if (assessedOn > UkTime.Today(clock))
                {
                    ModelState.AddModelError("Input.CapacityAssessedOn", "The date it was assessed must be today or in the past");
                }
                c = c with
                {
                    CapacityToManageBudget = capacity,
                    CapacityAssessedBy = lacks ? Text.OrNull(Input.CapacityAssessedBy) : null,
                    CapacityAssessedOn = assessedOn,
                    CapacityEvidence = lacks ? Text.OrNull(Input.CapacityEvidence) : null,
                };
                break;
            case SupportPlanPart.Budget:
                var chosen = Input.Budget.Select(b => Enum.TryParse<BudgetManagement>(b, out var how) && Enum.IsDefined(how) ? how : (BudgetManagement?)null)
                    .OfType<BudgetManagement>().Distinct().Order().ToList();
                // Keep what was said about the ways still chosen; forget who holds the ones no longer chosen.
                c = c with
                {
                    Budget = [.. chosen.Select(how => new BudgetPart { How = how, Share = chosen.Count > 1 ? c.Budget.FirstOrDefault(b => b.How == how)?.Share : null })],
                    SuitablePersonName = chosen.Contains(BudgetManagement.SuitablePerson) ? c.SuitablePersonName : null,
                    SuitablePersonRelationship = chosen.Contains(BudgetManagement.SuitablePerson) ? c.SuitablePersonRelationship : null,
                    ServiceFundProvider = chosen.Contains(BudgetManagement.IndividualServiceFund) ? c.ServiceFundProvider : null,
                    AccountManager = chosen.Contains(BudgetManagement.ThirdPartyManaged) ? c.AccountManager : null,
                };
                break;
            case SupportPlanPart.Holders:
                for (var i = 0; i < Input.Shares.Count; i++)
                {
                    if (Input.Shares[i]?.Trim().Length > SupportPlanContent.ShortTextMaxLength)
                    {
                        ModelState.AddModelError($"Input.Shares[{i}]", "The amount or share " + Short);
                    }
                }
                c = c with
                {
                    SuitablePersonName = c.Uses(BudgetManagement.SuitablePerson) ? Text.OrNull(Input.SuitablePersonName) : null,
                    SuitablePersonRelationship = c.Uses(BudgetManagement.SuitablePerson) ? Text.OrNull(Input.SuitablePersonRelationship) : null,
                    ServiceFundProvider = c.Uses(BudgetManagement.IndividualServiceFund) ? Text.OrNull(Input.ServiceFundProvider) : null,
                    AccountManager = c.Uses(BudgetManagement.ThirdPartyManaged) ? Text.OrNull(Input.AccountManager) : null,
                    Budget = [.. c.Budget.Select((b, i) => b with { Share = c.IsMix ? Text.OrNull(Input.Shares.ElementAtOrDefault(i)) : null })],
                };
                break;
            case SupportPlanPart.Matrix:
                c = c with
                {
                    SupportNeeded = Input.SupportNeeded is { } needed && Enum.IsDefined(needed) ? needed : null,
                    SupportInPlace = Input.SupportInPlace is { } inPlace && Enum.IsDefined(inPlace) ? inPlace : null,
                    RiskPlan = Text.OrNull(Input.RiskPlan),
                };
                break;
            case SupportPlanPart.Isolation:
                c = c with { IsIsolated = Input.IsIsolated, WhoIsAround = Text.OrNull(Input.WhoIsAround) };
                break;
        }
        if (!ModelState.IsValid || !await SaveAsync(c))
        {
            return Page();
        }
        return Next(Part, c);
    }

    private async Task<IActionResult?> LoadAsync(string part)
    {
        if (!Enum.TryParse<SupportPlanPart>(part, ignoreCase: true, out var parsed) || parsed is SupportPlanPart.Outcomes or SupportPlanPart.Assistants
            || Slug(parsed) != part.ToLowerInvariant())
        {
            return NotFound();
        }
        Part = parsed;
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        // One share for each way the budget is managed, whatever the form posted, so the page can be shown back.
        Input.Shares = [.. Draft.Budget.Select((_, i) => Input.Shares.ElementAtOrDefault(i))];
        // Who holds the budget is asked only when there is someone to name or a mix to share.
        return Part == SupportPlanPart.Holders && !NeedsHolders(Draft) ? Redirect(FromCheck ? CheckUrl : UrlOf(SupportPlanPart.Budget)) : null;
    }
}
