using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Analytics;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Charts;

/// <summary>A service's restriction over time as statistical process control charts (R14, §8.10).</summary>
[Requires(Permission.ServiceIncidents)]
public class ServiceModel(RestrictionSeries series, ChartChanges changes, TimeProvider clock) : ChartPageModel(series, changes, clock)
{
    public override ChartSubject Subject => new(ChartSubjectKind.Service, Subjects.Service!.Id);
    public override string SubjectName => Subjects.Service!.Name;
    public override string SubjectPhrase => $"at {Subjects.Service!.Name}";
    public override string BackLink => Links.Service(Subjects.Service!.Id);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);
}
