using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proportion.Core.Model;

namespace Proportion.Core.Data.Mappings;

public sealed class CreepAlertMapping : IEntityTypeConfiguration<CreepAlert>
{
    public void Configure(EntityTypeBuilder<CreepAlert> e)
    {
        e.ToTable("CreepAlerts");
        e.Property(x => x.AcknowledgedByName).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.Property(x => x.AcknowledgementNote).HasMaxLength(CreepAlert.NoteMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.Subject);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Service).WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        // One alert per signal, however often the job runs and however many instances run it (ADR 0025).
        e.HasIndex(x => new { x.SubjectKind, x.SubjectId, x.Measure, x.Period, x.SignalStarts }).IsUnique()
            .HasDatabaseName("IX_CreepAlerts_Signal");
        // Managers' tasks: the alerts not yet acknowledged in their services.
        e.HasIndex(x => new { x.ServiceId, x.AcknowledgedAt });
        e.HasIndex(x => new { x.OrganisationId, x.AcknowledgedAt });
    }
}
