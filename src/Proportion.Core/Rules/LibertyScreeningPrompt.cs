using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>A practice in place for a person, as the screening prompt needs it.</summary>
/// <param name="AgreedOn">The day its latest decision was agreed.</param>
/// <param name="LacksCapacity">Whether that decision concluded the person lacks capacity to consent to it.</param>
public sealed record PracticeForLiberty(string Description, PracticeCategory Category, DateOnly AgreedOn, bool LacksCapacity);

/// <summary>Why a person's practices call for a deprivation of liberty screening, and since when.</summary>
public sealed record LibertyPrompt(DateOnly Since, IReadOnlyList<PracticeForLiberty> Counted, string Message);

/// <summary>
/// R6 (§4.1, Appendix 3): agreeing practices for a person who lacks capacity calls for a deprivation of liberty
/// screening when the practices in place together may amount to one: continuous supervision and control and
/// not free to leave. One practice that confines or watches the person continuously (a locked door, enforced
/// supervision, seclusion, long-term segregation) may do so alone; surveillance and restrictions of choice may
/// do so together. The prompt stands until a screening is recorded on or after the latest such agreement, or
/// while an authorisation is in force or an application is waiting for a decision. It prompts a judgement;
/// it never concludes that there is a deprivation.
/// </summary>
public static class LibertyScreeningPrompt
{
    public const string Rule = "R6";
    public const string Source = "§4.1";

    /// <summary>Practices that may on their own amount to continuous supervision and control, or stop the person leaving.</summary>
    public static readonly IReadOnlySet<PracticeCategory> Confining = new HashSet<PracticeCategory>
    {
        PracticeCategory.EnvironmentalRestraint, PracticeCategory.EnforcedSupervision, PracticeCategory.Seclusion, PracticeCategory.LongTermSegregation,
    };

    /// <summary>Practices that add to the control over the person: with another from these lists, they may amount to a deprivation.</summary>
    public static readonly IReadOnlySet<PracticeCategory> Controlling = new HashSet<PracticeCategory>
    {
        PracticeCategory.SurveillanceAndMonitoring, PracticeCategory.RestrictionOfChoice,
    };

    public static bool Counts(PracticeCategory category) => Confining.Contains(category) || Controlling.Contains(category);

    /// <param name="inPlace">The person's practices in place (agreed or under review), each with its latest agreed decision.</param>
    /// <param name="lastScreenedOn">The date of the person's latest screening, if any.</param>
    /// <param name="authorisedOrApplied">An authorisation is in force, or an application waits for a decision.</param>
    public static LibertyPrompt? Evaluate(IReadOnlyCollection<PracticeForLiberty> inPlace, DateOnly? lastScreenedOn, bool authorisedOrApplied)
    {
        if (authorisedOrApplied || !inPlace.Any(p => p.LacksCapacity))
        {
            return null;
        }
        var counted = inPlace.Where(p => Counts(p.Category)).OrderBy(p => p.AgreedOn).ToList();
        var together = counted.Any(p => Confining.Contains(p.Category)) || counted.Select(p => p.Category).Distinct().Count() >= 2;
        if (!together)
        {
            return null;
        }
        var since = counted.Max(p => p.AgreedOn);
        if (lastScreenedOn >= since)
        {
            return null;
        }
        return new LibertyPrompt(since, counted,
            $"The person lacks capacity and the practices in place together may amount to a deprivation of liberty ({string.Join("; ", counted.Select(p => p.Description))}). " +
            (lastScreenedOn is null ? "No screening has been recorded" : $"The last screening, on {UkTime.Format(lastScreenedOn.Value)}, was before the latest of them was agreed") +
            ": screen for a deprivation of liberty.");
    }
}
