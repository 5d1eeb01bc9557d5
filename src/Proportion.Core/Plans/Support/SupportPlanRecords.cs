using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Core.Plans.Support;

/// <summary>
/// The outcome-focused review of a support plan (R20): written with the plan's own review
/// (<see cref="PlanRecords.RecordReviewAsync"/>, which keeps, changes or closes it and sets the next date) in
/// one transaction, refused naming each gap (<see cref="SupportPlanRules.ReviewFindings"/>), and audited.
/// </summary>
public sealed class SupportPlanRecords(ProportionDbContext db, PlanRecords plans, AuditTrail audit, TimeProvider clock)
{
    public async Task<SupportPlanReview> RecordReviewAsync(Guid planId, int versionUserSaw, SupportReview answers, PlanReviewOutcome? outcome,
        DateOnly? nextReviewDate, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && p.Kind == PlanKind.SupportPlan, ct)
            ?? throw new RecordNotFoundException("The support plan");
        db.Scope.Demand(Permission.EditPlans, plan.OrganisationId);
        if (plan.Status != PlanStatus.InPlace)
        {
            throw new RuleViolationException("Outcome", "Only a plan in place is reviewed. Agree the draft first.");
        }
        var agreed = await plans.AgreedContentAsync<SupportPlanContent>(plan, ct) ?? throw new RecordNotFoundException("The agreed support plan");

        var errors = SupportPlanRules.ReviewFindings(answers, agreed.Outcomes, outcome)
            .GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.First().Message);
        void TooLong(string field, string? text, string what)
        {
            if (text?.Trim().Length > SupportPlanReview.TextMaxLength)
            {
                errors[field] = $"{what} must be {SupportPlanReview.TextMaxLength:N0} characters or fewer";
            }
        }
        TooLong(nameof(answers.WhatIsWorking), answers.WhatIsWorking, "What is working");
        TooLong(nameof(answers.WhatIsNotWorking), answers.WhatIsNotWorking, "What is not working");
        TooLong(nameof(answers.WhatChanges), answers.WhatChanges, "What will change");
        if (outcome is null)
        {
            errors["Outcome"] = "Select the outcome of the review";
        }
        else if (outcome != PlanReviewOutcome.Close)
        {
            if (nextReviewDate is not { } next)
            {
                errors["NextReviewDate"] = "Enter the date of the next review";
            }
            else if (PlanRecords.ReviewDateProblem(next, UkTime.Today(clock)) is { } problem)
            {
                errors["NextReviewDate"] = problem.Message;
            }
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }

        var met = answers.Outcomes.Where(a => a.Met is not null).ToDictionary(a => a.OutcomeId, a => a.Met!.Value);
        var changes = answers.NothingChanges ? SupportChanges.None : answers.Changes;
        var review = await plans.RecordReviewAsync(planId, versionUserSaw, outcome!.Value, Notes(answers, agreed, met, changes), nextReviewDate, save: false, ct);
        var record = new SupportPlanReview
        {
            OrganisationId = plan.OrganisationId,
            PlanId = plan.Id,
            PlanReviewId = review.Id,
            WhatIsWorking = answers.WhatIsWorking!.Trim(),
            WhatIsNotWorking = answers.WhatIsNotWorking!.Trim(),
            Changes = changes,
            WhatChanges = changes == SupportChanges.None ? null : answers.WhatChanges?.Trim(),
            Outcomes = [.. agreed.Outcomes.Select(o => new SupportOutcomeReview { OutcomeId = o.Id, Outcome = Clip(o.InTheirWords, SupportOutcome.WordsMaxLength), Met = met[o.Id] })],
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedById = db.Scope.UserId,
        };
        db.SupportPlanReviews.Add(record);
        audit.Record(plan.OrganisationId, AuditAction.Created, nameof(SupportPlanReview), record.Id,
            $"Reviewed the outcomes of {plan.Title}: {Tally(record.Outcomes)}", plan.PersonId,
            new ChangeSet().Set("What changes", ChangesText(changes)), record.WhatChanges);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>The plan's outcome-focused reviews, newest first.</summary>
    public async Task<IReadOnlyList<SupportPlanReview>> ReviewsAsync(Guid planId, CancellationToken ct = default) =>
        await db.SupportPlanReviews.AsNoTracking().Where(r => r.PlanId == planId).OrderByDescending(r => r.RecordedAt).ToListAsync(ct);

    /// <summary>"2 met, 1 partly met"; "no outcomes".</summary>
    public static string Tally(IEnumerable<SupportOutcomeReview> outcomes)
    {
        var counts = outcomes.GroupBy(o => o.Met).OrderBy(g => g.Key).Select(g => $"{g.Count()} {EnumNames.Of(g.Key).ToLowerInvariant()}").ToList();
        return counts.Count == 0 ? "no outcomes" : string.Join(", ", counts);
    }

    public static string ChangesText(SupportChanges changes) => changes == SupportChanges.None ? "Nothing"
        : string.Join("; ", Enum.GetValues<SupportChanges>().Where(c => c != SupportChanges.None && changes.HasFlag(c)).Select(c => EnumNames.Of(c)));

    /// <summary>What the plan's review list shows for this review: the outcome review in short, within the review's notes' length.</summary>
    private static string Notes(SupportReview answers, SupportPlanContent agreed, Dictionary<Guid, OutcomesMet> met, SupportChanges changes)
    {
        var lines = new List<string>
        {
            $"What is working: {answers.WhatIsWorking!.Trim()}",
            $"What is not working: {answers.WhatIsNotWorking!.Trim()}",
        };
        lines.AddRange(agreed.Outcomes.Select(o => $"\"{o.InTheirWords}\": {EnumNames.Of(met[o.Id]).ToLowerInvariant()}"));
        lines.Add(changes == SupportChanges.None ? "Nothing needs to change." : $"Changes to {ChangesText(changes).ToLowerInvariant()}: {answers.WhatChanges?.Trim()}");
        return Clip(string.Join("\n", lines), PlanReview.NotesMaxLength);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
