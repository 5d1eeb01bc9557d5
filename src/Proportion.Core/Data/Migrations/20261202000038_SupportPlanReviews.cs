using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Outcome-focused reviews of personalised support plans (R20): what is working and not working for the
/// person and what changes, one per review of the plan, with whether each outcome they want is met. The
/// support plan itself is a plan like any other (its content is JSON), so it needs no table of its own.
/// Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000038_SupportPlanReviews")]
public sealed class SupportPlanReviews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SupportPlanReviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                PlanReviewId = table.Column<Guid>(nullable: false),
                WhatIsWorking = table.Column<string>(maxLength: 2000, nullable: false),
                WhatIsNotWorking = table.Column<string>(maxLength: 2000, nullable: false),
                Changes = table.Column<int>(nullable: false),
                WhatChanges = table.Column<string>(maxLength: 2000, nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedById = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SupportPlanReviews", x => x.Id);
                Restrict(table, "FK_SupportPlanReviews_Plans_PlanId", x => x.PlanId, "Plans");
                Restrict(table, "FK_SupportPlanReviews_PlanReviews_PlanReviewId", x => x.PlanReviewId, "PlanReviews");
                Restrict(table, "FK_SupportPlanReviews_AspNetUsers_RecordedById", x => x.RecordedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_SupportPlanReviews_PlanId", table: "SupportPlanReviews", column: "PlanId");
        migrationBuilder.CreateIndex(name: "IX_SupportPlanReviews_PlanReviewId", table: "SupportPlanReviews", column: "PlanReviewId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_SupportPlanReviews_RecordedById", table: "SupportPlanReviews", column: "RecordedById");

        migrationBuilder.CreateTable(
            name: "SupportOutcomeReviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SupportPlanReviewId = table.Column<Guid>(nullable: false),
                OutcomeId = table.Column<Guid>(nullable: false),
                Outcome = table.Column<string>(maxLength: 1000, nullable: false),
                Met = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SupportOutcomeReviews", x => x.Id);
                table.ForeignKey(
                    name: "FK_SupportOutcomeReviews_SupportPlanReviews_SupportPlanReviewId",
                    column: x => x.SupportPlanReviewId,
                    principalTable: "SupportPlanReviews",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_SupportOutcomeReviews_SupportPlanReviewId", table: "SupportOutcomeReviews", column: "SupportPlanReviewId");
    }

    private static void Restrict<T>(CreateTableBuilder<T> table, string name, System.Linq.Expressions.Expression<Func<T, object?>> column, string principal) =>
        table.ForeignKey(name: name, column: column!, principalTable: principal, principalColumn: "Id", onDelete: ReferentialAction.Restrict);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Support plan reviews cannot be rolled back.");
    }
}
