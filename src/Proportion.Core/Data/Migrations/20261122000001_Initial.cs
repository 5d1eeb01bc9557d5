using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// The first schema: identity, organisations, services, people and their representatives, the
/// restrictive practice register, assignments, inspector grants, the audit trail and data-protection keys.
/// Hand-written and provider-neutral (no store types); the schema drift test checks it against the model.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
                RoleId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AuditEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Action = table.Column<int>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Changes = table.Column<string>(nullable: true),
                EntityId = table.Column<Guid>(nullable: false),
                EntityType = table.Column<string>(maxLength: 50, nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: true),
                Reason = table.Column<string>(maxLength: 2000, nullable: true),
                Summary = table.Column<string>(maxLength: 500, nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                UserName = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEvents", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Organisations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Organisations", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                DisplayName = table.Column<string>(maxLength: 100, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                LockoutEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                OrganisationId = table.Column<Guid>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                RegistrationNumber = table.Column<string>(maxLength: 20, nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUsers_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                RoleId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Services",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CqcLocationId = table.Column<string>(maxLength: 20, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                SettingType = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Services", x => x.Id);
                table.ForeignKey(
                    name: "FK_Services_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "InspectorGrants",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                GrantedAt = table.Column<DateTime>(nullable: false),
                GrantedById = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InspectorGrants", x => x.Id);
                table.ForeignKey(
                    name: "FK_InspectorGrants_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_InspectorGrants_Services_ServiceId",
                    column: x => x.ServiceId,
                    principalTable: "Services",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommunicationMethods = table.Column<int>(nullable: false),
                CommunicationNeeds = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DateOfBirth = table.Column<DateOnly>(nullable: false),
                FamilyName = table.Column<string>(maxLength: 100, nullable: false),
                FundingCouncilId = table.Column<Guid>(nullable: true),
                GivenName = table.Column<string>(maxLength: 100, nullable: false),
                NhsNumber = table.Column<string>(maxLength: 10, nullable: true),
                OrganisationId = table.Column<Guid>(nullable: false),
                PreferredName = table.Column<string>(maxLength: 100, nullable: true),
                ServiceId = table.Column<Guid>(nullable: false),
                SocialWorkerId = table.Column<Guid>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_People", x => x.Id);
                table.ForeignKey(
                    name: "FK_People_AspNetUsers_SocialWorkerId",
                    column: x => x.SocialWorkerId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_People_Organisations_FundingCouncilId",
                    column: x => x.FundingCouncilId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_People_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_People_Services_ServiceId",
                    column: x => x.ServiceId,
                    principalTable: "Services",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Representatives",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContactDetails = table.Column<string>(maxLength: 200, nullable: true),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Relationship = table.Column<string>(maxLength: 100, nullable: false),
                Roles = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Representatives", x => x.Id);
                table.ForeignKey(
                    name: "FK_Representatives_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RestrictivePractices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Category = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: false),
                EndDate = table.Column<DateOnly>(nullable: true),
                EndReason = table.Column<string>(maxLength: 2000, nullable: true),
                Kind = table.Column<int>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                ProposalReason = table.Column<string>(maxLength: 2000, nullable: true),
                ReviewDate = table.Column<DateOnly>(nullable: true),
                ServiceId = table.Column<Guid>(nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RestrictivePractices", x => x.Id);
                table.ForeignKey(
                    name: "FK_RestrictivePractices_AspNetUsers_CreatedById",
                    column: x => x.CreatedById,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_RestrictivePractices_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_RestrictivePractices_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_RestrictivePractices_Services_ServiceId",
                    column: x => x.ServiceId,
                    principalTable: "Services",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ServiceAssignments",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ServiceAssignments", x => new { x.UserId, x.ServiceId });
                table.ForeignKey(
                    name: "FK_ServiceAssignments_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ServiceAssignments_Services_ServiceId",
                    column: x => x.ServiceId,
                    principalTable: "Services",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "RoleNameIndex", table: "AspNetRoles", column: "NormalizedName", unique: true);
        migrationBuilder.CreateIndex(name: "IX_AspNetRoleClaims_RoleId", table: "AspNetRoleClaims", column: "RoleId");
        migrationBuilder.CreateIndex(name: "IX_AuditEvents_OrganisationId_At", table: "AuditEvents", columns: new[] { "OrganisationId", "At" });
        migrationBuilder.CreateIndex(name: "IX_AuditEvents_PersonId_At", table: "AuditEvents", columns: new[] { "PersonId", "At" });
        migrationBuilder.CreateIndex(name: "EmailIndex", table: "AspNetUsers", column: "NormalizedEmail");
        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_OrganisationId", table: "AspNetUsers", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "UserNameIndex", table: "AspNetUsers", column: "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex(name: "IX_AspNetUserClaims_UserId", table: "AspNetUserClaims", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_AspNetUserLogins_UserId", table: "AspNetUserLogins", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_AspNetUserRoles_RoleId", table: "AspNetUserRoles", column: "RoleId");
        migrationBuilder.CreateIndex(name: "IX_Services_OrganisationId_Name", table: "Services", columns: new[] { "OrganisationId", "Name" });
        migrationBuilder.CreateIndex(name: "IX_InspectorGrants_ServiceId", table: "InspectorGrants", column: "ServiceId");
        migrationBuilder.CreateIndex(name: "IX_InspectorGrants_UserId_ExpiresAt", table: "InspectorGrants", columns: new[] { "UserId", "ExpiresAt" });
        migrationBuilder.CreateIndex(name: "IX_People_FundingCouncilId", table: "People", column: "FundingCouncilId");
        migrationBuilder.CreateIndex(name: "IX_People_OrganisationId_FamilyName", table: "People", columns: new[] { "OrganisationId", "FamilyName" });
        migrationBuilder.CreateIndex(name: "IX_People_ServiceId_FamilyName", table: "People", columns: new[] { "ServiceId", "FamilyName" });
        migrationBuilder.CreateIndex(name: "IX_People_SocialWorkerId", table: "People", column: "SocialWorkerId");
        migrationBuilder.CreateIndex(name: "IX_Representatives_PersonId", table: "Representatives", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_RestrictivePractices_CreatedById", table: "RestrictivePractices", column: "CreatedById");
        migrationBuilder.CreateIndex(name: "IX_RestrictivePractices_OrganisationId", table: "RestrictivePractices", column: "OrganisationId");
        migrationBuilder.CreateIndex(name: "IX_RestrictivePractices_PersonId_Status", table: "RestrictivePractices", columns: new[] { "PersonId", "Status" });
        migrationBuilder.CreateIndex(name: "IX_RestrictivePractices_ServiceId_Status", table: "RestrictivePractices", columns: new[] { "ServiceId", "Status" });
        migrationBuilder.CreateIndex(name: "IX_ServiceAssignments_ServiceId", table: "ServiceAssignments", column: "ServiceId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("The initial schema cannot be rolled back.");
    }
}
