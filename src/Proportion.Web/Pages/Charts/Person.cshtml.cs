using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Analytics;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Charts;

/// <summary>One person's restriction over time as statistical process control charts (R14), through the person's scope.</summary>
[Requires(Permission.ReadPeople)]
public class PersonModel(RestrictionSeries series, ChartChanges changes, TimeProvider clock) : ChartPageModel(series, changes, clock)
{
    public override ChartSubject Subject => new(ChartSubjectKind.Person, Subjects.Person!.Id);
    public override string SubjectName => Subjects.Person!.KnownAs;
    public override string SubjectPhrase => $"for {Subjects.Person!.KnownAs}";
    public override string BackLink => Links.Person(Subjects.Person!.Id);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);
}
