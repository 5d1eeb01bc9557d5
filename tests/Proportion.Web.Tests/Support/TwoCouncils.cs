using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Demo;
using Proportion.Core.Model;
using Proportion.Core.Scoping;

namespace Proportion.Web.Tests.Support;

/// <summary>
/// The council's side is tested for every role of two councils and two providers. The demo has every role at
/// Oakfield and Northshire; this adds the rest at Riverside Care and a second council, Southshire, which funds
/// one person at Riverside Lodge (Owen Marsh) and nobody at Oakfield. Each account signs in with the demo password.
/// </summary>
public static class TwoCouncils
{
    public const string Southshire = "Southshire Council";

    /// <summary>The people the second council's users are, by email, with their role.</summary>
    public static readonly (string Email, string Name, string Role, string Organisation)[] Accounts =
    [
        ("careworker@riverside.example", "Leah Morgan", Roles.CareWorker, "Riverside Care Ltd"),
        ("senior@riverside.example", "Imran Qureshi", Roles.SeniorManager, "Riverside Care Ltd"),
        ("board@riverside.example", "Ruth Coleman", Roles.BoardMember, "Riverside Care Ltd"),
        ("inspector@riverside.example", "Ben Adler", Roles.Inspector, "Riverside Care Ltd"),
        ("admin@riverside.example", "Chloe Dunn", Roles.OrganisationAdministrator, "Riverside Care Ltd"),
        ("socialworker@southshire.example", "Kofi Boateng", Roles.SocialWorker, Southshire),
        ("commissioner@southshire.example", "Alice Ward", Roles.Commissioner, Southshire),
        ("safeguarding@southshire.example", "Megan Price", Roles.SafeguardingOfficer, Southshire),
        ("admin@southshire.example", "Tariq Aziz", Roles.OrganisationAdministrator, Southshire),
    ];

    /// <summary>Adds the accounts, Southshire and the person it funds, once per database; safe to call from every test.</summary>
    public static async Task EnsureAsync(AppFixture app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Proportion.Core.Data.ProportionDbContext>();
        db.Scope = UserScope.System;
        if (await db.Users.AnyAsync(u => u.Email == "admin@southshire.example"))
        {
            return;
        }
        var now = app.Clock.GetUtcNow().UtcDateTime;
        if (!await db.Organisations.AnyAsync(o => o.Name == Southshire))
        {
            db.Organisations.Add(new Proportion.Core.Model.Organisation { Name = Southshire, Kind = OrganisationKind.Council, CreatedAt = now });
            await db.SaveChangesAsync();
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var lodge = await db.Services.SingleAsync(s => s.Name == "Riverside Lodge");
        var riversideManager = await db.Users.SingleAsync(u => u.Email == "manager@riverside.example");
        var ids = new Dictionary<string, Guid>();
        foreach (var (email, name, role, organisationName) in Accounts)
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Name == organisationName);
            var user = new AppUser
            {
                DisplayName = name, UserName = email, Email = email, EmailConfirmed = true, OrganisationId = organisation.Id, LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, DemoData.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(user, role);
            ids[email] = user.Id;
        }
        db.ServiceAssignments.Add(new ServiceAssignment
        {
            UserId = ids["careworker@riverside.example"], ServiceId = lodge.Id, OrganisationId = lodge.OrganisationId,
        });
        db.InspectorGrants.Add(new InspectorGrant
        {
            OrganisationId = lodge.OrganisationId, UserId = ids["inspector@riverside.example"], ServiceId = lodge.Id,
            GrantedAt = now, GrantedById = riversideManager.Id, ExpiresAt = now.AddYears(5),
        });
        var southshire = await db.Organisations.Where(o => o.Name == Southshire).Select(o => o.Id).SingleAsync();
        db.People.Add(new Person
        {
            OrganisationId = lodge.OrganisationId, ServiceId = lodge.Id, GivenName = "Owen", FamilyName = "Marsh", DateOfBirth = new DateOnly(1979, 6, 2),
            FundingCouncilId = southshire, SocialWorkerId = ids["socialworker@southshire.example"], CreatedAt = now,
        });
        await db.SaveChangesAsync();
    }
}
