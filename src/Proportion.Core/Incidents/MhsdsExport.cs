using System.Globalization;
using System.Text;
using Proportion.Core.Model;

namespace Proportion.Core.Incidents;

/// <summary>
/// Incidents in the shape of the NHS Mental Health Services Data Set v5 tables MHS505 Restrictive
/// Intervention Incident and MHS515 Restrictive Intervention Type, for placements the NHS commissions.
/// Local social care types have no national code and are left out of MHS515; the count left out is
/// returned so the page can say so. Hospital spell ids are blank: a care home has none.
/// </summary>
public static class MhsdsExport
{
    public static readonly string[] Mhs505Columns =
    [
        "LocalPatientId", "NHSNumber", "RestrictiveIntIncID", "HospProvSpellID",
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
                i.PersonId.ToString("N"), i.Person?.NhsNumber, i.Id.ToString("N"), null,
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

    // MHSDS dates and times are local (England) clock readings.
    private static string Date(DateTime utc) => UkTime.ToLondon(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTime utc) => UkTime.ToLondon(utc).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string? YesNo(bool? value) => value switch { true => "Y", false => "N", null => null };

    private static void Row(StringBuilder csv, IEnumerable<string?> values)
    {
        csv.AppendJoin(',', values.Select(Quote));
        csv.Append("\r\n");
    }

    /// <summary>RFC 4180 quoting. Every value here is an id, code, date or flag, never free text.</summary>
    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
