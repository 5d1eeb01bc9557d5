using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Intelligence;

/// <summary>A Northshire intelligence entry about Oakfield Care and Peggy, for the access matrix (keys prefixed "intel"). Added once per database.</summary>
public static class IntelFixture
{
    public const string Summary = "Matrix: the kitchen is locked at night";

    public static async Task<Dictionary<string, Guid>> IdsAsync(AppFixture app) => await app.WithDatabaseAsync(async db =>
    {
        var entry = await db.IntelligenceEntries.SingleOrDefaultAsync(e => e.Summary == Summary);
        if (entry is null)
        {
            var commissioner = await db.Users.SingleAsync(u => u.Email == "commissioner@northshire.example");
            var peggy = await db.People.SingleAsync(p => p.FamilyName == "Hughes");
            entry = new IntelligenceEntry
            {
                CouncilId = commissioner.OrganisationId, ProviderId = peggy.OrganisationId, PersonId = peggy.Id, Source = IntelligenceSource.Family,
                ReceivedOn = new DateOnly(2026, 11, 10), Reliability = SourceReliability.Reliable, Concern = ConcernLevel.Medium, Summary = Summary,
                Details = "Peggy's daughter says the kitchen is locked every night.", RecordedById = commissioner.Id, RecordedByName = commissioner.DisplayName,
                RecordedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.IntelligenceEntries.Add(entry);
            await db.SaveChangesAsync();
        }
        return new Dictionary<string, Guid> { ["intel.entry"] = entry.Id };
    });
}
