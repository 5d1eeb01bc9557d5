using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Core.Commissioning;

/// <summary>
/// What Proportion already holds about one contract item, in a sentence, and where it can be read: the provider's
/// published yearly report (<paramref name="ReportYear"/>), or the council's picture of the provider
/// (<paramref name="OpensPicture"/>). An item Proportion holds nothing about says so, to be checked on a visit.
/// </summary>
public sealed record Evidence(string Text, int? ReportYear = null, bool OpensPicture = false);

/// <summary>The evidence for each contract item (R27), worked out from counts of the provider's own records.</summary>
public sealed class ContractEvidence(ProportionDbContext db, TimeProvider clock)
{
    public const string NotHeld = "Proportion does not hold this: check it on a contract visit.";

    public async Task<IReadOnlyDictionary<ContractItem, Evidence>> ForProviderAsync(Guid providerId, CancellationToken ct = default)
    {
        var today = UkTime.Today(clock);
        var counts = await Unscoped.ContractEvidenceAsync(db, providerId, today, ct);
        var training = (await Unscoped.CertifiedStaffAsync(db, [providerId], today, ct)).GetValueOrDefault(providerId) ?? new(0, 0);
        // Published reports are public (R17), so this needs no unscoped read.
        var report = await db.YearlyReports.Where(r => r.OrganisationId == providerId && r.IsPublished)
            .OrderByDescending(r => r.YearStarting).Select(r => (int?)r.YearStarting).FirstOrDefaultAsync(ct);
        string Of(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count:N0} {many}";

        return new Dictionary<ContractItem, Evidence>
        {
            [ContractItem.ResponsiblePerson] = new(NotHeld),
            [ContractItem.Policy] = new(NotHeld),
            [ContractItem.RightsInformation] = new(NotHeld),
            [ContractItem.CertifiedTraining] = new(training.Staff == 0
                ? "No staff who work in a service are recorded."
                : $"{training.Certified:N0} of {Of(training.Staff, "member of staff", "staff")} who work in a service ({Model.Text.Percent((double)training.Certified / training.Staff)}) hold in-date training from an RRN certified provider (rule R15).",
                OpensPicture: true),
            [ContractItem.DataRecorded] = new(
                $"{Of(counts.PracticesOnRegister, "restrictive practice", "restrictive practices")} on the provider's registers, and {Of(counts.IncidentsInYear, "incident", "incidents")} recorded in the last 12 months."),
            [ContractItem.DataKeptThreeYears] = new(counts.EarliestRecord is { } first
                ? $"Proportion never deletes a record (rule R16). The provider's records go back to {UkTime.Format(first)}."
                : "Proportion never deletes a record (rule R16). The provider has no records yet."),
            [ContractItem.YearlyMonitoring] = new(
                $"{counts.ServicesAuditedInYear:N0} of {Of(counts.Services, "service", "services")} had a senior manager's audit completed in the last 12 months (rule R11)."),
            [ContractItem.YearlyReport] = report is { } year
                ? new($"The yearly report for {year} to {year + 1} is published (rule R17).", ReportYear: year)
                : new("No yearly report is published in Proportion (rule R17)."),
            [ContractItem.DeathsReportedToCoroner] = new(
                $"{Of(counts.DeathsInYear, "death", "deaths")} recorded in the last 12 months, {counts.DeathsToldToCqc:N0} told to CQC. Referral to the coroner is not recorded in Proportion: check it on a contract visit."),
            [ContractItem.DeathsReferredToLeDeR] = new(
                $"{Of(counts.DeathsInYear, "death", "deaths")} recorded in the last 12 months. Referral to LeDeR is not recorded in Proportion: check it on a contract visit."),
            [ContractItem.SeriousInjuriesInvestigated] = new(
                $"{Of(counts.SeriousInjuriesInYear, "serious injury", "serious injuries")} recorded in the last 12 months, {counts.SeriousInjuriesReviewed:N0} reviewed by a manager (rule R10)."),
        };
    }
}
