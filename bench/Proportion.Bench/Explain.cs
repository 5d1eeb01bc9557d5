using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Bench;

/// <summary>
/// Prints the SQL EF generates for the two pages' queries under the service manager's scope, and the
/// database's plan for each (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL), so a slow
/// page can be traced to a missing index or a filter the planner cannot use.
/// </summary>
public static class Explain
{
    public static async Task RunAsync(DatabaseProvider provider, string connection, int organisation, CancellationToken ct)
    {
        var options = DatabaseSetup.Options(provider, connection);
        Guid userId, serviceId, personId;
        await using (var system = new ProportionDbContext(options) { Scope = UserScope.System })
        {
            var email = Generator.ManagerEmail(organisation).ToUpperInvariant();
            userId = await system.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleAsync(ct);
            serviceId = await system.ServiceAssignments.Where(a => a.UserId == userId).Select(a => a.ServiceId).FirstAsync(ct);
            personId = await system.People.Where(p => p.ServiceId == serviceId).OrderBy(p => p.FamilyName).ThenBy(p => p.Id)
                .Select(p => p.Id).FirstAsync(ct);
        }
        UserScope scope;
        await using (var system = new ProportionDbContext(options) { Scope = UserScope.System })
        {
            scope = await new UserScopeFactory(system, TimeProvider.System).BuildAsync(userId, ct);
        }
        await using var db = new ProportionDbContext(options) { Scope = scope };
        await db.Database.OpenConnectionAsync(ct);

        await ShowAsync(db, provider, "Register: the person, with their service (and representatives, owned)",
            db.People.Include(p => p.Service).AsNoTracking().Where(p => p.Id == personId).Take(2).CreateDbCommand(), ct);
        await ShowAsync(db, provider, "Register: the person's practices",
            db.Practices.AsNoTracking().Where(p => p.PersonId == personId)
                .OrderBy(p => p.Status).ThenBy(p => p.StartDate).CreateDbCommand(), ct);
        await ShowAsync(db, provider, "Open list: the service",
            db.Services.AsNoTracking().Where(s => s.Id == serviceId).Take(2).CreateDbCommand(), ct);
        await ShowAsync(db, provider, "Open list: the service's open practices with the person's name",
            db.Practices.AsNoTracking()
                .Where(p => p.ServiceId == serviceId && p.Status != PracticeStatus.Ended)
                .OrderBy(p => p.Person!.FamilyName).ThenBy(p => p.Person!.GivenName).ThenBy(p => p.StartDate)
                .Select(p => new { p.Id, p.PersonId, Name = p.Person!.GivenName + " " + p.Person.FamilyName, p.Category, p.Description,
                    p.Kind, p.Status, p.StartDate, p.ReviewDate })
                .CreateDbCommand(), ct);
    }

    private static async Task ShowAsync(ProportionDbContext db, DatabaseProvider provider, string title, DbCommand command, CancellationToken ct)
    {
        Console.WriteLine($"---- {title}");
        Console.WriteLine(command.CommandText);
        Console.WriteLine();
        command.CommandText = (provider == DatabaseProvider.Postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        command.Connection ??= db.Database.GetDbConnection();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            Console.WriteLine(provider == DatabaseProvider.Postgres ? reader.GetString(0) : "  " + reader.GetString(3));
        }
        Console.WriteLine();
    }
}
