using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Admin;

/// <summary>
/// Every request the organisation's users were refused (not found or outside their scope, or not allowed
/// for their roles), newest first, filterable by date and user: for the administrator to spot probing.
/// </summary>
[Requires(Permission.ManageUsers)]
public class RefusedModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public const int PageSize = 50;

    public sealed record Row(DateTime At, string UserName, string Method, string Path, string? Reason);

    [BindProperty(SupportsGet = true, Name = "From")]
    public DateParts From { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "To")]
    public DateParts To { get; set; } = new();

    /// <summary>The user whose refusals to show; everyone's when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Who { get; set; }

    /// <summary>Which page of the list; not named "page", which is the Razor Pages route value.</summary>
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public List<SelectListItem> UserChoices { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public int Matches { get; private set; }
    public int Pages => Math.Max(1, (Matches + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        var organisation = Scope.OrganisationId;
        UserChoices = [new("Anyone", ""), .. await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisation)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName })
            .AsAsyncEnumerable().Select(u => new SelectListItem(u.DisplayName, u.Id.ToString())).ToListAsync()];

        var today = UkTime.Today(clock);
        if (From.IsEmpty)
        {
            From = DateParts.From(today.AddDays(-30));
        }
        if (To.IsEmpty)
        {
            To = DateParts.From(today);
        }
        var from = From.Validate(ModelState, "From", "From date");
        var to = To.Validate(ModelState, "To", "To date");
        if (from > to)
        {
            ModelState.AddModelError("To", "The to date must be the same as or after the from date");
        }
        if (!ModelState.IsValid || from is null || to is null)
        {
            return Page();
        }

        var fromUtc = UkTime.EndOfDay(from.Value.AddDays(-1));
        var toUtc = UkTime.EndOfDay(to.Value);
        // The query filter keeps this to the administrator's own organisation; refusals are always
        // recorded there, whatever organisation the id asked for belongs to.
        var query = db.AuditEvents.AsNoTracking()
            .Where(a => a.Action == AuditAction.Refused && a.At >= fromUtc && a.At < toUtc);
        if (Who is { } user)
        {
            query = query.Where(a => a.UserId == user);
        }
        Matches = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var events = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        Rows = [.. events.Select(e =>
        {
            var asked = ChangeSet.Parse(e.Changes);
            return new Row(e.At, e.UserName, Asked(asked, "Method"), Asked(asked, "Path"), e.Reason);
        })];
        return Page();
    }

    /// <summary>The link to another page of the same list, keeping the filters.</summary>
    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["From.Day"] = From.Day, ["From.Month"] = From.Month, ["From.Year"] = From.Year,
        ["To.Day"] = To.Day, ["To.Month"] = To.Month, ["To.Year"] = To.Year,
        ["Who"] = Who?.ToString(), ["PageNumber"] = page.ToString(),
    }).Value!;

    private static string Asked(IReadOnlyDictionary<string, string?[]> asked, string field) =>
        asked.TryGetValue(field, out var values) ? values[1] ?? "" : "";
}
