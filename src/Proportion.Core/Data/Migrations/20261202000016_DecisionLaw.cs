using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// The law on a decision: its legal basis, the evidence for "lacks capacity", the decision-maker, the IMCA,
/// and the people consulted; and what a representative's legal authority covers. Every new column is
/// nullable and left null on existing rows: nobody was asked, so it is unknown and shown as "Not recorded".
/// Agreed decisions are never judged again by the new rules. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000016_DecisionLaw")]
public sealed class DecisionLaw : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string decisions = "PracticeDecisions";
        migrationBuilder.AddColumn<int>(name: "LegalBasis", table: decisions, nullable: true);
        migrationBuilder.AddColumn<string>(name: "LegalBasisDetail", table: decisions, maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "CapacityAssessorName", table: decisions, maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>(name: "CapacityAssessorRole", table: decisions, maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "CapacityAssessedOn", table: decisions, nullable: true);
        foreach (var text in new[] { "UnderstandEvidence", "RetainEvidence", "UseOrWeighEvidence", "CommunicateEvidence", "ImpairmentDescription", "PracticableStepsTaken", "AttorneyDecision" })
        {
            migrationBuilder.AddColumn<string>(name: text, table: decisions, maxLength: 4000, nullable: true);
        }
        migrationBuilder.AddColumn<bool>(name: "NotBasedOnUnwiseDecision", table: decisions, nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "DecisionMakerRepresentativeId", table: decisions, nullable: true);
        migrationBuilder.AddColumn<string>(name: "DecisionMakerName", table: decisions, maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "AuthorityNotCoveringReason", table: decisions, maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "AttorneyAgrees", table: decisions, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "ImcaInstructed", table: decisions, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ImcaName", table: decisions, maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ImcaNotInstructedReason", table: decisions, maxLength: 1000, nullable: true);

        migrationBuilder.AddColumn<string>(name: "AuthorityCovers", table: "Representatives", maxLength: 1000, nullable: true);

        migrationBuilder.CreateTable(
            name: "DecisionConsultees",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DecisionId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Relationship = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<int>(nullable: false),
                View = table.Column<string>(maxLength: 2000, nullable: false),
                ConsultedOn = table.Column<DateOnly>(nullable: false),
                RepresentativeId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DecisionConsultees", x => x.Id);
                table.ForeignKey(
                    name: "FK_DecisionConsultees_PracticeDecisions_DecisionId",
                    column: x => x.DecisionId,
                    principalTable: "PracticeDecisions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_DecisionConsultees_DecisionId", table: "DecisionConsultees", column: "DecisionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("The law on decisions cannot be rolled back.");
    }
}
