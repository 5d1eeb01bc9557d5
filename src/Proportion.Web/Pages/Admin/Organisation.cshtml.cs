using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Organisations;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Admin;

/// <summary>
/// The administrator's own organisation's details (R20, tools for risky choices). A council's administrator sets its
/// safeguarding helpline, which every keeping safe plan for someone the council funds, or who lives in its area,
/// shows. A provider's administrator sees the helplines of the councils its services are in.
/// </summary>
[Requires(Permission.SetSafeguardingHelpline)]
public class OrganisationModel(ProportionDbContext db, OrganisationDetails details) : ProportionPageModel
{
    public Core.Model.Organisation Own { get; private set; } = null!;
    /// <summary>For a provider: each council its services are in, with its helpline (null when not set).</summary>
    public List<(string Council, string? Helpline, string Services)> LocalCouncils { get; private set; } = [];

    [BindProperty(Name = "Input")]
    public HelplineForm Input { get; set; } = new();

    public sealed class HelplineForm
    {
        public string? SafeguardingHelpline { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        Input = new HelplineForm { SafeguardingHelpline = Own.SafeguardingHelpline, Version = Own.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!await TryWriteAsync(() => details.SetSafeguardingHelplineAsync(Input.Version, Input.SafeguardingHelpline)))
        {
            return Page();
        }
        Confirm(string.IsNullOrWhiteSpace(Input.SafeguardingHelpline)
            ? "The safeguarding helpline is removed. Keeping safe plans now say that none is set."
            : "The safeguarding helpline is saved. Every keeping safe plan for the people you fund or who live in your area shows it.");
        return Redirect(Links.OrganisationDetails());
    }

    private async Task LoadAsync()
    {
        Own = await details.OwnAsync();
        if (Own.Kind == OrganisationKind.Provider)
        {
            var services = await db.Services.AsNoTracking().Where(s => s.OrganisationId == Own.Id && s.LocalCouncilId != null)
                .Select(s => new { s.Name, Council = s.LocalCouncilId!.Value }).ToListAsync();
            var ids = services.Select(s => s.Council).Distinct().ToList();
            var councils = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
            LocalCouncils = [.. services.GroupBy(s => s.Council).Where(g => councils.ContainsKey(g.Key))
                .Select(g => (councils[g.Key].Name, councils[g.Key].SafeguardingHelpline, string.Join(", ", g.Select(s => s.Name).Order())))
                .OrderBy(c => c.Name)];
        }
    }
}
