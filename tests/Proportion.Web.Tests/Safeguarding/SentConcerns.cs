using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Safeguarding;

/// <summary>
/// Safeguarding concerns as the provider's raising journey leaves them, written straight to the database: sent to
/// the council of the person's service (Northshire for every demo service) with the snapshots and the person's
/// consent and voice filled in. The council's steps are then taken through its pages, or set here for tests that
/// need a concern further on.
/// </summary>
internal static class SentConcerns
{
    public const string Northshire = "Northshire Council";

    /// <summary>A concern about the person of <paramref name="familyName"/>, sent now; <paramref name="marker"/> is in what happened, to find it.</summary>
    public static async Task<Guid> AddAsync(ProportionDbContext db, TimeProvider clock, string familyName, string marker, string council = Northshire)
    {
        var person = await db.People.Include(p => p.Service).SingleAsync(p => p.FamilyName == familyName);
        var provider = await db.Organisations.SingleAsync(o => o.Id == person.OrganisationId);
        var councilId = await db.Organisations.Where(o => o.Name == council).Select(o => o.Id).SingleAsync();
        var raisedBy = await db.Users.Where(u => u.OrganisationId == person.OrganisationId).OrderBy(u => u.Email).Select(u => u.Id).FirstAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var concern = new SafeguardingConcern
        {
            OrganisationId = person.OrganisationId,
            ServiceId = person.ServiceId,
            PersonId = person.Id,
            CouncilId = councilId,
            PersonName = person.KnownAs,
            PersonDateOfBirth = person.DateOfBirth,
            ServiceName = person.Service!.Name,
            ProviderName = provider.Name,
            Source = ConcernSource.PersonToldUs,
            Kinds = HarmKinds.Financial | HarmKinds.Psychological,
            WhatHappened = $"{marker}: she says a visitor took money from her purse and shouted at her.",
            HappenedAt = now.AddDays(-1),
            AllegedSourceKind = AllegedSourceKind.SomeoneKnown,
            AllegedSource = "A visitor she knows",
            ImmediateAction = "The visitor was asked to leave; her purse is kept in the office safe with her agreement.",
            Consent = ConsentAnswer.Refused,
            ProceedReasons = ProceedWithoutConsent.OthersAtRisk,
            ProceedExplanation = "The same visitor sees two other residents.",
            PersonTold = true,
            PersonToldNote = "Told by her key worker the same afternoon.",
            OutcomesWanted = "I want my money back and to feel safe when people visit.",
            HowPersonTakesPart = "With her daughter beside her, in the afternoon.",
            AdvocacyOffered = true,
            SubstantialDifficulty = false,
            AppropriatePerson = "Her daughter Sue",
            Status = SafeguardingStatus.Sent,
            RaisedById = raisedBy,
            RaisedAt = now.AddMinutes(-30),
            SentAt = now,
            SentById = raisedBy,
        };
        db.SafeguardingConcerns.Add(concern);
        await db.SaveChangesAsync();
        return concern.Id;
    }

    /// <summary>Moves a sent concern on as the council's pages would: received, an enquiry by the provider, a safety plan reviewed in a month.</summary>
    public static async Task DecideWithPlanAsync(ProportionDbContext db, TimeProvider clock, Guid concernId, string officerEmail = "safeguarding@northshire.example")
    {
        var officer = await db.Users.Where(u => u.Email == officerEmail).Select(u => u.Id).SingleAsync();
        var concern = await db.SafeguardingConcerns.SingleAsync(c => c.Id == concernId);
        var now = clock.GetUtcNow().UtcDateTime;
        concern.Status = SafeguardingStatus.Enquiry;
        concern.ReceivedAt = now;
        concern.ReceivedById = officer;
        concern.EnquiryNeeded = true;
        concern.EnquiryBy = EnquiryBy.Provider;
        concern.DecisionReason = "Reasonable cause to suspect financial abuse.";
        concern.DecidedAt = now;
        concern.DecidedById = officer;
        concern.SafetyPlan = "Visits are in the lounge with staff nearby; her money is kept in the safe.";
        concern.PlanMadeWithPerson = "Agreed with her and her daughter at a meeting.";
        concern.PlanReviewOn = UkTime.Today(clock).AddMonths(1);
        concern.Version++;
        await db.SaveChangesAsync();
    }

    /// <summary>An action of the concern's safety plan, as the council's page adds it.</summary>
    public static async Task<Guid> AddActionAsync(ProportionDbContext db, TimeProvider clock, Guid concernId, ActionOwner owner, string what, DateOnly? dueOn = null,
        string officerEmail = "safeguarding@northshire.example")
    {
        var officer = await db.Users.Where(u => u.Email == officerEmail).Select(u => u.Id).SingleAsync();
        var concern = await db.SafeguardingConcerns.SingleAsync(c => c.Id == concernId);
        var action = new SafeguardingAction
        {
            OrganisationId = concern.OrganisationId, ConcernId = concernId, What = what, Owner = owner,
            OwnerName = owner == ActionOwner.OtherOrganisation ? "Northshire police" : null,
            DueOn = dueOn ?? UkTime.Today(clock).AddDays(14), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = officer,
        };
        db.SafeguardingActions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    }

    /// <summary>A second council, with its own safeguarding adults officer; returns the officer's email (password <see cref="AppFixture.NewUserPassword"/>).</summary>
    public static async Task<string> AddCouncilWithOfficerAsync(AppFixture app, string name)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = Proportion.Core.Scoping.UserScope.System;
        var council = await db.Organisations.SingleOrDefaultAsync(o => o.Name == name);
        if (council is null)
        {
            council = new Proportion.Core.Model.Organisation { Name = name, Kind = OrganisationKind.Council, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.Organisations.Add(council);
            await db.SaveChangesAsync();
        }
        var email = $"safeguarding-{Guid.NewGuid():N}@{name.Split(' ')[0].ToLowerInvariant()}.example";
        var user = new AppUser { DisplayName = "Test officer of " + name, Email = email, UserName = email, OrganisationId = council.Id, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, AppFixture.NewUserPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.SafeguardingOfficer)).Succeeded);
        return email;
    }

    /// <summary>The access matrix's concern about the person of <paramref name="familyName"/>, made once: decided, with a plan and the provider's and the council's actions.</summary>
    public static async Task<Guid> EnsureForMatrixAsync(ProportionDbContext db, TimeProvider clock, string familyName)
    {
        var marker = $"Access matrix {familyName}";
        var id = await db.SafeguardingConcerns.Where(c => c.WhatHappened!.StartsWith(marker)).Select(c => c.Id).FirstOrDefaultAsync();
        if (id != Guid.Empty)
        {
            return id;
        }
        id = await AddAsync(db, clock, familyName, marker);
        await DecideWithPlanAsync(db, clock, id);
        await AddActionAsync(db, clock, id, ActionOwner.Provider, $"{marker}: keep a record of visits");
        await AddActionAsync(db, clock, id, ActionOwner.Council, $"{marker}: ask the bank for statements");
        return id;
    }

    /// <summary>The access matrix's concern sent to another council (Southshire), which Northshire's officer never sees.</summary>
    public static async Task<Guid> EnsureSentElsewhereAsync(ProportionDbContext db, TimeProvider clock)
    {
        const string council = "Southshire Council";
        const string marker = "Access matrix sent to Southshire";
        var id = await db.SafeguardingConcerns.Where(c => c.WhatHappened!.StartsWith(marker)).Select(c => c.Id).FirstOrDefaultAsync();
        if (id != Guid.Empty)
        {
            return id;
        }
        if (!await db.Organisations.AnyAsync(o => o.Name == council))
        {
            db.Organisations.Add(new Proportion.Core.Model.Organisation { Name = council, Kind = OrganisationKind.Council, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        return await AddAsync(db, clock, "Hughes", marker, council);
    }

    /// <summary>The matrix concern's action for <paramref name="owner"/>.</summary>
    public static Task<Guid> ActionOfAsync(ProportionDbContext db, Guid concernId, ActionOwner owner) =>
        db.SafeguardingActions.Where(a => a.ConcernId == concernId && a.Owner == owner).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => a.Id).FirstAsync();
}
