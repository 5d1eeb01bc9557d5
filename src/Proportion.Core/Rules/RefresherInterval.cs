using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>
/// R15 and §10.7: a training record stays in date only until its refresher is due, and the refresher date
/// cannot be put off for ever. Each course has a longest interval: training in physical restrictive
/// interventions is refreshed at least every 12 months, as the Restraint Reduction Network Training Standards
/// require of certified training; the procedure's other courses (§10.7) are refreshed at least every year too,
/// as §10.7 asks. One table, so the form, the record and the tests agree.
/// </summary>
public static class RefresherInterval
{
    public const string Rule = "R15";

    private static readonly IReadOnlyDictionary<TrainingCourse, (int Months, string Source)> Bounds = new Dictionary<TrainingCourse, (int, string)>
    {
        [TrainingCourse.RestrictiveInterventions] = (12, "Restraint Reduction Network Training Standards"),
        [TrainingCourse.RestrictivePractices] = (12, "§10.7"),
        [TrainingCourse.SafeguardingAdults] = (12, "§10.7"),
        [TrainingCourse.MentalCapacityAct] = (12, "§10.7"),
        [TrainingCourse.DeprivationOfLiberty] = (12, "§10.7"),
        [TrainingCourse.ManagingRisk] = (12, "§10.7"),
        [TrainingCourse.MentalHealthAct] = (12, "§10.7"),
        [TrainingCourse.PositiveBehaviourSupport] = (12, "§10.7"),
    };

    /// <summary>The longest a refresher may be put off, in months; a course missing from the table gets the shortest.</summary>
    public static int MaximumMonths(TrainingCourse course) => Bounds.TryGetValue(course, out var b) ? b.Months : Bounds.Values.Min(v => v.Months);

    /// <summary>The latest day the refresher may be due.</summary>
    public static DateOnly Latest(TrainingCourse course, DateOnly completedOn) => completedOn.AddMonths(MaximumMonths(course));

    /// <summary>
    /// The earliest completion date whose bound still reaches <paramref name="today"/>: the query twin of
    /// <see cref="DueOn"/>'s bound, since adding months cannot be undone exactly at the end of a month.
    /// </summary>
    public static DateOnly EarliestCompletedInDate(TrainingCourse course, DateOnly today)
    {
        var earliest = today.AddMonths(-MaximumMonths(course));
        while (Latest(course, earliest) < today)
        {
            earliest = earliest.AddDays(1);
        }
        while (Latest(course, earliest.AddDays(-1)) >= today)
        {
            earliest = earliest.AddDays(-1);
        }
        return earliest;
    }

    /// <summary>The refresher date recorded, or the course's bound when that comes first.</summary>
    public static DateOnly DueOn(TrainingCourse course, DateOnly completedOn, DateOnly recordedDue)
    {
        var latest = Latest(course, completedOn);
        return recordedDue < latest ? recordedDue : latest;
    }

    /// <summary>Refuses a refresher date beyond the course's bound; null when it is within it.</summary>
    public static Finding? Check(TrainingCourse course, DateOnly completedOn, DateOnly refresherDue)
    {
        var latest = Latest(course, completedOn);
        if (refresherDue <= latest)
        {
            return null;
        }
        var source = Bounds.TryGetValue(course, out var b) ? b.Source : "§10.7";
        return new Finding(Rule, source, "ExpiresOn",
            $"The refresher for {EnumNames.Of(course)} must be due no later than {UkTime.Format(latest)}, {MaximumMonths(course)} months after the date completed");
    }
}
