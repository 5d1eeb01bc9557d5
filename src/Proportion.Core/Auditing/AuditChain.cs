using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Reminders;

namespace Proportion.Core.Auditing;

/// <summary>
/// Makes each organisation's audit trail tamper-evident (ADR 0012). Entries are written unsealed, in the
/// same transaction as the change they describe, so the write path takes no lock and touches no shared
/// row. A sealer, one instance at a time under a lease, then gives each unsealed entry the next sequence
/// number of its organisation and a SHA-256 hash over its fields and the previous entry's hash. Changing,
/// removing or reordering a sealed entry breaks the chain from that entry on, and verification says where.
/// </summary>
public sealed class AuditChain(ProportionDbContext db, TimeProvider clock)
{
    public const int HashLength = 64;
    public const string LeaseName = "audit-seal";

    /// <summary>What the first entry of every organisation's chain follows.</summary>
    public static readonly string GenesisHash = new('0', HashLength);

    /// <summary>Long enough for a large backlog's batch; a stopped sealer's lease lapses within this.</summary>
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(1);

    private const int BatchSize = 500;

    /// <summary>
    /// The time as both databases keep it: PostgreSQL stores microseconds, SQLite whatever it is given,
    /// so the time is cut to whole microseconds before it is stored and before it is hashed.
    /// </summary>
    public static DateTime ToStoredPrecision(DateTime at) => new(at.Ticks - at.Ticks % 10, DateTimeKind.Utc);

    /// <summary>The hash of a sealed entry, given the hash of the entry before it in its organisation's chain.</summary>
    public static string HashOf(AuditEvent entry, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(entry, previousHash)));

    /// <summary>
    /// The bytes an entry's hash is taken over, version 1: each field in a fixed order as
    /// <c>name=length:text</c> and a line break, the length in UTF-8 bytes, or <c>name=-</c> when null, so no
    /// two different entries serialise alike. Guids are lower-case with hyphens, the time is UTC to the
    /// microsecond (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>) and the action is its number. The same on SQLite and
    /// PostgreSQL. Changing anything here breaks every chain already sealed: add a version 2 instead.
    /// </summary>
    public static byte[] Canonical(AuditEvent entry, string previousHash)
    {
        var text = new StringBuilder("proportion-audit-entry/1\n");
        void Field(string name, string? value)
        {
            text.Append(name).Append('=');
            text.Append(value is null ? "-" : $"{Encoding.UTF8.GetByteCount(value)}:{value}");
            text.Append('\n');
        }
        static string Id(Guid id) => id.ToString("D");
        Field("OrganisationId", Id(entry.OrganisationId));
        Field("Sequence", entry.Sequence?.ToString(CultureInfo.InvariantCulture));
        Field("Id", Id(entry.Id));
        Field("At", ToStoredPrecision(entry.At).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Field("UserId", entry.UserId is { } user ? Id(user) : null);
        Field("UserName", entry.UserName);
        Field("Action", ((int)entry.Action).ToString(CultureInfo.InvariantCulture));
        Field("EntityType", entry.EntityType);
        Field("EntityId", Id(entry.EntityId));
        Field("PersonId", entry.PersonId is { } person ? Id(person) : null);
        Field("Summary", entry.Summary);
        Field("Changes", entry.Changes);
        Field("Reason", entry.Reason);
        Field("PreviousHash", previousHash);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// Seals every unsealed entry, whatever wrote it, in order of time per organisation. Only the holder
    /// of the lease seals, so two instances never number the same place in a chain twice (and the unique
    /// index on organisation and sequence would refuse it if they tried). The lease is let go at the end so
    /// the next instance, or the verify command, can seal at once. Needs the system scope: it reads every organisation.
    /// </summary>
    /// <returns>The number of entries sealed, or null when another instance is sealing.</returns>
    public async Task<int?> SealAsync(string holder, CancellationToken ct = default)
    {
        var leases = new JobLeases(db);
        if (!await leases.TryTakeAsync(LeaseName, holder, clock.GetUtcNow().UtcDateTime, LeaseLength, ct))
        {
            return null;
        }
        try
        {
            var sealedCount = 0;
            while (true)
            {
                var batch = await db.AuditEvents.Where(a => a.Sequence == null)
                    .OrderBy(a => a.OrganisationId).ThenBy(a => a.At).ThenBy(a => a.Id)
                    .Take(BatchSize).ToListAsync(ct);
                if (batch.Count == 0)
                {
                    return sealedCount;
                }
                foreach (var organisation in batch.GroupBy(a => a.OrganisationId))
                {
                    var (sequence, previousHash) = await HeadAsync(organisation.Key, ct);
                    foreach (var entry in organisation)
                    {
                        entry.Sequence = ++sequence;
                        entry.Hash = previousHash = HashOf(entry, previousHash);
                    }
                }
                // One transaction per batch; each update applies only while the entry is still unsealed.
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                sealedCount += batch.Count;
                if (!await leases.TryTakeAsync(LeaseName, holder, clock.GetUtcNow().UtcDateTime, LeaseLength, ct))
                {
                    return sealedCount;
                }
            }
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, holder, CancellationToken.None);
        }
    }

    private async Task<(long Sequence, string Hash)> HeadAsync(Guid organisationId, CancellationToken ct)
    {
        var head = await db.AuditEvents.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.Sequence != null)
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { Sequence = a.Sequence!.Value, a.Hash })
            .FirstOrDefaultAsync(ct);
        return head is null ? (0, GenesisHash) : (head.Sequence, head.Hash ?? "");
    }

    /// <summary>
    /// Walks an organisation's sealed entries in order and stops at the first that does not follow: a
    /// sequence number skipped (an entry removed) or a hash that does not match the entry's fields and
    /// the previous entry's hash (this entry, or the one before it, changed). Reads one entry at a time.
    /// </summary>
    public async Task<AuditChainReport> VerifyAsync(Guid organisationId, CancellationToken ct = default)
    {
        var expected = 1L;
        var previousHash = GenesisHash;
        AuditChainBreak? firstBreak = null;
        var entries = db.AuditEvents.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.Sequence != null)
            .OrderBy(a => a.Sequence)
            .AsAsyncEnumerable()
            .WithCancellation(ct);
        await foreach (var entry in entries)
        {
            if (entry.Sequence != expected)
            {
                firstBreak = AuditChainBreak.Of(entry, entry.Sequence > expected ? AuditChainProblem.Missing : AuditChainProblem.Altered, expected);
                break;
            }
            if (entry.Hash != HashOf(entry, previousHash))
            {
                firstBreak = AuditChainBreak.Of(entry, AuditChainProblem.Altered, expected);
                break;
            }
            previousHash = entry.Hash;
            expected++;
        }
        var unsealed = await db.AuditEvents.CountAsync(a => a.OrganisationId == organisationId && a.Sequence == null, ct);
        return new AuditChainReport(organisationId, VerifiedEntries: expected - 1, unsealed, firstBreak is null ? previousHash : null, firstBreak);
    }

    /// <summary>Every organisation's chain, for the verify command. Needs the system scope.</summary>
    public async Task<IReadOnlyList<AuditChainReport>> VerifyEveryOrganisationAsync(CancellationToken ct = default)
    {
        var organisations = await db.AuditEvents.Select(a => a.OrganisationId).Distinct().ToListAsync(ct);
        var reports = new List<AuditChainReport>();
        foreach (var organisation in organisations.Order())
        {
            reports.Add(await VerifyAsync(organisation, ct));
        }
        return reports;
    }

    /// <summary>
    /// Checks entries a page is about to show, each against its own hash and its predecessor's stored
    /// hash: one query for the predecessors, however many entries.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, AuditSeal>> CheckAsync(IReadOnlyCollection<AuditEvent> entries, CancellationToken ct = default)
    {
        var previousHashes = new Dictionary<(Guid Organisation, long Sequence), string?>();
        foreach (var organisation in entries.Where(e => e.Sequence > 1).GroupBy(e => e.OrganisationId))
        {
            var organisationId = organisation.Key;
            var wanted = organisation.Select(e => e.Sequence!.Value - 1).Distinct().ToList();
            var found = await db.AuditEvents.AsNoTracking()
                .Where(a => a.OrganisationId == organisationId && a.Sequence != null && wanted.Contains(a.Sequence.Value))
                .Select(a => new { Sequence = a.Sequence!.Value, a.Hash })
                .ToListAsync(ct);
            foreach (var previous in found)
            {
                previousHashes[(organisationId, previous.Sequence)] = previous.Hash;
            }
        }
        return entries.ToDictionary(e => e.Id, e => e.Sequence switch
        {
            null => AuditSeal.NotYetSealed,
            < 1 => AuditSeal.Altered,
            1 => e.Hash == HashOf(e, GenesisHash) ? AuditSeal.Intact : AuditSeal.Altered,
            long sequence => previousHashes.TryGetValue((e.OrganisationId, sequence - 1), out var previousHash)
                ? e.Hash == HashOf(e, previousHash ?? "") ? AuditSeal.Intact : AuditSeal.Altered
                : AuditSeal.PreviousMissing,
        });
    }
}

/// <summary>What checking one shown entry found.</summary>
public enum AuditSeal
{
    /// <summary>Written in the last few seconds: the sealer has not reached it yet.</summary>
    NotYetSealed,
    Intact,
    /// <summary>The entry's fields, or the entry before it, changed after it was sealed.</summary>
    Altered,
    /// <summary>The entry before it in the chain has been removed.</summary>
    PreviousMissing,
}

public enum AuditChainProblem
{
    /// <summary>The entry does not match its hash: it, or the entry before it, was changed.</summary>
    Altered,
    /// <summary>One or more entries before this one have been removed.</summary>
    Missing,
}

/// <summary>The first place an organisation's chain does not follow, and the entry found there.</summary>
public sealed record AuditChainBreak(
    AuditChainProblem Problem, long ExpectedSequence, long Sequence, Guid EntryId, DateTime At, string UserName, string Summary)
{
    internal static AuditChainBreak Of(AuditEvent entry, AuditChainProblem problem, long expected) =>
        new(problem, expected, entry.Sequence ?? 0, entry.Id, entry.At, entry.UserName, entry.Summary);

    /// <summary>Plain English, for the verify command and the administrator's page.</summary>
    public string Describe()
    {
        var entry = $"entry {Sequence}, recorded {UkTime.Format(At)} by {UserName} (\u201c{Summary}\u201d, id {EntryId})";
        return Problem == AuditChainProblem.Missing
            ? (Sequence - ExpectedSequence == 1 ? $"Entry {ExpectedSequence} is missing" : $"Entries {ExpectedSequence} to {Sequence - 1} are missing")
                + $": they came before {entry}."
            : $"The audit trail does not match at {entry}: this entry, or the one before it, was changed after it was recorded.";
    }
}

/// <summary>
/// An organisation's chain as verified: how many sealed entries follow on from the start, how many wait to
/// be sealed, the last hash when the whole chain is intact (to note down elsewhere), and the first break.
/// </summary>
public sealed record AuditChainReport(Guid OrganisationId, long VerifiedEntries, int UnsealedEntries, string? HeadHash, AuditChainBreak? FirstBreak)
{
    public bool IsIntact => FirstBreak is null;
}
