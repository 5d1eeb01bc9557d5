using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;

namespace Proportion.Web.Tests.Support;

/// <summary>
/// What someone with the database owner's rights could do: turn off the audit trail's triggers, change
/// rows, and turn them back on. Tests use it to prove the hash chain catches what the triggers would refuse.
/// </summary>
public static class AuditTampering
{
    public static async Task WithoutTriggersAsync(ProportionDbContext db, Func<Task> tamper)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEvents" DISABLE TRIGGER USER""");
            try
            {
                await tamper();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEvents" ENABLE TRIGGER USER""");
            }
            return;
        }
        // SQLite cannot switch a trigger off: drop them and put them back as they were.
        var triggers = await db.Database
            .SqlQueryRaw<string>("""SELECT sql AS "Value" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEvents'""")
            .ToListAsync();
        var names = await db.Database
            .SqlQueryRaw<string>("""SELECT name AS "Value" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEvents'""")
            .ToListAsync();
        Assert.NotEmpty(triggers);
        foreach (var name in names)
        {
            // The names come from the catalogue, not from input.
            var drop = $"""DROP TRIGGER "{name}" """;
            await db.Database.ExecuteSqlRawAsync(drop);
        }
        try
        {
            await tamper();
        }
        finally
        {
            foreach (var sql in triggers)
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }
    }
}
