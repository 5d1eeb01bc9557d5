using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Proportion.Core.Data.Migrations;

/// <summary>
/// The audit trail becomes a hash chain per organisation (ADR 0012): a sequence number and hash set once
/// by the sealer, and triggers so the database itself refuses to change or delete an entry. Hand-written;
/// the columns and indexes are provider-neutral, the triggers are written for each provider.
/// </summary>
[DbContext(typeof(ProportionDbContext))]
[Migration("20261202000015_SealedAuditTrail")]
public sealed class SealedAuditTrail : Migration
{
    /// <summary>
    /// Every column an entry is written with. A new column must be added here, in a new migration that
    /// recreates the triggers; AuditChainTests (the database refuses...) fails until it is.
    /// </summary>
    private static readonly string[] WrittenColumns =
        ["Id", "OrganisationId", "At", "UserId", "UserName", "Action", "EntityType", "EntityId", "PersonId", "Summary", "Changes", "Reason"];

    private const string Refusal = "Audit entries are written unsealed and never changed or deleted; only sealing sets Sequence and Hash, once (ADR 0012)";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "Sequence", table: "AuditEvents", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Hash", table: "AuditEvents", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex(name: "IX_AuditEvents_OrganisationId_Sequence", table: "AuditEvents",
            columns: ["OrganisationId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_AuditEvents_Unsealed", table: "AuditEvents",
            columns: ["OrganisationId", "At", "Id"], filter: "\"Sequence\" IS NULL");

        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            var written = string.Join(", ", WrittenColumns.Select(c => $"NEW.\"{c}\""));
            var before = string.Join(", ", WrittenColumns.Select(c => $"OLD.\"{c}\""));
            migrationBuilder.Sql($$"""
                CREATE FUNCTION "AuditEvents_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        IF NEW."Sequence" IS NULL AND NEW."Hash" IS NULL THEN
                            RETURN NEW;
                        END IF;
                    ELSIF TG_OP = 'UPDATE' THEN
                        IF OLD."Sequence" IS NULL AND OLD."Hash" IS NULL AND NEW."Sequence" IS NOT NULL AND NEW."Hash" IS NOT NULL
                            AND ROW({{written}}) IS NOT DISTINCT FROM ROW({{before}}) THEN
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION '% refused: {{Refusal}}', TG_OP USING ERRCODE = 'integrity_constraint_violation';
                END
                $body$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AuditEvents_AppendOnly" BEFORE INSERT OR UPDATE OR DELETE ON "AuditEvents"
                    FOR EACH ROW EXECUTE FUNCTION "AuditEvents_AppendOnly"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_AuditEvents_NoTruncate" BEFORE TRUNCATE ON "AuditEvents"
                    FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvents_AppendOnly"();
                """);
        }
        else if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            var changed = string.Join(" OR ", WrittenColumns.Select(c => $"NEW.\"{c}\" IS NOT OLD.\"{c}\""));
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_AuditEvents_InsertedUnsealed" BEFORE INSERT ON "AuditEvents"
                WHEN NEW."Sequence" IS NOT NULL OR NEW."Hash" IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'INSERT refused: {Refusal}'); END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_AuditEvents_SealedOnce" BEFORE UPDATE ON "AuditEvents"
                WHEN OLD."Sequence" IS NOT NULL OR OLD."Hash" IS NOT NULL OR NEW."Sequence" IS NULL OR NEW."Hash" IS NULL OR {changed}
                BEGIN SELECT RAISE(ABORT, 'UPDATE refused: {Refusal}'); END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_AuditEvents_NeverDeleted" BEFORE DELETE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'DELETE refused: {Refusal}'); END;
                """);
        }
        else
        {
            throw new NotSupportedException($"The audit trail's triggers are not written for {migrationBuilder.ActiveProvider}.");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Records are kept at least three years (R16): this schema is never rolled back.
        throw new NotSupportedException("The audit chain cannot be rolled back.");
    }
}
