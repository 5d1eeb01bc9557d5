using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Tools for risky choices (R20, ADR 0032): a council's safeguarding helpline, shown on every keeping safe plan,
/// with a version so two administrators never overwrite each other; and the council's risk enablement panel on
/// the risk review panels' records: which panel, whether the person agreed to family and advocates attending,
/// and who shares responsibility for the risk. Supported decision-making agreements and keeping safe plans are
/// plans (ADR 0028) and need no table. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000039_ToolsForRiskyChoices")]
public sealed class ToolsForRiskyChoices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "SafeguardingHelpline", table: "Organisations", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<int>(name: "Version", table: "Organisations", nullable: false, defaultValue: 1);

        // Every referral so far went to the provider's risk review panel (PanelKind.RiskReview = 1).
        migrationBuilder.AddColumn<int>(name: "Kind", table: "PanelReferrals", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<int>(name: "OthersAttendance", table: "PanelReferrals", nullable: true);
        migrationBuilder.AddColumn<string>(name: "AttendanceNote", table: "PanelReferrals", maxLength: 4000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SharedResponsibility", table: "PanelReferrals", maxLength: 4000, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Tools for risky choices cannot be rolled back.");
    }
}
