using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// A review date to suggest when a practice is agreed: shorter for the most restrictive categories, so
/// they are re-examined sooner, and never beyond the year R1 allows (§5.11). The manager may change it.
/// </summary>
public static class SuggestedReviewDate
{
    public static DateOnly For(PracticeCategory category, DateOnly agreedOn)
    {
        var months = category switch
        {
            PracticeCategory.PhysicalRestraint or PracticeCategory.MechanicalRestraint or PracticeCategory.ChemicalRestraint
                or PracticeCategory.Seclusion or PracticeCategory.LongTermSegregation or PracticeCategory.CovertMedication => 3,
            _ => 6,
        };
        var suggested = agreedOn.AddMonths(months);
        var latest = ReviewDateWithinAYear.Latest(agreedOn);
        return suggested < latest ? suggested : latest;
    }
}
