using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// The changes a manager marks on a chart (R14), from which its process limits are recalculated. Kept
/// forever, withdrawn with a reason rather than deleted. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000022_ChartChanges")]
public sealed class ChartChanges : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ChartChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                SubjectKind = table.Column<int>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Description = table.Column<string>(maxLength: 200, nullable: false),
                MarkedById = table.Column<Guid>(nullable: false),
                MarkedAt = table.Column<DateTime>(nullable: false),
                WithdrawnById = table.Column<Guid>(nullable: true),
                WithdrawnAt = table.Column<DateTime>(nullable: true),
                WithdrawnReason = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChartChanges", x => x.Id);
                table.ForeignKey(
                    name: "FK_ChartChanges_AspNetUsers_MarkedById",
                    column: x => x.MarkedById,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ChartChanges_AspNetUsers_WithdrawnById",
                    column: x => x.WithdrawnById,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_ChartChanges_SubjectKind_SubjectId", table: "ChartChanges", columns: ["SubjectKind", "SubjectId"]);
        migrationBuilder.CreateIndex(name: "IX_ChartChanges_MarkedById", table: "ChartChanges", column: "MarkedById");
        migrationBuilder.CreateIndex(name: "IX_ChartChanges_WithdrawnById", table: "ChartChanges", column: "WithdrawnById");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Chart changes cannot be rolled back.");
    }
}
