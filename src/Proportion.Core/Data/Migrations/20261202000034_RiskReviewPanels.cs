using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Risk review panels (R26): referrals with their meeting and decision, the panel's members and any
/// dissent, its actions, and amendments kept beside a decision. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000034_RiskReviewPanels")]
public sealed class RiskReviewPanels : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PanelReferrals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: true),
                PracticeId = table.Column<Guid>(nullable: true),
                DecisionId = table.Column<Guid>(nullable: true),
                RiskId = table.Column<Guid>(nullable: true),
                Band = table.Column<int>(nullable: true),
                Reason = table.Column<int>(nullable: false),
                OtherReason = table.Column<string>(maxLength: 200, nullable: true),
                Question = table.Column<string>(maxLength: 4000, nullable: false),
                Evidence = table.Column<string>(maxLength: 4000, nullable: false),
                ReferredById = table.Column<Guid>(nullable: false),
                ReferredAt = table.Column<DateTime>(nullable: false),
                Status = table.Column<int>(nullable: false),
                MeetingOn = table.Column<DateOnly>(nullable: true),
                PersonAttended = table.Column<bool>(nullable: false),
                FamilyAttended = table.Column<bool>(nullable: false),
                AdvocateAttended = table.Column<bool>(nullable: false),
                PersonsView = table.Column<string>(maxLength: 4000, nullable: true),
                Outcome = table.Column<int>(nullable: true),
                Decision = table.Column<string>(maxLength: 4000, nullable: true),
                Reasons = table.Column<string>(maxLength: 4000, nullable: true),
                ReviewOn = table.Column<DateOnly>(nullable: true),
                DecidedById = table.Column<Guid>(nullable: true),
                DecidedAt = table.Column<DateTime>(nullable: true),
                ClosedAt = table.Column<DateTime>(nullable: true),
                ClosedById = table.Column<Guid>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PanelReferrals", x => x.Id);
                Restrict(table, "FK_PanelReferrals_People_PersonId", x => x.PersonId, "People");
                Restrict(table, "FK_PanelReferrals_Services_ServiceId", x => x.ServiceId, "Services");
                Restrict(table, "FK_PanelReferrals_Plans_PlanId", x => x.PlanId, "Plans");
                Restrict(table, "FK_PanelReferrals_RestrictivePractices_PracticeId", x => x.PracticeId, "RestrictivePractices");
                Restrict(table, "FK_PanelReferrals_PracticeDecisions_DecisionId", x => x.DecisionId, "PracticeDecisions");
                Restrict(table, "FK_PanelReferrals_AspNetUsers_ReferredById", x => x.ReferredById, "AspNetUsers");
                Restrict(table, "FK_PanelReferrals_AspNetUsers_DecidedById", x => x.DecidedById, "AspNetUsers");
                Restrict(table, "FK_PanelReferrals_AspNetUsers_ClosedById", x => x.ClosedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_PersonId_Status", table: "PanelReferrals", columns: ["PersonId", "Status"]);
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_OrganisationId_Status", table: "PanelReferrals", columns: ["OrganisationId", "Status"]);
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_ServiceId_Status", table: "PanelReferrals", columns: ["ServiceId", "Status"]);
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_PlanId", table: "PanelReferrals", column: "PlanId");
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_PracticeId", table: "PanelReferrals", column: "PracticeId");
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_DecisionId", table: "PanelReferrals", column: "DecisionId");
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_ReferredById", table: "PanelReferrals", column: "ReferredById");
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_DecidedById", table: "PanelReferrals", column: "DecidedById");
        migrationBuilder.CreateIndex(name: "IX_PanelReferrals_ClosedById", table: "PanelReferrals", column: "ClosedById");

        migrationBuilder.CreateTable(
            name: "PanelMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ReferralId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Discipline = table.Column<string>(maxLength: 200, nullable: false),
                Dissent = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PanelMembers", x => x.Id);
                Restrict(table, "FK_PanelMembers_PanelReferrals_ReferralId", x => x.ReferralId, "PanelReferrals");
            });
        migrationBuilder.CreateIndex(name: "IX_PanelMembers_ReferralId", table: "PanelMembers", column: "ReferralId");

        migrationBuilder.CreateTable(
            name: "PanelActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ReferralId = table.Column<Guid>(nullable: false),
                What = table.Column<string>(maxLength: 1000, nullable: false),
                AssignedToId = table.Column<Guid>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                DoneAt = table.Column<DateTime>(nullable: true),
                DoneById = table.Column<Guid>(nullable: true),
                DoneNote = table.Column<string>(maxLength: 2000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PanelActions", x => x.Id);
                Restrict(table, "FK_PanelActions_PanelReferrals_ReferralId", x => x.ReferralId, "PanelReferrals");
                Restrict(table, "FK_PanelActions_AspNetUsers_AssignedToId", x => x.AssignedToId, "AspNetUsers");
                Restrict(table, "FK_PanelActions_AspNetUsers_DoneById", x => x.DoneById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_PanelActions_ReferralId", table: "PanelActions", column: "ReferralId");
        migrationBuilder.CreateIndex(name: "IX_PanelActions_AssignedToId_DoneAt", table: "PanelActions", columns: ["AssignedToId", "DoneAt"]);
        migrationBuilder.CreateIndex(name: "IX_PanelActions_DoneById", table: "PanelActions", column: "DoneById");

        migrationBuilder.CreateTable(
            name: "PanelAmendments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ReferralId = table.Column<Guid>(nullable: false),
                Part = table.Column<string>(maxLength: 50, nullable: false),
                Previous = table.Column<string>(maxLength: 4000, nullable: true),
                Corrected = table.Column<string>(maxLength: 4000, nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                AmendedById = table.Column<Guid>(nullable: false),
                AmendedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PanelAmendments", x => x.Id);
                Restrict(table, "FK_PanelAmendments_PanelReferrals_ReferralId", x => x.ReferralId, "PanelReferrals");
                Restrict(table, "FK_PanelAmendments_AspNetUsers_AmendedById", x => x.AmendedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_PanelAmendments_ReferralId", table: "PanelAmendments", column: "ReferralId");
        migrationBuilder.CreateIndex(name: "IX_PanelAmendments_AmendedById", table: "PanelAmendments", column: "AmendedById");
    }

    private static void Restrict<T>(CreateTableBuilder<T> table, string name, System.Linq.Expressions.Expression<Func<T, object?>> column, string principal) =>
        table.ForeignKey(name: name, column: column!, principalTable: principal, principalColumn: "Id", onDelete: ReferentialAction.Restrict);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Risk review panels cannot be rolled back.");
    }
}
