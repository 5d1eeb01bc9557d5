using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Core.Auditing;
using Proportion.Core.Model;
using Proportion.Core.Safeguarding;
using Proportion.Web.Infrastructure;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Safeguarding;

/// <summary>
/// Raising a safeguarding concern, the provider's side (R20): the question pages and the saved draft, sending
/// refused with what is missing and then sent to the council, the raiser's receipt, the managers' page, every
/// view logged, the alleged source never seeing it, and the local council each service names.
/// </summary>
public abstract class RaiseConcernTests(AppFixture app)
{
    private const string CareWorker = "careworker@oakfield.example";
    private const string Manager = "manager@oakfield.example";
    private const string Senior = "senior@oakfield.example";

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    /// <summary>Starts a concern about the person from their page's link, as the user; returns its id.</summary>
    private static async Task<Guid> StartAsync(AppClient client, Guid personId, string source = "PersonToldUs")
    {
        var started = await client.PostAsync($"/people/{personId}/safeguarding/new", new Dictionary<string, string> { ["Input.Source"] = source });
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.EndsWith("/what-happened", started.Location);
        return Guid.Parse(started.Location!.Split('/')[^2]);
    }

    private async Task<int> VersionAsync(Guid concernId) =>
        await app.WithDatabaseAsync(db => db.SafeguardingConcerns.Where(c => c.Id == concernId).Select(c => c.Version).SingleAsync());

    /// <summary>Answers one question page with the draft's current version; the answer is a redirect onwards.</summary>
    private async Task<AppClient.Page> AnswerAsync(AppClient client, Guid personId, Guid concernId, string part, params KeyValuePair<string, string>[] fields) =>
        await client.PostAsync($"/people/{personId}/safeguarding/{concernId}/{part}",
            [F("ConcernVersion", (await VersionAsync(concernId)).ToString()), .. fields]);

    /// <summary>Every page answered: Peggy does not agree; it goes ahead because others are at risk; she is not told yet.</summary>
    private async Task AnswerEverythingAsync(AppClient client, Guid personId, Guid concernId, Guid? allegedSourceUser = null)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, personId, concernId, "what-happened",
            F("Input.Kinds", "Financial"), F("Input.Kinds", "Psychological"), F("Input.WhatHappened", "Peggy said her nephew shouts at her until she gives him money."),
            F("Input.HappenedOn.Day", "17"), F("Input.HappenedOn.Month", "11"), F("Input.HappenedOn.Year", "2026"), F("Input.HappenedTime", "7pm"))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, personId, concernId, "who",
            F("Input.AllegedSourceKind", allegedSourceUser is null ? "FamilyOrFriend" : "Staff"), F("Input.AllegedSource", allegedSourceUser is null ? "Her nephew" : "A manager"),
            F("Input.AllegedSourceUserId", allegedSourceUser?.ToString() ?? ""))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, personId, concernId, "action",
            F("Input.ImmediateAction", "Her purse is kept in the office safe with her agreement; the manager on call was told."))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, personId, concernId, "consent",
            F("Input.Consent", "Refused"), F("Input.ProceedReasons", "OthersAtRisk"), F("Input.ProceedExplanation", "He visits two other residents."),
            F("Input.PersonTold", "false"), F("Input.PersonToldNote", "He is with her most evenings; telling her now could warn him."))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, personId, concernId, "voice",
            F("Input.OutcomesWanted", "I want him to stop asking, but I still want to see him."), F("Input.HowPersonTakesPart", "With her key worker, at home."))).Status);
        var last = await AnswerAsync(client, personId, concernId, "advocacy",
            F("Input.AdvocacyOffered", "true"), F("Input.SubstantialDifficulty", "true"), F("Input.HasAppropriatePerson", "false"), F("Input.AdvocateName", "Northshire Advocacy Hub"));
        Assert.Equal(HttpStatusCode.Redirect, last.Status);
        Assert.EndsWith($"/safeguarding/{concernId}/check", last.Location);
    }

    [SkippableFact]
    public async Task ACareWorker_RaisesWithoutConsent_IsRefusedUntilComplete_ThenSends_AndSeesOnlyTheReceipt()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var carer = await app.NewClient().SignInAsync(CareWorker);

        // The person's page offers it; starting saves a draft at once.
        var personPage = await carer.GetAsync($"/people/{peggy}");
        Assert.Contains(personPage.Document.QuerySelectorAll("#safeguarding ~ p a"), a => a.GetAttribute("href") == $"/people/{peggy}/safeguarding/new");
        var concern = await StartAsync(carer, peggy);
        var first = await carer.GetAsync($"/people/{peggy}/safeguarding/{concern}/what-happened");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.NotNull(first.Document.QuerySelector("input[name='Input.Kinds'][value='ModernSlavery']"));

        // Sending an empty draft is refused: each thing missing is named, linking to the page where it is answered.
        var check = await carer.GetAsync($"/people/{peggy}/safeguarding/{concern}/check");
        Assert.Equal(HttpStatusCode.OK, check.Status);
        var refused = await carer.PostAsync($"/people/{peggy}/safeguarding/{concern}/check?handler=Send",
            new Dictionary<string, string> { ["ConcernVersion"] = (await VersionAsync(concern)).ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var summary = refused.Document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(summary, s => s.Item1.StartsWith("Select whether Peggy Hughes agreed") && s.Item2 == $"/people/{peggy}/safeguarding/{concern}/consent?from=check#Input_Consent");
        Assert.Contains(summary, s => s.Item1.StartsWith("Enter the outcomes Peggy Hughes wants") && s.Item2!.Contains("/voice?from=check"));
        Assert.Contains(summary, s => s.Item1.StartsWith("Select the kind of harm"));
        Assert.Equal(SafeguardingStatus.Draft, await app.WithDatabaseAsync(db => db.SafeguardingConcerns.Where(c => c.Id == concern).Select(c => c.Status).SingleAsync()));

        // A page's own bad input is shown back with what was typed.
        var badTime = await AnswerAsync(carer, peggy, concern, "what-happened", F("Input.WhatHappened", "Peggy was upset."), F("Input.HappenedTime", "25:99"));
        Assert.Equal(HttpStatusCode.OK, badTime.Status);
        Assert.NotNull(badTime.FieldError("Input_HappenedTime"));
        Assert.Equal("Peggy was upset.", badTime.ValueOf("Input.WhatHappened")?.Trim());

        // Going ahead without agreement and no lawful reason is refused when sending.
        await AnswerEverythingAsync(carer, peggy, concern);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(carer, peggy, concern, "consent", F("Input.Consent", "Refused"), F("Input.PersonTold", "true"),
            F("Input.PersonToldNote", "Told at breakfast."))).Status);
        var noReason = await carer.PostAsync($"/people/{peggy}/safeguarding/{concern}/check?handler=Send",
            new Dictionary<string, string> { ["ConcernVersion"] = (await VersionAsync(concern)).ToString() });
        Assert.Equal(2, noReason.ErrorSummary.Count);
        Assert.Contains(noReason.ErrorSummary, e => e.StartsWith("Select the reason the law accepts for going ahead without Peggy Hughes's agreement"));
        Assert.Contains(noReason.ErrorSummary, e => e.StartsWith("Explain why it must go ahead"));

        // Changed from the check page, the answer goes back to it.
        var changed = await carer.PostAsync($"/people/{peggy}/safeguarding/{concern}/consent?from=check",
        [
            F("ConcernVersion", (await VersionAsync(concern)).ToString()), F("From", "check"),
            F("Input.Consent", "Refused"), F("Input.ProceedReasons", "OthersAtRisk"), F("Input.ProceedExplanation", "He visits two other residents."),
            F("Input.PersonTold", "false"), F("Input.PersonToldNote", "He is with her most evenings; telling her now could warn him."),
        ]);
        Assert.EndsWith($"/safeguarding/{concern}/check", changed.Location);

        var ready = await carer.GetAsync($"/people/{peggy}/safeguarding/{concern}/check");
        Assert.Null(ready.Document.QuerySelector("#findings"));
        Assert.Contains("Northshire Council", ready.Body);
        var sent = await carer.PostAsync($"/people/{peggy}/safeguarding/{concern}/check?handler=Send",
            new Dictionary<string, string> { ["ConcernVersion"] = ready.ValueOf("ConcernVersion")! });
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal($"/people/{peggy}/safeguarding/{concern}/receipt", sent.Location);

        var stored = await app.WithDatabaseAsync(db => db.SafeguardingConcerns.SingleAsync(c => c.Id == concern));
        var northshire = await app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == "Northshire Council").Select(o => o.Id).SingleAsync());
        Assert.Equal(SafeguardingStatus.Sent, stored.Status);
        Assert.Equal(northshire, stored.CouncilId);
        // The council is told the person's full name, as known when it was sent; the app speaks of her as she likes.
        Assert.Equal("Margaret Hughes", stored.PersonName);
        Assert.Equal("Oakfield House", stored.ServiceName);
        Assert.Equal("Oakfield Care", stored.ProviderName);
        Assert.Equal(await app.IdOfUserAsync(CareWorker), stored.SentById);
        Assert.NotNull(stored.SentAt);
        Assert.Equal(HarmKinds.Financial | HarmKinds.Psychological, stored.Kinds);

        // The council's safeguarding team and Peggy's managers are told in the app; the send is audited.
        var officer = await app.IdOfUserAsync("safeguarding@northshire.example");
        var manager = await app.IdOfUserAsync(Manager);
        await app.WithDatabaseAsync(async db =>
        {
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == officer && n.ReminderKey == $"safeguarding-sent:{concern:N}" && n.Message.Contains("Margaret Hughes")));
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == manager && n.ReminderKey == $"safeguarding-sent-provider:{concern:N}"));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == SafeguardingRecords.EntityType && e.EntityId == concern && e.Summary == "Sent a safeguarding concern to Northshire Council"));
            // The audit names what changed, never the words written.
            Assert.False(await db.AuditEvents.AnyAsync(e => e.EntityId == concern && e.Changes != null && e.Changes.Contains("nephew")));
        });

        // The raiser sees only that it was sent and whether it was received; never its details, nor the managers' page.
        var receipt = await carer.GetAsync(sent.Location!);
        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        Assert.Equal("Not yet", receipt.Document.QuerySelector("[data-received]")!.TextContent.Trim());
        Assert.DoesNotContain("nephew", receipt.Body);
        Assert.DoesNotContain("Financial", receipt.Body);
        var details = await carer.GetAsync($"/people/{peggy}/safeguarding/{concern}");
        Assert.Contains("/access-denied", details.Location);
        // Once sent, the draft's pages lead to the receipt; what was raised is not changed.
        Assert.Equal(sent.Location, (await carer.GetAsync($"/people/{peggy}/safeguarding/{concern}/check")).Location);
        Assert.Equal(sent.Location, (await AnswerAsync(carer, peggy, concern, "voice", F("Input.OutcomesWanted", "Changed"))).Location);

        var receivedAt = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDatabaseAsync(db => db.SafeguardingConcerns.Where(c => c.Id == concern)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReceivedAt, receivedAt).SetProperty(c => c.ReceivedById, officer).SetProperty(c => c.Status, SafeguardingStatus.Received)));
        Assert.Equal(UkTime.Format(receivedAt), (await carer.GetAsync(sent.Location!)).Document.QuerySelector("[data-received]")!.TextContent.Trim());

        // The managers read it all, with its status and times, and the rules' findings (none now).
        using var managerClient = await app.NewClient().SignInAsync(Manager);
        var page = await managerClient.GetAsync($"/people/{peggy}/safeguarding/{concern}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Peggy said her nephew shouts at her until she gives him money.", page.Body);
        Assert.Contains("Received by the council", page.Body);
        Assert.Contains("Nothing is missing", page.Body);
        // The council's response, as much of it as the provider acts on, is on the same page.
        Assert.Contains("data-safeguarding-for-provider", page.Body);
        // She was not told: telling her is the managers' task, until recorded.
        var tasks = await managerClient.GetAsync("/tasks");
        Assert.Contains("Tell the person the safeguarding concern went ahead without their agreement", tasks.Body);
        var told = $"/people/{peggy}/safeguarding/{concern}/told";
        var toldForm = await managerClient.GetAsync(told);
        Assert.Equal(HttpStatusCode.OK, toldForm.Status);
        var blank = await managerClient.PostAsync(told, new Dictionary<string, string> { ["ConcernVersion"] = toldForm.ValueOf("ConcernVersion")!, ["How"] = "" });
        Assert.Equal("Enter how and when the person was told", blank.FieldError("How"));
        Assert.Equal(HttpStatusCode.Redirect, (await managerClient.PostAsync(told, new Dictionary<string, string>
        {
            ["ConcernVersion"] = toldForm.ValueOf("ConcernVersion")!, ["How"] = "Her key worker told her this morning, once her nephew had left.",
        })).Status);
        Assert.DoesNotContain("Tell the person the safeguarding concern", (await managerClient.GetAsync("/tasks")).Body);
        var now = await app.WithDatabaseAsync(db => db.SafeguardingConcerns.SingleAsync(c => c.Id == concern));
        Assert.True(now.PersonTold);
        Assert.Contains("once her nephew had left", now.PersonToldNote);
        Assert.Contains("telling her now could warn him", now.PersonToldNote);
    }

    [SkippableFact]
    public async Task EveryViewOfAConcern_IsLoggedAgainstTheConcern()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var concern = await StartAsync(manager, peggy);
        await AnswerEverythingAsync(manager, peggy, concern);
        var managerId = await app.IdOfUserAsync(Manager);
        Task<int> ViewsAsync() => app.WithDatabaseAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.Viewed && e.UserId == managerId
            && e.EntityType == SafeguardingRecords.EntityType && e.EntityId == concern && e.PersonId == peggy));

        foreach (var path in new[] { $"/people/{peggy}/safeguarding/{concern}", $"/people/{peggy}/safeguarding/{concern}/check",
                     $"/people/{peggy}/safeguarding/{concern}/consent", $"/people/{peggy}/safeguarding/{concern}/receipt" })
        {
            var before = await ViewsAsync();
            var page = await manager.GetAsync(path);
            Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{path}: {page.Status}");
            Assert.Equal(page.Status == HttpStatusCode.OK ? before + 1 : before, await ViewsAsync());
        }
        // The view is named for the concern, not as an ordinary look at the person's record.
        Assert.False(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.Viewed && e.UserId == managerId
            && e.EntityType == nameof(Person) && e.Summary.Contains("safeguarding"))));
        // Managers read the looks at it on the person's History, with the views.
        using var senior = await app.NewClient().SignInAsync(Senior);
        Assert.Contains("Viewed a safeguarding concern", (await senior.GetAsync($"/people/{peggy}/history?IncludeViews=true")).Body);
    }

    [SkippableFact]
    public async Task TheAllegedSource_NeverSeesTheConcern()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var manager = await app.IdOfUserAsync(Manager);
        using var carer = await app.NewClient().SignInAsync(CareWorker);
        var concern = await StartAsync(carer, sam, "Observed");

        // Nobody names themselves: the concern would vanish from them.
        var self = await AnswerAsync(carer, sam, concern, "who", F("Input.AllegedSourceKind", "Staff"), F("Input.AllegedSourceUserId", (await app.IdOfUserAsync(CareWorker)).ToString()));
        Assert.Equal(HttpStatusCode.OK, self.Status);
        Assert.StartsWith("You cannot choose yourself", self.FieldError("Input_AllegedSourceUserId"));

        await AnswerEverythingAsync(carer, sam, concern, allegedSourceUser: manager);
        var check = await carer.GetAsync($"/people/{sam}/safeguarding/{concern}/check");
        Assert.Equal(HttpStatusCode.Redirect, (await carer.PostAsync($"/people/{sam}/safeguarding/{concern}/check?handler=Send",
            new Dictionary<string, string> { ["ConcernVersion"] = check.ValueOf("ConcernVersion")! })).Status);

        // The manager named is not told, and finds nothing: not the page, the list, the person's page, their tasks or the history.
        Assert.False(await app.WithDatabaseAsync(db => db.Notifications.AnyAsync(n => n.UserId == manager && n.ReminderKey!.Contains(concern.ToString("N")))));
        using var named = await app.NewClient().SignInAsync(Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await named.GetAsync($"/people/{sam}/safeguarding/{concern}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await named.GetAsync($"/people/{sam}/safeguarding/{concern}/receipt")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await named.GetAsync($"/people/{sam}/safeguarding/{concern}/told")).Status);
        Assert.DoesNotContain(concern.ToString(), (await named.GetAsync("/safeguarding?show=all")).Body);
        Assert.DoesNotContain(concern.ToString(), (await named.GetAsync($"/people/{sam}")).Body);
        Assert.DoesNotContain(concern.ToString(), (await named.GetAsync("/tasks")).Body);
        var history = (await named.GetAsync($"/people/{sam}/history?IncludeViews=true")).Body;
        Assert.DoesNotContain("safeguarding concern", history);
        // The senior manager reads it, and sees the manager named.
        using var senior = await app.NewClient().SignInAsync(Senior);
        var page = await senior.GetAsync($"/people/{sam}/safeguarding/{concern}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(await app.WithDatabaseAsync(db => db.Users.Where(u => u.Id == manager).Select(u => u.DisplayName).SingleAsync()), page.Body);
        Assert.Contains(concern.ToString(), (await senior.GetAsync("/safeguarding")).Body);
    }

    [SkippableFact]
    public async Task ADraftADayOld_RemindsTheRaiserAndManagers_NeverTheOneNamed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        var (carerId, managerId) = (await app.IdOfUserAsync(CareWorker), await app.IdOfUserAsync(Manager));
        using var carer = await app.NewClient().SignInAsync(CareWorker);
        var concern = await StartAsync(carer, sam, "Observed");
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(carer, sam, concern, "who",
            F("Input.AllegedSourceKind", "Staff"), F("Input.AllegedSourceUserId", managerId.ToString()))).Status);

        await app.WithDatabaseAsync(db => db.JobLeases.ExecuteDeleteAsync());
        var now = app.Clock.GetUtcNow().UtcDateTime.AddDays(1).AddHours(1);
        await ReminderService.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), "safeguarding-test", now, TimeSpan.FromMinutes(30));
        var reminders = await app.WithDatabaseAsync(db => db.Notifications.Where(n => n.ReminderKey != null && n.ReminderKey.Contains(concern.ToString("N"))).ToListAsync());
        Assert.Contains(reminders, n => n.UserId == carerId && n.ReminderKey!.StartsWith("SafeguardingDraft:"));
        Assert.DoesNotContain(reminders, n => n.UserId == managerId);
        // A reminder may be emailed: it names the service, not the person.
        Assert.All(reminders, n => Assert.DoesNotContain("Adeyemi", n.Message));
    }

    [SkippableFact]
    public async Task AnAllegationOfAbuse_OnAnIncident_PromptsAConcern_FilledInFromTheIncident()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var (incident, joyce, occurredAt) = await app.WithDatabaseAsync(async db =>
        {
            var i = await db.Incidents.Where(x => x.Person!.FamilyName == "Turner").OrderBy(x => x.OccurredAt).FirstAsync();
            i.AbuseOrAllegation = true;
            await db.SaveChangesAsync();
            return (i.Id, i.PersonId, i.OccurredAt);
        });
        using var carer = await app.NewClient().SignInAsync(CareWorker);
        var page = await carer.GetAsync($"/incidents/{incident}");
        var prompt = page.Document.QuerySelector("[data-safeguarding-prompt] a.govuk-button");
        Assert.NotNull(prompt);
        Assert.Equal($"/people/{joyce}/safeguarding/new?incidentId={incident}", prompt.GetAttribute("href"));

        var form = await carer.GetAsync(prompt.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(incident.ToString(), form.ValueOf("Input.IncidentId"));
        var fields = new Dictionary<string, string> { ["Input.IncidentId"] = incident.ToString(), ["Input.Source"] = "Incident" };
        var started = await carer.PostAsync($"/people/{joyce}/safeguarding/new", fields);
        var concern = Guid.Parse(started.Location!.Split('/')[^2]);
        var draft = await app.WithDatabaseAsync(db => db.SafeguardingConcerns.SingleAsync(c => c.Id == concern));
        Assert.Equal(ConcernSource.Incident, draft.Source);
        Assert.Equal(incident, draft.IncidentId);
        Assert.Equal(occurredAt, draft.HappenedAt);
        Assert.StartsWith("From the incident on", draft.WhatHappened);
        // Starting again from the same incident opens the same draft.
        Assert.Equal(started.Location, (await carer.PostAsync($"/people/{joyce}/safeguarding/new", fields)).Location);
        // The incident page now leads to it; the draft is the care worker's task from the start.
        Assert.Contains($"/people/{joyce}/safeguarding/{concern}/check", (await carer.GetAsync($"/incidents/{incident}")).Body);
        Assert.Contains("Finish and send your safeguarding concern", (await carer.GetAsync("/tasks")).Body);
        // An incident of another person is not found.
        var peggy = await app.IdOfPersonAsync("Hughes");
        Assert.Equal(HttpStatusCode.NotFound, (await carer.GetAsync($"/people/{peggy}/safeguarding/new?incidentId={incident}")).Status);

        // A day on, the managers see the draft still not sent in their tasks.
        using (app.Clock.MoveOn(TimeSpan.FromDays(1) + TimeSpan.FromHours(1)))
        {
            using var manager = await app.NewClient().SignInAsync(Manager);
            Assert.Contains("Finish and send the safeguarding concern started more than a day ago", (await manager.GetAsync("/tasks")).Body);
        }
    }

    [SkippableFact]
    public async Task AServiceWithNoLocalCouncil_RefusesClearly_UntilAnAdministratorSetsIt()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var (service, person) = await app.WithDatabaseAsync(async db =>
        {
            var oakfield = await db.Organisations.SingleAsync(o => o.Name == "Oakfield Care");
            var s = new Service { OrganisationId = oakfield.Id, Name = $"Elm Court {Guid.NewGuid():N}"[..20], SettingType = SettingType.SupportedLiving, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.Services.Add(s);
            var p = new Person { OrganisationId = oakfield.Id, ServiceId = s.Id, GivenName = "Iris", FamilyName = $"Moss{Guid.NewGuid():N}"[..12], DateOfBirth = new DateOnly(1950, 3, 4), CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return (s.Id, p.Id);
        });
        using var senior = await app.NewClient().SignInAsync(Senior);
        var refused = await senior.PostAsync($"/people/{person}/safeguarding/new", new Dictionary<string, string> { ["Input.Source"] = "Visit" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.Contains("has no local council set") && e.Contains("An organisation administrator must set"));
        Assert.False(await app.WithDatabaseAsync(db => db.SafeguardingConcerns.AnyAsync(c => c.PersonId == person)));

        // The administrator chooses it from the councils on the service's page.
        using var admin = await app.NewClient().SignInAsync("admin@oakfield.example");
        var edit = await admin.GetAsync($"/services/{service}/edit");
        var options = edit.Document.QuerySelectorAll("select[name='Input.LocalCouncilId'] option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(["Not set", "Northshire Council"], options);
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = edit.ValueOf("Input.Version")!, ["Input.Name"] = edit.ValueOf("Input.Name")!, ["Input.SettingType"] = "SupportedLiving",
            ["Input.LocalCouncilId"] = (await app.IdOfServiceAsync("Oakfield House")).ToString(),
        };
        var wrong = await admin.PostAsync($"/services/{service}/edit", form);
        Assert.Equal("Select the local council from the list", wrong.FieldError("Input_LocalCouncilId"));
        var northshire = await app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == "Northshire Council").Select(o => o.Id).SingleAsync());
        form["Input.LocalCouncilId"] = northshire.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/services/{service}/edit", form)).Status);
        Assert.Equal(northshire, await app.WithDatabaseAsync(db => db.Services.Where(s => s.Id == service).Select(s => s.LocalCouncilId).SingleAsync()));
        Assert.Contains("Northshire Council", (await admin.GetAsync($"/services/{service}")).Body);
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.EntityId == service && e.Changes!.Contains("Local council"))));

        var concern = await StartAsync(senior, person, "Visit");
        Assert.NotEqual(Guid.Empty, concern);
    }

    [SkippableFact]
    public async Task AnotherProvider_AndCouncilUsers_CannotReachTheProvidersPages()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var concern = await StartAsync(manager, peggy);
        using var riverside = await app.NewClient().SignInAsync("manager@riverside.example");
        Assert.Equal(HttpStatusCode.NotFound, (await riverside.GetAsync($"/people/{peggy}/safeguarding/{concern}")).Status);
        Assert.DoesNotContain(concern.ToString(), (await riverside.GetAsync("/safeguarding?show=all")).Body);
        // A draft is never the council's to see, even on its own list.
        using var officer = await app.NewClient().SignInAsync("safeguarding@northshire.example");
        Assert.DoesNotContain(concern.ToString(), (await officer.GetAsync("/safeguarding?show=all")).Body);
        // Another care worker of the same provider does not see a concern they did not raise.
        var other = await app.NewCareWorkerAsync("safeguarding");
        var house = await app.IdOfServiceAsync("Oakfield House");
        var oakfield = await app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == "Oakfield Care").Select(o => o.Id).SingleAsync());
        var otherId = await app.IdOfUserAsync(other);
        await app.WithDatabaseAsync(async db =>
        {
            db.ServiceAssignments.Add(new ServiceAssignment { UserId = otherId, ServiceId = house, OrganisationId = oakfield });
            await db.SaveChangesAsync();
        });
        using var otherCarer = await app.NewClient().SignInAsync(other, AppFixture.NewUserPassword);
        Assert.Equal(HttpStatusCode.OK, (await otherCarer.GetAsync($"/people/{peggy}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCarer.GetAsync($"/people/{peggy}/safeguarding/{concern}/check")).Status);
    }

}

public sealed class RaiseConcernOnSqlite(SqliteApp app) : RaiseConcernTests(app), IClassFixture<SqliteApp>;

public sealed class RaiseConcernOnPostgres(PostgresApp app) : RaiseConcernTests(app), IClassFixture<PostgresApp>;
