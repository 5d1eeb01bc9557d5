using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proportion.Core.Model;

namespace Proportion.Core.Data.Mappings;

public sealed class SafeguardingConcernMapping : IEntityTypeConfiguration<SafeguardingConcern>
{
    public void Configure(EntityTypeBuilder<SafeguardingConcern> e)
    {
        e.ToTable("SafeguardingConcerns");
        e.Property(x => x.PersonName).HasMaxLength(SafeguardingConcern.ShortMaxLength);
        e.Property(x => x.ServiceName).HasMaxLength(SafeguardingConcern.ShortMaxLength);
        e.Property(x => x.ProviderName).HasMaxLength(SafeguardingConcern.ShortMaxLength);
        e.Property(x => x.WhatHappened).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.AllegedSource).HasMaxLength(SafeguardingConcern.ShortMaxLength);
        e.Property(x => x.ImmediateAction).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.ProceedExplanation).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.BestInterestsDecision).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.PersonToldNote).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.OutcomesWanted).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.HowPersonTakesPart).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.AppropriatePerson).HasMaxLength(SafeguardingConcern.ShortMaxLength);
        e.Property(x => x.AdvocateName).HasMaxLength(SafeguardingConcern.ShortMaxLength);
        e.Property(x => x.DecisionReason).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.SafetyPlan).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.PlanMadeWithPerson).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.PersonsViewAtClosure).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.ClosureReason).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PracticeReview>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AllegedSourceUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RaisedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.SentById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReceivedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.DecidedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ClosedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Actions).WithOne().HasForeignKey(a => a.ConcernId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Reviews).WithOne().HasForeignKey(r => r.ConcernId).OnDelete(DeleteBehavior.Restrict);
        // The council team's list by status; a provider's and a person's concerns; what each user raised.
        e.HasIndex(x => new { x.CouncilId, x.Status });
        e.HasIndex(x => new { x.OrganisationId, x.Status });
        e.HasIndex(x => new { x.PersonId, x.Status });
        e.HasIndex(x => x.RaisedById);
    }
}

public sealed class SafeguardingActionMapping : IEntityTypeConfiguration<SafeguardingAction>
{
    public void Configure(EntityTypeBuilder<SafeguardingAction> e)
    {
        e.ToTable("SafeguardingActions");
        e.Property(x => x.What).HasMaxLength(SafeguardingAction.WhatMaxLength);
        e.Property(x => x.OwnerName).HasMaxLength(SafeguardingConcern.ShortMaxLength);
        e.Property(x => x.DoneNote).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.DoneById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SafeguardingReviewMapping : IEntityTypeConfiguration<SafeguardingReview>
{
    public void Configure(EntityTypeBuilder<SafeguardingReview> e)
    {
        e.ToTable("SafeguardingReviews");
        e.Property(x => x.PersonsView).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.Property(x => x.Notes).HasMaxLength(SafeguardingConcern.TextMaxLength);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReviewedById).OnDelete(DeleteBehavior.Restrict);
    }
}
