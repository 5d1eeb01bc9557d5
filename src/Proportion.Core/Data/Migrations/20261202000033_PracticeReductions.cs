using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Reductions achieved through restriction reduction plans (R19): one row per step that ended a practice
/// or reduced its hours or scope, written in the step's transaction so counting never reads plan content;
/// and the review that started a reduction plan points to it. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000033_PracticeReductions")]
public sealed class PracticeReductions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "ReductionPlanId", table: "PracticeReviews", nullable: true);
        migrationBuilder.CreateTable(
            name: "PracticeReductions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                PracticeId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                StageId = table.Column<Guid>(nullable: false),
                StageOutcomeId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                AchievedOn = table.Column<DateOnly>(nullable: false),
                WhatChanged = table.Column<string>(maxLength: 2000, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedById = table.Column<Guid>(nullable: false),
                CarePlanConfirmedAt = table.Column<DateTime>(nullable: true),
                CarePlanConfirmedById = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PracticeReductions", x => x.Id);
                Restrict(table, "FK_PracticeReductions_People_PersonId", x => x.PersonId, "People");
                Restrict(table, "FK_PracticeReductions_Services_ServiceId", x => x.ServiceId, "Services");
                Restrict(table, "FK_PracticeReductions_RestrictivePractices_PracticeId", x => x.PracticeId, "RestrictivePractices");
                Restrict(table, "FK_PracticeReductions_Plans_PlanId", x => x.PlanId, "Plans");
                Restrict(table, "FK_PracticeReductions_StageOutcomes_StageOutcomeId", x => x.StageOutcomeId, "StageOutcomes");
                Restrict(table, "FK_PracticeReductions_AspNetUsers_RecordedById", x => x.RecordedById, "AspNetUsers");
                Restrict(table, "FK_PracticeReductions_AspNetUsers_CarePlanConfirmedById", x => x.CarePlanConfirmedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_PracticeReductions_PersonId_AchievedOn", table: "PracticeReductions", columns: ["PersonId", "AchievedOn"]);
        migrationBuilder.CreateIndex(name: "IX_PracticeReductions_ServiceId_AchievedOn", table: "PracticeReductions", columns: ["ServiceId", "AchievedOn"]);
        migrationBuilder.CreateIndex(name: "IX_PracticeReductions_OrganisationId_AchievedOn", table: "PracticeReductions", columns: ["OrganisationId", "AchievedOn"]);
        migrationBuilder.CreateIndex(name: "IX_PracticeReductions_PlanId_StageId", table: "PracticeReductions", columns: ["PlanId", "StageId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_PracticeReductions_PracticeId", table: "PracticeReductions", column: "PracticeId");
        migrationBuilder.CreateIndex(name: "IX_PracticeReductions_StageOutcomeId", table: "PracticeReductions", column: "StageOutcomeId");
        migrationBuilder.CreateIndex(name: "IX_PracticeReductions_RecordedById", table: "PracticeReductions", column: "RecordedById");
        migrationBuilder.CreateIndex(name: "IX_PracticeReductions_CarePlanConfirmedById", table: "PracticeReductions", column: "CarePlanConfirmedById");
    }

    private static void Restrict<T>(CreateTableBuilder<T> table, string name, System.Linq.Expressions.Expression<Func<T, object?>> column, string principal) =>
        table.ForeignKey(name: name, column: column!, principalTable: principal, principalColumn: "Id", onDelete: ReferentialAction.Restrict);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Practice reductions cannot be rolled back.");
    }
}
