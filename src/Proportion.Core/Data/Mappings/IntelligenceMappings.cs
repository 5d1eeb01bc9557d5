using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proportion.Core.Model;

namespace Proportion.Core.Data.Mappings;

public sealed class IntelligenceEntryMapping : IEntityTypeConfiguration<IntelligenceEntry>
{
    public void Configure(EntityTypeBuilder<IntelligenceEntry> e)
    {
        e.ToTable("IntelligenceEntries");
        e.Property(x => x.Summary).HasMaxLength(IntelligenceEntry.SummaryMaxLength);
        e.Property(x => x.Details).HasMaxLength(IntelligenceEntry.TextMaxLength);
        e.Property(x => x.RecordedByName).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Amendments).WithOne().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Shares).WithOne().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Restrict);
        // The council's log, newest first, and by provider.
        e.HasIndex(x => new { x.CouncilId, x.ReceivedOn });
    }
}

public sealed class IntelligenceAmendmentMapping : IEntityTypeConfiguration<IntelligenceAmendment>
{
    public void Configure(EntityTypeBuilder<IntelligenceAmendment> e)
    {
        e.ToTable("IntelligenceAmendments");
        e.Property(x => x.Correction).HasMaxLength(IntelligenceEntry.TextMaxLength);
        e.Property(x => x.Reason).HasMaxLength(IntelligenceEntry.TextMaxLength);
        e.Property(x => x.AmendedByName).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AmendedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class IntelligenceShareMapping : IEntityTypeConfiguration<IntelligenceShare>
{
    public void Configure(EntityTypeBuilder<IntelligenceShare> e)
    {
        e.ToTable("IntelligenceShares");
        e.Property(x => x.PartnerName).HasMaxLength(IntelligenceShare.NameMaxLength);
        e.Property(x => x.Recipient).HasMaxLength(IntelligenceShare.NameMaxLength);
        e.Property(x => x.Purpose).HasMaxLength(IntelligenceEntry.TextMaxLength);
        e.Property(x => x.SharedByName).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.SharedById).OnDelete(DeleteBehavior.Restrict);
    }
}
