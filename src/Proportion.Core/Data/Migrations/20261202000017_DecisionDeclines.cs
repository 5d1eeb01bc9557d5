using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Agreements declined with reasons, and the disagreement route of §5.10 (multi-disciplinary discussion,
/// legal advice), recorded on a restrictive practice discussion. New tables only: decisions made before
/// this had no way to record a decline, so they have none, which is what the history shows.
/// Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000017_DecisionDeclines")]
public sealed class DecisionDeclines : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DecisionDeclines",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                DecisionId = table.Column<Guid>(nullable: false),
                Role = table.Column<int>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Reasons = table.Column<string>(maxLength: 4000, nullable: false),
                At = table.Column<DateTime>(nullable: false),
                AnsweredAt = table.Column<DateTime>(nullable: true),
                AnsweredById = table.Column<Guid>(nullable: true),
                AnsweredByName = table.Column<string>(maxLength: 100, nullable: true),
                Answer = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DecisionDeclines", x => x.Id);
                table.ForeignKey(
                    name: "FK_DecisionDeclines_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_DecisionDeclines_PracticeDecisions_DecisionId",
                    column: x => x.DecisionId,
                    principalTable: "PracticeDecisions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "DisagreementSteps",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                DecisionId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                On = table.Column<DateOnly>(nullable: false),
                Who = table.Column<string>(maxLength: 4000, nullable: false),
                Outcome = table.Column<string>(maxLength: 4000, nullable: false),
                AgreedBySeniorManager = table.Column<string>(maxLength: 100, nullable: true),
                RecordedById = table.Column<Guid>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DisagreementSteps", x => x.Id);
                table.ForeignKey(
                    name: "FK_DisagreementSteps_AspNetUsers_RecordedById",
                    column: x => x.RecordedById,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_DisagreementSteps_PracticeDecisions_DecisionId",
                    column: x => x.DecisionId,
                    principalTable: "PracticeDecisions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_DecisionDeclines_DecisionId", table: "DecisionDeclines", column: "DecisionId");
        migrationBuilder.CreateIndex(name: "IX_DecisionDeclines_UserId", table: "DecisionDeclines", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_DisagreementSteps_DecisionId", table: "DisagreementSteps", column: "DecisionId");
        migrationBuilder.CreateIndex(name: "IX_DisagreementSteps_RecordedById", table: "DisagreementSteps", column: "RecordedById");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Declines and the disagreement route cannot be rolled back.");
    }
}
