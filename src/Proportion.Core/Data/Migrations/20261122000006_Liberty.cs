using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>Deprivation of liberty screenings and the authorisations applied for (R6). Hand-written, provider-neutral.</summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261122000006_Liberty")]
public sealed class Liberty : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "LibertyAuthorisations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CqcNotifiedOn = table.Column<DateOnly>(nullable: true),
                ExpiresOn = table.Column<DateOnly>(nullable: true),
                Extended = table.Column<bool>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Notes = table.Column<string>(maxLength: 2000, nullable: true),
                OrganisationId = table.Column<Guid>(nullable: false),
                Outcome = table.Column<int>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RequestedOn = table.Column<DateOnly>(nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LibertyAuthorisations", x => x.Id);
                table.ForeignKey(
                    name: "FK_LibertyAuthorisations_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_LibertyAuthorisations_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "LibertyScreenings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AssessedOn = table.Column<DateOnly>(nullable: false),
                Conclusion = table.Column<int>(nullable: false),
                FreedomToLeave = table.Column<string>(maxLength: 2000, nullable: true),
                LegalBasis = table.Column<string>(maxLength: 500, nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Purpose = table.Column<string>(maxLength: 2000, nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedById = table.Column<Guid>(nullable: false),
                RelativeNormality = table.Column<string>(maxLength: 2000, nullable: true),
                RestraintAndMedication = table.Column<string>(maxLength: 2000, nullable: true),
                Route = table.Column<int>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                SupervisionAndControl = table.Column<string>(maxLength: 2000, nullable: true),
                WishesAndObjection = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LibertyScreenings", x => x.Id);
                table.ForeignKey(
                    name: "FK_LibertyScreenings_AspNetUsers_RecordedById",
                    column: x => x.RecordedById,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_LibertyScreenings_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_LibertyScreenings_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_LibertyScreenings_Services_ServiceId",
                    column: x => x.ServiceId,
                    principalTable: "Services",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_LibertyAuthorisations_OrganisationId", table: "LibertyAuthorisations", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_LibertyAuthorisations_PersonId", table: "LibertyAuthorisations", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_LibertyScreenings_OrganisationId", table: "LibertyScreenings", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_LibertyScreenings_PersonId", table: "LibertyScreenings", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_LibertyScreenings_RecordedById", table: "LibertyScreenings", column: "RecordedById");
        migrationBuilder.CreateIndex(name: "IX_LibertyScreenings_ServiceId", table: "LibertyScreenings", column: "ServiceId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Liberty records cannot be rolled back.");
    }
}
