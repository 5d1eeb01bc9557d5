using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// The council's intelligence log (R27, ADR 0035): entries about providers from any source, graded; corrections with
/// their reasons; and every disclosure of an entry to a partner, with its lawful basis. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261203000042_IntelligenceLog")]
public sealed class IntelligenceLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IntelligenceEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CouncilId = table.Column<Guid>(nullable: false),
                ProviderId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: true),
                Source = table.Column<int>(nullable: false),
                ReceivedOn = table.Column<DateOnly>(nullable: false),
                Reliability = table.Column<int>(nullable: false),
                Concern = table.Column<int>(nullable: false),
                Summary = table.Column<string>(maxLength: 200, nullable: false),
                Details = table.Column<string>(maxLength: 4000, nullable: false),
                RecordedById = table.Column<Guid>(nullable: false),
                RecordedByName = table.Column<string>(maxLength: 100, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IntelligenceEntries", x => x.Id);
                Restrict(table, "FK_IntelligenceEntries_Organisations_CouncilId", x => x.CouncilId, "Organisations");
                Restrict(table, "FK_IntelligenceEntries_Organisations_ProviderId", x => x.ProviderId, "Organisations");
                Restrict(table, "FK_IntelligenceEntries_People_PersonId", x => x.PersonId, "People");
                Restrict(table, "FK_IntelligenceEntries_AspNetUsers_RecordedById", x => x.RecordedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_IntelligenceEntries_CouncilId_ReceivedOn", table: "IntelligenceEntries", columns: ["CouncilId", "ReceivedOn"]);
        migrationBuilder.CreateIndex(name: "IX_IntelligenceEntries_ProviderId", table: "IntelligenceEntries", column: "ProviderId");
        migrationBuilder.CreateIndex(name: "IX_IntelligenceEntries_PersonId", table: "IntelligenceEntries", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_IntelligenceEntries_RecordedById", table: "IntelligenceEntries", column: "RecordedById");

        migrationBuilder.CreateTable(
            name: "IntelligenceAmendments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                Correction = table.Column<string>(maxLength: 4000, nullable: false),
                Reason = table.Column<string>(maxLength: 4000, nullable: false),
                AmendedById = table.Column<Guid>(nullable: false),
                AmendedByName = table.Column<string>(maxLength: 100, nullable: false),
                AmendedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IntelligenceAmendments", x => x.Id);
                Restrict(table, "FK_IntelligenceAmendments_IntelligenceEntries_EntryId", x => x.EntryId, "IntelligenceEntries");
                Restrict(table, "FK_IntelligenceAmendments_AspNetUsers_AmendedById", x => x.AmendedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_IntelligenceAmendments_EntryId", table: "IntelligenceAmendments", column: "EntryId");
        migrationBuilder.CreateIndex(name: "IX_IntelligenceAmendments_AmendedById", table: "IntelligenceAmendments", column: "AmendedById");

        migrationBuilder.CreateTable(
            name: "IntelligenceShares",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                Partner = table.Column<int>(nullable: false),
                PartnerName = table.Column<string>(maxLength: 200, nullable: false),
                Recipient = table.Column<string>(maxLength: 200, nullable: false),
                Purpose = table.Column<string>(maxLength: 4000, nullable: false),
                LawfulBasis = table.Column<int>(nullable: false),
                SharedOn = table.Column<DateOnly>(nullable: false),
                SharedById = table.Column<Guid>(nullable: false),
                SharedByName = table.Column<string>(maxLength: 100, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IntelligenceShares", x => x.Id);
                Restrict(table, "FK_IntelligenceShares_IntelligenceEntries_EntryId", x => x.EntryId, "IntelligenceEntries");
                Restrict(table, "FK_IntelligenceShares_AspNetUsers_SharedById", x => x.SharedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_IntelligenceShares_EntryId", table: "IntelligenceShares", column: "EntryId");
        migrationBuilder.CreateIndex(name: "IX_IntelligenceShares_SharedById", table: "IntelligenceShares", column: "SharedById");
    }

    private static void Restrict<T>(CreateTableBuilder<T> table, string name, System.Linq.Expressions.Expression<Func<T, object?>> column, string principal) =>
        table.ForeignKey(name: name, column: column!, principalTable: principal, principalColumn: "Id", onDelete: ReferentialAction.Restrict);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("The intelligence log cannot be rolled back.");
    }
}
