using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Analytics;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Charts;

/// <summary>A change marked on one person's charts, by a manager of their service.</summary>
[Requires(Permission.ManageIncidents)]
[OwnOrganisationSubject]
public class PersonChangesModel(ChartChanges changes) : ChartChangesPageModel(changes)
{
    public override ChartSubject Subject => new(ChartSubjectKind.Person, Subjects.Person!.Id);
    public override string SubjectName => Subjects.Person!.KnownAs;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => MarkAsync(ct);
    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => WithdrawAsync(ct);
}
