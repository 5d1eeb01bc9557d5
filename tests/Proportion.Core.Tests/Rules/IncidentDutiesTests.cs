using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Tests.Rules;

public class IncidentDutiesTests
{
    private static readonly DateTime Began = new(2026, 11, 20, 14, 0, 0, DateTimeKind.Utc);

    private static Incident Emergency(Action<Incident>? change = null)
    {
        var incident = new Incident
        {
            OccurredAt = Began, RecordedAt = Began.AddMinutes(30), Kind = IncidentKind.Emergency, Location = "Lounge", Died = false, SeriousInjury = false,
            Antecedents = "a", DeEscalation = "b", HowUsed = "c", Outcome = "d",
        };
        change?.Invoke(incident);
        return incident;
    }

    [Fact]
    public void ManagerReview_OfAnEmergency_IsOverdueAt48HoursAndAMinute()
    {
        var incident = Emergency();

        Assert.False(IncidentDuties.ManagerReviewOverdue(incident, Began.AddHours(48)));
        Assert.True(IncidentDuties.ManagerReviewOverdue(incident, Began.AddHours(48).AddMinutes(1)));
    }

    [Fact]
    public void ManagerReview_OnceRecorded_IsNeverOverdue()
    {
        var incident = Emergency(i => i.ManagerReviewedAt = Began.AddHours(60));

        Assert.False(IncidentDuties.ManagerReviewOverdue(incident, Began.AddDays(10)));
    }

    [Fact]
    public void PlannedUse_IsReviewedWithNoDeadline()
    {
        var incident = Emergency(i => i.Kind = IncidentKind.Planned);

        Assert.Null(IncidentDuties.ManagerReviewDue(incident));
        Assert.False(IncidentDuties.ManagerReviewOverdue(incident, Began.AddDays(30)));
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void Regulation18_AnyOfItsEvents_MeansCqcMustBeTold(bool injury, bool abuse, bool police)
    {
        var incident = Emergency(i => (i.Died, i.SeriousInjury, i.AbuseOrAllegation, i.PoliceInvolved) = (false, injury, abuse, police));

        Assert.True(IncidentDuties.CqcMustBeTold(incident));
        var cqc = IncidentDuties.For(incident, [], [], Began.AddHours(1)).Single(d => d.What == CqcNotification.MustBeTold);
        Assert.True(cqc.Overdue);
        Assert.Equal("Regulation 18", cqc.Source);
    }

    [Fact]
    public void Death_IsNotifiedUnderRegulation16_NotRegulation18()
    {
        var incident = Emergency(i => (i.Died, i.SeriousInjury) = (true, false));

        var cqc = IncidentDuties.For(incident, [], [], Began.AddHours(1)).Single(d => d.Recipient() == NotificationRecipient.Cqc);

        Assert.Equal(CqcNotification.MustBeTold, cqc.What);
        Assert.Equal("Regulation 16", cqc.Source);
        Assert.Equal(["the person died (Regulation 16)"], CqcNotification.Events(incident));
    }

    [Fact]
    public void OldCombinedAnswer_StillMeansCqcMustBeTold_WithoutGuessingWhichRegulation()
    {
        var incident = Emergency(i => (i.Died, i.SeriousInjury) = (null, null));

        var cqc = IncidentDuties.For(incident, [], [], Began.AddHours(1)).Single(d => d.Recipient() == NotificationRecipient.Cqc);

        Assert.Equal(CqcNotification.MustBeTold, cqc.What);
        Assert.Contains("not recorded which", cqc.Source);
    }

    [Fact]
    public void ConsiderTellingCqc_ReadsDifferentlyFromMustTell()
    {
        var incident = Emergency(i => (i.Died, i.SeriousInjury) = (false, false));

        var cqc = IncidentDuties.For(incident, [], [], Began.AddHours(1)).Single(d => d.Recipient() == NotificationRecipient.Cqc);

        Assert.False(IncidentDuties.CqcMustBeTold(incident));
        Assert.Equal(CqcNotification.Consider, cqc.What);
        Assert.DoesNotContain("must", cqc.What, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("§9.4", cqc.Source);
    }

    [Fact]
    public void Regulation18_DecidingNotToTellCqc_DoesNotDischargeIt()
    {
        var incident = Emergency(i => i.PoliceInvolved = true);
        var decidedNot = new IncidentNotification { Recipient = NotificationRecipient.Cqc, Told = false, Details = "No" };

        var cqc = IncidentDuties.For(incident, [decidedNot], [], Began.AddHours(1)).Single(d => d.Recipient() == NotificationRecipient.Cqc);

        Assert.False(cqc.Done);
    }

    [Fact]
    public void PlannedUse_WithNoRegulation18Event_AsksOnlyAboutTheFamily()
    {
        var incident = Emergency(i => i.Kind = IncidentKind.Planned);

        var recipients = IncidentDuties.RecipientsToConsider(incident).ToList();

        Assert.Equal([NotificationRecipient.Family], recipients);
    }

    [Fact]
    public void Reflections_AreOwedByStaffWithAccounts_UntilWritten()
    {
        var amira = Guid.NewGuid();
        var incident = Emergency(i => i.Staff =
        [
            new IncidentStaffMember { UserId = amira, Name = "Amira Khan", Role = "Care worker" },
            new IncidentStaffMember { Name = "Jo Agency", Role = "Agency" },
        ]);

        var before = IncidentDuties.For(incident, [], [], Began.AddHours(1)).Where(d => d.What.StartsWith("Reflection")).ToList();
        var after = IncidentDuties.For(incident, [], [amira], Began.AddHours(1)).Where(d => d.What.StartsWith("Reflection")).ToList();

        Assert.Equal("Reflection from Amira Khan", Assert.Single(before).What);
        Assert.False(before[0].Done);
        Assert.True(Assert.Single(after).Done);
    }

    [Theory]
    [InlineData(false, false, null, true)]
    [InlineData(true, true, null, true)]
    [InlineData(true, false, "New medication", true)]
    [InlineData(true, false, null, false)]
    public void EarlyReview_IsCalledForByUseOutsideTheGuidelines_IneffectiveUse_OrChangedCircumstances(
        bool withinGuidelines, bool ineffective, string? changed, bool expected)
    {
        var incident = Emergency(i =>
        {
            i.Kind = IncidentKind.Planned;
            i.PracticeId = Guid.NewGuid();
            i.WithinAgreedGuidelines = withinGuidelines;
            i.PracticeIneffective = ineffective;
            i.ChangedCircumstances = changed;
        });

        Assert.Equal(expected, EarlyReview.CalledForBy(incident));
    }

    [Fact]
    public void EarlyReview_WithNoPracticeUsed_IsNotCalledFor()
    {
        Assert.False(EarlyReview.CalledForBy(Emergency(i => i.ChangedCircumstances = "Moved rooms")));
    }
}

internal static class DutyExtensions
{
    public static NotificationRecipient? Recipient(this IncidentDuty duty) =>
        duty.What.Contains("CQC") ? NotificationRecipient.Cqc : null;
}
