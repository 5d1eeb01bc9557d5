using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Analytics;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Charts;

/// <summary>A change marked on the whole organisation's charts, by a senior manager: a new reduction strategy.</summary>
[Requires(Permission.MarkOrganisationChartChanges)]
public class OrganisationChangesModel(ChartChanges changes) : ChartChangesPageModel(changes)
{
    public override ChartSubject Subject => new(ChartSubjectKind.Organisation, Scope.OrganisationId);
    public override string SubjectName => "The organisation";

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => MarkAsync(ct);
    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => WithdrawAsync(ct);
}
