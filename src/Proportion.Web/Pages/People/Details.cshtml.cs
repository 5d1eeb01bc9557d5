using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Liberty;
using Proportion.Core.People;
using Proportion.Core.Rules;
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

    /// <summary>One line of "What is happening now": what there is, and the next thing to do about it, if anything.</summary>
    public sealed record NowRow(string Area, string Summary, string? Next, string? NextLink, bool Overdue);

    /// <summary>Incidents this recent show on the person's page with what is still owed on them.</summary>
    public const int RecentIncidentDays = 28;

    public List<NowRow> Now { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var person = Person;
        await LoadNowAsync(person);
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

    /// <summary>
    /// The person's page as a place to work: practices in place and the next review, recent incidents and what is
    /// still owed on them, plans and the next review, and deprivation of liberty deadlines, each with its next action.
    /// </summary>
    private async Task LoadNowAsync(Person person)
    {
        var today = Today;
        var now = clock.GetUtcNow().UtcDateTime;

        var practices = await db.Practices.AsNoTracking().Where(p => p.PersonId == person.Id && (p.Status == PracticeStatus.Agreed || p.Status == PracticeStatus.UnderReview || p.Status == PracticeStatus.Proposed))
            .Select(p => new { p.Id, p.Description, p.Status, p.ReviewDate }).ToListAsync();
        var inPlace = practices.Where(p => p.Status != PracticeStatus.Proposed).ToList();
        var proposed = practices.Count - inPlace.Count;
        var nextReview = inPlace.Where(p => p.ReviewDate is not null).OrderBy(p => p.ReviewDate).FirstOrDefault();
        Now.Add(new NowRow("Restrictive practices",
            $"{Count(inPlace.Count, "practice", "practices")} in place{(proposed > 0 ? $", {proposed} proposed and not yet agreed" : "")}",
            nextReview is null ? null : $"Review {nextReview.Description} by {UkTime.Format(nextReview.ReviewDate)}",
            nextReview is null ? null : Links.PracticeDetails(person.Id, nextReview.Id), nextReview?.ReviewDate < today));

        var since = now.AddDays(-RecentIncidentDays);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.PersonId == person.Id && i.OccurredAt >= since)
            .Include(i => i.Interventions).OrderByDescending(i => i.OccurredAt).ToListAsync();
        var ids = incidents.Select(i => i.Id).ToList();
        var notifications = (await db.IncidentNotifications.AsNoTracking().Where(n => ids.Contains(n.IncidentId)).ToListAsync()).ToLookup(n => n.IncidentId);
        var reflected = (await db.IncidentReflections.AsNoTracking().Where(r => ids.Contains(r.IncidentId)).Select(r => new { r.IncidentId, r.UserId }).ToListAsync())
            .ToLookup(r => r.IncidentId, r => r.UserId);
        var owed = incidents
            .Select(i => (Incident: i, Duty: IncidentDuties.For(i, [.. notifications[i.Id]], [.. reflected[i.Id]], now).FirstOrDefault(d => !d.Done)))
            .Where(x => x.Duty is not null)
            .OrderByDescending(x => x.Duty!.Overdue).ThenBy(x => x.Incident.OccurredAt)
            .FirstOrDefault();
        Now.Add(new NowRow("Incidents",
            $"{Count(incidents.Count, "incident", "incidents")} in the last {RecentIncidentDays} days",
            owed.Incident is null ? null : $"{owed.Duty!.What}: incident on {UkTime.Format(owed.Incident.OccurredAt)}",
            owed.Incident is null ? null : Links.Incident(owed.Incident.Id), owed.Duty?.Overdue == true));

        if (CanReadPlans)
        {
            var plans = await db.Plans.AsNoTracking().Where(p => p.PersonId == person.Id && p.Status != PlanStatus.Closed)
                .Select(p => new { p.Id, p.Kind, p.Title, p.ReviewDate }).ToListAsync();
            var nextPlanReview = plans.Where(p => p.ReviewDate is not null).OrderBy(p => p.ReviewDate).FirstOrDefault();
            Now.Add(new NowRow("Plans", $"{Count(plans.Count, "open plan", "open plans")}",
                nextPlanReview is null ? null : $"Review {nextPlanReview.Title} by {UkTime.Format(nextPlanReview.ReviewDate)}",
                nextPlanReview is null ? null : Links.Plan(person.Id, nextPlanReview.Id, nextPlanReview.Kind), nextPlanReview?.ReviewDate < today));
        }

        var deadlines = await LibertyDue.ForPeopleAsync(db, db.People.Where(p => p.Id == person.Id), today);
        var liberty = deadlines.OrderBy(l => l.Due).FirstOrDefault();
        Now.Add(new NowRow("Deprivation of liberty", liberty is null ? "Nothing due" : $"{Count(deadlines.Count, "thing", "things")} due",
            liberty is null ? null : $"{liberty.What}, by {UkTime.Format(liberty.Due)}",
            liberty is null ? null : Links.Liberty(person.Id), liberty?.Overdue == true));
    }

    private static string Count(int n, string one, string many) => n == 0 ? $"No {many}" : n == 1 ? $"1 {one}" : $"{n} {many}";
}
