using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proportion.Core.Model;

namespace Proportion.Core.Data.Mappings;

public sealed class RestraintTallyMapping : IEntityTypeConfiguration<RestraintTally>
{
    public void Configure(EntityTypeBuilder<RestraintTally> e)
    {
        e.ToTable("RestraintTallies");
        // One row per person, service and period: the key the write adds to (RestraintTallies.AddAsync).
        e.HasKey(x => new { x.PersonId, x.ServiceId, x.Period, x.Starts });
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        // A service's chart, an organisation's, and the national monthly count read by period.
        e.HasIndex(x => new { x.ServiceId, x.Period, x.Starts });
        e.HasIndex(x => new { x.OrganisationId, x.Period, x.Starts });
        e.HasIndex(x => new { x.Period, x.Starts });
    }
}

public sealed class ServiceTallyMapping : IEntityTypeConfiguration<ServiceTally>
{
    public void Configure(EntityTypeBuilder<ServiceTally> e)
    {
        e.ToTable("ServiceTallies");
        e.HasKey(x => new { x.ServiceId, x.Period, x.Starts });
        // An organisation's chart, and the country's monthly counts, read by period.
        e.HasIndex(x => new { x.OrganisationId, x.Period, x.Starts });
        e.HasIndex(x => new { x.Period, x.Starts });
    }
}
