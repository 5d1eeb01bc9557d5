using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// The time-step of each user's last accepted authenticator code, so a code cannot be used twice
/// within its window. Empty for everyone at first: the next code each user enters is accepted.
/// Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000013_AuthenticatorCodesUsedOnce")]
public sealed class AuthenticatorCodesUsedOnce : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "LastAuthenticatorTimeStep", table: "AspNetUsers", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "LastAuthenticatorTimeStep", table: "AspNetUsers");
    }
}
