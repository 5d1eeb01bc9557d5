using Microsoft.AspNetCore.Mvc.ModelBinding;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Incidents;

/// <summary>
/// The filters of a service's incident list and its exports (R14): dates, type, reason, person and
/// member of staff. Dates default to the last twelve calendar months, so a list opens with a year of trend.
/// </summary>
public sealed class IncidentFilter
{
    public DateParts From { get; set; } = new();
    public DateParts To { get; set; } = new();
    public InterventionType? Type { get; set; }
    public InterventionReason? Reason { get; set; }
    public Guid? Person { get; set; }
    public Guid? Staff { get; set; }

    /// <summary>
    /// The <paramref name="days"/> days up to and including today, of one type or any: the organisation's picture
    /// counts incidents through this filter and links to the list with it, so a figure and its list always agree.
    /// </summary>
    public static IncidentFilter LastDays(DateOnly today, int days, InterventionType? type = null) =>
        new() { From = DateParts.From(today.AddDays(1 - days)), To = DateParts.From(today), Type = type };

    /// <summary>
    /// This filter narrowed to one calendar month, within its own dates: a month's row of the figures links to
    /// the incidents it counts. Call it after <see cref="Apply"/> has read the dates.
    /// </summary>
    public IncidentFilter ForMonth(DateOnly month)
    {
        var first = From.TryGetDate(out var from) && from > month ? from : month;
        var last = To.TryGetDate(out var to) && to < month.AddMonths(1).AddDays(-1) ? to : month.AddMonths(1).AddDays(-1);
        return new() { From = DateParts.From(first), To = DateParts.From(last), Type = Type, Reason = Reason, Person = Person, Staff = Staff };
    }

    /// <summary>The filtered query, or null when a date cannot be read (the errors are in ModelState).</summary>
    public IQueryable<Incident>? Apply(IQueryable<Incident> incidents, ModelStateDictionary modelState, DateOnly today)
    {
        if (From.IsEmpty)
        {
            From = DateParts.From(new DateOnly(today.Year, today.Month, 1).AddMonths(-11));
        }
        if (To.IsEmpty)
        {
            To = DateParts.From(today);
        }
        var from = From.Validate(modelState, "Filter.From", "From date");
        var to = To.Validate(modelState, "Filter.To", "To date");
        if (from > to)
        {
            modelState.AddModelError("Filter.To", "The to date must be the same as or after the from date");
        }
        if (!modelState.IsValid || from is null || to is null)
        {
            return null;
        }
        var fromUtc = UkTime.EndOfDay(from.Value.AddDays(-1));
        var toUtc = UkTime.EndOfDay(to.Value);
        var query = incidents.Where(i => i.OccurredAt >= fromUtc && i.OccurredAt < toUtc);
        if (Type is { } type)
        {
            query = query.Where(i => i.Interventions.Any(x => x.Type == type));
        }
        if (Reason is { } reason)
        {
            query = query.Where(i => i.Reason == reason);
        }
        if (Person is { } person)
        {
            query = query.Where(i => i.PersonId == person);
        }
        if (Staff is { } staff)
        {
            query = query.Where(i => i.Staff.Any(s => s.UserId == staff));
        }
        return query;
    }

    /// <summary>The filter as a query string, for the export links.</summary>
    public string ToQueryString() => string.Join("&", new[]
    {
        $"Filter.From.Day={From.Day}", $"Filter.From.Month={From.Month}", $"Filter.From.Year={From.Year}",
        $"Filter.To.Day={To.Day}", $"Filter.To.Month={To.Month}", $"Filter.To.Year={To.Year}",
        Type is null ? null : $"Filter.Type={Type}", Reason is null ? null : $"Filter.Reason={Reason}",
        Person is null ? null : $"Filter.Person={Person}", Staff is null ? null : $"Filter.Staff={Staff}",
    }.OfType<string>().Select(p => Uri.EscapeDataString(p[..p.IndexOf('=')]) + "=" + Uri.EscapeDataString(p[(p.IndexOf('=') + 1)..])));
}
