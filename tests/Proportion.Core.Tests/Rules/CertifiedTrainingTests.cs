using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class CertifiedTrainingTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static TrainingRecord Ri(int completedDaysAgo, RrnCertification? certification, int certificateDaysLeft = 365) => new()
    {
        Course = TrainingCourse.RestrictiveInterventions, CompletedOn = Today.AddDays(-completedDaysAgo),
        ExpiresOn = Today.AddDays(-completedDaysAgo).AddYears(1), Certification = certification,
        CertificateExpiresOn = Today.AddDays(certificateDaysLeft),
    };

    [Fact]
    public void InDateTrainingFromACertifiedProvider_Holds()
    {
        Assert.True(CertifiedTraining.Holds([Ri(30, RrnCertification.Certified)], Today));
        Assert.Null(CertifiedTraining.Gap([Ri(30, RrnCertification.Certified)], Today));
    }

    [Fact]
    public void NoTraining_IsAGap() =>
        Assert.Equal("no training in restrictive interventions recorded", CertifiedTraining.Gap([], Today));

    [Fact]
    public void TrainingAYearAndADayOld_HasExpired()
    {
        var lapsed = Ri(366, RrnCertification.Certified);

        Assert.False(CertifiedTraining.Holds([lapsed], Today));
        Assert.StartsWith("training in restrictive interventions expired on", CertifiedTraining.Gap([lapsed], Today));
        Assert.True(CertifiedTraining.Holds([Ri(365, RrnCertification.Certified)], Today));
    }

    [Theory]
    [InlineData(RrnCertification.Affiliate)]
    [InlineData(RrnCertification.WorkingTowards)]
    [InlineData(RrnCertification.NotCertified)]
    public void OnlyCertifiedProviders_Count(RrnCertification certification) =>
        Assert.False(CertifiedTraining.Holds([Ri(30, certification)], Today));

    [Fact]
    public void AProvidersLapsedCertificate_IsAGap()
    {
        var record = Ri(30, RrnCertification.Certified, certificateDaysLeft: -1);

        Assert.False(CertifiedTraining.Holds([record], Today));
        Assert.StartsWith("the provider's RRN certificate expired on", CertifiedTraining.Gap([record], Today));
    }

    [Fact]
    public void TheLatestRecord_IsTheOneInForce()
    {
        var certified = Ri(200, RrnCertification.Certified);
        var laterUncertified = Ri(10, RrnCertification.NotCertified);

        Assert.False(CertifiedTraining.Holds([certified, laterUncertified], Today));
        Assert.True(CertifiedTraining.Holds([laterUncertified, Ri(5, RrnCertification.Certified)], Today));
    }
}
