using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Safeguarding;

/// <summary>
/// The council's side of a safeguarding concern (R20, ADR 0030), end to end: the safeguarding team's inbox, the
/// concern and each of its steps (received, the s.42 decision, the safety plan, actions, reviews, closure with the
/// person's outcomes), each audited and version-checked; another council's officer refused; the timescales in My
/// tasks; and what the provider's managers see, which is only what they need to act on.
/// </summary>
public abstract class CouncilSafeguardingTests(AppFixture app)
{
    private const string Officer = "safeguarding@northshire.example";

    private Task<Guid> SendAsync(string marker, string familyName = "Hughes") =>
        app.WithDatabaseAsync(db => SentConcerns.AddAsync(db, app.Clock, familyName, marker));

    private Task<Guid> NorthshireAsync() => app.WithDatabaseAsync(db => db.Organisations.Where(o => o.Name == SentConcerns.Northshire).Select(o => o.Id).SingleAsync());

    private Task<SafeguardingConcern> ConcernAsync(Guid id) =>
        app.WithDatabaseAsync(db => db.SafeguardingConcerns.Include(c => c.Actions).Include(c => c.Reviews).AsNoTracking().SingleAsync(c => c.Id == id));

    private static Dictionary<string, string> Date(string name, DateOnly date, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields[$"{name}.Day"] = date.Day.ToString();
        fields[$"{name}.Month"] = date.Month.ToString();
        fields[$"{name}.Year"] = date.Year.ToString();
        return fields;
    }

    private static string Version(AppClient.Page page, string name = "Input.Version") => page.ValueOf(name)!;

    [SkippableFact]
    public async Task TheInbox_ListsWhatWasSentToTheCouncil_NewestFirst_WithTheFirstDecisionsDeadline()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var older = await SendAsync("Inbox older");
        Guid newer;
        using (app.Clock.MoveOn(TimeSpan.FromMinutes(5)))
        {
            newer = await SendAsync("Inbox newer", "Whitaker");
        }
        using var officer = await app.NewClient().SignInAsync(Officer);
        var inbox = await officer.GetAsync("/council/safeguarding");
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        var rows = inbox.Document.QuerySelectorAll("tr[data-concern]").Select(r => r.GetAttribute("data-concern")).ToList();
        Assert.True(rows.IndexOf(newer.ToString()) < rows.IndexOf(older.ToString()), "newest first");
        var row = inbox.Document.QuerySelector($"tr[data-concern='{newer}']")!.TextContent;
        Assert.Contains("George Whitaker", row);
        Assert.Contains("Riverside Care Ltd", row);
        Assert.Contains("Riverside Lodge", row);
        Assert.Contains("Sent to the council", row);
        // Sent on Wednesday 18 November: 2 working days, so due by Friday 20 November.
        Assert.Contains("Due by 20 November 2026", row);
        Assert.Contains("Today", row);

        // On Monday it is overdue (signed in again: the session lapsed over the weekend).
        using (app.Clock.MoveOn(TimeSpan.FromDays(5)))
        {
            using var monday = await app.NewClient().SignInAsync(Officer);
            var later = await monday.GetAsync("/council/safeguarding");
            var overdue = later.Document.QuerySelector($"tr[data-concern='{newer}']")!.TextContent;
            Assert.Contains("Overdue", overdue);
            Assert.Contains("5 days ago", overdue);
        }

        // The officer's navigation has the inbox; nobody else's does.
        Assert.Contains(inbox.Document.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/council/safeguarding" && a.TextContent.Trim() == "Safeguarding");
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var home = await manager.GetAsync("/");
        Assert.DoesNotContain(home.Document.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/council/safeguarding");
        Assert.Contains("/access-denied", (await manager.GetAsync("/council/safeguarding")).Location);

        var northshire = await NorthshireAsync();
        Assert.True(await app.WithDatabaseAsync(db => db.AuditEvents.AnyAsync(e => e.OrganisationId == northshire && e.Action == AuditAction.Viewed
            && e.Summary.StartsWith("Viewed the safeguarding concerns sent to the council"))));
    }

    [SkippableFact]
    public async Task TheConcern_ShowsEverythingRaised_AndEveryLookIsLogged()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var id = await SendAsync("Everything raised");
        using var officer = await app.NewClient().SignInAsync(Officer);
        var page = await officer.GetAsync($"/council/safeguarding/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var text in new[] { "Safeguarding concern about Peggy Hughes", "Oakfield Care, Oakfield House", "Everything raised: she says a visitor took money",
                     "Financial or material abuse", "Psychological or emotional abuse", "A visitor she knows", "The visitor was asked to leave",
                     "No, they did not agree", "Other people are at risk", "The same visitor sees two other residents.", "Told by her key worker",
                     "I want my money back and to feel safe when people visit.", "With her daughter beside her", "Her daughter Sue", "is due by 20 November 2026" })
        {
            Assert.Contains(text, page.Document.Body!.TextContent);
        }
        Assert.NotNull(page.Document.QuerySelector("form[action*='handler=Receive']"));

        await officer.GetAsync($"/council/safeguarding/{id}");
        var northshire = await NorthshireAsync();
        var views = await app.WithDatabaseAsync(db => db.AuditEvents.Where(e => e.EntityId == id && e.Action == AuditAction.Viewed).ToListAsync());
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal(northshire, v.OrganisationId));
        Assert.All(views, v => Assert.Equal("Joanna Reid", v.UserName));
    }

    [SkippableFact]
    public async Task TheCouncilsSteps_FromReceivedToClosed_AreEachRefusedUntilComplete_VersionChecked_AndAudited()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var id = await SendAsync("Steps");
        var path = $"/council/safeguarding/{id}";
        using var officer = await app.NewClient().SignInAsync(Officer);
        var today = UkTime.Today(app.Clock);

        // Not received yet: the decision waits for it.
        Assert.Equal(path, (await officer.GetAsync($"{path}/decision")).Location);
        var view = await officer.GetAsync(path);
        var version = Version(view, "Version");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync($"{path}?handler=Receive", new() { ["Version"] = version })).Status);
        var again = await officer.PostAsync($"{path}?handler=Receive", new() { ["Version"] = version });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains(again.ErrorSummary, e => e.StartsWith("Someone else changed this record after you opened it"));
        var received = await ConcernAsync(id);
        Assert.Equal(SafeguardingStatus.Received, received.Status);
        Assert.NotNull(received.ReceivedAt);

        // The decision: refused at each field, what was typed kept; then an enquiry, made by the provider at the council's request.
        var decisionForm = await officer.GetAsync($"{path}/decision");
        Assert.Equal(HttpStatusCode.OK, decisionForm.Status);
        var refused = await officer.PostAsync($"{path}/decision", new() { ["Input.Version"] = Version(decisionForm), ["Input.EnquiryNeeded"] = "true" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Enter why an enquiry is needed"));
        Assert.Contains(refused.ErrorSummary, e => e.StartsWith("Select who will make the enquiries"));
        Assert.NotNull(refused.FieldError("Input_Reason"));
        Assert.NotNull(refused.Document.QuerySelector("input[name='Input.EnquiryNeeded'][value='true'][checked]"));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync($"{path}/decision", new()
        {
            ["Input.Version"] = Version(decisionForm), ["Input.EnquiryNeeded"] = "true", ["Input.EnquiryBy"] = "Provider",
            ["Input.Reason"] = "Reasonable cause to suspect financial abuse; she cannot protect her money alone.",
        })).Status);
        var decided = await ConcernAsync(id);
        Assert.Equal(SafeguardingStatus.Enquiry, decided.Status);
        Assert.Equal(EnquiryBy.Provider, decided.EnquiryBy);
        Assert.Equal(path, (await officer.GetAsync($"{path}/decision")).Location);

        // The safety plan: a page opened before someone else saved is refused as stale, not overwritten.
        var planForm = await officer.GetAsync($"{path}/plan");
        var plan = Date("Input.ReviewOn", today.AddMonths(1), new()
        {
            ["Input.Version"] = Version(planForm), ["Input.Plan"] = "Visits in the lounge with staff nearby; her money kept in the safe.",
            ["Input.MadeWithPerson"] = "At a meeting with her daughter, in the afternoon as she asked.",
        });
        var blank = await officer.PostAsync($"{path}/plan", new() { ["Input.Version"] = Version(planForm) });
        Assert.Contains(blank.ErrorSummary, e => e.StartsWith("Enter the safety or protection plan"));
        Assert.Contains(blank.ErrorSummary, e => e.StartsWith("Enter how the person took part in making the plan"));
        Assert.Contains(blank.ErrorSummary, e => e.StartsWith("Enter the date the plan will be reviewed"));
        var stale = await officer.PostAsync($"{path}/plan", new(plan) { ["Input.Version"] = "1" });
        Assert.Contains(stale.ErrorSummary, e => e.StartsWith("Someone else changed this record after you opened it"));
        Assert.Equal("Visits in the lounge with staff nearby; her money kept in the safe.", stale.ValueOf("Input.Plan")?.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync($"{path}/plan", plan)).Status);

        // Actions: the provider's, the council's, another organisation's (named).
        async Task AddActionAsync(string what, string owner, string? ownerName = null)
        {
            var form = await officer.GetAsync($"{path}/actions/new");
            var fields = Date("Input.DueOn", today.AddDays(7), new() { ["Input.Version"] = Version(form), ["Input.What"] = what, ["Input.Owner"] = owner });
            if (ownerName is not null)
            {
                fields["Input.OwnerName"] = ownerName;
            }
            var added = await officer.PostAsync($"{path}/actions/new", fields);
            Assert.True(added.Status == HttpStatusCode.Redirect, string.Join("; ", added.ErrorSummary));
        }
        var noOrganisation = await officer.PostAsync($"{path}/actions/new", Date("Input.DueOn", today, new()
        {
            ["Input.Version"] = Version(await officer.GetAsync($"{path}/actions/new")), ["Input.What"] = "Look into the visitor", ["Input.Owner"] = "OtherOrganisation",
        }));
        Assert.Contains(noOrganisation.ErrorSummary, e => e.StartsWith("Enter which organisation will do the action"));
        await AddActionAsync("Keep a record of visits for a month", "Provider");
        await AddActionAsync("Ask the bank for her statements", "Council");
        await AddActionAsync("Look into the visitor", "OtherOrganisation", "Northshire police");

        // A review with the person's view moves the plan's review date on.
        var reviewForm = await officer.GetAsync($"{path}/reviews/new");
        var noView = await officer.PostAsync($"{path}/reviews/new", new() { ["Input.Version"] = Version(reviewForm), ["Input.Notes"] = "Going well" });
        Assert.Contains(noView.ErrorSummary, e => e.StartsWith("Enter what the person says about how safe they feel"));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync($"{path}/reviews/new", Date("Input.NextReviewOn", today.AddMonths(2), new()
        {
            ["Input.Version"] = Version(reviewForm), ["Input.PersonsView"] = "I feel safer with visits in the lounge.", ["Input.Notes"] = "Statements show no more withdrawals.",
        }))).Status);
        Assert.Equal(today.AddMonths(2), (await ConcernAsync(id)).PlanReviewOn);

        // The council marks its own action done.
        var councilAction = (await ConcernAsync(id)).Actions.Single(a => a.Owner == ActionOwner.Council);
        var done = $"{path}/actions/{councilAction.Id}/done";
        var doneForm = await officer.GetAsync(done);
        Assert.Equal("Enter what was done", (await officer.PostAsync(done, new() { ["Input.Version"] = Version(doneForm), ["Input.Note"] = "" })).FieldError("Input_Note"));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync(done, new() { ["Input.Version"] = Version(doneForm), ["Input.Note"] = "Statements received." })).Status);

        // Closure: refused without the outcomes question answered and the person's view; after an enquiry they must be asked.
        var closeForm = await officer.GetAsync($"{path}/close");
        Assert.Contains("I want my money back and to feel safe when people visit.", closeForm.Document.QuerySelector("[data-outcomes-wanted]")!.TextContent);
        Assert.Null(closeForm.Document.QuerySelector("input[name='Input.OutcomesMet'][value='NotAsked']"));
        var unanswered = await officer.PostAsync($"{path}/close", new() { ["Input.Version"] = Version(closeForm), ["Input.Reason"] = "The plan is working." });
        Assert.Contains(unanswered.ErrorSummary, e => e.StartsWith("Select whether the person says the outcomes they wanted were fully, partly or not met") && e.Contains("rule R20"));
        Assert.Equal("The plan is working.", unanswered.ValueOf("Input.Reason")?.Trim());
        var noWords = await officer.PostAsync($"{path}/close", new() { ["Input.Version"] = Version(closeForm), ["Input.OutcomesMet"] = "Partly", ["Input.Reason"] = "The plan is working." });
        Assert.Contains(noWords.ErrorSummary, e => e.StartsWith("Enter what the person said about their outcomes, in their own words"));
        var notAsked = await officer.PostAsync($"{path}/close", new() { ["Input.Version"] = Version(closeForm), ["Input.OutcomesMet"] = "NotAsked", ["Input.PersonsView"] = "Busy", ["Input.Reason"] = "Done" });
        Assert.Contains(notAsked.ErrorSummary, e => e.StartsWith("Ask the person whether the outcomes they wanted were met"));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync($"{path}/close", new()
        {
            ["Input.Version"] = Version(closeForm), ["Input.OutcomesMet"] = "Partly",
            ["Input.PersonsView"] = "I feel safe now, but I have not had all my money back.", ["Input.Reason"] = "The plan is working; the police are dealing with the money.",
        })).Status);

        var closed = await ConcernAsync(id);
        Assert.Equal(SafeguardingStatus.Closed, closed.Status);
        Assert.Equal(OutcomesMet.Partly, closed.OutcomesMet);
        var page = await officer.GetAsync(path);
        var steps = page.Document.Body!.TextContent;
        foreach (var text in new[] { "An enquiry is needed: enquiries by the provider, at the council", "Visits in the lounge with staff nearby", "Keep a record of visits for a month",
                     "Statements received.", "Another organisation: Northshire police", "I feel safer with visits in the lounge.", "Partly met",
                     "I feel safe now, but I have not had all my money back.", "The plan is working; the police are dealing with the money." })
        {
            Assert.Contains(text, steps);
        }
        Assert.Contains("Joanna Reid", page.Document.QuerySelector("[data-step='received']")!.TextContent);
        // Closed: nothing more is recorded.
        Assert.Equal(path, (await officer.GetAsync($"{path}/close")).Location);
        Assert.Equal(path, (await officer.GetAsync($"{path}/reviews/new")).Location);
        Assert.Null(page.Document.QuerySelector("a.govuk-button[href$='/close']"));

        var northshire = await NorthshireAsync();
        var writes = await app.WithDatabaseAsync(db => db.AuditEvents.Where(e => e.OrganisationId == northshire && e.PersonId == closed.PersonId && e.Action != AuditAction.Viewed
            && e.At >= closed.SentAt!.Value.AddMinutes(-1)).Select(e => e.Summary).ToListAsync());
        foreach (var summary in new[] { "Received a safeguarding concern about Peggy Hughes from Oakfield Care", "Decided a s.42 enquiry is needed",
                     "Recorded the safety plan made with the person", "Added an action to the safety plan for the provider", "Reviewed the safety plan",
                     "Marked an action of the safety plan done (the council)", "Closed a safeguarding concern" })
        {
            Assert.Contains(summary, writes);
        }
    }

    [SkippableFact]
    public async Task ClosingWithoutAnEnquiry_NeedsTheOutcomesAsked_OrWhyTheyWereNot()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var id = await SendAsync("No enquiry");
        var path = $"/council/safeguarding/{id}";
        using var officer = await app.NewClient().SignInAsync(Officer);
        await officer.PostAsync($"{path}?handler=Receive", new() { ["Version"] = Version(await officer.GetAsync(path), "Version") });
        var decision = await officer.GetAsync($"{path}/decision");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync($"{path}/decision", new()
        {
            ["Input.Version"] = Version(decision), ["Input.EnquiryNeeded"] = "false", ["Input.EnquiryBy"] = "Council",
            ["Input.Reason"] = "The money was found in her room; advice given to the home on keeping it safe.",
        })).Status);
        var decided = await ConcernAsync(id);
        Assert.Equal(SafeguardingStatus.NoEnquiry, decided.Status);
        Assert.Null(decided.EnquiryBy);

        var closeForm = await officer.GetAsync($"{path}/close");
        Assert.NotNull(closeForm.Document.QuerySelector("input[name='Input.OutcomesMet'][value='NotAsked']"));
        var noReason = await officer.PostAsync($"{path}/close", new() { ["Input.Version"] = Version(closeForm), ["Input.OutcomesMet"] = "NotAsked", ["Input.Reason"] = "No enquiry needed." });
        Assert.Contains(noReason.ErrorSummary, e => e.StartsWith("Enter why the person was not asked whether the outcomes they wanted were met"));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync($"{path}/close", new()
        {
            ["Input.Version"] = Version(closeForm), ["Input.OutcomesMet"] = "NotAsked", ["Input.PersonsView"] = "She was in hospital; her daughter was told of the outcome.",
            ["Input.Reason"] = "No enquiry needed.",
        })).Status);
        var closed = await ConcernAsync(id);
        Assert.Equal(SafeguardingStatus.Closed, closed.Status);
        Assert.Null(closed.OutcomesMet);
        Assert.Contains("They were not asked", (await officer.GetAsync(path)).Body);
    }

    [SkippableFact]
    public async Task AnotherCouncilsOfficer_IsRefused_AndSeesNone()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var id = await SendAsync("Another council");
        var email = await SentConcerns.AddCouncilWithOfficerAsync(app, "Southshire Council");
        using var other = await app.NewClient().SignInAsync(email, AppFixture.NewUserPassword);
        var inbox = await other.GetAsync("/council/safeguarding");
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        Assert.DoesNotContain("Peggy Hughes", inbox.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/council/safeguarding/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/council/safeguarding/{id}/close")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/council/safeguarding/{id}?handler=Receive", new() { ["Version"] = "1" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/council/safeguarding/{id}/decision", new()
        {
            ["Input.Version"] = "1", ["Input.EnquiryNeeded"] = "false", ["Input.Reason"] = "Not ours",
        })).Status);
        Assert.Equal(SafeguardingStatus.Sent, (await ConcernAsync(id)).Status);

        // And the other way round: a concern sent to Southshire is not Northshire's.
        var theirs = await app.WithDatabaseAsync(db => SentConcerns.AddAsync(db, app.Clock, "Adeyemi", "Sent to Southshire", "Southshire Council"));
        using var officer = await app.NewClient().SignInAsync(Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/council/safeguarding/{theirs}")).Status);
        Assert.DoesNotContain(theirs.ToString(), (await officer.GetAsync("/council/safeguarding")).Body);
        Assert.Contains(theirs.ToString(), (await other.GetAsync("/council/safeguarding")).Body);
        // A draft is nobody's at the council yet.
        await app.WithDatabaseAsync(async db =>
        {
            var draft = await db.SafeguardingConcerns.SingleAsync(c => c.Id == id);
            draft.Status = SafeguardingStatus.Draft;
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/council/safeguarding/{id}")).Status);
    }

    [SkippableFact]
    public async Task TheProvider_SeesOnlyWhatItNeedsToActOn_AndMarksItsActionsDone()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var id = await SendAsync("Provider's view");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var (providerAction, councilAction) = await app.WithDatabaseAsync(async db =>
        {
            await SentConcerns.DecideWithPlanAsync(db, app.Clock, id);
            var concern = await db.SafeguardingConcerns.SingleAsync(c => c.Id == id);
            concern.DecisionReason = "COUNCIL-ONLY decision reason";
            db.SafeguardingReviews.Add(new SafeguardingReview
            {
                OrganisationId = concern.OrganisationId, ConcernId = id, ReviewedAt = app.Clock.GetUtcNow().UtcDateTime, ReviewedById = concern.DecidedById!.Value,
                PersonsView = "COUNCIL-ONLY review view", Notes = "COUNCIL-ONLY review notes", NextReviewOn = concern.PlanReviewOn,
            });
            await db.SaveChangesAsync();
            var provider = await SentConcerns.AddActionAsync(db, app.Clock, id, ActionOwner.Provider, "Keep a record of every visit for a month");
            var council = await SentConcerns.AddActionAsync(db, app.Clock, id, ActionOwner.Council, "COUNCIL-ONLY action for the council");
            await SentConcerns.AddActionAsync(db, app.Clock, id, ActionOwner.Person, "COUNCIL-ONLY action for the person");
            await SentConcerns.AddActionAsync(db, app.Clock, id, ActionOwner.OtherOrganisation, "COUNCIL-ONLY action for the police");
            return (provider, council);
        });
        var done = $"/people/{peggy}/safeguarding/{id}/actions/{providerAction}/done";
        using var manager = await app.NewClient().SignInAsync("manager@oakfield.example");
        var page = await manager.GetAsync(done);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var shared = page.Document.QuerySelector("[data-safeguarding-for-provider]")!;
        Assert.Contains(UkTime.Today(app.Clock).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), shared.QuerySelector("[data-received]")!.TextContent);
        Assert.Contains("An enquiry is being made by the provider, at the council", shared.QuerySelector("[data-enquiry]")!.TextContent);
        Assert.Contains("Visits are in the lounge with staff nearby", shared.QuerySelector("[data-safety-plan]")!.TextContent);
        Assert.Contains(UkTime.Format(UkTime.Today(app.Clock).AddMonths(1)), shared.QuerySelector("[data-plan-review]")!.TextContent);
        Assert.Contains("Keep a record of every visit for a month", shared.TextContent);
        Assert.Contains(shared.QuerySelectorAll("a"), a => a.GetAttribute("href") == done);
        // Never the council's reasons, the other owners' actions, the review's notes or the person's view there.
        Assert.DoesNotContain("COUNCIL-ONLY", page.Body);
        // The look is logged against the concern, never as a look at the person's record (their History tab).
        var look = await app.WithDatabaseAsync(db => db.AuditEvents.Where(e => e.Action == AuditAction.Viewed && e.Summary.Contains("safeguarding action given to the provider"))
            .Select(e => new { e.EntityType, e.EntityId }).SingleAsync());
        Assert.Equal(("SafeguardingConcern", id), (look.EntityType, look.EntityId));

        // Marking it done: a note is needed, a stale page is refused, then it is done and audited in the provider's trail.
        var version = Version(page);
        Assert.Equal("Enter what was done", (await manager.PostAsync(done, new() { ["Input.Version"] = version, ["Input.Note"] = " " })).FieldError("Input_Note"));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync(done, new() { ["Input.Version"] = version, ["Input.Note"] = "Visits book started in reception." })).Status);
        var stale = await manager.PostAsync(done, new() { ["Input.Version"] = version, ["Input.Note"] = "Again" });
        Assert.Contains(stale.ErrorSummary, e => e.StartsWith("Someone else changed this record after you opened it"));
        var after = await manager.GetAsync(done);
        Assert.Contains("Visits book started in reception.", after.Document.QuerySelector("[data-safeguarding-for-provider]")!.TextContent);
        Assert.Null(after.Document.QuerySelector("form textarea[name='Input.Note']"));
        var oakfield = await app.WithDatabaseAsync(db => db.People.Where(p => p.Id == peggy).Select(p => p.OrganisationId).SingleAsync());
        var entry = await app.WithDatabaseAsync(db => db.AuditEvents.SingleAsync(e => e.EntityId == providerAction && e.Action == AuditAction.Updated));
        Assert.Equal(oakfield, entry.OrganisationId);
        Assert.Null(entry.PersonId);
        using var officer = await app.NewClient().SignInAsync(Officer);
        Assert.Contains("Visits book started in reception.", (await officer.GetAsync($"/council/safeguarding/{id}")).Body);

        // Only the provider's own actions, only its managers, only its own people.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/people/{peggy}/safeguarding/{id}/actions/{councilAction}/done")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/people/{peggy}/safeguarding/{id}/actions/{councilAction}/done", new() { ["Input.Version"] = "1", ["Input.Note"] = "x" })).Status);
        var sam = await app.IdOfPersonAsync("Adeyemi");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/people/{sam}/safeguarding/{id}/actions/{providerAction}/done")).Status);
        using var carer = await app.NewClient().SignInAsync("careworker@oakfield.example");
        Assert.Contains("/access-denied", (await carer.GetAsync(done)).Location);
        using var riverside = await app.NewClient().SignInAsync("manager@riverside.example");
        Assert.Equal(HttpStatusCode.NotFound, (await riverside.GetAsync(done)).Status);

        // Closed with the person's words: the provider still never sees them.
        await app.WithDatabaseAsync(async db =>
        {
            var concern = await db.SafeguardingConcerns.SingleAsync(c => c.Id == id);
            concern.Status = SafeguardingStatus.Closed;
            concern.OutcomesMet = OutcomesMet.Fully;
            concern.PersonsViewAtClosure = "COUNCIL-ONLY closure words";
            concern.ClosureReason = "COUNCIL-ONLY closure reason";
            concern.ClosedAt = app.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        });
        var closed = await manager.GetAsync(done);
        Assert.Contains("Closed by the council", closed.Body);
        Assert.DoesNotContain("COUNCIL-ONLY", closed.Body);
    }

    [SkippableFact]
    public async Task Timescales_ShowInTheTasksOfTheCouncilsTeam_AndTheProvidersActionsInItsManagers()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var waiting = await SendAsync("Tasks waiting");
        var planned = await SendAsync("Tasks planned", "Whitaker");
        var today = UkTime.Today(app.Clock);
        await app.WithDatabaseAsync(async db =>
        {
            await SentConcerns.DecideWithPlanAsync(db, app.Clock, planned);
            var concern = await db.SafeguardingConcerns.SingleAsync(c => c.Id == planned);
            concern.PlanReviewOn = today.AddDays(3);
            await db.SaveChangesAsync();
            await SentConcerns.AddActionAsync(db, app.Clock, planned, ActionOwner.Council, "Tasks: ask the bank for statements", today.AddDays(2));
            await SentConcerns.AddActionAsync(db, app.Clock, planned, ActionOwner.Provider, "Tasks: start a visits book", today.AddDays(2));
            await SentConcerns.AddActionAsync(db, app.Clock, planned, ActionOwner.Provider, "Tasks: not due for months", today.AddMonths(3));
        });

        using var officer = await app.NewClient().SignInAsync(Officer);
        var tasks = await officer.GetAsync("/tasks");
        var decide = tasks.Document.QuerySelectorAll(".govuk-task-list__item").Where(i => i.QuerySelector("a")!.GetAttribute("href") == $"/council/safeguarding/{waiting}").ToList();
        Assert.Single(decide);
        Assert.Contains("Decide whether a s.42 enquiry is needed", decide[0].TextContent);
        Assert.Contains("Peggy Hughes, Oakfield House, Oakfield Care", decide[0].TextContent);
        Assert.Contains("Due by 20 November 2026", decide[0].TextContent);
        Assert.Contains("To do", decide[0].TextContent);
        Assert.Contains("Review the safety plan with the person", tasks.Body);
        Assert.Contains("Safety plan action for the council: Tasks: ask the bank for statements", tasks.Body);
        Assert.DoesNotContain("Tasks: start a visits book", tasks.Body);

        // Past the working days, it is overdue (signed in again: the session lapsed over the weekend).
        using (app.Clock.MoveOn(TimeSpan.FromDays(5)))
        {
            using var monday = await app.NewClient().SignInAsync(Officer);
            var later = await monday.GetAsync("/tasks");
            var item = later.Document.QuerySelectorAll(".govuk-task-list__item").Single(i => i.QuerySelector("a")!.GetAttribute("href") == $"/council/safeguarding/{waiting}");
            Assert.Contains("Overdue", item.TextContent);
        }

        // The provider's action is its managers' (Riverside's, for George), not the council's, not a care worker's, not another provider's.
        using var riverside = await app.NewClient().SignInAsync("manager@riverside.example");
        var theirs = await riverside.GetAsync("/tasks");
        Assert.Contains("Safeguarding action the council gave the provider: Tasks: start a visits book", theirs.Body);
        Assert.DoesNotContain("Tasks: not due for months", theirs.Body);
        Assert.DoesNotContain("Tasks: ask the bank", theirs.Body);
        Assert.DoesNotContain("Decide whether a s.42 enquiry", theirs.Body);
        var link = theirs.Document.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Tasks: start a visits book")).GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await riverside.GetAsync(link)).Status);
        using var oakfield = await app.NewClient().SignInAsync("manager@oakfield.example");
        Assert.DoesNotContain("Tasks: start a visits book", (await oakfield.GetAsync("/tasks")).Body);
        using var socialWorker = await app.NewClient().SignInAsync("socialworker@northshire.example");
        Assert.DoesNotContain("s.42", (await socialWorker.GetAsync("/tasks")).Body);
    }
}

public sealed class CouncilSafeguardingOnSqlite(SqliteApp app) : CouncilSafeguardingTests(app), IClassFixture<SqliteApp>;

public sealed class CouncilSafeguardingOnPostgres(PostgresApp app) : CouncilSafeguardingTests(app), IClassFixture<PostgresApp>;
