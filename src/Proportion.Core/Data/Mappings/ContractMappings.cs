using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proportion.Core.Model;

namespace Proportion.Core.Data.Mappings;

public sealed class ProviderContractMapping : IEntityTypeConfiguration<ProviderContract>
{
    public void Configure(EntityTypeBuilder<ProviderContract> e)
    {
        e.ToTable("ProviderContracts");
        e.Property(x => x.Reference).HasMaxLength(ProviderContract.ReferenceMaxLength);
        e.Property(x => x.Title).HasMaxLength(ProviderContract.TitleMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Judgements).WithOne().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Visits).WithOne().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Actions).WithOne().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Responses).WithOne().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ContractJudgementMapping : IEntityTypeConfiguration<ContractJudgement>
{
    public void Configure(EntityTypeBuilder<ContractJudgement> e)
    {
        e.ToTable("ContractJudgements");
        e.Property(x => x.Note).HasMaxLength(ProviderContract.TextMaxLength);
        e.Property(x => x.JudgedByName).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.JudgedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ContractVisitMapping : IEntityTypeConfiguration<ContractVisit>
{
    public void Configure(EntityTypeBuilder<ContractVisit> e)
    {
        e.ToTable("ContractVisits");
        e.Property(x => x.Findings).HasMaxLength(ProviderContract.TextMaxLength);
        e.Property(x => x.RecordedByName).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ContractActionMapping : IEntityTypeConfiguration<ContractAction>
{
    public void Configure(EntityTypeBuilder<ContractAction> e)
    {
        e.ToTable("ContractActions");
        e.Property(x => x.What).HasMaxLength(ContractAction.WhatMaxLength);
        e.Property(x => x.DoneNote).HasMaxLength(ProviderContract.TextMaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<ContractVisit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.DoneById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ContractResponseMapping : IEntityTypeConfiguration<ContractResponse>
{
    public void Configure(EntityTypeBuilder<ContractResponse> e)
    {
        e.ToTable("ContractResponses");
        e.Property(x => x.Text).HasMaxLength(ProviderContract.TextMaxLength);
        e.Property(x => x.RespondedByName).HasMaxLength(AppUser.DisplayNameMaxLength);
        e.HasOne<ContractAction>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RespondedById).OnDelete(DeleteBehavior.Restrict);
    }
}
