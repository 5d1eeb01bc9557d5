using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class RefresherIntervalTests
{
    private static readonly DateOnly Completed = new(2026, 2, 28);

    [Theory]
    [InlineData(TrainingCourse.RestrictiveInterventions)]
    [InlineData(TrainingCourse.RestrictivePractices)]
    [InlineData(TrainingCourse.SafeguardingAdults)]
    [InlineData(TrainingCourse.MentalCapacityAct)]
    [InlineData(TrainingCourse.DeprivationOfLiberty)]
    public void EveryCourse_HasARefresherWithinItsBound_AndNoFurther(TrainingCourse course)
    {
        var latest = RefresherInterval.Latest(course, Completed);

        Assert.Null(RefresherInterval.Check(course, Completed, latest));
        var tooLate = RefresherInterval.Check(course, Completed, latest.AddDays(1));
        Assert.NotNull(tooLate);
        Assert.Equal("ExpiresOn", tooLate.Field);
        Assert.Contains(UkTime.Format(latest), tooLate.Message);
    }

    [Fact]
    public void PhysicalInterventionTraining_IsRefreshedAtLeastEveryYear_PerTheRrnStandards()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), RefresherInterval.Latest(TrainingCourse.RestrictiveInterventions, Completed));
        Assert.Contains("Restraint Reduction Network", RefresherInterval.Check(TrainingCourse.RestrictiveInterventions, Completed, new DateOnly(2030, 1, 1))!.Source);
    }

    [Fact]
    public void NoCourse_IsLeftWithoutABound()
    {
        Assert.All(Enum.GetValues<TrainingCourse>(), c => Assert.InRange(RefresherInterval.MaximumMonths(c), 1, 36));
    }

    [Fact]
    public void ARecordMadeBeforeTheBound_WithARefresherYearsAway_IsNotInDateBeyondTheBound()
    {
        // Recorded before refreshers were bounded: certified physical-intervention training "due" in three years.
        var record = new TrainingRecord
        {
            Course = TrainingCourse.RestrictiveInterventions, CompletedOn = Completed, ExpiresOn = Completed.AddYears(3),
            Certification = RrnCertification.Certified, CertificateExpiresOn = Completed.AddYears(5),
        };

        Assert.Equal(new DateOnly(2027, 2, 28), record.RefresherDueOn);
        Assert.True(CertifiedTraining.Holds([record], new DateOnly(2027, 2, 28)));
        Assert.False(CertifiedTraining.Holds([record], new DateOnly(2027, 3, 1)));
        Assert.Contains("expired on 28 February 2027", CertifiedTraining.Gap([record], new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void ARefresherRecordedSoonerThanTheBound_IsDueWhenRecorded()
    {
        var record = new TrainingRecord { Course = TrainingCourse.SafeguardingAdults, CompletedOn = Completed, ExpiresOn = Completed.AddMonths(6) };

        Assert.Equal(Completed.AddMonths(6), record.RefresherDueOn);
    }

    /// <summary>The query twin of the bound: a completion on or after the earliest date is in date, one before it is not, on every day of a leap year and the next.</summary>
    [Fact]
    public void EarliestCompletedInDate_SplitsTheDaysExactlyWhereTheBoundDoes()
    {
        const TrainingCourse course = TrainingCourse.RestrictiveInterventions;
        for (var today = new DateOnly(2027, 12, 1); today <= new DateOnly(2029, 3, 31); today = today.AddDays(1))
        {
            var earliest = RefresherInterval.EarliestCompletedInDate(course, today);
            Assert.True(RefresherInterval.Latest(course, earliest) >= today, $"{earliest} should be in date on {today}");
            Assert.True(RefresherInterval.Latest(course, earliest.AddDays(-1)) < today, $"{earliest.AddDays(-1)} should be out of date on {today}");
        }
    }
}
