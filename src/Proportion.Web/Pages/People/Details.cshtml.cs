using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.People;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.People;

[Requires(Permission.ReadPeople)]
public class DetailsModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public Person Person => Subjects.Person!;
    public string? FundingCouncil { get; private set; }
    public string? SocialWorker { get; private set; }
    public bool CanEdit => Scope.Allows(Permission.EditPeople, Person.OrganisationId);
    public AgeBand AgeBand => AgeBands.Of(Person.DateOfBirth, UkTime.Today(clock));
    public DateOnly Today => UkTime.Today(clock);
    /// <summary>The person's open plans (R19), for those who read plans; null for anyone else.</summary>
    public List<Plan>? Plans { get; private set; }
    public bool CanReadPlans => Scope.Allows(Permission.ReadPlans, Person.OrganisationId);
    /// <summary>The person's risk assessment, if they have one open, and where its agreed risks sit on the matrix (R24).</summary>
    public Plan? RiskAssessment { get; private set; }
    public IReadOnlyList<Proportion.Web.Pages.Plans.RiskAssessment.RiskMatrixTable> RiskMatrices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var person = Person;
        FundingCouncil = await db.Organisations.Where(o => o.Id == person.FundingCouncilId).Select(o => o.Name).SingleOrDefaultAsync();
        SocialWorker = await db.Users.Where(u => u.Id == person.SocialWorkerId).Select(u => u.DisplayName).SingleOrDefaultAsync();
        if (Scope.Allows(Permission.ReadPlans))
        {
            Plans = await db.Plans.Where(p => p.PersonId == id && p.Status != PlanStatus.Closed).OrderBy(p => p.Kind).ThenBy(p => p.CreatedAt).AsNoTracking().ToListAsync();
        }
        if (CanReadPlans && await Proportion.Core.Plans.RiskAssessments.RiskAssessmentQueries.CurrentAsync(db, person.Id) is ({ } plan, var agreed))
        {
            RiskAssessment = plan;
            RiskMatrices = agreed is null ? [] : Proportion.Web.Pages.Plans.RiskAssessment.RiskMatrixTable.Pair($"{person.KnownAs}'s", agreed.Risks,
                r => Links.AssessedRiskOnPlan(person.Id, plan.Id, r.Id));
        }
        return Page();
    }
}
