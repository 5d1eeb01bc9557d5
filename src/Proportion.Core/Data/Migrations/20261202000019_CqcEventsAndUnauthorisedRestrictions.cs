using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Issue 11. Incidents ask about a death (CQC Regulation 16) and a serious injury (Regulation 18) apart, where
/// one question asked about both: a "no" to the old question is a "no" to each; a "yes" leaves both unknown,
/// shown as "not recorded which", never guessed. Incidents record whether the practice used had been agreed
/// (false for every incident already recorded, which the old form only let name a practice not ended: the
/// flag is not back-filled, as the practice's status at the time was not kept). Practices' start dates are
/// unchanged: a proposal's is set again when it is agreed, and pages show none for a proposal.
/// Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000019_CqcEventsAndUnauthorisedRestrictions")]
public sealed class CqcEventsAndUnauthorisedRestrictions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "Died", table: "Incidents", nullable: true);
        migrationBuilder.AddColumn<bool>(name: "SeriousInjury", table: "Incidents", nullable: true);
        migrationBuilder.Sql("""UPDATE "Incidents" SET "Died" = FALSE, "SeriousInjury" = FALSE WHERE NOT "DeathOrSeriousInjury";""");
        // By hand: EF would rebuild the SQLite table from a model snapshot this project does not keep. Both
        // SQLite (3.35 on) and PostgreSQL drop a plain column in place.
        migrationBuilder.Sql("""ALTER TABLE "Incidents" DROP COLUMN "DeathOrSeriousInjury";""");
        migrationBuilder.AddColumn<bool>(name: "UnauthorisedRestriction", table: "Incidents", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16), and splitting the answer cannot be undone without
        // guessing: this schema is never rolled back.
        throw new NotSupportedException("The separate death and serious injury answers cannot be rolled back.");
    }
}
