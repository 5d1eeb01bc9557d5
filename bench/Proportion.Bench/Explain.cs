using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Oversight;
using Proportion.Core.Scoping;

namespace Proportion.Bench;

/// <summary>
/// Prints the SQL EF generates for the two pages' queries under the service manager's scope, and for
/// DueWork's under the manager's and the senior manager's, and the database's plan for each (EXPLAIN
/// QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL), so a slow page or list can be traced to a
/// missing index or a filter the planner cannot use.
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

        // DueWork's queries are private to it; copied here they would drift from it. So DueWork runs as the
        // due command runs it, and each command it sends is explained as it goes, parameters and all.
        Guid seniorId;
        await using (var system = new ProportionDbContext(options) { Scope = UserScope.System })
        {
            var email = Generator.SeniorEmail(organisation).ToUpperInvariant();
            seniorId = await system.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleAsync(ct);
        }
        UserScope seniorScope;
        await using (var system = new ProportionDbContext(options) { Scope = UserScope.System })
        {
            seniorScope = await new UserScopeFactory(system, TimeProvider.System).BuildAsync(seniorId, ct);
        }
        var rules = Microsoft.Extensions.Options.Options.Create(new Proportion.Core.Rules.RuleSettings());
        foreach (var (who, whoScope, forService) in new[] { ("the manager's service", scope, true), ("the senior manager's organisation", seniorScope, false) })
        {
            var printer = new PlanPrinter(provider, $"DueWork for {who}");
            var withPlans = new DbContextOptionsBuilder<ProportionDbContext>(options).AddInterceptors(printer).Options;
            await using var due = new ProportionDbContext(withPlans) { Scope = whoScope };
            var work = new DueWork(due, TimeProvider.System, rules, BenchLinks.Instance);
            var items = forService ? await work.ForServiceAsync(serviceId, ct) : await work.ForScopeAsync(ct: ct);
            Console.WriteLine($"---- DueWork for {who}: {items.Count:N0} items");
            Console.WriteLine();
        }
    }

    private static async Task ShowAsync(ProportionDbContext db, DatabaseProvider provider, string title, DbCommand command, CancellationToken ct)
    {
        Console.WriteLine($"---- {title}");
        Console.WriteLine(command.CommandText);
        Console.WriteLine();
        command.Connection ??= db.Database.GetDbConnection();
        await PrintPlanAsync(command, provider, ct);
    }

    private static async Task PrintPlanAsync(DbCommand command, DatabaseProvider provider, CancellationToken ct)
    {
        var sql = command.CommandText;
        command.CommandText = (provider == DatabaseProvider.Postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + sql;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                Console.WriteLine(provider == DatabaseProvider.Postgres ? reader.GetString(0) : "  " + reader.GetString(3));
            }
        }
        finally
        {
            command.CommandText = sql;
        }
        Console.WriteLine();
    }

    /// <summary>Prints each query EF is about to run, with its parameters and its plan, then lets it run.</summary>
    private sealed class PlanPrinter(DatabaseProvider provider, string title) : DbCommandInterceptor
    {
        // The order DueWork runs them in.
        private static readonly string[] Names =
        [
            "the services", "R9: reviews due", "R8: early reviews pending", "R18: reduction not considered",
            "R11: last monitoring and audit per service", "R10: emergencies past their 48-hour review",
        ];
        private int _count;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var n = _count++;
            Console.WriteLine($"---- {title}, query {n + 1}: {(n < Names.Length ? Names[n] : "?")}");
            Console.WriteLine(command.CommandText);
            foreach (DbParameter p in command.Parameters)
            {
                Console.WriteLine($"  -- {p.ParameterName} = {Show(p.Value)}");
            }
            Console.WriteLine();
            await PrintPlanAsync(command, provider, cancellationToken);
            return result;
        }

        private static string? Show(object? value) => value switch
        {
            Array a => $"[{string.Join(", ", a.Cast<object?>().Select(Show))}]",
            DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("O", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }
}
