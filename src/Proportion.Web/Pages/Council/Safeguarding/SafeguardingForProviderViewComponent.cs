using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Web.Pages.Council.Safeguarding;

/// <summary>
/// What the provider's managers see of the council's response to a concern (R20, ADR 0030): only what they need to
/// act on. When the council received it; whether an enquiry is made and by whom; the safety plan and its review
/// date; and the actions given to the provider, each with a link to mark it done. Never the reasons for the
/// council's decision, the actions of anyone else, the notes of reviews, or the person's words at closure: those
/// are not even read from the database here. Renders nothing for anyone but the provider's staff who read
/// safeguarding, in the concern's own organisation.
/// </summary>
public sealed class SafeguardingForProviderViewComponent(ProportionDbContext db) : ViewComponent
{
    public sealed record ProviderAction(Guid Id, string What, string? OwnerName, DateOnly DueOn, DateTime? DoneAt, string? DoneNote);

    public sealed record Model(Guid PersonId, Guid ConcernId, SafeguardingStatus Status, DateTime? ReceivedAt, bool? EnquiryNeeded, EnquiryBy? EnquiryBy,
        DateTime? DecidedAt, string? SafetyPlan, DateOnly? PlanReviewOn, DateTime? ClosedAt, IReadOnlyList<ProviderAction> Actions, bool CanMarkDone,
        bool ShowTimes);

    /// <param name="showTimes">False on the concern's own page, which already says when it was received and closed.</param>
    public async Task<IViewComponentResult> InvokeAsync(Guid concernId, bool showTimes = true)
    {
        var scope = HttpContext.Items[typeof(UserScope)] as UserScope;
        if (scope is null || !scope.IsProviderStaff || !scope.Allows(Permission.ReadSafeguarding))
        {
            return Content("");
        }
        var concern = await db.SafeguardingConcerns.AsNoTracking()
            .Where(c => c.Id == concernId && c.Status != SafeguardingStatus.Draft && c.OrganisationId == scope.OrganisationId)
            .Select(c => new
            {
                c.PersonId, c.OrganisationId, c.Status, c.ReceivedAt, c.EnquiryNeeded, c.EnquiryBy, c.DecidedAt, c.SafetyPlan, c.PlanReviewOn, c.ClosedAt,
            })
            .SingleOrDefaultAsync();
        if (concern is null)
        {
            return Content("");
        }
        var actions = await db.SafeguardingActions.AsNoTracking()
            .Where(a => a.ConcernId == concernId && a.Owner == ActionOwner.Provider)
            .OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new ProviderAction(a.Id, a.What, a.OwnerName, a.DueOn, a.DoneAt, a.DoneNote))
            .ToListAsync();
        return View(new Model(concern.PersonId, concernId, concern.Status, concern.ReceivedAt, concern.EnquiryNeeded, concern.EnquiryBy, concern.DecidedAt,
            concern.SafetyPlan, concern.PlanReviewOn, concern.ClosedAt, actions,
            scope.Allows(Permission.ActOnSafeguarding, concern.OrganisationId) && concern.Status != SafeguardingStatus.Closed, showTimes));
    }
}
