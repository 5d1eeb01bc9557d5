using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Practices;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Practices;

[Requires(Permission.ReadPeople)]
public class DetailsModel(ProportionDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<RuleSettings> rules) : ProportionPageModel
{
    public RestrictivePractice Practice => Subjects.Practice!;
    public Person Person => Practice.Person!;
    public string ProposedBy { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public bool HasOpenDiscussion { get; private set; }
    /// <summary>The practice's agreed decisions, newest first; earlier ones stay readable.</summary>
    public List<PracticeDecision> AgreedDecisions { get; private set; } = [];
    /// <summary>Staff of the service who have, and have not, confirmed reading the guidelines in force.</summary>
    public List<string> ReadBy { get; private set; } = [];
    public List<string> NotYetReadBy { get; private set; } = [];
    /// <summary>R8: incidents that brought this practice's review forward, not yet answered by an agreed decision.</summary>
    public List<Incident> EarlyReviewIncidents { get; private set; } = [];
    public int IncidentCount { get; private set; }
    /// <summary>The practice's reviews (RP2A), newest first.</summary>
    public List<PracticeReview> Reviews { get; private set; } = [];
    public bool HasOpenReview => Reviews.Any(r => r.Status == ReviewStatus.Draft);
    /// <summary>R18: in place too long without a review that considered reducing it; the months it allows, or null.</summary>
    public int? ReductionOverdueAfterMonths { get; private set; }
    /// <summary>R24: the risks of the agreed risk assessment that explain this practice; null when there is no agreed risk assessment or the user does not read plans.</summary>
    public List<(Proportion.Core.Plans.RiskAssessments.AssessedRisk Risk, string Href)>? ExplainingRisks { get; private set; }
    public bool CanReview => CanEnd && Practice.Status is PracticeStatus.Agreed or PracticeStatus.UnderReview;
    public bool CanEnd => Scope.Allows(Permission.EditPractices, Practice.OrganisationId) && Practice.Status != PracticeStatus.Ended;
    /// <summary>R19: the practice's restriction reduction plans, newest first; at most one is not closed.</summary>
    public List<Plan> ReductionPlans { get; private set; } = [];
    public bool CanPlanReduction => Scope.Allows(Permission.EditPlans, Practice.OrganisationId) && Practice.IsInPlace
        && ReductionPlans.All(p => p.Status == PlanStatus.Closed);
    public bool CanReadPlans => Scope.Allows(Permission.ReadPlans);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        var practice = Practice;
        Today = UkTime.Today(clock);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.PracticeId == practiceId).OrderByDescending(d => d.Number).ToListAsync();
        HasOpenDiscussion = decisions.Any(d => d.Status == DecisionStatus.Draft);
        AgreedDecisions = [.. decisions.Where(d => d.Status == DecisionStatus.Agreed)];
        if (AgreedDecisions.FirstOrDefault() is { } inForce && Scope.IsProviderStaff)
        {
            var staff = await db.ServiceAssignments.Where(a => a.ServiceId == practice.ServiceId)
                .Join(db.Users.Where(u => u.IsActive), a => a.UserId, u => u.Id, (a, u) => new { u.Id, u.DisplayName }).ToListAsync();
            var read = (await db.GuidelineAcknowledgements.Where(g => g.DecisionId == inForce.Id).Select(g => g.UserId).ToListAsync()).ToHashSet();
            ReadBy = [.. staff.Where(s => read.Contains(s.Id)).Select(s => s.DisplayName).Order()];
            NotYetReadBy = [.. staff.Where(s => !read.Contains(s.Id)).Select(s => s.DisplayName).Order()];
        }
        EarlyReviewIncidents = await Proportion.Core.Incidents.IncidentQueries.EarlyReviewsPending(db)
            .Where(i => i.PracticeId == practiceId).OrderBy(i => i.OccurredAt).AsNoTracking().ToListAsync();
        IncidentCount = await db.Incidents.CountAsync(i => i.PracticeId == practiceId);
        Reviews = await db.Reviews.AsNoTracking().Where(r => r.PracticeId == practiceId).OrderByDescending(r => r.Number).ToListAsync();
        var months = rules.Value.ReductionConsideredWithinMonths;
        ReductionOverdueAfterMonths = ReductionConsidered.IsFlagged(practice, months, Today) ? months : null;
        ReductionPlans = await db.Plans.AsNoTracking().Where(p => p.PracticeId == practiceId && p.Kind == PlanKind.Reduction)
            .OrderByDescending(p => p.CreatedAt).ToListAsync();
        if (Scope.Allows(Permission.ReadPlans, practice.OrganisationId)
            && await Proportion.Core.Plans.RiskAssessments.RiskAssessmentQueries.CurrentAsync(db, practice.PersonId) is ({ } plan, { } agreed))
        {
            ExplainingRisks = [.. agreed.Risks.Where(r => r.PracticeIds.Contains(practice.Id)).Select(r => (r, Links.AssessedRiskOnPlan(practice.PersonId, plan.Id, r.Id)))];
        }
        ProposedBy = await db.Users.Where(u => u.Id == practice.CreatedById).Select(u => u.DisplayName).SingleOrDefaultAsync() ?? "";
        return Page();
    }
}
