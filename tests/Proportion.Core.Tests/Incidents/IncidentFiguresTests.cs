using Proportion.Core.Incidents;
using Proportion.Core.Model;

namespace Proportion.Core.Tests.Incidents;

public class IncidentFiguresTests
{
    private static readonly Guid Sam = Guid.NewGuid(), Joyce = Guid.NewGuid();

    private static Incident At(DateTime occurred, Guid person, params (InterventionType Type, int Minutes, bool Injury)[] interventions) => new()
    {
        Id = Guid.NewGuid(), PersonId = person, OccurredAt = occurred, Kind = IncidentKind.Emergency, Location = "x",
        Antecedents = "a", DeEscalation = "b", HowUsed = "c", Outcome = "d", Reason = InterventionReason.PreventSelfHarm,
        Interventions = [.. interventions.Select(i => new IncidentIntervention
        {
            Id = Guid.NewGuid(), Type = i.Type, StartedAt = occurred, EndedAt = occurred.AddMinutes(i.Minutes), InjuryToPerson = i.Injury,
        })],
    };

    [Fact]
    public void ByMonth_CountsWhatTheNhsPublishes()
    {
        var november = new DateTime(2026, 11, 3, 10, 0, 0, DateTimeKind.Utc);
        var incidents = new[]
        {
            At(november, Sam, (InterventionType.PhysicalProne, 3, true), (InterventionType.PhysicalStanding, 5, false)),
            At(november.AddDays(2), Sam, (InterventionType.PhysicalSeated, 10, false)),
            At(november.AddDays(5), Joyce, (InterventionType.ChemicalRapidTranquillisation, 0, false), (InterventionType.Seclusion, 120, false)),
        };

        var month = Assert.Single(MonthFigures.ByMonth(incidents));

        Assert.Equal(new DateOnly(2026, 11, 1), month.Month);
        Assert.Equal(3, month.Incidents);
        Assert.Equal(5, month.Interventions);
        Assert.Equal(2, month.People);
        Assert.Equal(1, month.Prone);
        Assert.Equal(1, month.RapidTranquillisation);
        Assert.Equal(1, month.IncidentsWithInjury);
        // Minutes of physical restraint only: 3, 5 and 10; seclusion's 120 is not restraint.
        Assert.Equal(6, month.MeanRestraintMinutes);
        Assert.Equal(5, month.MedianRestraintMinutes);
        Assert.Equal(10, month.MaxRestraintMinutes);
    }

    [Fact]
    public void ByMonth_UsesTheMonthInEngland()
    {
        // 23:30 UTC on 31 May is 00:30 on 1 June in British Summer Time.
        var incident = At(new DateTime(2026, 5, 31, 23, 30, 0, DateTimeKind.Utc), Sam, (InterventionType.PhysicalSide, 2, false));

        Assert.Equal(new DateOnly(2026, 6, 1), Assert.Single(MonthFigures.ByMonth([incident])).Month);
    }

    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 4 }, 4.0)]
    [InlineData(new[] { 1, 3, 8 }, 3.0)]
    [InlineData(new[] { 1, 3, 8, 10 }, 5.5)]
    public void Median_OfSortedMinutes(int[] sorted, double? expected) =>
        Assert.Equal(expected, MonthFigures.Median(sorted));

    /// <summary>
    /// The data items of MHSDS tables MHS505RestrictiveInterventInc and MHS515RestrictiveInterventType as submitted
    /// (NHS England's MHSDS v5 technical output specification, unchanged for these tables in v6), in their order.
    /// </summary>
    private static readonly string[] NationalMhs505 =
    [
        "RestrictiveIntIncID", "HospProvSpellID", "StartDateRestrictiveIntInc", "StartTimeRestrictiveIntInc",
        "EndDateRestrictiveIntInc", "EndTimeRestrictiveIntInc", "RestrictiveIntReason",
        "RestrictiveIntPIReviewHeldPat", "RestrictiveIntPIReviewNotHeldReasPat", "RestrictiveIntPIReviewHeldCarePers",
    ];

    private static readonly string[] NationalMhs515 =
    [
        "RestrictiveIntIncID", "RestrictiveIntTypeID", "RestrictiveIntType",
        "StartDateRestrictiveIntType", "StartTimeRestrictiveIntType", "EndDateRestrictiveIntType", "EndTimeRestrictiveIntType",
        "RestraintInjuryPatient", "RestraintInjuryCarePers", "RestraintInjuryOtherPers",
    ];

    [Fact]
    public void MhsdsExport_CarriesExactlyTheNationalColumns_AndPutsEverythingLocalInItsOwnFile()
    {
        var occurred = new DateTime(2026, 7, 1, 13, 5, 0, DateTimeKind.Utc);
        var incident = At(occurred, Sam, (InterventionType.PhysicalProne, 3, true), (InterventionType.LocalEnvironmental, 30, false));
        incident.DebriefHeld = false;
        incident.DebriefNotes = "=Sam was asleep, asked again next morning";
        incident.Person = new Person { Id = Sam, GivenName = "Samuel", FamilyName = "Adeyemi", NhsNumber = "9990001111" };

        var mhs505 = MhsdsExport.Mhs505([incident]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var (mhs515, leftOut) = MhsdsExport.Mhs515([incident]);
        var rows515 = mhs515.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var local = MhsdsExport.Local([incident]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(string.Join(",", NationalMhs505), mhs505[0]);
        Assert.Equal(string.Join(",", NationalMhs515), rows515[0]);
        // 13:05 UTC is 14:05 in England in July; the reason is MHSDS code 11; no debrief held with the person.
        // Nothing local (the person's id, NHS number or name) is in a national table.
        Assert.Equal($"{incident.Id:N},,2026-07-01,14:05:00,2026-07-01,14:35:00,11,N,,N", mhs505[1]);
        Assert.DoesNotContain(mhs505.Concat(rows515), l => l.Contains("9990001111") || l.Contains($"{Sam:N}") || l.Contains("Adeyemi"));
        Assert.Equal(2, rows515.Length);
        Assert.EndsWith(",01,2026-07-01,14:05:00,2026-07-01,14:08:00,Y,N,N", rows515[1]);
        Assert.Equal(1, leftOut);

        // The local file: who, what in words, the local types the national list lacks, and why no review was held.
        Assert.Equal(string.Join(",", MhsdsExport.LocalColumns), local[0]);
        Assert.Equal(3, local.Length);
        Assert.Contains(local, l => l.Contains("Environmental restraint") && l.Contains(",901,") && l.Contains($"{Sam:N},9990001111,Samuel Adeyemi"));
        // Free text cannot start a spreadsheet formula.
        Assert.Contains(local, l => l.Contains("'=Sam was asleep"));
    }
}
