using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Deprivation of liberty as the Act has it (R6): the screening's question about capacity to consent to the
/// arrangements, an urgent authorisation's link to the standard request it was given with, and its end before
/// an extension, and the day an outcome was recorded (CQC is told from then). Existing rows keep their meaning: every new column is null for them (capacity "Not recorded",
/// urgent authorisations "no linked standard request recorded"), never a guessed value. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000018_LibertyFollowsTheAct")]
public sealed class LibertyFollowsTheAct : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "CapacityToConsent", table: "LibertyScreenings", nullable: true);
        migrationBuilder.AddColumn<bool>(name: "ConsentsToArrangements", table: "LibertyScreenings", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "EndBeforeExtension", table: "LibertyAuthorisations", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "OutcomeRecordedOn", table: "LibertyAuthorisations", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "StandardRequestId", table: "LibertyAuthorisations", nullable: true);
        // No foreign key: SQLite cannot add one to an existing table without rebuilding it, and the link is
        // only ever written in the same transaction as both rows (LibertyRecords.GiveUrgentAsync).
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Liberty records cannot be rolled back.");
    }
}
