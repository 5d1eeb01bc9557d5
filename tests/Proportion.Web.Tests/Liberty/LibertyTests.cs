using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Liberty;

public abstract class LibertyTests(AppFixture app)
{
    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    private static Dictionary<string, string> With(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Concat(b).ToDictionary(kv => kv.Key, kv => kv.Value);

    [SkippableFact]
    public async Task CareHome_ScreenedThenDoLS_TrackedToItsDates()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var joyce = await app.IdOfPersonAsync("Turner");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var today = UkTime.Today(app.Clock);

        var missing = await manager.PostAsync($"/people/{joyce}/liberty/screening/new", Date("Input.AssessedOn", today));
        Assert.Contains("Describe whether the person is free to leave, and what happens if they try", missing.ErrorSummary);
        Assert.Contains("Select the conclusion", missing.ErrorSummary);
        var screened = await manager.PostAsync($"/people/{joyce}/liberty/screening/new", With(Date("Input.AssessedOn", today), new()
        {
            ["Input.SupervisionAndControl"] = "Staff know where she is at all times", ["Input.FreedomToLeave"] = "Staff would bring her back",
            ["Input.WishesAndObjection"] = "Says she wants to go home", ["Input.Conclusion"] = nameof(LibertyConclusion.LikelyDeprivation),
            ["Input.CapacityToConsent"] = nameof(ArrangementsCapacity.LacksCapacity),
            ["Input.LegalBasis"] = "Multi-factorial assessment following [2026] UKSC 16",
        }));
        Assert.Equal(HttpStatusCode.Redirect, screened.Status);

        // The Court of Protection can authorise in a care home too, so it is offered beside DoLS.
        var form = await manager.GetAsync($"/people/{joyce}/liberty/applications/new");
        Assert.Contains("Court of Protection application", form.Body);
        Assert.Contains("DoLS standard authorisation", form.Body);

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/people/{joyce}/liberty/applications/new", With(Date("Input.RequestedOn", today.AddDays(-30)), new()
        {
            ["Input.Kind"] = nameof(LibertyAuthorisationKind.StandardAuthorisation),
        }))).Status);
        var list = await manager.GetAsync($"/people/{joyce}/liberty");
        Assert.Contains("Supervisory body&#x27;s decision due (21 days from the request)", list.Body);
        Assert.Contains("Overdue", list.Body);

        var application = await app.WithDatabaseAsync(db => db.LibertyAuthorisations.SingleAsync(a => a.PersonId == joyce && a.Kind == LibertyAuthorisationKind.StandardAuthorisation));
        var tooLong = await manager.PostAsync($"/people/{joyce}/liberty/applications/{application.Id}", With(With(
            Date("Input.StartsOn", today), Date("Input.ExpiresOn", today.AddMonths(13))), new()
        {
            ["Input.Outcome"] = nameof(LibertyOutcome.Granted), ["Input.Version"] = "1",
        }));
        Assert.Contains(tooLong.ErrorSummary, e => e.Contains("lasts no later than") && e.Contains("R6"));

        var granted = await manager.PostAsync($"/people/{joyce}/liberty/applications/{application.Id}", With(With(
            Date("Input.StartsOn", today), Date("Input.ExpiresOn", today.AddMonths(12))), new()
        {
            ["Input.Outcome"] = nameof(LibertyOutcome.Granted), ["Input.Version"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, granted.Status);
        var after = await manager.GetAsync($"/people/{joyce}/liberty");
        Assert.Contains("Tell CQC the outcome (Regulation 18)", after.Body);
        Assert.Contains("Apply to renew (28 days before it ends)", after.Body);
        Assert.Contains(UkTime.Format(today.AddMonths(12).AddDays(-28)), after.Body);
    }

    [SkippableFact]
    public async Task SupportedLiving_IsOfferedTheCourtOfProtectionOnly()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        var form = await manager.GetAsync($"/people/{sam}/liberty/applications/new");
        var today = UkTime.Today(app.Clock);
        var tampered = await manager.PostAsync($"/people/{sam}/liberty/applications/new", With(With(Date("Input.RequestedOn", today), Date("Input.EndsOn", today.AddDays(7))), new()
        {
            ["Input.Kind"] = nameof(LibertyAuthorisationKind.UrgentAuthorisation), ["Input.StandardRequested"] = "true",
        }));

        Assert.Contains("Court of Protection application", form.Body);
        Assert.DoesNotContain("DoLS urgent authorisation", form.Body);
        Assert.Contains(tampered.ErrorSummary, e => e.Contains("by the Court of Protection, not DoLS"));
    }

    private DateOnly Today => UkTime.Today(app.Clock);

    /// <summary>The page's words, with a space between elements (a summary list's key and value run together otherwise).</summary>
    private static string Text(AppClient.Page page) => System.Text.RegularExpressions.Regex.Replace(
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(page.Body, "<[^>]+>", " ")), @"\s+", " ");

    [SkippableFact]
    public async Task AnUrgentAuthorisation_IsGivenByTheHomeWithAStandardRequest_WhichMustBeDecidedBeforeItEnds()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var arthur = await app.IdOfPersonAsync("Bennett");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var given = Today.AddDays(-2);
        Dictionary<string, string> Urgent(DateOnly ends, bool requested) => With(With(Date("Input.RequestedOn", given), Date("Input.EndsOn", ends)), new()
        {
            ["Input.Kind"] = nameof(LibertyAuthorisationKind.UrgentAuthorisation), ["Input.StandardRequested"] = requested ? "true" : "false",
        });

        var alone = await manager.PostAsync($"/people/{arthur}/liberty/applications/new", Urgent(given.AddDays(7), requested: false));
        var tooLong = await manager.PostAsync($"/people/{arthur}/liberty/applications/new", Urgent(given.AddDays(8), requested: true));
        Assert.Contains(alone.ErrorSummary, e => e.Contains("only be given together with a request to the supervisory body for a standard authorisation") && e.Contains("R6"));
        Assert.Contains(tooLong.ErrorSummary, e => e.Contains("lasts up to 7 days") && e.Contains(UkTime.Format(given.AddDays(7))));
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.LibertyAuthorisations.CountAsync(a => a.PersonId == arthur)));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/people/{arthur}/liberty/applications/new", Urgent(given.AddDays(5), requested: true))).Status);

        var both = await app.WithDatabaseAsync(db => db.LibertyAuthorisations.Where(a => a.PersonId == arthur).ToListAsync());
        var urgent = both.Single(a => a.Kind == LibertyAuthorisationKind.UrgentAuthorisation);
        var standard = both.Single(a => a.Kind == LibertyAuthorisationKind.StandardAuthorisation);
        Assert.Equal(standard.Id, urgent.StandardRequestId);
        Assert.Equal((LibertyOutcome.Granted, given, given.AddDays(5)), (urgent.Outcome, urgent.StartsOn!.Value, urgent.ExpiresOn!.Value));
        Assert.Equal((LibertyOutcome.Pending, given), (standard.Outcome, standard.RequestedOn));
        var page = Text(await manager.GetAsync($"/people/{arthur}/liberty"));
        // The 21 days are cut short by the urgent authorisation's end.
        Assert.Contains($"Supervisory body's decision due before the urgent authorisation ends {UkTime.Format(given.AddDays(5))}", page);
        Assert.DoesNotContain(UkTime.Format(given.AddDays(21)), page);

        // The supervisory body extends it once, by up to 7 days beyond the end it had.
        Dictionary<string, string> Extend(DateOnly to, int version) => With(With(Date("Input.StartsOn", given), Date("Input.ExpiresOn", to)), new()
        {
            ["Input.Outcome"] = nameof(LibertyOutcome.Granted), ["Input.Extended"] = "true", ["Input.Version"] = version.ToString(),
        });
        var tooFar = await manager.PostAsync($"/people/{arthur}/liberty/applications/{urgent.Id}", Extend(given.AddDays(13), urgent.Version));
        Assert.Contains(tooFar.ErrorSummary, e => e.Contains($"lasts no later than {UkTime.Format(given.AddDays(12))}"));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/people/{arthur}/liberty/applications/{urgent.Id}", Extend(given.AddDays(12), urgent.Version))).Status);
        var extended = Text(await manager.GetAsync($"/people/{arthur}/liberty"));
        Assert.Contains($"Supervisory body's decision due before the urgent authorisation ends {UkTime.Format(given.AddDays(12))}", extended);
        Assert.Contains($"(extended once, from {UkTime.Format(given.AddDays(5))})", extended);
    }

    [SkippableFact]
    public async Task DoLSOpensOnThe18thBirthday_Before_ItIsTheCourtOfProtection()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        // 17 years and 364 days old today in London; 18 tomorrow.
        var young = await app.WithDatabaseAsync(async db =>
        {
            var house = await db.Services.SingleAsync(s => s.Name == "Oakfield House");
            var person = new Person
            {
                OrganisationId = house.OrganisationId, ServiceId = house.Id, GivenName = "Kai", FamilyName = "Youngman",
                DateOfBirth = Today.AddDays(1).AddYears(-18), CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        Dictionary<string, string> Standard() => With(Date("Input.RequestedOn", Today), new() { ["Input.Kind"] = nameof(LibertyAuthorisationKind.StandardAuthorisation) });
        using (var manager = await app.NewClient().SignInAsync("manager@oakfield.example"))
        {
            var form = await manager.GetAsync($"/people/{young}/liberty/applications/new");
            var refused = await manager.PostAsync($"/people/{young}/liberty/applications/new", Standard());

            Assert.Contains("Court of Protection application", form.Body);
            Assert.DoesNotContain("DoLS standard authorisation", form.Body);
            Assert.Contains("The person is 17. DoLS is only for people aged 18 and over", Text(form));
            Assert.Contains(refused.ErrorSummary, e => e.Contains("DoLS is only for people aged 18 and over") && e.Contains("R6"));
        }

        using (app.Clock.MoveOn(TimeSpan.FromDays(1)))
        {
            using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
            Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/people/{young}/liberty/applications/new", Standard())).Status);
        }
    }

    [SkippableFact]
    public async Task Screening_AsksCapacityToConsent_AndAPersonWhoConsentsIsNotDeprived()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var stan = await app.IdOfPersonAsync("Patel");
        var manager = await app.IdOfUserAsync("manager@oakfield.example");
        // A screening from before the question was asked keeps its meaning: capacity not recorded.
        await app.WithDatabaseAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == stan);
            db.LibertyScreenings.Add(new LibertyScreening
            {
                OrganisationId = person.OrganisationId, PersonId = stan, ServiceId = person.ServiceId, AssessedOn = Today.AddDays(-400),
                Conclusion = LibertyConclusion.Unclear, LegalBasis = "Older screening", RecordedById = manager, RecordedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
        using var client = await app.NewClient().SignInAsync("manager@oakfield.example");
        Dictionary<string, string> Screening(string conclusion, string? consents) => With(Date("Input.AssessedOn", Today), new()
        {
            ["Input.SupervisionAndControl"] = "Staff check on him hourly", ["Input.FreedomToLeave"] = "He goes out with his wife when he likes",
            ["Input.WishesAndObjection"] = "Happy to stay", ["Input.CapacityToConsent"] = nameof(ArrangementsCapacity.HasCapacity),
            ["Input.ConsentsToArrangements"] = consents ?? "", ["Input.Conclusion"] = conclusion, ["Input.LegalBasis"] = "Multi-factorial assessment",
        });

        var noCapacityAnswer = await client.PostAsync($"/people/{stan}/liberty/screening/new", With(Date("Input.AssessedOn", Today), new()
        {
            ["Input.SupervisionAndControl"] = "a", ["Input.FreedomToLeave"] = "b", ["Input.WishesAndObjection"] = "c",
            ["Input.Conclusion"] = nameof(LibertyConclusion.Unclear), ["Input.LegalBasis"] = "d",
        }));
        var noConsentAnswer = await client.PostAsync($"/people/{stan}/liberty/screening/new", Screening(nameof(LibertyConclusion.NotDeprivation), null));
        var consentsButDeprived = await client.PostAsync($"/people/{stan}/liberty/screening/new", Screening(nameof(LibertyConclusion.LikelyDeprivation), "true"));
        var recorded = await client.PostAsync($"/people/{stan}/liberty/screening/new", Screening(nameof(LibertyConclusion.NotDeprivation), "true"));

        Assert.Contains("Select whether the person has capacity to consent to the arrangements", noCapacityAnswer.ErrorSummary);
        Assert.Contains(noConsentAnswer.ErrorSummary, e => e.Contains("Select whether the person consents to the arrangements"));
        Assert.Contains(consentsButDeprived.ErrorSummary, e => e.Contains("is not deprived of their liberty: no authorisation is needed") && e.Contains("R6"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var page = Text(await client.GetAsync($"/people/{stan}/liberty"));
        Assert.Contains("Capacity to consent to the arrangements Has capacity to consent to the arrangements", page);
        Assert.Contains("they are not deprived of their liberty, and no authorisation route is needed", page);
        Assert.Contains("Capacity to consent to the arrangements Not recorded", page);
    }

    [SkippableFact]
    public async Task AgreeingConfiningPractices_ForAPersonLackingCapacity_PromptsAScreening_InTasksAndOnTheirPages()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var edna = await app.IdOfPersonAsync("Morris");
        var managerId = await app.IdOfUserAsync("manager@oakfield.example");
        var practiceId = await app.WithDatabaseAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == edna);
            var practice = new RestrictivePractice
            {
                OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = edna, Category = PracticeCategory.EnforcedSupervision,
                Description = "Edna is accompanied by staff whenever she leaves her room", Kind = PracticeKind.Planned, Status = PracticeStatus.Agreed,
                StartDate = Today, ReviewDate = Today.AddMonths(3), CreatedAt = app.Clock.GetUtcNow().UtcDateTime, CreatedById = managerId,
            };
            db.Practices.Add(practice);
            db.Decisions.Add(new PracticeDecision
            {
                OrganisationId = person.OrganisationId, ServiceId = person.ServiceId, PersonId = edna, PracticeId = practice.Id, Status = DecisionStatus.Agreed,
                CanUnderstand = false, CanRetain = false, CanUseOrWeigh = false, CanCommunicate = true,
                HasImpairmentOfMindOrBrain = true, InabilityIsBecauseOfImpairment = true,
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime, UpdatedAt = app.Clock.GetUtcNow().UtcDateTime, AgreedAt = app.Clock.GetUtcNow().UtcDateTime, CreatedById = managerId,
            });
            await db.SaveChangesAsync();
            return practice.Id;
        });
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");

        var tasks = Text(await manager.GetAsync("/tasks"));
        var personPage = Text(await manager.GetAsync($"/people/{edna}"));
        var practicePage = Text(await manager.GetAsync($"/people/{edna}/practices/{practiceId}"));

        Assert.Contains("Screen for a deprivation of liberty: the practices in place may amount to one", tasks);
        Assert.Contains("Edna Morris", tasks);
        Assert.Contains("Edna is accompanied by staff whenever she leaves her room", personPage);
        Assert.Contains("may amount to a deprivation of liberty", personPage);
        Assert.Contains("may amount to a deprivation of liberty", practicePage);

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/people/{edna}/liberty/screening/new", With(Date("Input.AssessedOn", Today), new()
        {
            ["Input.SupervisionAndControl"] = "Accompanied outside her room", ["Input.FreedomToLeave"] = "Staff would stop her leaving alone",
            ["Input.WishesAndObjection"] = "Content", ["Input.CapacityToConsent"] = nameof(ArrangementsCapacity.LacksCapacity),
            ["Input.Conclusion"] = nameof(LibertyConclusion.LikelyDeprivation), ["Input.LegalBasis"] = "Multi-factorial assessment",
        }))).Status);
        Assert.DoesNotContain("may amount to a deprivation of liberty", Text(await manager.GetAsync($"/people/{edna}")));
        Assert.DoesNotContain("Screen for a deprivation of liberty", Text(await manager.GetAsync("/tasks")));
    }

    [SkippableFact]
    public async Task OutcomesCqcMustBeToldOf_AndRenewals_AreInTasksRemindersAndTheOrganisationPicture()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var chloe = await app.IdOfPersonAsync("Harrison");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        async Task<Guid> ApplyToCourtAsync(Guid person)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/people/{person}/liberty/applications/new", With(Date("Input.RequestedOn", Today.AddDays(-60)), new()
            {
                ["Input.Kind"] = nameof(LibertyAuthorisationKind.CourtOfProtection),
            }))).Status);
            return await app.WithDatabaseAsync(db => db.LibertyAuthorisations.Where(a => a.PersonId == person).Select(a => a.Id).SingleAsync());
        }
        // Sam's Court application is withdrawn; Chloe's order is made and ends in 20 days, so its renewal is 8 days late.
        var samsApplication = await ApplyToCourtAsync(sam);
        var chloesOrder = await ApplyToCourtAsync(chloe);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/people/{sam}/liberty/applications/{samsApplication}", new()
        {
            ["Input.Outcome"] = nameof(LibertyOutcome.Withdrawn), ["Input.Version"] = "1",
        })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/people/{chloe}/liberty/applications/{chloesOrder}", With(With(
            Date("Input.StartsOn", Today.AddDays(-30)), Date("Input.ExpiresOn", Today.AddDays(20))), new()
        {
            ["Input.Outcome"] = nameof(LibertyOutcome.Granted), ["Input.Version"] = "1",
        }))).Status);

        var tasks = Text(await manager.GetAsync("/tasks"));
        Assert.Contains("Tell CQC the application was withdrawn (Regulation 18): Court of Protection order", tasks);
        Assert.Contains("Tell CQC the outcome (Regulation 18): Court of Protection order", tasks);
        Assert.Contains("Apply to renew (28 days before it ends): Court of Protection order", tasks);

        using var board = await app.NewClient().SignInAsync("board@oakfield.example");
        var picture = await board.GetAsync("/organisation");
        var liberty = picture.Document.QuerySelector("table#liberty")!.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());
        // Beech Road: decisions overdue, renewals due, ended, CQC to be told, screenings prompted.
        Assert.Equal(["0", "1", "0", "2", "0"], liberty["Beech Road"]);

        await app.WithDatabaseAsync(db => db.JobLeases.ExecuteDeleteAsync());
        await Proportion.Web.Infrastructure.ReminderService.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), "liberty-test",
            app.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(30));
        var reminders = await app.WithDatabaseAsync(db => db.Notifications.Where(n => n.ReminderKey != null
            && (n.ReminderKey.Contains(samsApplication.ToString("N")) || n.ReminderKey.Contains(chloesOrder.ToString("N")))).Select(n => n.Message).ToListAsync());
        Assert.Contains(reminders, m => m.Contains("Tell CQC the application was withdrawn") && m.Contains("Sam Adeyemi"));
        Assert.Contains(reminders, m => m.Contains("Apply to renew") && m.Contains("Chloe Harrison") && m.StartsWith("Overdue"));
    }
}

public sealed class LibertyOnSqlite(SqliteApp app) : LibertyTests(app), IClassFixture<SqliteApp>;

public sealed class LibertyOnPostgres(PostgresApp app) : LibertyTests(app), IClassFixture<PostgresApp>;
