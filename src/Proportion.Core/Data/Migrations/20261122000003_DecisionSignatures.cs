using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>The signatures of everyone who contributed to a decision (§5.13). Hand-written, provider-neutral.</summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261122000003_DecisionSignatures")]
public sealed class DecisionSignatures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DecisionSignatures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DecisionId = table.Column<Guid>(nullable: false),
                Method = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedById = table.Column<Guid>(nullable: false),
                SignedAs = table.Column<string>(maxLength: 100, nullable: false),
                SignedOn = table.Column<DateOnly>(nullable: false),
                Witness = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DecisionSignatures", x => x.Id);
                table.ForeignKey(
                    name: "FK_DecisionSignatures_PracticeDecisions_DecisionId",
                    column: x => x.DecisionId,
                    principalTable: "PracticeDecisions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_DecisionSignatures_DecisionId", table: "DecisionSignatures", column: "DecisionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Signatures cannot be rolled back.");
    }
}
