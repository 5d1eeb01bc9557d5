using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Each service's occupied bed days and hours of support per calendar month, which turn its restriction into
/// rates (R14, ADR 0026). One row per service and month. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000024_OccupancyAndHours")]
public sealed class OccupancyAndHours : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ServiceOccupancy",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                Month = table.Column<DateOnly>(nullable: false),
                OccupiedBedDays = table.Column<int>(nullable: true),
                SupportHours = table.Column<int>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedById = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ServiceOccupancy", x => x.Id);
                table.ForeignKey(name: "FK_ServiceOccupancy_AspNetUsers_UpdatedById", column: x => x.UpdatedById,
                    principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_ServiceOccupancy_Organisations_OrganisationId", column: x => x.OrganisationId,
                    principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_ServiceOccupancy_Services_ServiceId", column: x => x.ServiceId,
                    principalTable: "Services", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_ServiceOccupancy_ServiceId_Month", table: "ServiceOccupancy", columns: ["ServiceId", "Month"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_ServiceOccupancy_OrganisationId", table: "ServiceOccupancy", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_ServiceOccupancy_UpdatedById", table: "ServiceOccupancy", column: "UpdatedById");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Service occupancy cannot be rolled back.");
    }
}
