using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Bench;

/// <summary>
/// Fills an empty database with provider organisations, their services, people and practices, plus a
/// few councils that fund most of the people, so the scoping filters meet realistic data.
/// Deterministic for a given seed.
/// </summary>
public static class Generator
{
    public const string Password = "Bench-password-2026";
    public const string EmailDomain = "bench.example";

    public static string ManagerEmail(int organisation) => $"manager{organisation}@{EmailDomain}";
    public static string SeniorEmail(int organisation) => $"senior{organisation}@{EmailDomain}";

    public static ProportionDbContext Open(DatabaseProvider provider, string connection) =>
        new(DatabaseSetup.Options(provider, connection)) { Scope = UserScope.System };

    public static async Task DropAsync(DatabaseProvider provider, string connection)
    {
        await using var db = Open(provider, connection);
        var deleted = await db.Database.EnsureDeletedAsync();
        Console.WriteLine(deleted ? "Database deleted." : "No database to delete.");
    }

    public static async Task RunAsync(GenerateSettings s, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        await using (var db = Open(s.Provider, s.Connection))
        {
            await db.Database.MigrateAsync(ct);
            if (await db.Organisations.IgnoreQueryFilters().AnyAsync(ct))
            {
                throw new UsageException("The database already has organisations; generate fills an empty database only.");
            }
        }
        var roleIds = await EnsureRolesAsync(s, ct);
        Console.WriteLine($"Migrated and roles ready in {total.Elapsed.TotalSeconds:F1} s.");

        var random = new Random(s.Seed);
        var now = DateTime.UtcNow;
        var today = UkTime.Today(TimeProvider.System);
        var hasher = new PasswordHasher<AppUser>();
        // Hashing is deliberately slow (PBKDF2); every bench user shares one password, so hash it once.
        var passwordHash = hasher.HashPassword(new AppUser { DisplayName = "" }, Password);
        var counts = new Dictionary<string, int>();
        void Count(string table, int n = 1) => counts[table] = counts.GetValueOrDefault(table) + n;

        await using var batch = new Batcher(s, counts, ct);
        var insert = Stopwatch.StartNew();

        var councils = Enumerable.Range(1, Math.Max(1, s.Organisations / 5))
            .Select(i => new Organisation { Name = $"Bench Council {i:D3}", Kind = OrganisationKind.Council, CreatedAt = now })
            .ToList();
        foreach (var council in councils)
        {
            await batch.AddAsync(council);
            Count("Organisations");
        }

        for (var o = 1; o <= s.Organisations; o++)
        {
            var organisation = new Organisation { Name = $"Bench Care {o:D3}", Kind = OrganisationKind.Provider, CreatedAt = now };
            await batch.AddAsync(organisation);
            Count("Organisations");

            var services = Enumerable.Range(1, s.ServicesPerOrganisation).Select(i => new Service
            {
                OrganisationId = organisation.Id,
                Name = $"{Pick(random, Names.Places)} {Pick(random, Names.ServiceKinds)} {i:D3}",
                SettingType = (SettingType)random.Next(1, 7),
                CqcLocationId = random.Next(4) == 0 ? null : $"1-{random.Next(100_000_000, 999_999_999)}",
                CreatedAt = now,
            }).ToList();
            foreach (var service in services)
            {
                await batch.AddAsync(service);
                Count("Services");
            }

            var manager = NewUser(ManagerEmail(o), $"{Pick(random, Names.Given)} {Pick(random, Names.Family)}", organisation, passwordHash);
            var senior = NewUser(SeniorEmail(o), $"{Pick(random, Names.Given)} {Pick(random, Names.Family)}", organisation, passwordHash);
            await batch.AddAsync(manager);
            await batch.AddAsync(senior);
            await batch.AddAsync(new IdentityUserRole<Guid> { UserId = manager.Id, RoleId = roleIds[Roles.ServiceManager] });
            await batch.AddAsync(new IdentityUserRole<Guid> { UserId = senior.Id, RoleId = roleIds[Roles.SeniorManager] });
            await batch.AddAsync(new ServiceAssignment { UserId = manager.Id, ServiceId = services[0].Id, OrganisationId = organisation.Id });
            Count("AspNetUsers", 2);
            Count("AspNetUserRoles", 2);
            Count("ServiceAssignments");

            foreach (var service in services)
            {
                for (var p = 0; p < s.PeoplePerService; p++)
                {
                    var person = NewPerson(random, service, councils, today, now);
                    await batch.AddAsync(person);
                    Count("People");
                    Count("Representatives", person.Representatives.Count);
                    for (var r = 0; r < s.PracticesPerPerson; r++)
                    {
                        await batch.AddAsync(NewPractice(random, person, manager.Id, today, now));
                        Count("RestrictivePractices");
                    }
                }
            }
        }
        await batch.FlushAsync();
        insert.Stop();

        var rows = counts.Values.Sum();
        Console.WriteLine($"Inserted {rows:N0} rows in {insert.Elapsed.TotalSeconds:F1} s ({rows / Math.Max(insert.Elapsed.TotalSeconds, 0.001):N0} rows/s):");
        foreach (var (table, n) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {table,-22} {n,10:N0}");
        }
        if (s.Provider == DatabaseProvider.Postgres)
        {
            // Settle the database as autovacuum and the checkpointer would, so the timings that follow
            // neither plan on empty statistics nor compete with a vacuum of 100,000 fresh rows.
            // SQLite is left as the app leaves it: nothing there ever runs ANALYZE.
            var settle = Stopwatch.StartNew();
            await using var db = Open(s.Provider, s.Connection);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("CHECKPOINT", ct);
            }
            catch (Npgsql.PostgresException e)
            {
                Console.WriteLine($"  (no CHECKPOINT: {e.MessageText})");
            }
            Console.WriteLine($"VACUUM (ANALYZE) and CHECKPOINT in {settle.Elapsed.TotalSeconds:F1} s.");
        }
        Console.WriteLine($"Sign in as {ManagerEmail(1)} or {SeniorEmail(1)} with password {Password}.");
        Console.WriteLine($"Done in {total.Elapsed.TotalSeconds:F1} s.");
    }

    /// <summary>The same role rows DemoData.EnsureRolesAsync makes (normalised the way Identity normalises).</summary>
    private static async Task<Dictionary<string, Guid>> EnsureRolesAsync(GenerateSettings s, CancellationToken ct)
    {
        await using var db = Open(s.Provider, s.Connection);
        var existing = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        foreach (var role in Roles.All.Where(r => !existing.ContainsKey(r)))
        {
            var row = new AppRole { Name = role, NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() };
            db.Roles.Add(row);
            existing[role] = row.Id;
        }
        await db.SaveChangesAsync(ct);
        return existing;
    }

    private static AppUser NewUser(string email, string name, Organisation organisation, string passwordHash) => new()
    {
        DisplayName = name,
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        PasswordHash = passwordHash,
        SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
        OrganisationId = organisation.Id,
    };

    private static Person NewPerson(Random random, Service service, List<Organisation> councils, DateOnly today, DateTime now)
    {
        var family = Pick(random, Names.Family);
        var person = new Person
        {
            OrganisationId = service.OrganisationId,
            ServiceId = service.Id,
            GivenName = Pick(random, Names.Given),
            FamilyName = family,
            PreferredName = random.Next(6) == 0 ? Pick(random, Names.Given) : null,
            DateOfBirth = today.AddDays(-random.Next(18 * 365, 100 * 365)),
            NhsNumber = random.Next(10) < 7 ? NewNhsNumber(random) : null,
            CommunicationNeeds = random.Next(4) == 0 ? null : Pick(random, Names.CommunicationNeeds),
            CommunicationMethods = (CommunicationMethods)(1 << random.Next(0, 10)) | (random.Next(2) == 0 ? CommunicationMethods.Speech : 0),
            FundingCouncilId = random.Next(10) < 7 ? councils[random.Next(councils.Count)].Id : null,
            CreatedAt = now.AddDays(-random.Next(0, 1000)),
        };
        for (var r = random.Next(0, 3); r > 0; r--)
        {
            person.Representatives.Add(new Representative
            {
                Name = $"{Pick(random, Names.Given)} {(random.Next(3) == 0 ? Pick(random, Names.Family) : family)}",
                Relationship = Pick(random, Names.Relationships),
                ContactDetails = random.Next(2) == 0 ? $"07700 9{random.Next(10_000, 99_999)}" : null,
                Roles = (RepresentativeRoles)(1 << random.Next(0, 7)),
            });
        }
        return person;
    }

    private static RestrictivePractice NewPractice(Random random, Person person, Guid createdBy, DateOnly today, DateTime now)
    {
        var category = (PracticeCategory)random.Next(1, 11);
        // Most practices on a register are agreed; a few are proposals waiting for a discussion, some
        // are under review, and a register keeps its ended practices.
        var roll = random.Next(100);
        var status = roll switch
        {
            < 60 => PracticeStatus.Agreed,
            < 72 => PracticeStatus.Proposed,
            < 80 => PracticeStatus.UnderReview,
            _ => PracticeStatus.Ended,
        };
        var start = today.AddDays(-random.Next(0, 3 * 365));
        DateOnly? review = status switch
        {
            // Spread across the year ahead, with about one in ten overdue.
            PracticeStatus.Agreed => random.Next(10) == 0 ? today.AddDays(-random.Next(1, 60)) : today.AddDays(random.Next(1, 365)),
            PracticeStatus.UnderReview => today.AddDays(-random.Next(0, 45)),
            PracticeStatus.Proposed => random.Next(2) == 0 ? today.AddDays(random.Next(30, 365)) : null,
            _ => null,
        };
        if (status == PracticeStatus.Proposed)
        {
            start = today.AddDays(random.Next(0, 30));
        }
        DateOnly? end = status == PracticeStatus.Ended
            ? DateOnly.FromDayNumber(random.Next(start.DayNumber, today.DayNumber + 1))
            : null;
        return new RestrictivePractice
        {
            OrganisationId = person.OrganisationId,
            ServiceId = person.ServiceId,
            PersonId = person.Id,
            Category = category,
            Description = Pick(random, Names.Descriptions[category]),
            Kind = random.Next(4) == 0 ? PracticeKind.Reactive : PracticeKind.Planned,
            Status = status,
            StartDate = start,
            ReviewDate = review,
            ProposalReason = Pick(random, Names.Reasons),
            EndDate = end,
            EndReason = end is null ? null : Pick(random, Names.EndReasons),
            CreatedAt = now.AddDays(-random.Next(0, 1000)),
            CreatedById = createdBy,
        };
    }

    /// <summary>Nine random digits and their modulus 11 check digit; remainders giving 10 are redrawn.</summary>
    private static string NewNhsNumber(Random random)
    {
        while (true)
        {
            var digits = new char[10];
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                var d = random.Next(10);
                digits[i] = (char)('0' + d);
                sum += d * (10 - i);
            }
            var check = 11 - sum % 11;
            if (check == 11)
            {
                check = 0;
            }
            if (check != 10)
            {
                digits[9] = (char)('0' + check);
                return new string(digits);
            }
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>
    /// Inserts in batches through a fresh context each time, with change detection off, so the change
    /// tracker never grows past one batch. Entities are added parents first, so every foreign key points
    /// at a row in an earlier batch or in the same one (EF orders inserts within a batch).
    /// </summary>
    private sealed class Batcher(GenerateSettings s, Dictionary<string, int> counts, CancellationToken ct) : IAsyncDisposable
    {
        private ProportionDbContext? _db;
        private int _pending;
        private int _flushed;
        private readonly Stopwatch _sinceReport = Stopwatch.StartNew();

        public async Task AddAsync(object entity)
        {
            _db ??= NewContext();
            _db.Add(entity);
            if (++_pending >= s.BatchSize)
            {
                await FlushAsync();
            }
        }

        public async Task FlushAsync()
        {
            if (_db is null)
            {
                return;
            }
            await _db.SaveChangesAsync(ct);
            await _db.DisposeAsync();
            _db = null;
            _flushed += _pending;
            _pending = 0;
            if (_sinceReport.Elapsed > TimeSpan.FromSeconds(10))
            {
                Console.WriteLine($"  ... {_flushed:N0} entities saved ({counts.GetValueOrDefault("RestrictivePractices"):N0} practices queued)");
                _sinceReport.Restart();
            }
        }

        private ProportionDbContext NewContext()
        {
            var db = Open(s.Provider, s.Connection);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            return db;
        }

        public async ValueTask DisposeAsync()
        {
            if (_db is not null)
            {
                await _db.DisposeAsync();
            }
        }
    }
}
