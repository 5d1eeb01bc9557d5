using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Admin;

/// <summary>
/// The email a council's identity provider gives for one of its staff (ADR 0036): signing in through the provider with
/// it opens this account, with its roles. Blank means the person signs in with their password only. Audited.
/// </summary>
[Requires(Permission.ManageSingleSignOn)]
public class SingleSignOnUserModel(ProportionDbContext db, AuditTrail audit) : ProportionPageModel
{
    [BindProperty]
    public string? SignOnEmail { get; set; }

    public AppUser Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid userId)
    {
        if (await FindAsync(userId) is not { } account)
        {
            return NotFound();
        }
        Account = account;
        SignOnEmail = account.SignOnEmail?.ToLowerInvariant();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid userId)
    {
        if (await FindAsync(userId) is not { } account)
        {
            return NotFound();
        }
        Account = account;
        var email = string.IsNullOrWhiteSpace(SignOnEmail) ? null : SignOnEmail.Trim().ToUpperInvariant();
        if (email is not null && (email.Length > 256 || !email.Contains('@')))
        {
            ModelState.AddModelError(nameof(SignOnEmail), "Enter an email address in the correct format, like name@example.gov.uk");
        }
        else if (email is not null && await db.Users.AnyAsync(u => u.OrganisationId == account.OrganisationId && u.Id != account.Id && u.SignOnEmail == email))
        {
            ModelState.AddModelError(nameof(SignOnEmail), "Another of your staff signs in with this email address: each person needs their own");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var before = account.SignOnEmail;
        account.SignOnEmail = email;
        audit.Record(account.OrganisationId, AuditAction.Updated, "User", account.Id,
            email is null ? $"{account.DisplayName} now signs in with their password only" : $"{account.DisplayName} now signs in through the council's identity provider",
            changes: new ChangeSet().Track("Sign-in email", before?.ToLowerInvariant(), email?.ToLowerInvariant()));
        await db.SaveChangesAsync();
        Confirm($"Saved how {account.DisplayName} signs in.");
        return Redirect(Links.SingleSignOn() + "#staff");
    }

    /// <summary>Only the administrator's own council's accounts; any other is not found.</summary>
    private Task<AppUser?> FindAsync(Guid userId) =>
        db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.OrganisationId == Scope.OrganisationId);
}
