using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>Staff confirmations that they have read agreed guidelines (§7.5). Hand-written, provider-neutral.</summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261122000004_GuidelineAcknowledgements")]
public sealed class GuidelineAcknowledgements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "GuidelineAcknowledgements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                DecisionId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GuidelineAcknowledgements", x => x.Id);
                table.ForeignKey(
                    name: "FK_GuidelineAcknowledgements_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_GuidelineAcknowledgements_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_GuidelineAcknowledgements_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_GuidelineAcknowledgements_PracticeDecisions_DecisionId",
                    column: x => x.DecisionId,
                    principalTable: "PracticeDecisions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_GuidelineAcknowledgements_DecisionId_UserId", table: "GuidelineAcknowledgements", columns: new[] { "DecisionId", "UserId" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_GuidelineAcknowledgements_OrganisationId", table: "GuidelineAcknowledgements", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_GuidelineAcknowledgements_PersonId", table: "GuidelineAcknowledgements", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_GuidelineAcknowledgements_UserId_PersonId", table: "GuidelineAcknowledgements", columns: new[] { "UserId", "PersonId" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Acknowledgements cannot be rolled back.");
    }
}
