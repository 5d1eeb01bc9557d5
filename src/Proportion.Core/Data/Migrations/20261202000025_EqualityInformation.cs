using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Issue 12, ADR 0023: each person's protected characteristics, every one optional. People recorded before
/// were never asked, so theirs stay null: "Not recorded". Ethnicity holds the NHS Data Dictionary code
/// (A to S, Z, 99); the rest are numbers, like every other enum. Hand-written and provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000025_EqualityInformation")]
public sealed class EqualityInformation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "EthnicCategory", table: "People", maxLength: 2, nullable: true);
        migrationBuilder.AddColumn<int>(name: "Sex", table: "People", nullable: true);
        migrationBuilder.AddColumn<int>(name: "Disability", table: "People", nullable: true);
        migrationBuilder.AddColumn<int>(name: "ReligionOrBelief", table: "People", nullable: true);
        migrationBuilder.AddColumn<int>(name: "SexualOrientation", table: "People", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Equality information cannot be rolled back.");
    }
}
