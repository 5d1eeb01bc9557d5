using Microsoft.EntityFrameworkCore;
using Proportion.Core.Commissioning;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Council.Intelligence;

/// <summary>One intelligence entry (R27) as first recorded, its corrections, and every disclosure of it. Each look is logged.</summary>
[Requires(Permission.ReadIntelligence)]
public class ViewModel(IntelligenceRecords records, ProportionDbContext db) : ProportionPageModel
{
    public IntelligenceEntry Entry { get; private set; } = null!;
    public string Provider { get; private set; } = "";
    /// <summary>The person's name, or null when the entry names nobody; a social worker not allocated to them sees only that someone is named.</summary>
    public string? Person { get; private set; }

    public async Task OnGetAsync(Guid id)
    {
        Entry = await records.ForCouncilAsync(id);
        Provider = await db.Organisations.Where(o => o.Id == Entry.ProviderId).Select(o => o.Name).SingleAsync();
        if (Entry.PersonId is { } person)
        {
            Person = await db.People.Where(p => p.Id == person).Select(p => (p.PreferredName ?? p.GivenName) + " " + p.FamilyName).SingleOrDefaultAsync()
                ?? "A person your council funds (not one of yours)";
        }
        await records.RecordViewAsync(Entry);
    }
}
