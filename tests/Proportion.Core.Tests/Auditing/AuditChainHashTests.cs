using Proportion.Core.Auditing;
using Proportion.Core.Model;

namespace Proportion.Core.Tests.Auditing;

/// <summary>
/// The canonical form an audit entry is hashed over (ADR 0012). Every chain already sealed depends on it
/// staying exactly as it is, so the hash of a known entry is pinned here: it was worked out independently
/// from the format written in AuditChain.Canonical, not copied from the code's output.
/// </summary>
public sealed class AuditChainHashTests
{
    private static AuditEvent Known() => new()
    {
        OrganisationId = Guid.Parse("0193a5b0-0000-7000-8000-000000000001"),
        Sequence = 1,
        Id = Guid.Parse("0193a5b0-0000-7000-8000-000000000002"),
        At = new DateTime(2026, 12, 2, 10, 4, 5, DateTimeKind.Utc).AddTicks(1_234_567),
        UserName = "Zoë",
        Action = AuditAction.Updated,
        EntityType = "Person",
        EntityId = Guid.Parse("0193a5b0-0000-7000-8000-000000000003"),
        PersonId = Guid.Parse("0193a5b0-0000-7000-8000-000000000004"),
        Summary = "Ended “Front door” locked",
    };

    [Fact]
    public void AKnownEntry_HashesToItsPinnedValue()
    {
        Assert.Equal("f3305501a282cf64e05b91a99232227758dc794f96e57d043172f4291cc8ce95", AuditChain.HashOf(Known(), AuditChain.GenesisHash));
    }

    [Fact]
    public void TheTime_CountsToTheMicrosecond_WhateverItsKindOrFinerTicks()
    {
        var entry = Known();
        var hash = AuditChain.HashOf(entry, AuditChain.GenesisHash);

        // As SQLite hands it back (no kind) and as PostgreSQL keeps it (microseconds).
        entry.At = DateTime.SpecifyKind(new DateTime(2026, 12, 2, 10, 4, 5).AddTicks(1_234_560), DateTimeKind.Unspecified);
        Assert.Equal(hash, AuditChain.HashOf(entry, AuditChain.GenesisHash));

        entry.At = entry.At.AddTicks(10);
        Assert.NotEqual(hash, AuditChain.HashOf(entry, AuditChain.GenesisHash));
    }

    [Fact]
    public void EveryField_AndThePreviousHash_ChangeTheHash()
    {
        var hash = AuditChain.HashOf(Known(), AuditChain.GenesisHash);
        // Every property, found by reflection, so a field added later without joining the hash fails here.
        var fields = typeof(AuditEvent).GetProperties().Where(p => p.Name != nameof(AuditEvent.Hash)).ToList();
        foreach (var field in fields)
        {
            var entry = Known();
            var before = field.GetValue(entry);
            object after = before switch
            {
                Guid => Guid.NewGuid(),
                long sequence => sequence + 1,
                DateTime at => at.AddSeconds(1),
                AuditAction => AuditAction.Ended,
                string text => text + ".",
                null when field.PropertyType == typeof(string) => "",
                null => Guid.NewGuid(),
                _ => throw new InvalidOperationException($"Say how to change {field.Name} ({field.PropertyType.Name})."),
            };
            field.SetValue(entry, after);
            Assert.True(hash != AuditChain.HashOf(entry, AuditChain.GenesisHash), $"{field.Name} is not in the hash.");
        }
        Assert.NotEqual(hash, AuditChain.HashOf(Known(), new string('1', AuditChain.HashLength)));
    }

    [Fact]
    public void FieldsCannotBeShiftedIntoEachOther()
    {
        // Without the lengths, "a" + "b\nc" and "a\nb" + "c" could read alike.
        var first = Known();
        first.Summary = "Ended";
        first.Reason = "x\nChanges=-";
        var second = Known();
        second.Summary = "Ended\nReason=1:x";
        second.Reason = null;

        Assert.NotEqual(AuditChain.HashOf(first, AuditChain.GenesisHash), AuditChain.HashOf(second, AuditChain.GenesisHash));
    }
}
