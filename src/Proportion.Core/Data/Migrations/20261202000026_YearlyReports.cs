using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// R17: each organisation's yearly public report, one per financial year, and its versions (a draft, the
/// published one, and each correction, all kept). The figures are frozen into each version as JSON, so a
/// published report never changes when the records do. An index lets the report group one organisation's
/// incidents over two years without reading anyone else's. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000026_YearlyReports")]
public sealed class YearlyReports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "YearlyReports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                YearStarting = table.Column<int>(nullable: false),
                IsPublished = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_YearlyReports", x => x.Id);
                table.ForeignKey(name: "FK_YearlyReports_Organisations_OrganisationId", column: x => x.OrganisationId,
                    principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "YearlyReportVersions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReportId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                TrainingStrategy = table.Column<string>(maxLength: 8000, nullable: true),
                WhyUsed = table.Column<string>(maxLength: 8000, nullable: true),
                ReductionStrategies = table.Column<string>(maxLength: 8000, nullable: true),
                FiguresJson = table.Column<string>(nullable: true),
                FiguresWorkedOutAt = table.Column<DateTime>(nullable: true),
                CorrectionReason = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                SignedForBoardBy = table.Column<string>(maxLength: 100, nullable: true),
                SignedForBoardRole = table.Column<string>(maxLength: 100, nullable: true),
                BoardMeetingOn = table.Column<DateOnly>(nullable: true),
                PublishedById = table.Column<Guid>(nullable: true),
                PublishedByName = table.Column<string>(maxLength: 100, nullable: true),
                PublishedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_YearlyReportVersions", x => x.Id);
                table.ForeignKey(name: "FK_YearlyReportVersions_YearlyReports_ReportId", column: x => x.ReportId,
                    principalTable: "YearlyReports", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_YearlyReports_OrganisationId_YearStarting", table: "YearlyReports",
            columns: ["OrganisationId", "YearStarting"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_YearlyReportVersions_ReportId_Number", table: "YearlyReportVersions",
            columns: ["ReportId", "Number"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Incidents_OrganisationId_OccurredAt", table: "Incidents",
            columns: ["OrganisationId", "OccurredAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Yearly reports cannot be rolled back.");
    }
}
