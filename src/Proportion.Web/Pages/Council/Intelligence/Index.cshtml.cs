using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Council.Intelligence;

/// <summary>The council's intelligence log (R27), newest first, for one provider or all: what was heard, from whom, how graded, and how often shared.</summary>
[Requires(Permission.ReadIntelligence)]
public class IndexModel(ProportionDbContext db) : ProportionPageModel
{
    public const int Limit = 200;

    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    public sealed record Row(Guid Id, DateOnly ReceivedOn, string Provider, string Summary, IntelligenceSource Source, SourceReliability Reliability,
        ConcernLevel Concern, int Shares, int Amendments);

    public List<Row> Rows { get; private set; } = [];
    public List<SelectListItem> Providers { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ModelState.Remove(nameof(ProviderId));
        var entries = db.IntelligenceEntries.AsNoTracking().Where(e => e.CouncilId == Scope.OrganisationId);
        var providerIds = await entries.Select(e => e.ProviderId).Distinct().ToListAsync();
        var names = await db.Organisations.Where(o => providerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        Providers = [new SelectListItem("All providers", ""), .. names.OrderBy(n => n.Value).Select(n => new SelectListItem(n.Value, n.Key.ToString()))];
        if (ProviderId is { } provider)
        {
            entries = entries.Where(e => e.ProviderId == provider);
        }
        Rows = [.. (await entries.OrderByDescending(e => e.ReceivedOn).ThenByDescending(e => e.RecordedAt).Take(Limit)
                .Select(e => new { e.Id, e.ReceivedOn, e.ProviderId, e.Summary, e.Source, e.Reliability, e.Concern, Shares = e.Shares.Count, Amendments = e.Amendments.Count })
                .ToListAsync())
            .Select(e => new Row(e.Id, e.ReceivedOn, names[e.ProviderId], e.Summary, e.Source, e.Reliability, e.Concern, e.Shares, e.Amendments))];
    }
}
