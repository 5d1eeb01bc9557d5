using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Form RP2: the restrictive practice decision, its less restrictive alternatives and its sign-offs.
/// Hand-written and provider-neutral; the schema drift test checks it against the model.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261122000002_PracticeDecisions")]
public sealed class PracticeDecisions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PracticeDecisions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreedAt = table.Column<DateTime>(nullable: true),
                BeliefsAndValues = table.Column<string>(maxLength: 4000, nullable: true),
                BestInterestsConclusion = table.Column<string>(maxLength: 4000, nullable: true),
                CanCommunicate = table.Column<bool>(nullable: true),
                CanRetain = table.Column<bool>(nullable: true),
                CanUnderstand = table.Column<bool>(nullable: true),
                CanUseOrWeigh = table.Column<bool>(nullable: true),
                CapacityEvidence = table.Column<string>(maxLength: 4000, nullable: true),
                ConsequencesOfNotUsing = table.Column<string>(maxLength: 4000, nullable: true),
                ConsequencesOfUsing = table.Column<string>(maxLength: 4000, nullable: true),
                ConsulteesViews = table.Column<string>(maxLength: 4000, nullable: true),
                CouldRegainCapacity = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                HasImpairmentOfMindOrBrain = table.Column<bool>(nullable: true),
                HowTheyTookPart = table.Column<string>(maxLength: 4000, nullable: true),
                InabilityIsBecauseOfImpairment = table.Column<bool>(nullable: true),
                Likelihood = table.Column<int>(nullable: true),
                MultiDisciplinaryAdvice = table.Column<string>(maxLength: 4000, nullable: true),
                Number = table.Column<int>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                OthersRightsProtection = table.Column<string>(maxLength: 4000, nullable: true),
                PersonId = table.Column<Guid>(nullable: false),
                PersonResponse = table.Column<int>(nullable: true),
                PersonViews = table.Column<string>(maxLength: 4000, nullable: true),
                PracticeId = table.Column<Guid>(nullable: false),
                Proportionality = table.Column<string>(maxLength: 4000, nullable: true),
                RepresentativesNotInvolvedReason = table.Column<string>(maxLength: 4000, nullable: true),
                RepresentativesViews = table.Column<string>(maxLength: 4000, nullable: true),
                ReviewDate = table.Column<DateOnly>(nullable: true),
                Risk = table.Column<string>(maxLength: 4000, nullable: true),
                Seriousness = table.Column<int>(nullable: true),
                ServiceId = table.Column<Guid>(nullable: false),
                Status = table.Column<int>(nullable: false),
                TriedBefore = table.Column<string>(maxLength: 4000, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
                ViewsGatheredBy = table.Column<int>(nullable: false),
                WhenMayBeUsed = table.Column<string>(maxLength: 4000, nullable: true),
                WhenMustNotBeUsed = table.Column<string>(maxLength: 4000, nullable: true),
                WishesAndFeelings = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PracticeDecisions", x => x.Id);
                table.ForeignKey(
                    name: "FK_PracticeDecisions_AspNetUsers_CreatedById",
                    column: x => x.CreatedById,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PracticeDecisions_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PracticeDecisions_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PracticeDecisions_RestrictivePractices_PracticeId",
                    column: x => x.PracticeId,
                    principalTable: "RestrictivePractices",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PracticeDecisions_Services_ServiceId",
                    column: x => x.ServiceId,
                    principalTable: "Services",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "DecisionAlternatives",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DecisionId = table.Column<Guid>(nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: false),
                WhyRejected = table.Column<string>(maxLength: 1000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DecisionAlternatives", x => x.Id);
                table.ForeignKey(
                    name: "FK_DecisionAlternatives_PracticeDecisions_DecisionId",
                    column: x => x.DecisionId,
                    principalTable: "PracticeDecisions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DecisionSignOffs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Council = table.Column<string>(maxLength: 200, nullable: true),
                DecisionId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
                RegistrationNumber = table.Column<string>(maxLength: 20, nullable: true),
                Role = table.Column<int>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                WorksInTheService = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DecisionSignOffs", x => x.Id);
                table.ForeignKey(
                    name: "FK_DecisionSignOffs_PracticeDecisions_DecisionId",
                    column: x => x.DecisionId,
                    principalTable: "PracticeDecisions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_PracticeDecisions_CreatedById", table: "PracticeDecisions", column: "CreatedById");
        migrationBuilder.CreateIndex(name: "IX_PracticeDecisions_OrganisationId", table: "PracticeDecisions", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_PracticeDecisions_PersonId", table: "PracticeDecisions", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_PracticeDecisions_PracticeId_Number", table: "PracticeDecisions", columns: new[] { "PracticeId", "Number" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_PracticeDecisions_ServiceId", table: "PracticeDecisions", column: "ServiceId");
        migrationBuilder.CreateIndex(name: "IX_DecisionAlternatives_DecisionId", table: "DecisionAlternatives", column: "DecisionId");
        migrationBuilder.CreateIndex(name: "IX_DecisionSignOffs_DecisionId", table: "DecisionSignOffs", column: "DecisionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Decisions cannot be rolled back.");
    }
}
