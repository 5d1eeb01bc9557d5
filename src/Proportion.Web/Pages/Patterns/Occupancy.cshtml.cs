using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Services;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Patterns;

/// <summary>
/// The months' occupied bed days and hours of support a manager keeps for a service (ADR 0026), which make
/// its incidents into rates on the patterns page. A month is recorded once and changed by recording it again.
/// </summary>
[Requires(Permission.ManageIncidents)]
public class OccupancyModel(ProportionDbContext db, OccupancyRecords records, TimeProvider clock) : ProportionPageModel
{
    /// <summary>How far back a month may be chosen for a first recording, and how many months are listed.</summary>
    public const int MonthsOffered = 36;

    public sealed record MonthRow(DateOnly Month, int? OccupiedBedDays, int? SupportHours);

    public sealed class OccupancyForm
    {
        /// <summary>"2026-10".</summary>
        public string? Month { get; set; }
        public string? OccupiedBedDays { get; set; }
        public string? SupportHours { get; set; }
        /// <summary>0 when the month had no figures when the form was shown.</summary>
        public int Version { get; set; }
    }

    [BindProperty(Name = "Input")]
    public OccupancyForm Input { get; set; } = new();

    public Service Service => Subjects.Service!;
    public List<MonthRow> Months { get; private set; } = [];
    /// <summary>The months with no figures yet, for a first recording; empty when a month is being changed.</summary>
    public List<SelectListItem> MonthChoices { get; private set; } = [];
    /// <summary>The month being changed, when the form changes one already recorded.</summary>
    public DateOnly? Changing { get; private set; }

    public static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Label(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public async Task<IActionResult> OnGetAsync(Guid id, string? month)
    {
        await LoadAsync(id);
        if (month is not null && ParseMonth(month) is { } chosen
            && await db.ServiceOccupancy.AsNoTracking().SingleOrDefaultAsync(o => o.ServiceId == id && o.Month == chosen) is { } row)
        {
            Changing = chosen;
            Input = new OccupancyForm
            {
                Month = Key(chosen),
                OccupiedBedDays = row.OccupiedBedDays?.ToString(CultureInfo.InvariantCulture),
                SupportHours = row.SupportHours?.ToString(CultureInfo.InvariantCulture),
                Version = row.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var month = ParseMonth(Input.Month);
        if (month is null)
        {
            ModelState.AddModelError("Input.Month", "Select the month");
        }
        var bedDays = ParseFigure(Input.OccupiedBedDays, "Input.OccupiedBedDays", "Occupied bed days");
        var hours = ParseFigure(Input.SupportHours, "Input.SupportHours", "Hours of support");
        if (ModelState.IsValid && month is { } m
            && await TryWriteAsync(() => records.RecordAsync(id, new OccupancyFigures(m, bedDays, hours), Input.Version)))
        {
            Confirm($"The figures for {Label(m)} have been saved.");
            return Redirect(Links.ServiceOccupancy(id));
        }
        await LoadAsync(id);
        if (Input.Version != 0 && month is { } changing)
        {
            Changing = changing;
        }
        return Page();
    }

    private async Task LoadAsync(Guid id)
    {
        var today = UkTime.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        Months = await db.ServiceOccupancy.AsNoTracking()
            .Where(o => o.ServiceId == id && o.Month > thisMonth.AddMonths(-MonthsOffered))
            .OrderByDescending(o => o.Month)
            .Select(o => new MonthRow(o.Month, o.OccupiedBedDays, o.SupportHours))
            .ToListAsync();
        var recorded = Months.Select(r => r.Month).ToHashSet();
        MonthChoices = [new("Select the month", ""), .. Enumerable.Range(0, MonthsOffered)
            .Select(i => thisMonth.AddMonths(-i))
            .Where(m => !recorded.Contains(m))
            .Select(m => new SelectListItem(Label(m), Key(m)))];
    }

    private static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    /// <summary>A whole number, commas allowed ("1,240"); empty is "not given". Errors land at the field.</summary>
    private int? ParseFigure(string? text, string key, string label)
    {
        var trimmed = text?.Replace(",", "").Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (!trimmed.All(char.IsAsciiDigit) || !int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            ModelState.AddModelError(key, $"{label} must be a whole number, like 840");
            return null;
        }
        return value;
    }
}
