using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proportion.Core.Model;

namespace Proportion.Core.Data.Mappings;

public sealed class YearlyReportMapping : IEntityTypeConfiguration<YearlyReport>
{
    public void Configure(EntityTypeBuilder<YearlyReport> e)
    {
        e.ToTable("YearlyReports");
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // One report per organisation and year; its corrections are versions within it.
        e.HasIndex(x => new { x.OrganisationId, x.YearStarting }).IsUnique();
        e.Ignore(x => x.Draft);
        e.Ignore(x => x.Published);
        e.OwnsMany(x => x.Versions, v =>
        {
            v.ToTable("YearlyReportVersions");
            v.WithOwner().HasForeignKey("ReportId");
            v.HasKey(x => x.Id);
            v.Property(x => x.Id).ValueGeneratedNever();
            v.HasIndex("ReportId", nameof(YearlyReportVersion.Number)).IsUnique();
            v.Property(x => x.TrainingStrategy).HasMaxLength(YearlyReportVersion.TextMaxLength);
            v.Property(x => x.WhyUsed).HasMaxLength(YearlyReportVersion.TextMaxLength);
            v.Property(x => x.ReductionStrategies).HasMaxLength(YearlyReportVersion.TextMaxLength);
            v.Property(x => x.CorrectionReason).HasMaxLength(YearlyReportVersion.ReasonMaxLength);
            v.Property(x => x.SignedForBoardBy).HasMaxLength(YearlyReportVersion.NameMaxLength);
            v.Property(x => x.SignedForBoardRole).HasMaxLength(YearlyReportVersion.NameMaxLength);
            v.Property(x => x.PublishedByName).HasMaxLength(AppUser.DisplayNameMaxLength);
        });
    }
}
