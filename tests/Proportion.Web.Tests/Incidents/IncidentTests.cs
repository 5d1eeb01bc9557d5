using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Incidents;

public abstract class IncidentTests(AppFixture app)
{
    private const string CareWorker = "careworker@oakfield.example";
    private const string Manager = "manager@oakfield.example";
    private const string Senior = "senior@oakfield.example";

    /// <summary>A complete CB1 as the phone form posts it, for an incident that began <paramref name="ago"/> ago.</summary>
    private List<KeyValuePair<string, string>> Form(TimeSpan ago, Guid? key = null, Action<Dictionary<string, string>>? change = null)
    {
        var began = UkTime.ToLondon(app.Clock.GetUtcNow().UtcDateTime - ago);
        // The interventions follow over ten minutes on the same date; keep them clear of midnight.
        if (began.AddMinutes(10).Date != began.Date)
        {
            began = began.AddMinutes(-15);
        }
        var fields = new Dictionary<string, string>
        {
            ["Input.SubmissionKey"] = (key ?? Guid.NewGuid()).ToString(),
            ["Input.OccurredOn.Day"] = began.Day.ToString(), ["Input.OccurredOn.Month"] = began.Month.ToString(), ["Input.OccurredOn.Year"] = began.Year.ToString(),
            ["Input.Step"] = "7",
            ["Input.Location"] = "The lounge",
            ["Input.Kind"] = nameof(IncidentKind.Emergency),
            ["Input.Interventions[0].Type"] = nameof(InterventionType.PhysicalProne),
            ["Input.Interventions[0].Start"] = began.AddMinutes(1).ToString("HH:mm"),
            ["Input.Interventions[0].End"] = began.AddMinutes(4).ToString("HH:mm"),
            ["Input.Interventions[0].Injuries"] = "Staff",
            ["Input.Interventions[1].Type"] = nameof(InterventionType.PhysicalSeated),
            ["Input.Interventions[1].Start"] = began.AddMinutes(5).ToString("HH:mm"),
            ["Input.Interventions[1].End"] = began.AddMinutes(10).ToString("HH:mm"),
            ["Input.Interventions[1].Injuries"] = "NoOne",
            ["Input.Reason"] = nameof(InterventionReason.PreventViolenceToOthers),
            ["Input.Antecedents"] = "Another resident shouted at her during lunch",
            ["Input.DeEscalation"] = "Offered a quiet room and a walk in the garden",
            ["Input.HowUsed"] = "She fell forwards; two staff held her arms until she sat up",
            ["Input.Outcome"] = "Calm within ten minutes; had a cup of tea",
            ["Input.OtherStaff[0].Name"] = "Jo Agency",
            ["Input.OtherStaff[0].Role"] = "Agency support worker",
        };
        change?.Invoke(fields);
        return [.. fields];
    }

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> form, string name, string value) =>
        [.. form, new(name, value)];

    private async Task<Guid> RecordedIdAsync(AppClient.Page page)
    {
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/incidents/", page.Location);
        return Guid.Parse(page.Location!["/incidents/".Length..]);
    }

    [SkippableFact]
    public async Task CareWorker_RecordsAnEmergency_ManagersAreToldAndTheDutiesAreListed()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var edna = await app.IdOfPersonAsync("Morris");
        var careWorkerId = await app.IdOfUserAsync(CareWorker);
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);

        var chosen = await careWorker.PostAsync("/incidents/new", new Dictionary<string, string> { ["Input.PersonId"] = edna.ToString() });
        Assert.Equal($"/people/{edna}/incidents/new", chosen.Location);
        var form = await careWorker.GetAsync($"/people/{edna}/incidents/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var id = await RecordedIdAsync(await careWorker.PostAsync($"/people/{edna}/incidents/new",
            With(Form(TimeSpan.FromMinutes(30)), "Input.StaffUserIds", careWorkerId.ToString())));

        var incident = await app.WithDatabaseAsync(db => db.Incidents.SingleAsync(i => i.Id == id));
        Assert.Equal(2, incident.Interventions.Count);
        Assert.Equal(3, incident.Interventions.Single(i => i.Type == InterventionType.PhysicalProne).Minutes);
        Assert.True(incident.Interventions.Single(i => i.Type == InterventionType.PhysicalProne).InjuryToStaff);
        Assert.Equal(["Amira Khan", "Jo Agency"], incident.Staff.Select(s => s.Name).Order());

        // §9.4, R10: the service manager and the senior manager hear at once; the senior manager's notice is on the record.
        var manager = await app.IdOfUserAsync(Manager);
        var senior = await app.IdOfUserAsync(Senior);
        var told = await app.WithDatabaseAsync(db => db.Notifications.Where(n => n.Link.StartsWith($"/incidents/{id}")).Select(n => n.UserId).ToListAsync());
        Assert.Contains(manager, told);
        Assert.Contains(senior, told);
        Assert.Contains(careWorkerId, told);
        Assert.True(await app.WithDatabaseAsync(db => db.IncidentNotifications.AnyAsync(n => n.IncidentId == id && n.Recipient == NotificationRecipient.SeniorManager && n.Told)));
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == id && a.Action == AuditAction.Created)));

        var page = await careWorker.GetAsync($"/incidents/{id}");
        Assert.Contains("Prone restraint", page.Body);
        Assert.Contains("Manager reviews the incident with the person within 48 hours", page.Body);
        Assert.Contains("Reflection from Amira Khan", page.Body);
        Assert.Contains("Write your reflection", page.Body);
        Assert.Contains($"/incidents/{id}/reflection", (await careWorker.GetAsync("/")).Body);

        using var managerClient = await app.NewClient().SignInAsync(Manager);
        Assert.Contains("Edna Morris", (await managerClient.GetAsync("/notifications")).Body);
    }

    [SkippableFact]
    public async Task SubmittedTwice_RecordsOneIncident()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var arthur = await app.IdOfPersonAsync("Bennett");
        var key = Guid.NewGuid();
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        var form = Form(TimeSpan.FromMinutes(40), key);
        await careWorker.GetAsync("/");

        // A double tap: two posts at once. Then a retry after the first answer was lost.
        var both = await Task.WhenAll(careWorker.PostAsync($"/people/{arthur}/incidents/new", form), careWorker.PostAsync($"/people/{arthur}/incidents/new", form));
        var retry = await careWorker.PostAsync($"/people/{arthur}/incidents/new", form);

        Assert.All(both.Append(retry), p => Assert.Equal(HttpStatusCode.Redirect, p.Status));
        Assert.Single(both.Append(retry).Select(p => p.Location).Distinct());
        Assert.Equal(1, await app.WithDatabaseAsync(db => db.Incidents.CountAsync(i => i.SubmissionKey == key)));
    }

    [SkippableFact]
    public async Task ImpossibleOrMissingFacts_AreRefusedAtTheirFields_AndNothingTypedIsLost()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var arthur = await app.IdOfPersonAsync("Bennett");
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        var before = await app.WithDatabaseAsync(db => db.Incidents.CountAsync());

        var backwards = await careWorker.PostAsync($"/people/{arthur}/incidents/new", Form(TimeSpan.FromHours(2), change: f =>
        {
            f["Input.Interventions[0].End"] = UkTime.ToLondon(app.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(3)).ToString("HH:mm");
            f["Input.Interventions[1].Type"] = "NotAType";
            f["Input.Reason"] = "77";
            f["Input.Antecedents"] = "";
            f["Input.Location"] = new string('x', 201);
        }));
        // Recording from the check page shows the first question page with a problem, with only its own messages,
        // and every answer from the other pages carried, not lost.
        Assert.Equal(HttpStatusCode.OK, backwards.Status);
        Assert.Equal(["Where it happened must be 200 characters or fewer"], backwards.ErrorSummary);
        Assert.Contains("When and where", backwards.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("Offered a quiet room and a walk in the garden", backwards.ValueOf("Input.DeEscalation"));
        Assert.Equal("Jo Agency", backwards.ValueOf("Input.OtherStaff[0].Name"));

        var interventions = await careWorker.PostAsync($"/people/{arthur}/incidents/new", Form(TimeSpan.FromHours(2), change: f =>
        {
            f["Input.Interventions[0].End"] = UkTime.ToLondon(app.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(3)).ToString("HH:mm");
            f["Input.Interventions[1].Type"] = "NotAType";
            f["Input.Reason"] = "77";
            f["Input.Antecedents"] = "";
        }));
        Assert.Contains("What was done", interventions.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains(interventions.ErrorSummary, e => e.StartsWith("The end time must be after the start time"));
        Assert.Contains(interventions.ErrorSummary, e => e.Contains("type of intervention"));
        Assert.DoesNotContain(interventions.ErrorSummary, e => e.Contains("reason"));

        var why = await careWorker.PostAsync($"/people/{arthur}/incidents/new", Form(TimeSpan.FromHours(2), change: f =>
        {
            f["Input.Reason"] = "77";
            f["Input.Antecedents"] = "";
        }));
        Assert.Contains("Why it was used", why.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("Enter what happened before", why.ErrorSummary);
        Assert.Contains(why.ErrorSummary, e => e.Contains("reason"));
        Assert.Equal("Offered a quiet room and a walk in the garden", why.Document.QuerySelector("#Input_DeEscalation")?.TextContent.Trim());

        var future = await careWorker.PostAsync($"/people/{arthur}/incidents/new", Form(TimeSpan.FromHours(-3)));
        Assert.Contains("The start time must be now or in the past", future.ErrorSummary);

        var unreadable = await careWorker.PostAsync($"/people/{arthur}/incidents/new", Form(TimeSpan.FromHours(1), change: f => f["Input.Interventions[0].Start"] = "teatime"));
        Assert.Contains(unreadable.ErrorSummary, e => e.StartsWith("Enter the time it started as hours and minutes"));
        Assert.Equal("teatime", unreadable.ValueOf("Input.Interventions[0].Start"));

        var nothing = await careWorker.PostAsync($"/people/{arthur}/incidents/new", Form(TimeSpan.FromHours(1), change: f =>
        {
            foreach (var k in f.Keys.Where(k => k.StartsWith("Input.Interventions")).ToList()) f.Remove(k);
        }));
        Assert.Contains(nothing.ErrorSummary, e => e.StartsWith("Record at least one intervention"));

        var nobody = await careWorker.PostAsync($"/people/{arthur}/incidents/new", Form(TimeSpan.FromHours(1), change: f =>
        {
            f.Remove("Input.OtherStaff[0].Name");
            f.Remove("Input.OtherStaff[0].Role");
        }));
        Assert.Contains("Select the staff involved, or add their names", nobody.ErrorSummary);

        var unanswered = await careWorker.PostAsync($"/people/{arthur}/incidents/new", Form(TimeSpan.FromHours(1), change: f => f.Remove("Input.Interventions[1].Injuries")));
        Assert.Contains("Select who was injured, or 'No one was injured'", unanswered.ErrorSummary);

        Assert.Equal(before, await app.WithDatabaseAsync(db => db.Incidents.CountAsync()));
    }

    [SkippableFact]
    public async Task TheForm_IsSixShortPages_AndBackAndChangeKeepEveryAnswer()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var arthur = await app.IdOfPersonAsync("Bennett");
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        string Heading(AppClient.Page page) => page.Document.QuerySelector("h1")!.TextContent.Trim();

        var first = await careWorker.GetAsync($"/people/{arthur}/incidents/new");
        Assert.Equal("When and where", Heading(first));
        Assert.Contains("part 1 of 6", first.Document.QuerySelector(".govuk-caption-l")!.TextContent);
        // The agreed practice's questions sit in the planned answer's reveal, hidden until it is chosen.
        Assert.NotNull(first.Document.QuerySelector(".govuk-radios__conditional--hidden #Input_PracticeId"));
        Assert.Null(first.Document.QuerySelector("[name='Input.OccurredTime']"));

        // Continue from each page moves on one page and carries everything.
        var form = Form(TimeSpan.FromHours(1));
        var headings = new List<string>();
        for (var step = 1; step <= 6; step++)
        {
            var page = await careWorker.PostAsync($"/people/{arthur}/incidents/new", With([.. form.Where(f => f.Key != "Input.Step")], "Input.Step", step.ToString()));
            Assert.Empty(page.ErrorSummary);
            headings.Add(Heading(page));
        }
        Assert.Equal(["What was done", "Why it was used", "How it was used and how it ended", "Injuries and who must be told", "Who was involved", "Check your answers before recording the incident"], headings);

        // Back from part 3 shows part 2 with what was typed on part 3 carried, unchecked.
        var back = await careWorker.PostAsync($"/people/{arthur}/incidents/new",
            With(With([.. form.Where(f => f.Key is not ("Input.Step" or "Input.Antecedents"))], "Input.Step", "3"), "Input.Go", "back"));
        Assert.Equal("What was done", Heading(back));
        Assert.Empty(back.ErrorSummary);
        Assert.Equal("Offered a quiet room and a walk in the garden", back.ValueOf("Input.DeEscalation"));

        // Change from the check page returns to it.
        var change = await careWorker.PostAsync($"/people/{arthur}/incidents/new", With([.. form.Where(f => f.Key != "Input.Step")], "Input.Go", "change-1"));
        Assert.Equal("When and where", Heading(change));
        Assert.Equal("true", change.ValueOf("Input.ReturnToCheck"));
        var returned = await careWorker.PostAsync($"/people/{arthur}/incidents/new",
            With(With([.. form.Where(f => f.Key != "Input.Step")], "Input.Step", "1"), "Input.ReturnToCheck", "true"));
        Assert.Equal("Check your answers before recording the incident", Heading(returned));

        // An emergency ignores agreed-practice answers left in the reveal (a browser without JavaScript shows them all).
        var practice = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.PersonId == arthur).Select(p => p.Id).FirstAsync());
        var id = await RecordedIdAsync(await careWorker.PostAsync($"/people/{arthur}/incidents/new", Form(TimeSpan.FromHours(1), change: f =>
        {
            f["Input.PracticeId"] = practice.ToString();
            f["Input.WithinAgreedGuidelines"] = "false";
        })));
        var saved = await app.WithDatabaseAsync(db => db.Incidents.Include(i => i.Interventions).SingleAsync(i => i.Id == id));
        Assert.Null(saved.PracticeId);
        Assert.Null(saved.WithinAgreedGuidelines);
        // The incident began when its first intervention started: one time, asked once.
        Assert.Equal(saved.Interventions.Min(i => i.StartedAt), saved.OccurredAt);
        Assert.False(saved.Interventions.Single(i => i.Type == InterventionType.PhysicalSeated).InjuryToPerson);
    }

    [SkippableFact]
    public async Task AddAnotherIntervention_KeepsEverythingTyped()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var arthur = await app.IdOfPersonAsync("Bennett");
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);

        var page = await careWorker.PostAsync($"/people/{arthur}/incidents/new", With(Form(TimeSpan.FromHours(1)), "Input.Add", "Intervention"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.ErrorSummary);
        Assert.NotNull(page.Document.QuerySelector("#intervention-3"));
        Assert.Equal("The lounge", page.ValueOf("Input.Location"));
        Assert.Equal(nameof(InterventionType.PhysicalSeated), page.Document.QuerySelector("select[name='Input.Interventions[1].Type'] option[selected]")?.GetAttribute("value"));
    }

    [SkippableFact]
    public async Task UseOutsideTheAgreedCircumstances_BringsThePracticesReviewForward()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var ravi = await app.IdOfPersonAsync("Sharma");
        var strap = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.PersonId == ravi && p.Description.StartsWith("Lap strap")).Select(p => p.Id).SingleAsync());
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);

        var missingAnswer = await careWorker.PostAsync($"/people/{ravi}/incidents/new", Form(TimeSpan.FromHours(1), change: f =>
        {
            f["Input.Kind"] = nameof(IncidentKind.Planned);
            f["Input.PracticeId"] = strap.ToString();
            f["Input.Interventions[0].Type"] = nameof(InterventionType.Mechanical);
        }));
        Assert.Contains("Select whether it was used only in the circumstances agreed", missingAnswer.ErrorSummary);

        var id = await RecordedIdAsync(await careWorker.PostAsync($"/people/{ravi}/incidents/new", Form(TimeSpan.FromHours(1), change: f =>
        {
            f["Input.Kind"] = nameof(IncidentKind.Planned);
            f["Input.PracticeId"] = strap.ToString();
            f["Input.WithinAgreedGuidelines"] = "false";
            f["Input.PracticeWorked"] = "true";
            f["Input.Interventions[0].Type"] = nameof(InterventionType.Mechanical);
        })));

        using var manager = await app.NewClient().SignInAsync(Manager);
        var home = await manager.GetAsync("/");
        Assert.Contains("Practices to review early", home.Body);
        Assert.Contains($"/incidents/{id}", home.Body);
        var practice = await manager.GetAsync($"/people/{ravi}/practices/{strap}");
        Assert.Contains("Review this practice early (rule R8)", practice.Body);
        Assert.Contains("used outside the circumstances agreed (R7)", practice.Body);
    }

    [SkippableFact]
    public async Task EmergencyReview_IsOverdueAfter48Hours_ForTheManagerAndTheSeniorManager()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var stan = await app.IdOfPersonAsync("Patel");
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        // Both began on the clock now; only the 48 hours between them and now differ.
        var late = await RecordedIdAsync(await careWorker.PostAsync($"/people/{stan}/incidents/new", Form(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(20))));
        var inTime = await RecordedIdAsync(await careWorker.PostAsync($"/people/{stan}/incidents/new", Form(TimeSpan.FromHours(47) + TimeSpan.FromMinutes(40))));

        foreach (var user in new[] { Manager, Senior })
        {
            using var client = await app.NewClient().SignInAsync(user);
            // The home page shows every 48-hour clock still running, with the time left, and those run out.
            var home = await client.GetAsync("/");
            Assert.Contains("Emergencies to review with the person", home.Body);
            string Clock(Guid id) => home.Document.QuerySelectorAll(".govuk-task-list__item").Single(li => li.QuerySelector($"a[href='/incidents/{id}']") is not null).TextContent;
            // Times are typed to the minute, so the clocks read within a minute of 20 either way.
            Assert.Matches(@"Overdue by 1[89] minutes", Clock(late));
            Assert.Matches(@"\b2[01] minutes left", Clock(inTime));
            Assert.Contains("48-hour review overdue", (await client.GetAsync($"/incidents/{late}")).Body);
            Assert.DoesNotContain("48-hour review overdue", (await client.GetAsync($"/incidents/{inTime}")).Body);
        }
    }

    [SkippableFact]
    public async Task WhatFollows_IsRecordedOnce_AndCorrectionsKeepTheOriginal()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var chloe = await app.IdOfPersonAsync("Harrison");
        var careWorkerId = await app.IdOfUserAsync(CareWorker);
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        var id = await RecordedIdAsync(await careWorker.PostAsync($"/people/{chloe}/incidents/new", Form(TimeSpan.FromHours(3), change: f =>
        {
            f["Input.Notifiable"] = "Police";
            f["Input.StaffUserIds"] = careWorkerId.ToString();
        })));
        using var manager = await app.NewClient().SignInAsync(Manager);

        // Regulation 18: with the police involved, deciding not to tell CQC is refused.
        var notTelling = await manager.PostAsync($"/incidents/{id}/notifications/Cqc", new Dictionary<string, string>
        {
            ["Input.Told"] = "false", ["Input.Details"] = "Not needed",
        });
        Assert.Contains(notTelling.ErrorSummary, e => e.Contains("CQC must be told without delay") && e.Contains("R10"));
        var now = UkTime.ToLondon(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/incidents/{id}/notifications/Cqc", new Dictionary<string, string>
        {
            ["Input.Told"] = "true", ["Input.ToldOn.Day"] = now.Day.ToString(), ["Input.ToldOn.Month"] = now.Month.ToString(),
            ["Input.ToldOn.Year"] = now.Year.ToString(), ["Input.ToldTime"] = now.ToString("HH:mm"), ["Input.Details"] = "Online notification form",
        })).Status);

        var followUp = new Dictionary<string, string>
        {
            ["Input.Version"] = "1", ["Input.DebriefHeld"] = "true", ["Input.DebriefNotes"] = "Talked it through with symbols",
            ["Input.TherapeuticSupport"] = "Time with her keyworker", ["Input.CarePlanReviewNeeded"] = "true",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/incidents/{id}/follow-up", followUp)).Status);
        // Sent again from the same form: refused as stale, with what was typed still there; opened again, the incident shows it.
        var again = await manager.PostAsync($"/incidents/{id}/follow-up", followUp);
        Assert.Contains(again.ErrorSummary, e => e.StartsWith("Someone else changed this record"));
        Assert.Equal("Talked it through with symbols", again.ValueOf("Input.DebriefNotes")?.Trim());
        Assert.Equal($"/incidents/{id}", (await manager.GetAsync($"/incidents/{id}/follow-up")).Location);

        var staleReview = await manager.PostAsync($"/incidents/{id}/review", new Dictionary<string, string>
        {
            ["Input.Version"] = "1", ["Input.PersonTookPart"] = "true", ["Input.Attendees"] = "Chloe, Daniel", ["Input.Outcome"] = "Agreed a calmer lunch",
        });
        Assert.Contains(staleReview.ErrorSummary, e => e.StartsWith("Someone else changed this record"));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/incidents/{id}/review", new Dictionary<string, string>
        {
            ["Input.Version"] = "2", ["Input.PersonTookPart"] = "true", ["Input.Attendees"] = "Chloe, Daniel", ["Input.Outcome"] = "Agreed a calmer lunch",
        })).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await careWorker.PostAsync($"/incidents/{id}/reflection", new Dictionary<string, string>
        {
            ["Input.Text"] = "I should have moved her seat before lunch",
        })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await careWorker.GetAsync($"/incidents/{id}/reflection")).Status);

        var noReason = await careWorker.PostAsync($"/incidents/{id}/amend", new Dictionary<string, string>
        {
            ["Input.Field"] = "Location", ["Input.Corrected"] = "The dining room",
        });
        Assert.Contains("Enter why this needs correcting", noReason.ErrorSummary);
        Assert.Equal("The dining room", noReason.Document.QuerySelector("#Input_Corrected")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await careWorker.PostAsync($"/incidents/{id}/amend", new Dictionary<string, string>
        {
            ["Input.Field"] = "Location", ["Input.Corrected"] = "The dining room", ["Input.Reason"] = "I wrote the wrong room",
        })).Status);

        var record = await manager.GetAsync($"/incidents/{id}");
        Assert.Contains("The dining room", record.Body);
        Assert.Contains("It said: \"<span class=\"app-pre-line\">The lounge</span>\"", record.Body);
        Assert.Contains("I wrote the wrong room", record.Body);
        Assert.Contains("I should have moved her seat before lunch", record.Body);
        Assert.Equal("The lounge", await app.WithDatabaseAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => i.Location).SingleAsync()));
        Assert.DoesNotContain("Overdue", record.Body);
    }

    [SkippableFact]
    public async Task MonthlyFigures_EachMonthOpensTheIncidentsItCounts()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var beech = await app.IdOfServiceAsync("Beech Road");
        using var manager = await app.NewClient().SignInAsync(Manager);

        var page = await manager.GetAsync($"/services/{beech}/incidents?Filter.Type=PhysicalProne");

        var months = page.Document.QuerySelector("main table")!.QuerySelectorAll("tbody tr")
            .Select(r => (Link: r.QuerySelector("th a")?.GetAttribute("href"), Incidents: r.QuerySelector("td[data-label='Incidents']")!.TextContent.Trim())).ToList();
        Assert.Null(months[^1].Link);
        Assert.NotEmpty(months.SkipLast(1));
        foreach (var (link, incidents) in months.SkipLast(1))
        {
            // The month's list keeps the page's own filter (prone only) and finds as many as the month's row counts.
            Assert.Contains("Filter.Type=PhysicalProne", link);
            var list = await manager.GetAsync(link!);
            Assert.Equal($"{incidents} incident{(incidents == "1" ? "" : "s")}", list.Document.QuerySelector("main h2")!.TextContent.Trim());
        }
    }

    [SkippableFact]
    public async Task ServiceList_FiltersAndCounts_AndExportsTheMhsdsTables()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var beech = await app.IdOfServiceAsync("Beech Road");
        var sam = await app.IdOfPersonAsync("Adeyemi");
        using var manager = await app.NewClient().SignInAsync(Manager);

        var prone = await manager.GetAsync($"/services/{beech}/incidents?Filter.Type=PhysicalProne&Filter.Person={sam}");
        Assert.Equal(HttpStatusCode.OK, prone.Status);
        Assert.Contains("1 incident<", prone.Body);
        var all = await manager.GetAsync($"/services/{beech}/incidents?Filter.Person={sam}");
        Assert.Contains("2 incidents", all.Body);
        var badDates = await manager.GetAsync($"/services/{beech}/incidents?Filter.From.Day=31&Filter.From.Month=2&Filter.From.Year=2026");
        Assert.Contains(badDates.ErrorSummary, e => e.StartsWith("From date must be a real date"));

        var mhs505 = await manager.Http.GetStringAsync($"/services/{beech}/incidents/export/mhs505?Filter.Person={sam}");
        var lines505 = mhs505.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("RestrictiveIntIncID,HospProvSpellID,", lines505[0]);
        Assert.Equal(3, lines505.Length);
        Assert.All(lines505.Skip(1), l => Assert.Contains(",11,", l));
        var mhs515 = await manager.Http.GetStringAsync($"/services/{beech}/incidents/export/mhs515?Filter.Person={sam}");
        var lines515 = mhs515.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines515.Length);
        Assert.Contains(lines515, l => l.Contains(",01,") && l.EndsWith("N,Y,N"));
    }
}

public sealed class IncidentsOnSqlite(SqliteApp app) : IncidentTests(app), IClassFixture<SqliteApp>;

public sealed class IncidentsOnPostgres(PostgresApp app) : IncidentTests(app), IClassFixture<PostgresApp>;
