using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// Alerts when restriction creeps up (R14, ADR 0025): one row per special-cause rise in a person's or a
/// service's chart, unique per subject, measure, period length and the first period of the signal, with the
/// manager's acknowledgement. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000023_CreepAlerts")]
public sealed class CreepAlerts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CreepAlerts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: true),
                SubjectKind = table.Column<int>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                Measure = table.Column<int>(nullable: false),
                Period = table.Column<int>(nullable: false),
                SignalStarts = table.Column<DateOnly>(nullable: false),
                LatestStarts = table.Column<DateOnly>(nullable: false),
                Causes = table.Column<int>(nullable: false),
                Value = table.Column<double>(nullable: false),
                Mean = table.Column<double>(nullable: false),
                UpperLimit = table.Column<double>(nullable: false),
                RaisedAt = table.Column<DateTime>(nullable: false),
                AcknowledgedAt = table.Column<DateTime>(nullable: true),
                AcknowledgedById = table.Column<Guid>(nullable: true),
                AcknowledgedByName = table.Column<string>(maxLength: 100, nullable: true),
                AcknowledgementNote = table.Column<string>(maxLength: 2000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CreepAlerts", x => x.Id);
                table.ForeignKey(name: "FK_CreepAlerts_Organisations_OrganisationId", column: x => x.OrganisationId,
                    principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_CreepAlerts_Services_ServiceId", column: x => x.ServiceId,
                    principalTable: "Services", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_CreepAlerts_People_PersonId", column: x => x.PersonId,
                    principalTable: "People", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_CreepAlerts_Signal", table: "CreepAlerts",
            columns: ["SubjectKind", "SubjectId", "Measure", "Period", "SignalStarts"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_CreepAlerts_ServiceId_AcknowledgedAt", table: "CreepAlerts", columns: ["ServiceId", "AcknowledgedAt"]);
        migrationBuilder.CreateIndex(name: "IX_CreepAlerts_OrganisationId_AcknowledgedAt", table: "CreepAlerts", columns: ["OrganisationId", "AcknowledgedAt"]);
        migrationBuilder.CreateIndex(name: "IX_CreepAlerts_PersonId", table: "CreepAlerts", column: "PersonId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Creep alerts cannot be rolled back.");
    }
}
