using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Data-protection keys move to the shape of the maintained EF Core key store (ADR 0008): an integer
/// identity instead of our Guid. The key ring is kept: its rows are copied across, so cookies and
/// antiforgery tokens issued before the upgrade stay valid. Users gain the must-change-password flag
/// for one-time passwords. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000011_KeysAndOneTimePasswords")]
public sealed class KeysAndOneTimePasswords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // The key column changes type, which neither provider can alter in place under the same
        // primary key name, so the rows wait in a holding table while the table is built again.
        migrationBuilder.CreateTable(
            name: "DataProtectionKeysHolding",
            columns: table => new
            {
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: true),
            });
        migrationBuilder.Sql("""INSERT INTO "DataProtectionKeysHolding" ("FriendlyName", "Xml") SELECT "FriendlyName", "Xml" FROM "DataProtectionKeys";""");
        migrationBuilder.DropTable(name: "DataProtectionKeys");

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });
        migrationBuilder.Sql("""INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") SELECT "FriendlyName", "Xml" FROM "DataProtectionKeysHolding";""");
        migrationBuilder.DropTable(name: "DataProtectionKeysHolding");

        migrationBuilder.AddColumn<bool>(name: "MustChangePassword", table: "AspNetUsers", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("The key store and one-time passwords cannot be rolled back.");
    }
}
