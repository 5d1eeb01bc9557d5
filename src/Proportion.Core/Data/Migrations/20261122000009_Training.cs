using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>Staff training records (§10.7, R15). Hand-written, provider-neutral.</summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261122000009_Training")]
public sealed class Training : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TrainingRecords",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CertificateExpiresOn = table.Column<DateOnly>(nullable: true),
                Certification = table.Column<int>(nullable: true),
                CompletedOn = table.Column<DateOnly>(nullable: false),
                Course = table.Column<int>(nullable: false),
                ExpiresOn = table.Column<DateOnly>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Provider = table.Column<string>(maxLength: 200, nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedById = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TrainingRecords", x => x.Id);
                table.ForeignKey(
                    name: "FK_TrainingRecords_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_TrainingRecords_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_TrainingRecords_OrganisationId", table: "TrainingRecords", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_TrainingRecords_UserId_Course_CompletedOn", table: "TrainingRecords", columns: new[] { "UserId", "Course", "CompletedOn" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("Training records cannot be rolled back.");
    }
}
