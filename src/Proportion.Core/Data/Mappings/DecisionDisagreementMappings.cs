using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proportion.Core.Model;

namespace Proportion.Core.Data.Mappings;

public sealed class DecisionDeclineMapping : IEntityTypeConfiguration<DecisionDecline>
{
    public void Configure(EntityTypeBuilder<DecisionDecline> e)
    {
        e.ToTable("DecisionDeclines");
        e.Property(x => x.Name).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.Property(x => x.Reasons).HasMaxLength(DecisionDecline.TextMaxLength);
        e.Property(x => x.AnsweredByName).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.Property(x => x.Answer).HasMaxLength(DecisionDecline.TextMaxLength);
        e.Ignore(x => x.IsAnswered);
        e.HasOne<PracticeDecision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.DecisionId);
    }
}

public sealed class DisagreementStepMapping : IEntityTypeConfiguration<DisagreementStep>
{
    public void Configure(EntityTypeBuilder<DisagreementStep> e)
    {
        e.ToTable("DisagreementSteps");
        e.Property(x => x.Who).HasMaxLength(DisagreementStep.TextMaxLength);
        e.Property(x => x.Outcome).HasMaxLength(DisagreementStep.TextMaxLength);
        e.Property(x => x.AgreedBySeniorManager).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.HasOne<PracticeDecision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.DecisionId);
    }
}
