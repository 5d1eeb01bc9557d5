using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Each service's weekly and monthly tallies beside its people's (ADR 0027), so a service's, an
/// organisation's and the country's charts read one row per service and period. Filled from the people's
/// tallies already kept, by one grouped insert both providers read alike. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000027_ServiceTallies")]
public sealed class ServiceTallies : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ServiceTallies",
            columns: table => new
            {
                OrganisationId = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                Period = table.Column<int>(nullable: false),
                Starts = table.Column<DateOnly>(nullable: false),
                Incidents = table.Column<int>(nullable: false),
                Emergencies = table.Column<int>(nullable: false),
                Interventions = table.Column<int>(nullable: false),
                RestraintMinutes = table.Column<int>(nullable: false),
                Prone = table.Column<int>(nullable: false),
                RapidTranquillisation = table.Column<int>(nullable: false),
                Seclusion = table.Column<int>(nullable: false),
                WithInjury = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ServiceTallies", x => new { x.ServiceId, x.Period, x.Starts }));
        migrationBuilder.CreateIndex(name: "IX_ServiceTallies_OrganisationId_Period_Starts", table: "ServiceTallies", columns: ["OrganisationId", "Period", "Starts"]);
        migrationBuilder.CreateIndex(name: "IX_ServiceTallies_Period_Starts", table: "ServiceTallies", columns: ["Period", "Starts"]);
        migrationBuilder.Sql(Analytics.RestraintTallies.ServiceTalliesFromPeopleSql);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Service tallies cannot be rolled back.");
    }
}
