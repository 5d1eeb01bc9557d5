using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Sign-ins held on the server, and forms held for a user whose sign-in lapsed (ADR 0009).
/// Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000012_SignInSessions")]
public sealed class SignInSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "UserSessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastSeenAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                EndedAt = table.Column<DateTime>(nullable: true),
                EndReason = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UserSessions", x => x.Id);
                table.ForeignKey(name: "FK_UserSessions_AspNetUsers_UserId", column: x => x.UserId,
                    principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_UserSessions_Organisations_OrganisationId", column: x => x.OrganisationId,
                    principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_UserSessions_UserId_EndedAt", table: "UserSessions", columns: ["UserId", "EndedAt"]);
        migrationBuilder.CreateIndex(name: "IX_UserSessions_OrganisationId", table: "UserSessions", column: "OrganisationId");

        migrationBuilder.CreateTable(
            name: "UnsentForms",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Path = table.Column<string>(maxLength: 2000, nullable: false),
                ProtectedFields = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UnsentForms", x => x.Id);
                table.ForeignKey(name: "FK_UnsentForms_AspNetUsers_UserId", column: x => x.UserId,
                    principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_UnsentForms_UserId", table: "UnsentForms", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_UnsentForms_ExpiresAt", table: "UnsentForms", column: "ExpiresAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Sign-in sessions cannot be rolled back.");
    }
}
