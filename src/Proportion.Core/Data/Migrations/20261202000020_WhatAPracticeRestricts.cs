using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// R12 compares like with like: each practice says what it restricts (a listed thing, or the manager's
/// own words) and carries the key the blanket-rule count compares. Practices recorded before this were
/// never asked, so theirs stay null: unknown, shown as "Not recorded", and never counted as the same
/// restriction as anything. Hand-written and provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000020_WhatAPracticeRestricts")]
public sealed class WhatAPracticeRestricts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "RestrictedThing", table: "RestrictivePractices", nullable: true);
        migrationBuilder.AddColumn<string>(name: "RestrictedThingInOwnWords", table: "RestrictivePractices", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SameRestrictionKey", table: "RestrictivePractices", maxLength: 120, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("What a practice restricts cannot be rolled back.");
    }
}
