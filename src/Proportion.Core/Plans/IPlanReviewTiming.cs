using Proportion.Core.Model;

namespace Proportion.Core.Plans;

/// <summary>
/// When a kind of plan should next be reviewed, for the date the agree and review pages suggest; the manager
/// may choose another within R1's year. A kind without one is suggested <see cref="DefaultMonths"/> from
/// today. Register one per kind that times its reviews to the person's risks.
/// </summary>
public interface IPlanReviewTiming
{
    /// <summary>Plans are looked at again within three months unless their kind or the manager says otherwise.</summary>
    const int DefaultMonths = 3;

    PlanKind Kind { get; }

    /// <summary>The date to suggest from <paramref name="from"/>, and why, in a sentence.</summary>
    Task<SuggestedReview> SuggestAsync(Plan plan, IPlanContent content, DateOnly from, CancellationToken ct);
}

/// <summary>A suggested review date and the reason for it, shown as the date field's hint.</summary>
public sealed record SuggestedReview(DateOnly Date, string Why)
{
    public static SuggestedReview Default(DateOnly from) =>
        new(from.AddMonths(IPlanReviewTiming.DefaultMonths), $"We suggest {IPlanReviewTiming.DefaultMonths} months from today.");
}
