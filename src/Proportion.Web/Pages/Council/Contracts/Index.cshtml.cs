using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Council.Contracts;

/// <summary>The council's contracts with providers (R27), each with how its items were last judged and the actions still open.</summary>
[Requires(Permission.ManageContracts)]
public class IndexModel(ProportionDbContext db) : ProportionPageModel
{
    public sealed record Row(Guid Id, string Provider, string Reference, string Title, DateOnly StartsOn, DateOnly? EndsOn, int Met, int PartlyMet, int NotMet, int OpenActions);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var contracts = await db.ProviderContracts.AsNoTracking().Where(c => c.CouncilId == Scope.OrganisationId)
            .Include(c => c.Judgements).Include(c => c.Actions).AsSplitQuery().ToListAsync();
        var ids = contracts.Select(c => c.ProviderId).Distinct().ToList();
        var names = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        Rows = [.. contracts.Select(c =>
        {
            var latest = Enum.GetValues<ContractItem>().Select(c.LatestJudgement).OfType<ContractJudgement>().ToList();
            return new Row(c.Id, names[c.ProviderId], c.Reference, c.Title, c.StartsOn, c.EndsOn,
                latest.Count(j => j.Judgement == ContractJudgementLevel.Met), latest.Count(j => j.Judgement == ContractJudgementLevel.PartlyMet),
                latest.Count(j => j.Judgement == ContractJudgementLevel.NotMet), c.Actions.Count(a => !a.IsDone));
        }).OrderBy(r => r.Provider).ThenBy(r => r.Reference)];
    }
}
