using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.People;

/// <summary>Everything done to and every look at a person's record, newest first: who, when, what, why.</summary>
[Requires(Permission.ReadHistory)]
public class HistoryModel(ProportionDbContext db, AuditChain chain) : ProportionPageModel
{
    public const int PageSize = 100;

    public Person Person => Subjects.Person!;
    public List<AuditEvent> Events { get; private set; } = [];
    /// <summary>Each shown entry checked against its seal, so a changed entry is never shown as if it were true.</summary>
    public IReadOnlyDictionary<Guid, AuditSeal> Seals { get; private set; } = new Dictionary<Guid, AuditSeal>();

    [BindProperty(SupportsGet = true)]
    public bool IncludeViews { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var events = db.AuditEvents.AsNoTracking().Where(a => a.PersonId == id);
        // R20: what was done to a safeguarding concern, or who looked at it, shows only to those who may see the
        // concern itself: never to the member of staff it names as the alleged source, nor to staff who read no concerns.
        events = events.Where(a => a.EntityType != Proportion.Core.Safeguarding.SafeguardingRecords.EntityType
            || db.SafeguardingConcerns.Any(c => c.Id == a.EntityId));
        if (!IncludeViews)
        {
            events = events.Where(a => a.Action != AuditAction.Viewed);
        }
        Events = await events.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(PageSize).ToListAsync();
        Seals = await chain.CheckAsync(Events);
        return Page();
    }
}
