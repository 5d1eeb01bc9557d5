using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Safeguarding concerns (R20): the concern with the person's consent and voice and the council's steps, the
/// safety plan's actions and its reviews; and each service's local council, whose safeguarding team receives
/// them. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000035_SafeguardingConcerns")]
public sealed class SafeguardingConcerns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "LocalCouncilId", table: "Services", nullable: true);

        migrationBuilder.CreateTable(
            name: "SafeguardingConcerns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                CouncilId = table.Column<Guid>(nullable: false),
                PersonName = table.Column<string>(maxLength: 200, nullable: false),
                PersonDateOfBirth = table.Column<DateOnly>(nullable: false),
                ServiceName = table.Column<string>(maxLength: 200, nullable: false),
                ProviderName = table.Column<string>(maxLength: 200, nullable: false),
                Source = table.Column<int>(nullable: false),
                IncidentId = table.Column<Guid>(nullable: true),
                ReviewId = table.Column<Guid>(nullable: true),
                Kinds = table.Column<int>(nullable: false),
                WhatHappened = table.Column<string>(maxLength: 4000, nullable: true),
                HappenedAt = table.Column<DateTime>(nullable: true),
                AllegedSourceKind = table.Column<int>(nullable: true),
                AllegedSource = table.Column<string>(maxLength: 200, nullable: true),
                AllegedSourceUserId = table.Column<Guid>(nullable: true),
                ImmediateAction = table.Column<string>(maxLength: 4000, nullable: true),
                Consent = table.Column<int>(nullable: true),
                ProceedReasons = table.Column<int>(nullable: false),
                ProceedExplanation = table.Column<string>(maxLength: 4000, nullable: true),
                BestInterestsDecision = table.Column<string>(maxLength: 4000, nullable: true),
                PersonTold = table.Column<bool>(nullable: true),
                PersonToldNote = table.Column<string>(maxLength: 4000, nullable: true),
                OutcomesWanted = table.Column<string>(maxLength: 4000, nullable: true),
                HowPersonTakesPart = table.Column<string>(maxLength: 4000, nullable: true),
                AdvocacyOffered = table.Column<bool>(nullable: true),
                SubstantialDifficulty = table.Column<bool>(nullable: true),
                AppropriatePerson = table.Column<string>(maxLength: 200, nullable: true),
                AdvocateName = table.Column<string>(maxLength: 200, nullable: true),
                Status = table.Column<int>(nullable: false),
                RaisedById = table.Column<Guid>(nullable: false),
                RaisedAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                SentById = table.Column<Guid>(nullable: true),
                ReceivedAt = table.Column<DateTime>(nullable: true),
                ReceivedById = table.Column<Guid>(nullable: true),
                EnquiryNeeded = table.Column<bool>(nullable: true),
                DecisionReason = table.Column<string>(maxLength: 4000, nullable: true),
                EnquiryBy = table.Column<int>(nullable: true),
                DecidedAt = table.Column<DateTime>(nullable: true),
                DecidedById = table.Column<Guid>(nullable: true),
                SafetyPlan = table.Column<string>(maxLength: 4000, nullable: true),
                PlanMadeWithPerson = table.Column<string>(maxLength: 4000, nullable: true),
                PlanReviewOn = table.Column<DateOnly>(nullable: true),
                OutcomesMet = table.Column<int>(nullable: true),
                PersonsViewAtClosure = table.Column<string>(maxLength: 4000, nullable: true),
                ClosureReason = table.Column<string>(maxLength: 4000, nullable: true),
                ClosedAt = table.Column<DateTime>(nullable: true),
                ClosedById = table.Column<Guid>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SafeguardingConcerns", x => x.Id);
                Restrict(table, "FK_SafeguardingConcerns_People_PersonId", x => x.PersonId, "People");
                Restrict(table, "FK_SafeguardingConcerns_Services_ServiceId", x => x.ServiceId, "Services");
                Restrict(table, "FK_SafeguardingConcerns_Organisations_CouncilId", x => x.CouncilId, "Organisations");
                Restrict(table, "FK_SafeguardingConcerns_Incidents_IncidentId", x => x.IncidentId, "Incidents");
                Restrict(table, "FK_SafeguardingConcerns_PracticeReviews_ReviewId", x => x.ReviewId, "PracticeReviews");
                Restrict(table, "FK_SafeguardingConcerns_AspNetUsers_AllegedSourceUserId", x => x.AllegedSourceUserId, "AspNetUsers");
                Restrict(table, "FK_SafeguardingConcerns_AspNetUsers_RaisedById", x => x.RaisedById, "AspNetUsers");
                Restrict(table, "FK_SafeguardingConcerns_AspNetUsers_SentById", x => x.SentById, "AspNetUsers");
                Restrict(table, "FK_SafeguardingConcerns_AspNetUsers_ReceivedById", x => x.ReceivedById, "AspNetUsers");
                Restrict(table, "FK_SafeguardingConcerns_AspNetUsers_DecidedById", x => x.DecidedById, "AspNetUsers");
                Restrict(table, "FK_SafeguardingConcerns_AspNetUsers_ClosedById", x => x.ClosedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_SafeguardingConcerns_CouncilId_Status", table: "SafeguardingConcerns", columns: ["CouncilId", "Status"]);
        migrationBuilder.CreateIndex(name: "IX_SafeguardingConcerns_OrganisationId_Status", table: "SafeguardingConcerns", columns: ["OrganisationId", "Status"]);
        migrationBuilder.CreateIndex(name: "IX_SafeguardingConcerns_PersonId_Status", table: "SafeguardingConcerns", columns: ["PersonId", "Status"]);
        migrationBuilder.CreateIndex(name: "IX_SafeguardingConcerns_RaisedById", table: "SafeguardingConcerns", column: "RaisedById");
        migrationBuilder.CreateIndex(name: "IX_SafeguardingConcerns_ServiceId", table: "SafeguardingConcerns", column: "ServiceId");
        migrationBuilder.CreateIndex(name: "IX_SafeguardingConcerns_IncidentId", table: "SafeguardingConcerns", column: "IncidentId");
        migrationBuilder.CreateIndex(name: "IX_SafeguardingConcerns_ReviewId", table: "SafeguardingConcerns", column: "ReviewId");
        migrationBuilder.CreateIndex(name: "IX_SafeguardingConcerns_AllegedSourceUserId", table: "SafeguardingConcerns", column: "AllegedSourceUserId");
        migrationBuilder.CreateIndex(name: "IX_SafeguardingConcerns_SentById", table: "SafeguardingConcerns", column: "SentById");
        migrationBuilder.CreateIndex(name: "IX_SafeguardingConcerns_ReceivedById", table: "SafeguardingConcerns", column: "ReceivedById");
        migrationBuilder.CreateIndex(name: "IX_SafeguardingConcerns_DecidedById", table: "SafeguardingConcerns", column: "DecidedById");
        migrationBuilder.CreateIndex(name: "IX_SafeguardingConcerns_ClosedById", table: "SafeguardingConcerns", column: "ClosedById");

        migrationBuilder.CreateTable(
            name: "SafeguardingActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ConcernId = table.Column<Guid>(nullable: false),
                What = table.Column<string>(maxLength: 1000, nullable: false),
                Owner = table.Column<int>(nullable: false),
                OwnerName = table.Column<string>(maxLength: 200, nullable: true),
                DueOn = table.Column<DateOnly>(nullable: false),
                DoneAt = table.Column<DateTime>(nullable: true),
                DoneById = table.Column<Guid>(nullable: true),
                DoneNote = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SafeguardingActions", x => x.Id);
                Restrict(table, "FK_SafeguardingActions_SafeguardingConcerns_ConcernId", x => x.ConcernId, "SafeguardingConcerns");
                Restrict(table, "FK_SafeguardingActions_AspNetUsers_DoneById", x => x.DoneById, "AspNetUsers");
                Restrict(table, "FK_SafeguardingActions_AspNetUsers_CreatedById", x => x.CreatedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_SafeguardingActions_ConcernId", table: "SafeguardingActions", column: "ConcernId");
        migrationBuilder.CreateIndex(name: "IX_SafeguardingActions_DoneById", table: "SafeguardingActions", column: "DoneById");
        migrationBuilder.CreateIndex(name: "IX_SafeguardingActions_CreatedById", table: "SafeguardingActions", column: "CreatedById");

        migrationBuilder.CreateTable(
            name: "SafeguardingReviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ConcernId = table.Column<Guid>(nullable: false),
                ReviewedAt = table.Column<DateTime>(nullable: false),
                ReviewedById = table.Column<Guid>(nullable: false),
                PersonsView = table.Column<string>(maxLength: 4000, nullable: false),
                Notes = table.Column<string>(maxLength: 4000, nullable: false),
                NextReviewOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SafeguardingReviews", x => x.Id);
                Restrict(table, "FK_SafeguardingReviews_SafeguardingConcerns_ConcernId", x => x.ConcernId, "SafeguardingConcerns");
                Restrict(table, "FK_SafeguardingReviews_AspNetUsers_ReviewedById", x => x.ReviewedById, "AspNetUsers");
            });
        migrationBuilder.CreateIndex(name: "IX_SafeguardingReviews_ConcernId", table: "SafeguardingReviews", column: "ConcernId");
        migrationBuilder.CreateIndex(name: "IX_SafeguardingReviews_ReviewedById", table: "SafeguardingReviews", column: "ReviewedById");
    }

    private static void Restrict<T>(CreateTableBuilder<T> table, string name, System.Linq.Expressions.Expression<Func<T, object?>> column, string principal) =>
        table.ForeignKey(name: name, column: column!, principalTable: principal, principalColumn: "Id", onDelete: ReferentialAction.Restrict);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Safeguarding concerns cannot be rolled back.");
    }
}
