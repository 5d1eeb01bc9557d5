using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proportion.Core.Model;

namespace Proportion.Core.Data.Mappings;

public sealed class ServiceOccupancyMapping : IEntityTypeConfiguration<ServiceOccupancy>
{
    public void Configure(EntityTypeBuilder<ServiceOccupancy> e)
    {
        e.ToTable("ServiceOccupancy");
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        // One row per service and month: recording a month again changes it, and a race to add it twice fails here.
        e.HasIndex(x => new { x.ServiceId, x.Month }).IsUnique();
        e.HasIndex(x => x.OrganisationId);
        e.HasIndex(x => x.UpdatedById);
    }
}
