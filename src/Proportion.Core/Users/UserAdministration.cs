using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using Proportion.Core.Sessions;

namespace Proportion.Core.Users;

public sealed record UserDetails(string DisplayName, string Email, IReadOnlyCollection<string> Roles,
    IReadOnlyCollection<Guid> ServiceIds, string? RegistrationNumber);

/// <summary>
/// An organisation administrator's work: adding users, setting their roles and services, giving
/// inspectors time-limited access, deactivating leavers. Users are never deleted: records name them.
/// </summary>
public sealed class UserAdministration(ProportionDbContext db, UserManager<AppUser> users, AuditTrail audit, UserSessions sessions, TimeProvider clock)
{
    public async Task<AppUser> AddAsync(UserDetails details, string initialPassword, CancellationToken ct = default)
    {
        RequireAdministrator();
        await CheckAsync(details, null, ct);
        var user = new AppUser
        {
            DisplayName = details.DisplayName.Trim(),
            UserName = details.Email.Trim(),
            Email = details.Email.Trim(),
            EmailConfirmed = true,
            OrganisationId = db.Scope.OrganisationId,
            RegistrationNumber = Text.OrNull(details.RegistrationNumber),
            LockoutEnabled = true,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, initialPassword);
        if (!created.Succeeded)
        {
            throw new RuleViolationException(IdentityErrors(created, "Password"));
        }
        var changes = await ApplyRolesAndServicesAsync(user, details, ct);
        changes.Set("Name", user.DisplayName).Set("Email", user.Email);
        audit.Record(user.OrganisationId, AuditAction.Created, "User", user.Id, $"Added user {user.DisplayName}", changes: changes);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task UpdateAsync(Guid userId, string concurrencyStamp, UserDetails details, bool isActive, CancellationToken ct = default)
    {
        RequireAdministrator();
        var user = await FindAsync(userId, ct);
        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            throw new StaleEditException();
        }
        await CheckAsync(details, userId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changes = new ChangeSet()
            .Track("Name", user.DisplayName, details.DisplayName.Trim())
            .Track("Email", user.Email, details.Email.Trim())
            .Track("Registration number", user.RegistrationNumber, Text.OrNull(details.RegistrationNumber))
            .Track("Active", user.IsActive, isActive);
        user.DisplayName = details.DisplayName.Trim();
        user.Email = details.Email.Trim();
        user.UserName = details.Email.Trim();
        user.RegistrationNumber = Text.OrNull(details.RegistrationNumber);
        user.IsActive = isActive;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            throw new RuleViolationException(IdentityErrors(updated, "Email"));
        }
        if (!isActive)
        {
            // Ends any session the leaver still has open.
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndOthersAsync(user.Id, keep: null, SessionEndReason.Deactivated, ct);
        }
        var roleChanges = await ApplyRolesAndServicesAsync(user, details, ct);
        foreach (var (field, values) in ChangeSet.Parse(roleChanges.ToJson()))
        {
            changes.Track(field, values[0], values[1]);
        }
        audit.Record(user.OrganisationId, AuditAction.Updated, "User", user.Id, $"Changed user {user.DisplayName}", changes: changes);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Sets a new password for a user who has forgotten theirs, and unlocks them. The administrator
    /// gives it to them in person or by phone; the audit records that it was set and from which address
    /// (<paramref name="clientAddress"/>), never what it is. <paramref name="concurrencyStamp"/> is the
    /// user's as the administrator's form loaded it.
    /// </summary>
    public async Task SetPasswordAsync(Guid userId, string concurrencyStamp, string newPassword, string clientAddress, CancellationToken ct = default)
    {
        RequireAdministrator();
        var user = await FindAsync(userId, ct);
        // Two administrators resetting at once would each give the user a password, and only the last would work.
        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            throw new StaleEditException();
        }
        var valid = await ValidatePasswordAsync(user, newPassword);
        if (!valid.Succeeded)
        {
            throw new RuleViolationException(IdentityErrors(valid, "Password"));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await users.RemovePasswordAsync(user);
        var set = await users.AddPasswordAsync(user, newPassword);
        if (!set.Succeeded)
        {
            throw new RuleViolationException(IdentityErrors(set, "Password"));
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        // Whoever was signed in with the old password is signed out.
        await sessions.EndOthersAsync(user.Id, keep: null, SessionEndReason.PasswordReset, ct);
        audit.Record(user.OrganisationId, AuditAction.PasswordChanged, "User", user.Id, $"Set a new password for {user.DisplayName} and unlocked the account",
            changes: new ChangeSet().Set(AuditFields.IpAddress, clientAddress));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task<IdentityResult> ValidatePasswordAsync(AppUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded)
            {
                return result;
            }
        }
        return IdentityResult.Success;
    }

    /// <summary>Read-only access to one service's records until the given time (§8.2, §8.6).</summary>
    /// <summary>The longest an inspector or auditor's access may last from today.</summary>
    public const int InspectorAccessMaxDays = 90;

    /// <summary>Inspectors and auditors have time-limited access: to the end of a day after today, at most 90 days ahead.</summary>
    public static string? InspectorAccessEndProblem(DateOnly endsOn, DateOnly today) =>
        endsOn <= today || endsOn > today.AddDays(InspectorAccessMaxDays)
            ? $"Date access ends must be after today and within {InspectorAccessMaxDays} days"
            : null;

    public async Task GrantInspectorAccessAsync(Guid userId, Guid serviceId, DateTime expiresAt, CancellationToken ct = default)
    {
        RequireAdministrator();
        var user = await FindAsync(userId, ct);
        if (!await users.IsInRoleAsync(user, Roles.Inspector))
        {
            throw new RuleViolationException("UserId", "Select a user who has the inspector or auditor role");
        }
        if (!await db.Services.AnyAsync(s => s.Id == serviceId && s.OrganisationId == db.Scope.OrganisationId, ct))
        {
            throw new RuleViolationException("ServiceId", "Select a service from the list");
        }
        if (InspectorAccessEndProblem(DateOnly.FromDateTime(UkTime.ToLondon(expiresAt).AddTicks(-1)), UkTime.Today(clock)) is { } problem)
        {
            throw new RuleViolationException("ExpiresOn", problem);
        }
        var grant = new InspectorGrant
        {
            OrganisationId = db.Scope.OrganisationId,
            UserId = userId,
            ServiceId = serviceId,
            GrantedAt = clock.GetUtcNow().UtcDateTime,
            GrantedById = db.Scope.UserId,
            ExpiresAt = expiresAt,
        };
        db.InspectorGrants.Add(grant);
        audit.Record(grant.OrganisationId, AuditAction.AccessGranted, "User", userId,
            $"Gave {user.DisplayName} read-only access until {UkTime.FormatUntil(expiresAt)}",
            changes: new ChangeSet().Set("Service", serviceId).Set("Expires", UkTime.Format(expiresAt)));
        await db.SaveChangesAsync(ct);
    }

    private async Task<ChangeSet> ApplyRolesAndServicesAsync(AppUser user, UserDetails details, CancellationToken ct)
    {
        var changes = new ChangeSet();
        var current = await users.GetRolesAsync(user);
        var wanted = details.Roles.Distinct().Order().ToList();
        changes.Track("Roles", string.Join(", ", current.Order()), string.Join(", ", wanted));
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = await users.AddToRolesAsync(user, wanted.Except(current));
        if (!removed.Succeeded || !added.Succeeded)
        {
            throw new RuleViolationException("Roles", "Select roles from the list");
        }

        var assigned = await db.ServiceAssignments.Where(a => a.UserId == user.Id).ToListAsync(ct);
        var wantedServices = details.ServiceIds.Distinct().ToHashSet();
        changes.Track("Services", assigned.Count, wantedServices.Count);
        // Assignments are access rights, not records of care, so a removed one is simply removed; the
        // audit event above keeps what changed.
        db.ServiceAssignments.RemoveRange(assigned.Where(a => !wantedServices.Contains(a.ServiceId)));
        foreach (var serviceId in wantedServices.Where(id => assigned.All(a => a.ServiceId != id)))
        {
            db.ServiceAssignments.Add(new ServiceAssignment { UserId = user.Id, ServiceId = serviceId, OrganisationId = user.OrganisationId });
        }
        return changes;
    }

    private async Task CheckAsync(UserDetails details, Guid? userId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var allowedRoles = db.Scope.IsProviderStaff ? Roles.Provider : Roles.Council;
        if (details.Roles.Count == 0)
        {
            errors["Roles"] = "Select at least one role";
        }
        else if (details.Roles.Any(r => !allowedRoles.Contains(r)))
        {
            errors["Roles"] = "Select roles from the list";
        }
        var ownServices = await db.Services.Where(s => s.OrganisationId == db.Scope.OrganisationId).Select(s => s.Id).ToListAsync(ct);
        if (details.ServiceIds.Any(id => !ownServices.Contains(id)))
        {
            errors["ServiceIds"] = "Select services from the list";
        }
        var email = details.Email.Trim().ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email && u.Id != userId, ct))
        {
            errors["Email"] = "A user with this email address already exists";
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
    }

    private async Task<AppUser> FindAsync(Guid userId, CancellationToken ct) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.OrganisationId == db.Scope.OrganisationId, ct)
        ?? throw new RecordNotFoundException("The user");

    private void RequireAdministrator() => db.Scope.Demand(Permission.ManageUsers);

    private static Dictionary<string, string> IdentityErrors(IdentityResult result, string field) =>
        new() { [field] = string.Join(" ", result.Errors.Select(e => e.Description)) };
}
