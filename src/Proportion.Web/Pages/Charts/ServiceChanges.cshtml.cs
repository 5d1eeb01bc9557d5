using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Analytics;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Charts;

/// <summary>A change marked on a service's charts, by its managers: a new reduction plan, a new wing.</summary>
[Requires(Permission.ManageIncidents)]
[OwnOrganisationSubject]
public class ServiceChangesModel(ChartChanges changes) : ChartChangesPageModel(changes)
{
    public override ChartSubject Subject => new(ChartSubjectKind.Service, Subjects.Service!.Id);
    public override string SubjectName => Subjects.Service!.Name;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => MarkAsync(ct);
    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => WithdrawAsync(ct);
}
