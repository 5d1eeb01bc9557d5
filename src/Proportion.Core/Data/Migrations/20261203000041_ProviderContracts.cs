using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Contract compliance (R27, ADR 0034): a council's contracts with providers, the commissioner's judgement of
/// each contract item over time, contract visits with their findings, the actions they ask of the provider, and
/// the provider's responses. Every row is kept: judgements and responses are added, never changed.
/// Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261203000041_ProviderContracts")]
public sealed class ProviderContracts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProviderContracts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CouncilId = table.Column<Guid>(nullable: false),
                ProviderId = table.Column<Guid>(nullable: false),
                Reference = table.Column<string>(maxLength: 100, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProviderContracts", x => x.Id);
                Restrict(table, "FK_ProviderContracts_Organisations_CouncilId", x => x.CouncilId, "Organisations");
                Restrict(table, "FK_ProviderContracts_Organisations_ProviderId", x => x.ProviderId, "Organisations");
                Restrict(table, "FK_ProviderContracts_AspNetUsers_CreatedById", x => x.CreatedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_ProviderContracts_CouncilId", table: "ProviderContracts", column: "CouncilId");
        migrationBuilder.CreateIndex(name: "IX_ProviderContracts_ProviderId", table: "ProviderContracts", column: "ProviderId");
        migrationBuilder.CreateIndex(name: "IX_ProviderContracts_CreatedById", table: "ProviderContracts", column: "CreatedById");

        migrationBuilder.CreateTable(
            name: "ContractJudgements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContractId = table.Column<Guid>(nullable: false),
                Item = table.Column<int>(nullable: false),
                Judgement = table.Column<int>(nullable: false),
                JudgedOn = table.Column<DateOnly>(nullable: false),
                Note = table.Column<string>(maxLength: 4000, nullable: true),
                JudgedById = table.Column<Guid>(nullable: false),
                JudgedByName = table.Column<string>(maxLength: 100, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContractJudgements", x => x.Id);
                Restrict(table, "FK_ContractJudgements_ProviderContracts_ContractId", x => x.ContractId, "ProviderContracts");
                Restrict(table, "FK_ContractJudgements_AspNetUsers_JudgedById", x => x.JudgedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_ContractJudgements_ContractId", table: "ContractJudgements", column: "ContractId");
        migrationBuilder.CreateIndex(name: "IX_ContractJudgements_JudgedById", table: "ContractJudgements", column: "JudgedById");

        migrationBuilder.CreateTable(
            name: "ContractVisits",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContractId = table.Column<Guid>(nullable: false),
                VisitedOn = table.Column<DateOnly>(nullable: false),
                Findings = table.Column<string>(maxLength: 4000, nullable: false),
                RecordedById = table.Column<Guid>(nullable: false),
                RecordedByName = table.Column<string>(maxLength: 100, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContractVisits", x => x.Id);
                Restrict(table, "FK_ContractVisits_ProviderContracts_ContractId", x => x.ContractId, "ProviderContracts");
                Restrict(table, "FK_ContractVisits_AspNetUsers_RecordedById", x => x.RecordedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_ContractVisits_ContractId", table: "ContractVisits", column: "ContractId");
        migrationBuilder.CreateIndex(name: "IX_ContractVisits_RecordedById", table: "ContractVisits", column: "RecordedById");

        migrationBuilder.CreateTable(
            name: "ContractActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContractId = table.Column<Guid>(nullable: false),
                VisitId = table.Column<Guid>(nullable: false),
                What = table.Column<string>(maxLength: 1000, nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                DoneOn = table.Column<DateOnly>(nullable: true),
                DoneNote = table.Column<string>(maxLength: 4000, nullable: true),
                DoneById = table.Column<Guid>(nullable: true),
                CreatedById = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContractActions", x => x.Id);
                Restrict(table, "FK_ContractActions_ProviderContracts_ContractId", x => x.ContractId, "ProviderContracts");
                Restrict(table, "FK_ContractActions_ContractVisits_VisitId", x => x.VisitId, "ContractVisits");
                Restrict(table, "FK_ContractActions_AspNetUsers_DoneById", x => x.DoneById, "AspNetUsers");
                Restrict(table, "FK_ContractActions_AspNetUsers_CreatedById", x => x.CreatedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_ContractActions_ContractId", table: "ContractActions", column: "ContractId");
        migrationBuilder.CreateIndex(name: "IX_ContractActions_VisitId", table: "ContractActions", column: "VisitId");
        migrationBuilder.CreateIndex(name: "IX_ContractActions_DoneById", table: "ContractActions", column: "DoneById");
        migrationBuilder.CreateIndex(name: "IX_ContractActions_CreatedById", table: "ContractActions", column: "CreatedById");

        migrationBuilder.CreateTable(
            name: "ContractResponses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContractId = table.Column<Guid>(nullable: false),
                Item = table.Column<int>(nullable: true),
                ActionId = table.Column<Guid>(nullable: true),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                RespondedById = table.Column<Guid>(nullable: false),
                RespondedByName = table.Column<string>(maxLength: 100, nullable: false),
                RespondedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContractResponses", x => x.Id);
                Restrict(table, "FK_ContractResponses_ProviderContracts_ContractId", x => x.ContractId, "ProviderContracts");
                Restrict(table, "FK_ContractResponses_ContractActions_ActionId", x => x.ActionId, "ContractActions");
                Restrict(table, "FK_ContractResponses_AspNetUsers_RespondedById", x => x.RespondedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_ContractResponses_ContractId", table: "ContractResponses", column: "ContractId");
        migrationBuilder.CreateIndex(name: "IX_ContractResponses_ActionId", table: "ContractResponses", column: "ActionId");
        migrationBuilder.CreateIndex(name: "IX_ContractResponses_RespondedById", table: "ContractResponses", column: "RespondedById");
    }

    private static void Restrict<T>(CreateTableBuilder<T> table, string name, System.Linq.Expressions.Expression<Func<T, object?>> column, string principal) =>
        table.ForeignKey(name: name, column: column!, principalTable: principal, principalColumn: "Id", onDelete: ReferentialAction.Restrict);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Provider contracts cannot be rolled back.");
    }
}
