using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Reviews of practices (form RP2A, §7) and service monitoring and audits (form RP3, §8), with the
/// indexes that find reviews due by service or organisation (R9). Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261201000010_ReviewsAndMonitoring")]
public sealed class ReviewsAndMonitoring : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PracticeReviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BalanceEvidence = table.Column<string>(maxLength: 4000, nullable: true),
                BalanceJustifiable = table.Column<bool>(nullable: true),
                BroughtForwardBecause = table.Column<string>(maxLength: 4000, nullable: true),
                CarePlanUpdated = table.Column<bool>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
                CompletedById = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                DeprivationOfLibertyEvidence = table.Column<string>(maxLength: 4000, nullable: true),
                DueOn = table.Column<DateOnly>(nullable: true),
                FamilyAndAdvocates = table.Column<string>(maxLength: 4000, nullable: true),
                FollowUpDecisionId = table.Column<Guid>(nullable: true),
                HeldOn = table.Column<DateOnly>(nullable: true),
                Justifiable = table.Column<bool>(nullable: true),
                JustifiableEvidence = table.Column<string>(maxLength: 4000, nullable: true),
                MeasuresEffective = table.Column<bool>(nullable: true),
                MeasuresEffectiveEvidence = table.Column<string>(maxLength: 4000, nullable: true),
                NextReviewDate = table.Column<DateOnly>(nullable: true),
                Number = table.Column<int>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                OtherAgencies = table.Column<string>(maxLength: 4000, nullable: true),
                Outcome = table.Column<int>(nullable: true),
                OutcomeReasons = table.Column<string>(maxLength: 4000, nullable: true),
                PersonId = table.Column<Guid>(nullable: false),
                PersonParticipation = table.Column<string>(maxLength: 4000, nullable: true),
                PersonTookPart = table.Column<bool>(nullable: true),
                PersonView = table.Column<string>(maxLength: 4000, nullable: true),
                PotentialDeprivationOfLiberty = table.Column<bool>(nullable: true),
                PracticeId = table.Column<Guid>(nullable: false),
                QualityOfLifeImpact = table.Column<string>(maxLength: 4000, nullable: true),
                ReductionConsidered = table.Column<bool>(nullable: true),
                ReductionDetail = table.Column<string>(maxLength: 4000, nullable: true),
                RiskContinues = table.Column<bool>(nullable: true),
                RiskContinuesEvidence = table.Column<string>(maxLength: 4000, nullable: true),
                SafeguardsAdequate = table.Column<bool>(nullable: true),
                SafeguardsEvidence = table.Column<string>(maxLength: 4000, nullable: true),
                ServiceId = table.Column<Guid>(nullable: false),
                Status = table.Column<int>(nullable: false),
                StillLeastRestrictive = table.Column<bool>(nullable: true),
                StillLeastRestrictiveEvidence = table.Column<string>(maxLength: 4000, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
                ViewGatheredBy = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PracticeReviews", x => x.Id);
                table.ForeignKey(name: "FK_PracticeReviews_AspNetUsers_CreatedById", column: x => x.CreatedById,
                    principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_PracticeReviews_Organisations_OrganisationId", column: x => x.OrganisationId,
                    principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_PracticeReviews_People_PersonId", column: x => x.PersonId,
                    principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_PracticeReviews_RestrictivePractices_PracticeId", column: x => x.PracticeId,
                    principalTable: "RestrictivePractices", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_PracticeReviews_Services_ServiceId", column: x => x.ServiceId,
                    principalTable: "Services", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ReviewSignatures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Method = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedById = table.Column<Guid>(nullable: false),
                ReviewId = table.Column<Guid>(nullable: false),
                SignedAs = table.Column<string>(maxLength: 100, nullable: false),
                SignedOn = table.Column<DateOnly>(nullable: false),
                Witness = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewSignatures", x => x.Id);
                table.ForeignKey(name: "FK_ReviewSignatures_PracticeReviews_ReviewId", column: x => x.ReviewId,
                    principalTable: "PracticeReviews", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ServiceMonitoring",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
                CompletedById = table.Column<Guid>(nullable: true),
                CompletedByName = table.Column<string>(maxLength: 100, nullable: true),
                CompletedByWorksInService = table.Column<bool>(nullable: false),
                CompletedOn = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                Findings = table.Column<string>(maxLength: 4000, nullable: true),
                Kind = table.Column<int>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                Status = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ServiceMonitoring", x => x.Id);
                table.ForeignKey(name: "FK_ServiceMonitoring_AspNetUsers_CreatedById", column: x => x.CreatedById,
                    principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_ServiceMonitoring_Organisations_OrganisationId", column: x => x.OrganisationId,
                    principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_ServiceMonitoring_Services_ServiceId", column: x => x.ServiceId,
                    principalTable: "Services", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "MonitoringPracticeChecks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AuditorNote = table.Column<string>(maxLength: 1000, nullable: true),
                DecisionEvidenced = table.Column<bool>(nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: false),
                GuidelinesAcknowledged = table.Column<bool>(nullable: false),
                LeastRestrictiveSought = table.Column<bool>(nullable: false),
                MonitoringId = table.Column<Guid>(nullable: false),
                PersonInvolved = table.Column<bool>(nullable: false),
                PersonName = table.Column<string>(maxLength: 201, nullable: false),
                PracticeId = table.Column<Guid>(nullable: false),
                ReductionOverdue = table.Column<bool>(nullable: false),
                ReviewDatesMet = table.Column<bool>(nullable: false),
                SignOffsComplete = table.Column<bool>(nullable: false),
                Status = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MonitoringPracticeChecks", x => x.Id);
                table.ForeignKey(name: "FK_MonitoringPracticeChecks_ServiceMonitoring_MonitoringId", column: x => x.MonitoringId,
                    principalTable: "ServiceMonitoring", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MonitoringActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DoneByName = table.Column<string>(maxLength: 100, nullable: true),
                DoneNote = table.Column<string>(maxLength: 1000, nullable: true),
                DoneOn = table.Column<DateOnly>(nullable: true),
                DoneRecordedAt = table.Column<DateTime>(nullable: true),
                DueOn = table.Column<DateOnly>(nullable: false),
                MonitoringId = table.Column<Guid>(nullable: false),
                Owner = table.Column<string>(maxLength: 100, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedById = table.Column<Guid>(nullable: false),
                What = table.Column<string>(maxLength: 1000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MonitoringActions", x => x.Id);
                table.ForeignKey(name: "FK_MonitoringActions_ServiceMonitoring_MonitoringId", column: x => x.MonitoringId,
                    principalTable: "ServiceMonitoring", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_PracticeReviews_CreatedById", table: "PracticeReviews", column: "CreatedById");
        migrationBuilder.CreateIndex(name: "IX_PracticeReviews_OrganisationId", table: "PracticeReviews", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_PracticeReviews_PersonId", table: "PracticeReviews", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_PracticeReviews_PracticeId_Number", table: "PracticeReviews", columns: new[] { "PracticeId", "Number" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_PracticeReviews_ServiceId_Status", table: "PracticeReviews", columns: new[] { "ServiceId", "Status" });
        migrationBuilder.CreateIndex(name: "IX_ReviewSignatures_ReviewId", table: "ReviewSignatures", column: "ReviewId");
        migrationBuilder.CreateIndex(name: "IX_ServiceMonitoring_CreatedById", table: "ServiceMonitoring", column: "CreatedById");
        migrationBuilder.CreateIndex(name: "IX_ServiceMonitoring_OrganisationId_Status", table: "ServiceMonitoring", columns: new[] { "OrganisationId", "Status" });
        migrationBuilder.CreateIndex(name: "IX_ServiceMonitoring_ServiceId_Kind_Status_CompletedOn", table: "ServiceMonitoring", columns: new[] { "ServiceId", "Kind", "Status", "CompletedOn" });
        migrationBuilder.CreateIndex(name: "IX_MonitoringPracticeChecks_MonitoringId", table: "MonitoringPracticeChecks", column: "MonitoringId");
        migrationBuilder.CreateIndex(name: "IX_MonitoringActions_MonitoringId", table: "MonitoringActions", column: "MonitoringId");

        // R18: when a review last considered reducing the practice. No practice has had a review before this migration.
        migrationBuilder.AddColumn<DateOnly>(name: "ReductionConsideredOn", table: "RestrictivePractices", nullable: true);

        // Reviews due (R9) are found by service or by organisation, status and date; R18 by organisation, status and start.
        migrationBuilder.DropIndex(name: "IX_RestrictivePractices_ServiceId_Status", table: "RestrictivePractices");
        migrationBuilder.DropIndex(name: "IX_RestrictivePractices_OrganisationId", table: "RestrictivePractices");
        migrationBuilder.CreateIndex(name: "IX_RestrictivePractices_ServiceId_Status_ReviewDate", table: "RestrictivePractices", columns: new[] { "ServiceId", "Status", "ReviewDate" });
        migrationBuilder.CreateIndex(name: "IX_RestrictivePractices_OrganisationId_Status_ReviewDate", table: "RestrictivePractices", columns: new[] { "OrganisationId", "Status", "ReviewDate" });
        migrationBuilder.CreateIndex(name: "IX_RestrictivePractices_ReductionNotConsidered", table: "RestrictivePractices",
            columns: new[] { "OrganisationId", "Status", "StartDate", "ReductionConsideredOn" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Reviews and monitoring records cannot be rolled back.");
    }
}
