using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>Leases for background work, and the key that makes a reminder once a day. Hand-written, provider-neutral.</summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261122000008_Reminders")]
public sealed class Reminders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "JobLeases",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 100, nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                Holder = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_JobLeases", x => x.Name));

        migrationBuilder.AddColumn<string>(name: "ReminderKey", table: "Notifications", maxLength: 200, nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Notifications_UserId_ReminderKey", table: "Notifications", columns: ["UserId", "ReminderKey"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Reminders cannot be rolled back.");
    }
}
