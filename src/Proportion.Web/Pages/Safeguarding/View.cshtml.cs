using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Safeguarding;

/// <summary>
/// A safeguarding concern as the provider's managers read it (R20): what was raised, what the rules find, its
/// status and when each step happened. Every look at it is logged against the concern.
/// </summary>
[Requires(Permission.ReadSafeguarding)]
public class ViewModel(ProportionDbContext db) : SafeguardingPageModel(db)
{
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public Incident? Incident { get; private set; }
    public string? CouncilName { get; private set; }

    public bool CanContinue => Concern.Status == SafeguardingStatus.Draft && Scope.Allows(Permission.RaiseSafeguarding, Concern.OrganisationId);
    public bool CanRecordTold => SafeguardingRules.PersonStillToBeTold(Concern) && Scope.Allows(Permission.RaiseSafeguarding, Concern.OrganisationId);

    public string Name(Guid? userId) => userId is { } id && Names.TryGetValue(id, out var name) ? name : "Someone";

    public async Task<IActionResult> OnGetAsync(Guid concernId)
    {
        if (!await LoadConcernAsync(concernId, "a safeguarding concern"))
        {
            return NotFound();
        }
        var c = Concern;
        Findings = SafeguardingRules.ForSending(c, Person.KnownAs);
        var ids = new[] { c.RaisedById, c.SentById, c.ReceivedById, c.DecidedById, c.ClosedById, c.AllegedSourceUserId }.OfType<Guid>().Distinct().ToList();
        Names = await Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Incident = c.IncidentId is { } incident ? await Db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == incident) : null;
        CouncilName = await Db.Organisations.Where(o => o.Id == c.CouncilId).Select(o => o.Name).SingleOrDefaultAsync();
        return Page();
    }
}
