using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proportion.Core.Model;

namespace Proportion.Core.Data.Mappings;

public sealed class ChartChangeMapping : IEntityTypeConfiguration<ChartChange>
{
    public void Configure(EntityTypeBuilder<ChartChange> e)
    {
        e.ToTable("ChartChanges");
        e.Property(x => x.Description).HasMaxLength(ChartChange.DescriptionMaxLength);
        e.Property(x => x.WithdrawnReason).HasMaxLength(ChartChange.ReasonMaxLength);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.MarkedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.WithdrawnById).OnDelete(DeleteBehavior.Restrict);
        // A chart reads its subject's marks.
        e.HasIndex(x => new { x.SubjectKind, x.SubjectId });
    }
}
