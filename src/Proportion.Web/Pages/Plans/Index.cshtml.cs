using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans;

/// <summary>
/// The person's plans (R19): every plan by kind with its status, review date and what to do next, the
/// ways to start one, and the closed plans apart.
/// </summary>
[Requires(Permission.ReadPlans)]
public class IndexModel(ProportionDbContext db, PlanRecords plans, TimeProvider clock) : ProportionPageModel
{
    public sealed record Row(Plan Plan, string NextAction, string? Link);

    public Person Person => Subjects.Person!;
    public DateOnly Today { get; private set; }
    public List<IGrouping<PlanKind, Row>> Open { get; private set; } = [];
    public List<Row> Closed { get; private set; } = [];
    public bool CanEdit => Scope.Allows(Permission.EditPlans, Person.OrganisationId);
    /// <summary>The kinds the user may start now, with where to start each: one open profile, risk assessment and behaviour support plan at a time.</summary>
    public List<(PlanKind Kind, string Link)> CanStart { get; private set; } = [];

    /// <summary>The kinds listed, in the order the person's support is built: know them, assess risk, plan support, enable (with the tools for risky choices), reduce.</summary>
    public static readonly PlanKind[] Kinds = [PlanKind.Profile, PlanKind.RiskAssessment, PlanKind.SupportPlan, PlanKind.BehaviourSupport, PlanKind.PositiveRisk,
        PlanKind.DecisionMaking, PlanKind.KeepingSafe, PlanKind.Reduction];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Today = UkTime.Today(clock);
        var all = await db.Plans.Where(p => p.PersonId == id).OrderBy(p => p.Kind).ThenBy(p => p.CreatedAt).AsNoTracking().ToListAsync();
        var rows = new List<Row>();
        foreach (var plan in all)
        {
            var gaps = plan.HasDraft && (await plans.FindingsAsync(plan)).Any(f => f.Severity == FindingSeverity.Refusal);
            rows.Add(new Row(plan, PlanOverview.NextActionFor(plan, gaps, Today), LinkOrNull(() => Links.Plan(id, plan.Id, plan.Kind))));
        }
        Open = [.. rows.Where(r => r.Plan.Status != PlanStatus.Closed).GroupBy(r => r.Plan.Kind).OrderBy(g => Array.IndexOf(Kinds, g.Key))];
        Closed = [.. rows.Where(r => r.Plan.Status == PlanStatus.Closed).OrderByDescending(r => r.Plan.ClosedAt)];
        if (CanEdit)
        {
            foreach (var kind in Kinds.Where(k => k != PlanKind.Reduction))
            {
                if (PlanContents.OnePerPerson(kind) && all.Any(p => p.Kind == kind && p.Status != PlanStatus.Closed))
                {
                    continue;
                }
                if (LinkOrNull(() => Links.StartPlan(id, kind)) is { } link)
                {
                    CanStart.Add((kind, link));
                }
            }
        }
        return Page();
    }

    /// <summary>A link to a kind's page, or null while that kind's pages are not built (each kind's folder is added on its own).</summary>
    private static string? LinkOrNull(Func<string> link)
    {
        try
        {
            return link();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
