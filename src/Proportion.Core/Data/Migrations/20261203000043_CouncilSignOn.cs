using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Council sign-in (R27, ADR 0036): each council's OpenID Connect identity provider, and on each account the email
/// that provider gives for it. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261203000043_CouncilSignOn")]
public sealed class CouncilSignOns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "SignOnEmail", table: "AspNetUsers", maxLength: 256, nullable: true);
        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_OrganisationId_SignOnEmail", table: "AspNetUsers", columns: ["OrganisationId", "SignOnEmail"], unique: true);

        migrationBuilder.CreateTable(
            name: "CouncilSignOns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Authority = table.Column<string>(maxLength: 500, nullable: false),
                ClientId = table.Column<string>(maxLength: 200, nullable: false),
                ProtectedSecret = table.Column<string>(maxLength: 4000, nullable: true),
                Enabled = table.Column<bool>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CouncilSignOns", x => x.Id);
                table.ForeignKey(name: "FK_CouncilSignOns_Organisations_OrganisationId", column: x => x.OrganisationId,
                    principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_CouncilSignOns_OrganisationId", table: "CouncilSignOns", column: "OrganisationId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Council sign-in cannot be rolled back.");
    }
}
