using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Organisation.Contracts;

/// <summary>The provider's contracts with councils (R27), with the actions the councils' visits asked of it still open.</summary>
[Requires(Permission.ReadContracts)]
public class IndexModel(ProportionDbContext db, TimeProvider clock) : ProportionPageModel
{
    public sealed record Row(Guid Id, string Council, string Reference, string Title, int NotMet, int OpenActions, int OverdueActions);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = UkTime.Today(clock);
        var contracts = await db.ProviderContracts.AsNoTracking().Where(c => c.ProviderId == Scope.OrganisationId)
            .Include(c => c.Judgements).Include(c => c.Actions).AsSplitQuery().ToListAsync();
        var ids = contracts.Select(c => c.CouncilId).Distinct().ToList();
        var names = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        Rows = [.. contracts.Select(c => new Row(c.Id, names[c.CouncilId], c.Reference, c.Title,
                Enum.GetValues<ContractItem>().Select(c.LatestJudgement).Count(j => j?.Judgement == ContractJudgementLevel.NotMet),
                c.Actions.Count(a => !a.IsDone), c.Actions.Count(a => !a.IsDone && a.DueOn < today)))
            .OrderBy(r => r.Council).ThenBy(r => r.Reference)];
    }
}
