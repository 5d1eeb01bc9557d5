using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Analytics;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Organisation;

/// <summary>
/// Issue 12, equality: the organisation's restriction over twelve months broken down by each protected
/// characteristic, with rates, so it can show restriction does not fall harder on some groups (ADR 0023).
/// Read from the monthly tallies, summed by the database; the arithmetic is <see cref="EqualityBreakdown"/>'s.
/// </summary>
[Requires(Permission.OrganisationOverview)]
public class EqualityModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    /// <summary>How many months back the window's last month may be chosen.</summary>
    public const int MonthsToChooseFrom = 36;

    private const string MonthFormat = "yyyy-MM";

    /// <summary>The window's last month, as "2026-11"; the current month when not given.</summary>
    [BindProperty(SupportsGet = true, Name = "ending")]
    public string? Ending { get; set; }

    public DateOnly FirstMonth { get; private set; }
    public DateOnly LastMonth { get; private set; }
    public IReadOnlyList<CharacteristicBreakdown> Breakdowns { get; private set; } = [];
    public List<SelectListItem> Months { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var thisMonth = Periods.StartOf(UkTime.Today(clock), ChartPeriod.Month);
        Months = [.. Enumerable.Range(0, MonthsToChooseFrom).Select(i => thisMonth.AddMonths(-i))
            .Select(m => new SelectListItem(MonthName(m), m.ToString(MonthFormat, CultureInfo.InvariantCulture)))];
        LastMonth = thisMonth;
        if (!string.IsNullOrEmpty(Ending))
        {
            if (DateOnly.TryParseExact(Ending, MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen)
                && chosen <= thisMonth && chosen > thisMonth.AddMonths(-MonthsToChooseFrom))
            {
                LastMonth = chosen;
            }
            else
            {
                ModelState.AddModelError("ending", "Select a month from the list");
            }
        }
        Ending = LastMonth.ToString(MonthFormat, CultureInfo.InvariantCulture);
        FirstMonth = LastMonth.AddMonths(-11);
        var people = await EqualityBreakdown.ReadAsync(db, Scope.OrganisationId, FirstMonth, LastMonth, ct);
        Breakdowns = EqualityBreakdown.Of(people);
    }

    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>"1.5"; "No people" where the group is empty, as a rate of nothing is not zero.</summary>
    public static string PerPerson(double? rate) => rate is { } r ? r.ToString("0.##", CultureInfo.InvariantCulture) : "No people";

    public static string Share(double? share) => share is { } s ? s.ToString("0%", CultureInfo.InvariantCulture) : "No people";
}
