using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Weekly and monthly tallies of each person's incidents in each service, which the charts read (R14).
/// The table starts empty; the incidents already recorded are added up into it once, straight after this
/// migration runs (<see cref="Analytics.RestraintTallies.RebuildAsync"/>), because England's calendar,
/// which decides the week and month of each incident, cannot be worked out in SQL on both providers.
/// Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration(Id)]
public sealed class RestraintTallies : Migration
{
    public const string Id = "20261202000021_RestraintTallies";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RestraintTallies",
            columns: table => new
            {
                OrganisationId = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
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
            constraints: table =>
            {
                table.PrimaryKey("PK_RestraintTallies", x => new { x.PersonId, x.ServiceId, x.Period, x.Starts });
                table.ForeignKey(
                    name: "FK_RestraintTallies_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_RestraintTallies_ServiceId_Period_Starts", table: "RestraintTallies", columns: ["ServiceId", "Period", "Starts"]);
        migrationBuilder.CreateIndex(name: "IX_RestraintTallies_OrganisationId_Period_Starts", table: "RestraintTallies", columns: ["OrganisationId", "Period", "Starts"]);
        migrationBuilder.CreateIndex(name: "IX_RestraintTallies_Period_Starts", table: "RestraintTallies", columns: ["Period", "Starts"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Restraint tallies cannot be rolled back.");
    }
}
