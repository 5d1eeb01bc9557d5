using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Contracts;

/// <summary>
/// A contract Northshire holds with Oakfield Care, with a visit and an open action, for the access matrix (keys
/// prefixed "contracts"). Added once per database, directly, as the commissioner would have recorded it.
/// </summary>
public static class ContractsFixture
{
    public const string Reference = "NC-MATRIX-001";

    public static async Task<Dictionary<string, Guid>> IdsAsync(AppFixture app) => await app.WithDatabaseAsync(async db =>
    {
        var contract = await db.ProviderContracts.Include(c => c.Visits).Include(c => c.Actions).SingleOrDefaultAsync(c => c.Reference == Reference);
        if (contract is null)
        {
            var northshire = await db.Organisations.Where(o => o.Name == "Northshire Council").Select(o => o.Id).SingleAsync();
            var oakfield = await db.Organisations.Where(o => o.Name == "Oakfield Care").Select(o => o.Id).SingleAsync();
            var commissioner = await db.Users.SingleAsync(u => u.Email == "commissioner@northshire.example");
            var now = app.Clock.GetUtcNow().UtcDateTime;
            contract = new ProviderContract
            {
                CouncilId = northshire, ProviderId = oakfield, Reference = Reference, Title = "Supported living", StartsOn = new DateOnly(2026, 4, 1),
                CreatedAt = now, CreatedById = commissioner.Id,
            };
            var visit = new ContractVisit
            {
                ContractId = contract.Id, VisitedOn = new DateOnly(2026, 11, 2), Findings = "The kitchen is locked at night.",
                RecordedById = commissioner.Id, RecordedByName = commissioner.DisplayName, RecordedAt = now,
            };
            contract.Visits.Add(visit);
            contract.Actions.Add(new ContractAction
            {
                ContractId = contract.Id, VisitId = visit.Id, What = "Review the locked kitchen with each person", DueOn = new DateOnly(2026, 12, 18),
                CreatedById = commissioner.Id, CreatedAt = now,
            });
            db.ProviderContracts.Add(contract);
            await db.SaveChangesAsync();
        }
        return new Dictionary<string, Guid>
        {
            ["contracts.contract"] = contract.Id,
            ["contracts.visit"] = contract.Visits.Single().Id,
            ["contracts.action"] = contract.Actions.Single().Id,
        };
    });
}
