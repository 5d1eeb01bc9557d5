using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proportion.Core.Model;

namespace Proportion.Core.Data.Mappings;

public sealed class PanelReferralMapping : IEntityTypeConfiguration<PanelReferral>
{
    public void Configure(EntityTypeBuilder<PanelReferral> e)
    {
        e.ToTable("PanelReferrals");
        e.Property(x => x.OtherReason).HasMaxLength(PanelReferral.ShortMaxLength);
        e.Property(x => x.Question).HasMaxLength(PanelReferral.TextMaxLength);
        e.Property(x => x.Evidence).HasMaxLength(PanelReferral.TextMaxLength);
        e.Property(x => x.PersonsView).HasMaxLength(PanelReferral.TextMaxLength);
        e.Property(x => x.Decision).HasMaxLength(PanelReferral.TextMaxLength);
        e.Property(x => x.Reasons).HasMaxLength(PanelReferral.TextMaxLength);
        // Every referral before risk enablement panels (migration 39) was to a risk review panel.
        e.Property(x => x.Kind).HasDefaultValue(PanelKind.RiskReview).HasSentinel((PanelKind)0);
        e.Property(x => x.AttendanceNote).HasMaxLength(PanelReferral.TextMaxLength);
        e.Property(x => x.SharedResponsibility).HasMaxLength(PanelReferral.TextMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<RestrictivePractice>().WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PracticeDecision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReferredById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.DecidedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ClosedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.ReferralId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Actions).WithOne().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Amendments).WithOne().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Restrict);
        // A person's referrals (open ones suggest no new one); the organisation's open list; a service's decided ones.
        e.HasIndex(x => new { x.PersonId, x.Status });
        e.HasIndex(x => new { x.OrganisationId, x.Status });
        e.HasIndex(x => new { x.ServiceId, x.Status });
    }
}

public sealed class PanelMemberMapping : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> e)
    {
        e.ToTable("PanelMembers");
        e.Property(x => x.Name).HasMaxLength(PanelReferral.ShortMaxLength);
        e.Property(x => x.Discipline).HasMaxLength(PanelReferral.ShortMaxLength);
        e.Property(x => x.Dissent).HasMaxLength(PanelReferral.TextMaxLength);
    }
}

public sealed class PanelActionMapping : IEntityTypeConfiguration<PanelAction>
{
    public void Configure(EntityTypeBuilder<PanelAction> e)
    {
        e.ToTable("PanelActions");
        e.Property(x => x.What).HasMaxLength(PanelAction.WhatMaxLength);
        e.Property(x => x.DoneNote).HasMaxLength(PanelAction.NoteMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AssignedToId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.DoneById).OnDelete(DeleteBehavior.Restrict);
        // A user's open actions (My tasks, reminders).
        e.HasIndex(x => new { x.AssignedToId, x.DoneAt });
    }
}

public sealed class PanelAmendmentMapping : IEntityTypeConfiguration<PanelAmendment>
{
    public void Configure(EntityTypeBuilder<PanelAmendment> e)
    {
        e.ToTable("PanelAmendments");
        e.Property(x => x.Part).HasMaxLength(50);
        e.Property(x => x.Previous).HasMaxLength(PanelReferral.TextMaxLength);
        e.Property(x => x.Corrected).HasMaxLength(PanelReferral.TextMaxLength);
        e.Property(x => x.Reason).HasMaxLength(PanelAmendment.ReasonMaxLength);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AmendedById).OnDelete(DeleteBehavior.Restrict);
    }
}
