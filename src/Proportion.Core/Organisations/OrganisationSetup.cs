using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Core.Organisations;

/// <summary>What was created, and the one-time password to hand to the administrator (shown once, never stored).</summary>
public sealed record CreatedOrganisation(Guid OrganisationId, Guid AdministratorId, string OneTimePassword);

/// <summary>
/// Creates a provider organisation and its first organisation administrator, for a new deployment
/// (the `create-organisation` command). The administrator's password is random and must be changed at
/// their first sign-in, so nobody who saw it printed can use it afterwards. Runs as the system.
/// </summary>
public sealed class OrganisationSetup(ProportionDbContext db, UserManager<AppUser> users, AuditTrail audit, TimeProvider clock)
{
    // No 0/O, 1/l/I: the password is read off a console and typed in by hand.
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int PasswordLength = 20;

    public async Task<CreatedOrganisation> CreateProviderAsync(string name, string administratorEmail, string administratorName, CancellationToken ct = default)
    {
        name = name.Trim();
        administratorEmail = administratorEmail.Trim();
        administratorName = administratorName.Trim();
        var errors = new Dictionary<string, string>();
        if (name.Length is 0 or > 200)
        {
            errors["name"] = "Enter the organisation's name, 200 characters or fewer";
        }
        else if (await db.Organisations.AnyAsync(o => o.Name == name, ct))
        {
            errors["name"] = $"An organisation called {name} already exists";
        }
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(administratorEmail) || administratorEmail.Length > 256)
        {
            errors["admin-email"] = "Enter the administrator's email address, like name@example.org";
        }
        else if (await users.FindByEmailAsync(administratorEmail) is not null)
        {
            errors["admin-email"] = $"A user with the email address {administratorEmail} already exists: choose another";
        }
        if (administratorName.Length is 0 or > AppUser.DisplayNameMaxLength)
        {
            errors["admin-name"] = $"Enter the administrator's name, {AppUser.DisplayNameMaxLength} characters or fewer";
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }

        var organisation = new Organisation { Name = name, Kind = OrganisationKind.Provider, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var administrator = new AppUser
        {
            DisplayName = administratorName,
            UserName = administratorEmail,
            Email = administratorEmail,
            EmailConfirmed = true,
            OrganisationId = organisation.Id,
            LockoutEnabled = true,
            MustChangePassword = true,
        };
        var password = RandomNumberGenerator.GetString(PasswordAlphabet, PasswordLength);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        var created = await users.CreateAsync(administrator, password);
        if (!created.Succeeded)
        {
            throw new RuleViolationException("admin-email", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(administrator, Roles.OrganisationAdministrator);
        audit.Record(organisation.Id, AuditAction.Created, "Organisation", organisation.Id, $"Created organisation {name}");
        audit.Record(organisation.Id, AuditAction.Created, "User", administrator.Id,
            $"Added organisation administrator {administratorName}, with a one-time password");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CreatedOrganisation(organisation.Id, administrator.Id, password);
    }
}
