using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Analytics;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Charts;

/// <summary>
/// What every chart page does (R14): reads the chosen window, shows every measure at a glance with its
/// latest value and Making Data Count variation, and draws the chosen measure's process control chart with
/// the limits recalculated from each change marked on the subject. The four pages differ only in whose
/// restriction they count.
/// </summary>
public abstract class ChartPageModel(RestrictionSeries series, ChartChanges changes, TimeProvider clock) : ProportionPageModel
{
    /// <summary>A weekly chart's default window: half a year of weeks.</summary>
    public const int DefaultWeeks = 26;
    /// <summary>A monthly chart's default window: two years of months.</summary>
    public const int DefaultMonths = 24;
    /// <summary>The longest window, in periods, so a chart stays readable.</summary>
    public const int MostWeeks = 156;
    public const int MostMonths = 120;

    /// <summary>Bound from <c>?measure=</c>, as <see cref="Links.RestrictionChart"/> writes it.</summary>
    [BindProperty(SupportsGet = true)]
    public Measure? Measure { get; set; }

    [BindProperty(SupportsGet = true)]
    public ChartPeriod? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts To { get; set; } = new();

    public sealed record Glance(Measure Measure, double? Latest, Variation Variation, string Link);

    public abstract ChartSubject Subject { get; }
    /// <summary>Whose restriction it is, as the caption shows it.</summary>
    public abstract string SubjectName { get; }
    /// <summary>Whose restriction it is, in a sentence: "at Oakfield House".</summary>
    public abstract string SubjectPhrase { get; }
    public abstract string BackLink { get; }

    public Measure Chosen => Measure ?? Core.Analytics.Measure.Incidents;
    public ChartPeriod ChosenPeriod => Period ?? ChartPeriod.Month;
    public IReadOnlyList<Measure> Measures => Subject.Kind == ChartSubjectKind.Person
        ? [.. Core.Analytics.Measures.All.Where(m => m.AppliesToOnePerson())]
        : Core.Analytics.Measures.All;

    public List<SelectListItem> MeasureChoices => [.. Measures.Select(m => new SelectListItem(Core.Model.EnumNames.Of(m), m.ToString()))];
    public List<SelectListItem> PeriodChoices => Display.Options<ChartPeriod>();

    public IReadOnlyList<Glance> AtAGlance { get; private set; } = [];
    public ControlChartView? Chart { get; private set; }
    /// <summary>Every change marked on the subject, withdrawn ones too, to list beside the chart.</summary>
    public IReadOnlyList<Core.Model.ChartChange> MarkedChanges { get; private set; } = [];
    public bool CanMarkChanges { get; private set; }
    /// <summary>R19: practices ended and hours or scope reduced through reduction plans in the window, newest first.</summary>
    public IReadOnlyList<Core.Model.PracticeReduction> Reductions { get; private set; } = [];
    /// <summary>True when the window ends on the last whole period, leaving out the one not yet over.</summary>
    public bool EndsBeforeCurrentPeriod { get; private set; }

    protected async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        // A tampered or out-of-date link falls back to the defaults rather than showing a binding error.
        ModelState.Remove(nameof(Measure));
        ModelState.Remove(nameof(Period));
        if (Measure is { } m && (!Enum.IsDefined(m) || !Measures.Contains(m)))
        {
            Measure = null;
        }
        if (Period is { } p && !Enum.IsDefined(p))
        {
            Period = null;
        }
        Measure = Chosen;
        Period = ChosenPeriod;
        var window = Window(Core.Model.UkTime.Today(clock));
        var marks = await changes.MarksAsync(Subject, ct);
        MarkedChanges = await changes.ForSubjectAsync(Subject, ct);
        CanMarkChanges = await changes.MarkableByAsync(Subject, ct) is not null;
        if (window is not { } w)
        {
            return Page();
        }
        if (!Subject.IsCouncils)
        {
            var db = HttpContext.RequestServices.GetRequiredService<Core.Data.ProportionDbContext>();
            Reductions = await Core.Plans.Reduction.ReductionCounts.ForSubjectAsync(db, Subject, w.From, w.To, ct);
        }
        var glance = new List<Glance>();
        foreach (var measure in Measures)
        {
            var points = await series.ReadAsync(Subject, measure, ChosenPeriod, w.From, w.To, ct);
            var view = ControlChartView.Build(measure, ChosenPeriod, SubjectPhrase, points, marks);
            glance.Add(new Glance(measure, view.Latest?.Value, view.Variation, Links.RestrictionChart(Subject, measure, ChosenPeriod)));
            if (measure == Chosen)
            {
                Chart = view;
            }
        }
        AtAGlance = glance;
        return Page();
    }

    /// <summary>
    /// The dates asked for, or the default window: the last whole periods, since a week or month not yet
    /// over would look like a fall. Null, with the errors at the fields, when the dates cannot be used.
    /// </summary>
    private (DateOnly From, DateOnly To)? Window(DateOnly today)
    {
        var period = ChosenPeriod;
        if (To.IsEmpty)
        {
            To = DateParts.From(Periods.StartOf(today, period).AddDays(-1));
            EndsBeforeCurrentPeriod = true;
        }
        if (From.IsEmpty && To.ToDateOrNull() is { } end)
        {
            var last = Periods.StartOf(end, period);
            From = DateParts.From(period == ChartPeriod.Week ? last.AddDays(-7 * (DefaultWeeks - 1)) : last.AddMonths(-(DefaultMonths - 1)));
        }
        var from = From.Validate(ModelState, nameof(From), "From date");
        var to = To.Validate(ModelState, nameof(To), "To date");
        if (to is { } t && t > today)
        {
            ModelState.AddModelError(nameof(To), "The to date must be today or in the past");
        }
        if (from is { } f && to is { } u)
        {
            var most = period == ChartPeriod.Week ? MostWeeks : MostMonths;
            if (f > u)
            {
                ModelState.AddModelError(nameof(To), "The to date must be the same as or after the from date");
            }
            else if (Periods.Between(f, u, period).Count > most)
            {
                ModelState.AddModelError(nameof(From), period == ChartPeriod.Week
                    ? $"A weekly chart can show up to {MostWeeks} weeks: choose a later from date"
                    : $"A monthly chart can show up to {MostMonths / 12} years: choose a later from date");
            }
        }
        return ModelState.IsValid && from is { } a && to is { } b ? (a, b) : null;
    }
}
