using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Plans written with the person (R19): every kind kept in one table, each version's content as JSON in
/// another, with staff readings, reviews and stage outcomes. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000028_Plans")]
public sealed class Plans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Plans",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                PracticeId = table.Column<Guid>(nullable: true),
                Status = table.Column<int>(nullable: false),
                LatestVersion = table.Column<int>(nullable: false),
                AgreedVersion = table.Column<int>(nullable: true),
                ReviewDate = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
                ClosedById = table.Column<Guid>(nullable: true),
                ClosedReason = table.Column<string>(maxLength: 2000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Plans", x => x.Id);
                Restrict(table, "FK_Plans_People_PersonId", x => x.PersonId, "People");
                Restrict(table, "FK_Plans_Services_ServiceId", x => x.ServiceId, "Services");
                Restrict(table, "FK_Plans_RestrictivePractices_PracticeId", x => x.PracticeId, "RestrictivePractices");
                Restrict(table, "FK_Plans_AspNetUsers_CreatedById", x => x.CreatedById, "AspNetUsers");
                Restrict(table, "FK_Plans_AspNetUsers_ClosedById", x => x.ClosedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_Plans_PersonId_Kind", table: "Plans", columns: ["PersonId", "Kind"]);
        migrationBuilder.CreateIndex(name: "IX_Plans_ServiceId_Kind", table: "Plans", columns: ["ServiceId", "Kind"]);
        migrationBuilder.CreateIndex(name: "IX_Plans_OrganisationId_Status_ReviewDate", table: "Plans", columns: ["OrganisationId", "Status", "ReviewDate"]);
        migrationBuilder.CreateIndex(name: "IX_Plans_PracticeId", table: "Plans", column: "PracticeId");
        migrationBuilder.CreateIndex(name: "IX_Plans_CreatedById", table: "Plans", column: "CreatedById");
        migrationBuilder.CreateIndex(name: "IX_Plans_ClosedById", table: "Plans", column: "ClosedById");

        migrationBuilder.CreateTable(
            name: "PlanVersions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Content = table.Column<string>(nullable: false),
                ChangeReason = table.Column<string>(nullable: true),
                DraftedAt = table.Column<DateTime>(nullable: false),
                DraftedById = table.Column<Guid>(nullable: false),
                AgreedAt = table.Column<DateTime>(nullable: true),
                AgreedById = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanVersions", x => x.Id);
                Restrict(table, "FK_PlanVersions_Plans_PlanId", x => x.PlanId, "Plans");
                Restrict(table, "FK_PlanVersions_AspNetUsers_DraftedById", x => x.DraftedById, "AspNetUsers");
                Restrict(table, "FK_PlanVersions_AspNetUsers_AgreedById", x => x.AgreedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_PlanVersions_PlanId_Number", table: "PlanVersions", columns: ["PlanId", "Number"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_PlanVersions_DraftedById", table: "PlanVersions", column: "DraftedById");
        migrationBuilder.CreateIndex(name: "IX_PlanVersions_AgreedById", table: "PlanVersions", column: "AgreedById");

        migrationBuilder.CreateTable(
            name: "PlanReadings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                VersionNumber = table.Column<int>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanReadings", x => x.Id);
                Restrict(table, "FK_PlanReadings_Plans_PlanId", x => x.PlanId, "Plans");
                Restrict(table, "FK_PlanReadings_AspNetUsers_UserId", x => x.UserId, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_PlanReadings_PlanId_VersionNumber_UserId", table: "PlanReadings", columns: ["PlanId", "VersionNumber", "UserId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_PlanReadings_UserId", table: "PlanReadings", column: "UserId");

        migrationBuilder.CreateTable(
            name: "PlanReviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                ReviewedOn = table.Column<DateOnly>(nullable: false),
                Outcome = table.Column<int>(nullable: false),
                Notes = table.Column<string>(maxLength: 4000, nullable: false),
                NextReviewDate = table.Column<DateOnly>(nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedById = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanReviews", x => x.Id);
                Restrict(table, "FK_PlanReviews_Plans_PlanId", x => x.PlanId, "Plans");
                Restrict(table, "FK_PlanReviews_AspNetUsers_RecordedById", x => x.RecordedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_PlanReviews_PlanId", table: "PlanReviews", column: "PlanId");
        migrationBuilder.CreateIndex(name: "IX_PlanReviews_RecordedById", table: "PlanReviews", column: "RecordedById");

        migrationBuilder.CreateTable(
            name: "StageOutcomes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                StageId = table.Column<Guid>(nullable: false),
                VersionNumber = table.Column<int>(nullable: false),
                TakenOn = table.Column<DateOnly>(nullable: false),
                Result = table.Column<int>(nullable: false),
                Notes = table.Column<string>(maxLength: 4000, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedById = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StageOutcomes", x => x.Id);
                Restrict(table, "FK_StageOutcomes_Plans_PlanId", x => x.PlanId, "Plans");
                Restrict(table, "FK_StageOutcomes_AspNetUsers_RecordedById", x => x.RecordedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_StageOutcomes_PlanId_StageId", table: "StageOutcomes", columns: ["PlanId", "StageId"]);
        migrationBuilder.CreateIndex(name: "IX_StageOutcomes_RecordedById", table: "StageOutcomes", column: "RecordedById");
    }

    private static void Restrict<T>(CreateTableBuilder<T> table, string name, System.Linq.Expressions.Expression<Func<T, object?>> column, string principal) =>
        table.ForeignKey(name: name, column: column!, principalTable: principal, principalColumn: "Id", onDelete: ReferentialAction.Restrict);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Plans cannot be rolled back.");
    }
}
