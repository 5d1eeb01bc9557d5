using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
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
        // Actions draw from their own sequence, so adding them left every other generated row as it was.
        var actionRandom = new Random(s.Seed + 1);
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
                // Set up before any of its practices started (three years back at most), so a service never
                // monitored is long overdue (R11) rather than not yet due.
                CreatedAt = now.AddDays(-random.Next(3 * 365, 8 * 365)),
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
                foreach (var check in NewMonitoring(random, service, manager, senior, today))
                {
                    AddActions(actionRandom, check, today);
                    await batch.AddAsync(check);
                    Count("ServiceMonitoring");
                }
                for (var p = 0; p < s.PeoplePerService; p++)
                {
                    var person = NewPerson(random, service, councils, today, now);
                    await batch.AddAsync(person);
                    Count("People");
                    Count("Representatives", person.Representatives.Count);
                    var practices = new List<RestrictivePractice>(s.PracticesPerPerson);
                    for (var r = 0; r < s.PracticesPerPerson; r++)
                    {
                        practices.Add(NewPractice(random, person, manager.Id, today, now));
                    }
                    var incidents = NewIncidents(random, person, practices, manager, now);
                    var reviews = NewReviews(random, practices, incidents, manager.Id, today).ToList();
                    // As a completed review does (R18): the practice keeps when reduction was last considered.
                    foreach (var practice in practices)
                    {
                        practice.ReductionConsideredOn = reviews
                            .Where(v => v.PracticeId == practice.Id && v.Status == ReviewStatus.Completed && v.ReductionConsidered == true).Max(v => v.HeldOn);
                        await batch.AddAsync(practice);
                        Count("RestrictivePractices");
                    }
                    foreach (var incident in incidents)
                    {
                        await batch.AddAsync(incident);
                        Count("Incidents");
                        Count("IncidentInterventions", incident.Interventions.Count);
                        Count("IncidentStaff", incident.Staff.Count);
                    }
                    foreach (var review in reviews)
                    {
                        await batch.AddAsync(review);
                        Count("PracticeReviews");
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

    /// <summary>
    /// R11's history for one service: for each kind, the last check completed a spread of days ago (the
    /// manager's every 3 months, the audit every 6), with the ones before it at the interval, so the
    /// query for the latest reads several rows per service. About one service in twelve has never had one
    /// of a kind, and a few have a check in progress (a draft, which does not count). The practice lines
    /// and actions a real check carries are left out: nothing that works out what is due reads them.
    /// </summary>
    /// <summary>
    /// Up to two actions on each signed-off check, due one to three months after it; those due more than a
    /// fortnight ago are mostly done, so some are still open and overdue (R11).
    /// </summary>
    private static void AddActions(Random random, ServiceMonitoring check, DateOnly today)
    {
        if (check.CompletedOn is not { } on)
        {
            return;
        }
        for (var n = random.Next(3); n > 0; n--)
        {
            var due = on.AddDays(random.Next(30, 91));
            var done = due < today.AddDays(-14) && random.Next(5) != 0;
            check.Actions.Add(new MonitoringAction
            {
                What = "Hold and record the RP2 discussion for the practices without one", Owner = "The service manager", DueOn = due,
                RecordedById = check.CreatedById, RecordedAt = check.CompletedAt!.Value,
                DoneOn = done ? due.AddDays(-random.Next(0, 20)) : null, DoneNote = done ? "Done; see the practices' decisions" : null,
                DoneByName = done ? check.CompletedByName : null, DoneRecordedAt = done ? check.CompletedAt : null,
            });
        }
    }

    private static IEnumerable<ServiceMonitoring> NewMonitoring(Random random, Service service, AppUser manager, AppUser senior, DateOnly today)
    {
        var startedOn = DateOnly.FromDateTime(service.CreatedAt);
        foreach (var kind in new[] { MonitoringKind.ManagerMonitoring, MonitoringKind.SeniorAudit })
        {
            var months = MonitoringDue.IntervalMonths(kind);
            var by = kind == MonitoringKind.SeniorAudit ? senior : manager;
            if (random.Next(12) != 0)
            {
                // Over the interval plus a month: most next checks are not yet due, some are due within the
                // month, about one in ten is overdue.
                var last = today.AddDays(-random.Next(0, months * 30 + 10));
                for (var (on, n) = (last, 0); on > startedOn && n < 4; on = on.AddMonths(-months), n++)
                {
                    var at = on.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);
                    yield return new ServiceMonitoring
                    {
                        OrganisationId = service.OrganisationId,
                        ServiceId = service.Id,
                        Kind = kind,
                        Status = MonitoringStatus.Completed,
                        DueOn = on.AddDays(random.Next(0, 10)),
                        Findings = Pick(random, Names.Findings),
                        CreatedAt = at.AddDays(-random.Next(1, 8)),
                        CreatedById = by.Id,
                        UpdatedAt = at,
                        CompletedOn = on,
                        CompletedAt = at,
                        CompletedById = by.Id,
                        CompletedByName = by.DisplayName,
                        CompletedByWorksInService = kind == MonitoringKind.ManagerMonitoring,
                    };
                }
            }
            if (random.Next(6) == 0)
            {
                var started = today.AddDays(-random.Next(0, 14)).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
                yield return new ServiceMonitoring
                {
                    OrganisationId = service.OrganisationId,
                    ServiceId = service.Id,
                    Kind = kind,
                    Status = MonitoringStatus.Draft,
                    DueOn = today.AddDays(random.Next(-20, 30)),
                    CreatedAt = started,
                    CreatedById = by.Id,
                    UpdatedAt = started,
                };
            }
        }
    }

    /// <summary>
    /// About one person in ten had an incident in the last 90 days (a quarter of those two). Six in ten used
    /// an agreed practice, one in ten of those outside the circumstances agreed or with guidelines that did
    /// not work, which brings the practice's review forward (R8); the rest were emergencies, whose review
    /// by the manager is due within 48 hours (R10) and was held in time for most.
    /// </summary>
    private static List<Incident> NewIncidents(Random random, Person person, List<RestrictivePractice> practices, AppUser manager, DateTime now)
    {
        var incidents = new List<Incident>();
        var count = random.Next(10) == 0 ? (random.Next(4) == 0 ? 2 : 1) : 0;
        var inPlace = practices.Where(p => p.Status is PracticeStatus.Agreed or PracticeStatus.UnderReview).ToList();
        for (var n = 0; n < count; n++)
        {
            var occurred = now.AddMinutes(-random.Next(10, 90 * 24 * 60));
            var practice = inPlace.Count > 0 && random.Next(10) < 6 ? Pick(random, inPlace) : null;
            var incident = new Incident
            {
                OrganisationId = person.OrganisationId,
                ServiceId = person.ServiceId,
                PersonId = person.Id,
                OccurredAt = occurred,
                Location = Pick(random, Names.IncidentLocations),
                Kind = practice is null ? IncidentKind.Emergency : IncidentKind.Planned,
                PracticeId = practice?.Id,
                WithinAgreedGuidelines = practice is null ? null : random.Next(10) != 0,
                PracticeIneffective = practice is not null && random.Next(20) == 0,
                Reason = Pick(random, Enum.GetValues<InterventionReason>()),
                Antecedents = Pick(random, Names.Antecedents),
                DeEscalation = Pick(random, Names.DeEscalation),
                HowUsed = Pick(random, Names.HowUsed),
                Outcome = Pick(random, Names.Outcomes),
                SubmissionKey = Guid.NewGuid(),
                RecordedById = manager.Id,
                RecordedAt = Min(occurred.AddMinutes(random.Next(30, 360)), now),
            };
            incident.CallsForEarlyReview = EarlyReview.CalledForBy(incident);
            // Emergencies must be reviewed within 48 hours (R10): most are; the rest are late or not yet due.
            var reviewed = occurred.AddHours(practice is null ? random.Next(2, 47) : random.Next(2, 240));
            if (random.Next(100) < 85 && reviewed < now)
            {
                incident.ManagerReviewedAt = reviewed;
                incident.ManagerReviewedById = manager.Id;
                incident.PersonTookPartInReview = random.Next(3) != 0;
                incident.ReviewOutcome = "Guidelines still right; the team will watch for the early signs.";
            }
            incident.Interventions.Add(new IncidentIntervention
            {
                Type = Pick(random, Enum.GetValues<InterventionType>()),
                StartedAt = occurred,
                EndedAt = occurred.AddMinutes(random.Next(1, 20)),
                InjuryToPerson = random.Next(20) == 0,
                InjuryToStaff = random.Next(20) == 0,
            });
            incident.Staff.Add(new IncidentStaffMember { UserId = manager.Id, Name = manager.DisplayName, Role = "Service manager" });
            incidents.Add(incident);
        }
        return incidents;
    }

    /// <summary>
    /// Completed reviews (RP2A), so the R18 query's NOT EXISTS meets real rows: seven in ten practices in
    /// place for over six months had a review in the last six months, nine in ten of which considered
    /// reducing the practice; one in ten had only an older review. Half the incidents that brought a review
    /// forward (R8) were answered by one within a fortnight. Half the practices under review have their
    /// review in progress (a draft). Reviews of a practice are numbered in the order they were held.
    /// </summary>
    private static IEnumerable<PracticeReview> NewReviews(Random random, List<RestrictivePractice> practices, List<Incident> incidents, Guid by, DateOnly today)
    {
        var cutOff = ReductionConsidered.CutOff(today, ReductionConsidered.DefaultMonths);
        foreach (var practice in practices)
        {
            if (practice.Status is not (PracticeStatus.Agreed or PracticeStatus.UnderReview))
            {
                continue;
            }
            var held = new List<(DateOnly On, string? BroughtForwardBecause)>();
            if (practice.StartDate < cutOff)
            {
                var roll = random.Next(10);
                if (roll < 7)
                {
                    held.Add((DateOnly.FromDayNumber(random.Next(cutOff.DayNumber, today.DayNumber)), null));
                }
                else if (roll < 8 && cutOff.DayNumber - practice.StartDate.DayNumber > 1)
                {
                    held.Add((DateOnly.FromDayNumber(random.Next(practice.StartDate.DayNumber + 1, cutOff.DayNumber)), null));
                }
            }
            foreach (var incident in incidents.Where(i => i.CallsForEarlyReview && i.PracticeId == practice.Id))
            {
                var on = DateOnly.FromDateTime(incident.RecordedAt).AddDays(random.Next(1, 15));
                if (random.Next(2) == 0 && on < today)
                {
                    held.Add((on, EarlyReview.Reasons(incident)));
                }
            }
            var number = 0;
            foreach (var (on, because) in held.OrderBy(h => h.On))
            {
                var completed = on.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);
                var considered = random.Next(10) != 0;
                yield return new PracticeReview
                {
                    OrganisationId = practice.OrganisationId,
                    ServiceId = practice.ServiceId,
                    PersonId = practice.PersonId,
                    PracticeId = practice.Id,
                    Number = ++number,
                    Status = ReviewStatus.Completed,
                    DueOn = because is null ? on.AddDays(random.Next(0, 20)) : null,
                    BroughtForwardBecause = because,
                    RiskContinues = true,
                    MeasuresEffective = true,
                    StillLeastRestrictive = true,
                    Justifiable = true,
                    PotentialDeprivationOfLiberty = false,
                    BalanceJustifiable = true,
                    SafeguardsAdequate = true,
                    PersonTookPart = random.Next(4) != 0,
                    ReductionConsidered = considered,
                    ReductionDetail = considered ? Pick(random, Names.ReductionDetails) : null,
                    Outcome = ReviewOutcome.Continue,
                    OutcomeReasons = "The risk continues and nothing less restrictive is yet enough.",
                    NextReviewDate = on.AddDays(random.Next(90, 365)),
                    CarePlanUpdated = true,
                    HeldOn = on,
                    CreatedAt = completed.AddDays(-random.Next(1, 10)),
                    CreatedById = by,
                    UpdatedAt = completed,
                    CompletedAt = completed,
                    CompletedById = by,
                };
            }
            if (practice.Status == PracticeStatus.UnderReview && random.Next(2) == 0)
            {
                var started = today.AddDays(-random.Next(0, 20)).ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);
                yield return new PracticeReview
                {
                    OrganisationId = practice.OrganisationId,
                    ServiceId = practice.ServiceId,
                    PersonId = practice.PersonId,
                    PracticeId = practice.Id,
                    Number = ++number,
                    DueOn = practice.ReviewDate,
                    CreatedAt = started,
                    CreatedById = by,
                    UpdatedAt = started,
                };
            }
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

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
