using System.Security.Cryptography;
using System.Text;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

/// <summary>
/// The one way account events reach the audit trail: sign-ins, refused sign-ins, lockouts, two-factor
/// and password changes, each with the address it came from. Never what was typed as a password; an
/// email address with no account only as a short hash (ADR 0010). Each entry is saved at once.
/// </summary>
public sealed class AccountAudit(ProportionDbContext db, AuditTrail audit, UserScopeFactory scopes, IHttpContextAccessor http)
{
    /// <summary>The organisation an attempt on an email address with no account is filed under: none.</summary>
    public static readonly Guid UnknownAccount = Guid.Empty;

    private const string EntityType = "User";

    /// <summary>
    /// A completed sign-in. The request was anonymous until now, so it takes on the user's scope: the entry
    /// names them as the one who acted, and the rest of this request (a redirect) sees what they may see.
    /// </summary>
    public async Task SignedInAsync(AppUser user, string how)
    {
        db.Scope = await scopes.BuildAsync(user.Id);
        await RecordAsync(user, AuditAction.SignedIn, $"{user.DisplayName} signed in {how}");
    }

    /// <summary>A refused sign-in for an account: recorded in its organisation, by "Anonymous", with why.</summary>
    public Task RefusedAsync(AppUser user, string reason) =>
        RecordAsync(user, AuditAction.SignInFailed, $"Sign-in refused for {user.DisplayName}", reason: reason);

    /// <summary>A refused sign-in for an email address with no account: filed under no organisation, the address only hashed.</summary>
    public async Task RefusedUnknownAsync(string typedEmail)
    {
        audit.Record(UnknownAccount, AuditAction.SignInFailed, EntityType, Guid.Empty, "Sign-in refused for an email address with no account",
            changes: WithAddress().Set("Email address (hash)", HashOf(typedEmail)), reason: "No account has this email address");
        await db.SaveChangesAsync();
    }

    public Task LockedOutAsync(AppUser user, string after) =>
        RecordAsync(user, AuditAction.LockedOut, $"{user.DisplayName}'s account was locked after {after}");

    public Task TwoFactorChangedAsync(AppUser user, string summary) =>
        RecordAsync(user, AuditAction.TwoFactorChanged, summary);

    public Task PasswordChangedAsync(AppUser user) =>
        RecordAsync(user, AuditAction.PasswordChanged, $"{user.DisplayName} changed their password");

    private async Task RecordAsync(AppUser user, AuditAction action, string summary, string? reason = null)
    {
        audit.Record(user.OrganisationId, action, EntityType, user.Id, summary, changes: WithAddress(), reason: reason);
        await db.SaveChangesAsync();
    }

    private ChangeSet WithAddress() =>
        new ChangeSet().Set(AuditFields.IpAddress, http.HttpContext?.ClientAddress() ?? "unknown");

    // Enough to tell repeated attempts on one address from a spray of many without keeping what was typed:
    // people sometimes type their password in the email box. A guess can still be checked against it, so
    // these entries are filed under no organisation, where only the database's operators read them.
    private static string HashOf(string typed) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(typed.Trim().ToUpperInvariant())))[..12];
}
