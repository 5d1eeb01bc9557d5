using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proportion.Core.Model;

namespace Proportion.Core.Data.Mappings;

public sealed class PlanMapping : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> e)
    {
        e.ToTable("Plans");
        e.Property(x => x.Title).HasMaxLength(Plan.TitleMaxLength);
        e.Property(x => x.ClosedReason).HasMaxLength(Plan.ReasonMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<RestrictivePractice>().WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ClosedById).OnDelete(DeleteBehavior.Restrict);
        // A person's plans; a service's or organisation's counts by kind; reviews due.
        e.HasIndex(x => new { x.PersonId, x.Kind });
        e.HasIndex(x => new { x.ServiceId, x.Kind });
        e.HasIndex(x => new { x.OrganisationId, x.Status, x.ReviewDate });
    }
}

public sealed class PlanVersionMapping : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> e)
    {
        e.ToTable("PlanVersions");
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.DraftedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AgreedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
    }
}

public sealed class PlanReadingMapping : IEntityTypeConfiguration<PlanReading>
{
    public void Configure(EntityTypeBuilder<PlanReading> e)
    {
        e.ToTable("PlanReadings");
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        // Once per member of staff and version: a double click confirms once.
        e.HasIndex(x => new { x.PlanId, x.VersionNumber, x.UserId }).IsUnique();
        e.HasIndex(x => x.UserId);
    }
}

public sealed class PlanReviewMapping : IEntityTypeConfiguration<PlanReview>
{
    public void Configure(EntityTypeBuilder<PlanReview> e)
    {
        e.ToTable("PlanReviews");
        e.Property(x => x.Notes).HasMaxLength(PlanReview.NotesMaxLength);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.PlanId);
        e.HasIndex(x => x.RecordedById);
    }
}

public sealed class StageOutcomeMapping : IEntityTypeConfiguration<StageOutcome>
{
    public void Configure(EntityTypeBuilder<StageOutcome> e)
    {
        e.ToTable("StageOutcomes");
        e.Property(x => x.Notes).HasMaxLength(StageOutcome.NotesMaxLength);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PlanId, x.StageId });
        e.HasIndex(x => x.RecordedById);
    }
}

public sealed class PracticeReductionMapping : IEntityTypeConfiguration<PracticeReduction>
{
    public void Configure(EntityTypeBuilder<PracticeReduction> e)
    {
        e.ToTable("PracticeReductions");
        e.Property(x => x.WhatChanged).HasMaxLength(PracticeReduction.WhatChangedMaxLength);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<RestrictivePractice>().WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StageOutcome>().WithMany().HasForeignKey(x => x.StageOutcomeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CarePlanConfirmedById).OnDelete(DeleteBehavior.Restrict);
        // A person's, a service's and an organisation's reductions by when they were achieved.
        e.HasIndex(x => new { x.PersonId, x.AchievedOn });
        e.HasIndex(x => new { x.ServiceId, x.AchievedOn });
        e.HasIndex(x => new { x.OrganisationId, x.AchievedOn });
        // One reduction per step of a plan: a step achieved again after stepping back is not counted twice.
        e.HasIndex(x => new { x.PlanId, x.StageId }).IsUnique();
        e.HasIndex(x => x.PracticeId);
        e.HasIndex(x => x.StageOutcomeId);
        e.HasIndex(x => x.RecordedById);
        e.HasIndex(x => x.CarePlanConfirmedById);
    }
}

public sealed class SupportPlanReviewMapping : IEntityTypeConfiguration<SupportPlanReview>
{
    public void Configure(EntityTypeBuilder<SupportPlanReview> e)
    {
        e.ToTable("SupportPlanReviews");
        e.Property(x => x.WhatIsWorking).HasMaxLength(SupportPlanReview.TextMaxLength);
        e.Property(x => x.WhatIsNotWorking).HasMaxLength(SupportPlanReview.TextMaxLength);
        e.Property(x => x.WhatChanges).HasMaxLength(SupportPlanReview.TextMaxLength);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PlanReview>().WithMany().HasForeignKey(x => x.PlanReviewId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.PlanId);
        // One outcome review per review of the plan.
        e.HasIndex(x => x.PlanReviewId).IsUnique();
        e.HasIndex(x => x.RecordedById);
        e.OwnsMany(x => x.Outcomes, o =>
        {
            o.ToTable("SupportOutcomeReviews");
            o.WithOwner().HasForeignKey("SupportPlanReviewId");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedNever();
            o.Property(x => x.Outcome).HasMaxLength(Plans.Support.SupportOutcome.WordsMaxLength);
        });
    }
}
