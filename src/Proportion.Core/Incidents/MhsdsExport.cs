using System.Globalization;
using System.Text;
using Proportion.Core.Model;

namespace Proportion.Core.Incidents;

/// <summary>
/// Incidents in the shape of the NHS Mental Health Services Data Set tables MHS505 Restrictive Intervention
/// Incident (MHS505RestrictiveInterventInc) and MHS515 Restrictive Intervention Type
/// (MHS515RestrictiveInterventType), for placements the NHS commissions. Each national file carries exactly
/// the table's submitted data items, in the order of the technical output specification (v5, unchanged for
/// these two tables in v6), with their national codes (<see cref="InterventionCodes"/>). Everything local
/// (the person's local id, NHS number and name, descriptions, the social care types the national list lacks,
/// why a review was not held) goes in a separate local file keyed by the same ids, never in a national one.
/// The person is linked to the incident nationally through the hospital provider spell; a care home has none,
/// so HospProvSpellID is blank. RestrictiveIntPIReviewNotHeldReasPat is a national coded item whose code list
/// Proportion does not hold yet: it is left blank, and the reason in words is in the local file.
/// </summary>
public static class MhsdsExport
{
    public static readonly string[] Mhs505Columns =
    [
        "RestrictiveIntIncID", "HospProvSpellID",
        "StartDateRestrictiveIntInc", "StartTimeRestrictiveIntInc", "EndDateRestrictiveIntInc", "EndTimeRestrictiveIntInc",
        "RestrictiveIntReason", "RestrictiveIntPIReviewHeldPat", "RestrictiveIntPIReviewNotHeldReasPat", "RestrictiveIntPIReviewHeldCarePers",
    ];

    public static readonly string[] Mhs515Columns =
    [
        "RestrictiveIntIncID", "RestrictiveIntTypeID", "RestrictiveIntType",
        "StartDateRestrictiveIntType", "StartTimeRestrictiveIntType", "EndDateRestrictiveIntType", "EndTimeRestrictiveIntType",
        "RestraintInjuryPatient", "RestraintInjuryCarePers", "RestraintInjuryOtherPers",
    ];

    public static string Mhs505(IEnumerable<Incident> incidents)
    {
        var csv = new StringBuilder();
        Row(csv, Mhs505Columns);
        foreach (var i in incidents.OrderBy(i => i.OccurredAt))
        {
            var start = i.Interventions.Select(x => x.StartedAt).Append(i.OccurredAt).Min();
            var end = i.Interventions.Count == 0 ? (DateTime?)null : i.Interventions.Max(x => x.EndedAt);
            Row(csv,
            [
                i.Id.ToString("N"), null,
                Date(start), Time(start), end is { } e ? Date(e) : null, end is { } e2 ? Time(e2) : null,
                i.Reason.MhsdsCode(), YesNo(i.DebriefHeld), null, YesNo(i.ManagerReviewedAt is not null),
            ]);
        }
        return csv.ToString();
    }

    public static (string Csv, int LocalTypesLeftOut) Mhs515(IEnumerable<Incident> incidents)
    {
        var csv = new StringBuilder();
        var leftOut = 0;
        Row(csv, Mhs515Columns);
        foreach (var i in incidents.OrderBy(i => i.OccurredAt))
        {
            foreach (var x in i.Interventions.OrderBy(x => x.StartedAt))
            {
                if (x.Type.MhsdsCode() is not { } code)
                {
                    leftOut++;
                    continue;
                }
                Row(csv,
                [
                    i.Id.ToString("N"), x.Id.ToString("N"), code,
                    Date(x.StartedAt), Time(x.StartedAt), Date(x.EndedAt), Time(x.EndedAt),
                    YesNo(x.InjuryToPerson), YesNo(x.InjuryToStaff), YesNo(x.InjuryToOthers),
                ]);
            }
        }
        return (csv.ToString(), leftOut);
    }

    /// <summary>The local file: not for submission. One row per intervention, keyed by the national ids.</summary>
    public static readonly string[] LocalColumns =
    [
        "RestrictiveIntIncID", "RestrictiveIntTypeID", "LocalPatientId", "NHSNumber", "PersonName",
        "InterventionType", "LocalInterventionTypeCode", "InMhs515", "ReasonDescription", "PostIncidentReviewNotHeldReason",
    ];

    public static string Local(IEnumerable<Incident> incidents)
    {
        var csv = new StringBuilder();
        Row(csv, LocalColumns);
        foreach (var i in incidents.OrderBy(i => i.OccurredAt))
        {
            foreach (var x in i.Interventions.OrderBy(x => x.StartedAt))
            {
                var national = x.Type.MhsdsCode() is not null;
                Row(csv,
                [
                    i.Id.ToString("N"), x.Id.ToString("N"), i.PersonId.ToString("N"), i.Person?.NhsNumber, Text(i.Person?.FullName),
                    Text(EnumNames.Of(x.Type)), national ? null : ((int)x.Type).ToString(CultureInfo.InvariantCulture), national ? "Y" : "N",
                    Text(EnumNames.Of(i.Reason)), i.DebriefHeld == false ? Text(i.DebriefNotes) : null,
                ]);
            }
        }
        return csv.ToString();
    }

    /// <summary>Free text opened in a spreadsheet must not run as a formula: a leading = + - or @ is quoted away.</summary>
    private static string? Text(string? value) =>
        value is { Length: > 0 } && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;

    // MHSDS dates and times are local (England) clock readings.
    private static string Date(DateTime utc) => UkTime.ToLondon(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTime utc) => UkTime.ToLondon(utc).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string? YesNo(bool? value) => value switch { true => "Y", false => "N", null => null };

    private static void Row(StringBuilder csv, IEnumerable<string?> values)
    {
        csv.AppendJoin(',', values.Select(Quote));
        csv.Append("\r\n");
    }

    /// <summary>RFC 4180 quoting. The national files hold only ids, codes, dates and flags; the local one also text.</summary>
    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
