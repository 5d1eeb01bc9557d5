using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Commissioning;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Council.Intelligence;

/// <summary>Records what the council heard about a provider (R27), graded, and about whom if a person it funds.</summary>
[Requires(Permission.RecordIntelligence)]
public class NewModel(ProportionDbContext db, IntelligenceRecords records) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public EntryForm Input { get; set; } = new();

    public sealed class EntryForm
    {
        public Guid? ProviderId { get; set; }
        public Guid? PersonId { get; set; }
        public IntelligenceSource? Source { get; set; }
        public DateParts ReceivedOn { get; set; } = new();
        public SourceReliability? Reliability { get; set; }
        public ConcernLevel? Concern { get; set; }
        public string? Summary { get; set; }
        public string? Details { get; set; }
    }

    public List<SelectListItem> Providers { get; private set; } = [];
    public List<SelectListItem> People { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var received = Input.ReceivedOn.Validate(ModelState, "Input.ReceivedOn", "The date it was received", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        IntelligenceEntry? entry = null;
        if (!await TryWriteAsync(async () => entry = await records.RecordAsync(new EntryInput(Input.ProviderId, Input.PersonId, Input.Source, received,
                Input.Reliability, Input.Concern, Input.Summary, Input.Details))))
        {
            return Page();
        }
        Confirm("The intelligence is recorded.");
        return Redirect(Links.IntelligenceEntry(entry!.Id));
    }

    /// <summary>Every provider; the people the council funds, each with their provider, for entries about one person.</summary>
    private async Task LoadAsync()
    {
        var council = Scope.OrganisationId;
        // Ids are written out here, not by the database: SQLite would write them in capitals, and a choice made would not show as chosen.
        var providers = await db.Organisations.Where(o => o.Kind == OrganisationKind.Provider).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
        Providers = [new SelectListItem("Select a provider", ""), .. providers.Select(o => new SelectListItem(o.Name, o.Id.ToString()))];
        var names = providers.ToDictionary(p => p.Id, p => p.Name);
        People = [new SelectListItem("Nobody in particular", ""), .. (await db.People.Where(p => p.FundingCouncilId == council)
                .Select(p => new { p.Id, p.GivenName, p.PreferredName, p.FamilyName, p.OrganisationId }).ToListAsync())
            .Select(p => (p.Id, Name: $"{(string.IsNullOrWhiteSpace(p.PreferredName) ? p.GivenName : p.PreferredName)} {p.FamilyName}", Provider: names.GetValueOrDefault(p.OrganisationId)))
            .OrderBy(p => p.Name).Select(p => new SelectListItem($"{p.Name} ({p.Provider})", p.Id.ToString()))];
    }
}
