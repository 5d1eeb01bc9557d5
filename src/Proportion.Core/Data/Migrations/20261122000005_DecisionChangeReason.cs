using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>Why an agreed practice is being changed. Hand-written, provider-neutral.</summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261122000005_DecisionChangeReason")]
public sealed class DecisionChangeReason : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "ChangeReason", table: "PracticeDecisions", maxLength: 1000, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Change reasons cannot be rolled back.");
    }
}
