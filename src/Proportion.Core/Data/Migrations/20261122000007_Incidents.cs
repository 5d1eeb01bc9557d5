using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>Incidents (form CB1), what follows them, and in-app notifications. Hand-written, provider-neutral.</summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261122000007_Incidents")]
public sealed class Incidents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Link = table.Column<string>(maxLength: 300, nullable: false),
                Message = table.Column<string>(maxLength: 500, nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey(
                    name: "FK_Notifications_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Incidents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AbuseOrAllegation = table.Column<bool>(nullable: false),
                Antecedents = table.Column<string>(maxLength: 4000, nullable: false),
                CallsForEarlyReview = table.Column<bool>(nullable: false),
                CarePlanNotes = table.Column<string>(maxLength: 4000, nullable: true),
                CarePlanReviewNeeded = table.Column<bool>(nullable: true),
                ChangedCircumstances = table.Column<string>(maxLength: 4000, nullable: true),
                DeEscalation = table.Column<string>(maxLength: 4000, nullable: false),
                DeathOrSeriousInjury = table.Column<bool>(nullable: false),
                DebriefHeld = table.Column<bool>(nullable: true),
                DebriefNotes = table.Column<string>(maxLength: 4000, nullable: true),
                EarlyWarningSigns = table.Column<string>(maxLength: 4000, nullable: true),
                FollowUpRecordedAt = table.Column<DateTime>(nullable: true),
                FollowUpRecordedById = table.Column<Guid>(nullable: true),
                HowUsed = table.Column<string>(maxLength: 4000, nullable: false),
                InjuryDetails = table.Column<string>(maxLength: 4000, nullable: true),
                Kind = table.Column<int>(nullable: false),
                Location = table.Column<string>(maxLength: 200, nullable: false),
                ManagerReviewedAt = table.Column<DateTime>(nullable: true),
                ManagerReviewedById = table.Column<Guid>(nullable: true),
                OccurredAt = table.Column<DateTime>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                OthersInvolved = table.Column<string>(maxLength: 4000, nullable: true),
                Outcome = table.Column<string>(maxLength: 4000, nullable: false),
                PersonCharacteristics = table.Column<string>(maxLength: 4000, nullable: true),
                PersonId = table.Column<Guid>(nullable: false),
                PersonTookPartInReview = table.Column<bool>(nullable: true),
                PoliceInvolved = table.Column<bool>(nullable: false),
                PracticeId = table.Column<Guid>(nullable: true),
                PracticeIneffective = table.Column<bool>(nullable: false),
                Reason = table.Column<int>(nullable: false),
                ReasonDetail = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedById = table.Column<Guid>(nullable: false),
                ReviewAttendees = table.Column<string>(maxLength: 4000, nullable: true),
                ReviewOutcome = table.Column<string>(maxLength: 4000, nullable: true),
                ServiceId = table.Column<Guid>(nullable: false),
                SubmissionKey = table.Column<Guid>(nullable: false),
                TherapeuticSupport = table.Column<string>(maxLength: 4000, nullable: true),
                Version = table.Column<int>(nullable: false),
                WithinAgreedGuidelines = table.Column<bool>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Incidents", x => x.Id);
                table.ForeignKey(
                    name: "FK_Incidents_AspNetUsers_RecordedById",
                    column: x => x.RecordedById,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Incidents_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Incidents_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Incidents_RestrictivePractices_PracticeId",
                    column: x => x.PracticeId,
                    principalTable: "RestrictivePractices",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Incidents_Services_ServiceId",
                    column: x => x.ServiceId,
                    principalTable: "Services",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "IncidentAmendments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AmendedAt = table.Column<DateTime>(nullable: false),
                AmendedById = table.Column<Guid>(nullable: false),
                Corrected = table.Column<string>(maxLength: 4000, nullable: true),
                Field = table.Column<string>(maxLength: 100, nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Previous = table.Column<string>(maxLength: 4000, nullable: true),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IncidentAmendments", x => x.Id);
                table.ForeignKey(
                    name: "FK_IncidentAmendments_AspNetUsers_AmendedById",
                    column: x => x.AmendedById,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_IncidentAmendments_Incidents_IncidentId",
                    column: x => x.IncidentId,
                    principalTable: "Incidents",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "IncidentInterventions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EndedAt = table.Column<DateTime>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                InjuryToOthers = table.Column<bool>(nullable: false),
                InjuryToPerson = table.Column<bool>(nullable: false),
                InjuryToStaff = table.Column<bool>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                Type = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IncidentInterventions", x => x.Id);
                table.ForeignKey(
                    name: "FK_IncidentInterventions_Incidents_IncidentId",
                    column: x => x.IncidentId,
                    principalTable: "Incidents",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "IncidentNotifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Details = table.Column<string>(maxLength: 1000, nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Recipient = table.Column<int>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedById = table.Column<Guid>(nullable: true),
                Told = table.Column<bool>(nullable: false),
                ToldAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IncidentNotifications", x => x.Id);
                table.ForeignKey(
                    name: "FK_IncidentNotifications_Incidents_IncidentId",
                    column: x => x.IncidentId,
                    principalTable: "Incidents",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "IncidentReflections",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                WrittenAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IncidentReflections", x => x.Id);
                table.ForeignKey(
                    name: "FK_IncidentReflections_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_IncidentReflections_Incidents_IncidentId",
                    column: x => x.IncidentId,
                    principalTable: "Incidents",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "IncidentStaff",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Role = table.Column<string>(maxLength: 100, nullable: false),
                UserId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IncidentStaff", x => x.Id);
                table.ForeignKey(
                    name: "FK_IncidentStaff_Incidents_IncidentId",
                    column: x => x.IncidentId,
                    principalTable: "Incidents",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_Notifications_UserId_CreatedAt", table: "Notifications", columns: new[] { "UserId", "CreatedAt" });
        migrationBuilder.CreateIndex(name: "IX_Incidents_OrganisationId_SubmissionKey", table: "Incidents", columns: new[] { "OrganisationId", "SubmissionKey" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_Incidents_PersonId_OccurredAt", table: "Incidents", columns: new[] { "PersonId", "OccurredAt" });
        migrationBuilder.CreateIndex(name: "IX_Incidents_PracticeId", table: "Incidents", column: "PracticeId");
        migrationBuilder.CreateIndex(name: "IX_Incidents_RecordedById", table: "Incidents", column: "RecordedById");
        migrationBuilder.CreateIndex(name: "IX_Incidents_ServiceId_OccurredAt", table: "Incidents", columns: new[] { "ServiceId", "OccurredAt" });
        migrationBuilder.CreateIndex(name: "IX_IncidentAmendments_AmendedById", table: "IncidentAmendments", column: "AmendedById");
        migrationBuilder.CreateIndex(name: "IX_IncidentAmendments_IncidentId", table: "IncidentAmendments", column: "IncidentId");
        migrationBuilder.CreateIndex(name: "IX_IncidentInterventions_IncidentId", table: "IncidentInterventions", column: "IncidentId");
        migrationBuilder.CreateIndex(name: "IX_IncidentNotifications_IncidentId_Recipient", table: "IncidentNotifications", columns: new[] { "IncidentId", "Recipient" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_IncidentReflections_IncidentId_UserId", table: "IncidentReflections", columns: new[] { "IncidentId", "UserId" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_IncidentReflections_UserId", table: "IncidentReflections", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_IncidentStaff_IncidentId", table: "IncidentStaff", column: "IncidentId");
        migrationBuilder.CreateIndex(name: "IX_IncidentStaff_UserId", table: "IncidentStaff", column: "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Incident records cannot be rolled back.");
    }
}
