using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Tests.Authorisation;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Robustness;

/// <summary>
/// Two users open the same editable record; the first saves, then the second saves what they typed
/// against the version they loaded. The second is refused with the "changed by someone else" message,
/// keeps what they typed, and the record holds the first user's change. One case for each editable
/// record's form; each case makes its own record where its form would otherwise be used up.
/// </summary>
public abstract class ConcurrentEditTests(AppFixture app)
{
    private const string Manager = "manager@oakfield.example";
    private const string Senior = "senior@oakfield.example";
    private const string Admin = "admin@oakfield.example";
    private static readonly string StaleMessage = new StaleEditException().Message;

    /// <summary>
    /// One editable record's form. <paramref name="Arrange"/> makes or finds the record and names the
    /// page with the form and the address the form posts to; <paramref name="Typed"/> is what a user types,
    /// marked so the two users' changes can be told apart; <paramref name="Kept"/> are the typed fields
    /// that must come back filled in, the first of them stored on the record; <paramref name="Stored"/>
    /// reads the record afterwards; <paramref name="Afterwards"/> checks what cannot be read from it.
    /// </summary>
    private sealed record EditCase(
        string Name, string First, string Second,
        Func<AppClient, Task<(string Page, string PostTo)>> Arrange,
        Func<string, Dictionary<string, string>> Typed,
        string[] Kept,
        Func<ProportionDbContext, Task<object?>>? Stored,
        Func<Task>? Afterwards = null)
    {
        public override string ToString() => Name;
    }

    private static Dictionary<string, string> Date(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(), [$"{prefix}.Month"] = date.Month.ToString(), [$"{prefix}.Year"] = date.Year.ToString(),
    };

    private static Dictionary<string, string> With(Dictionary<string, string> fields, Dictionary<string, string> more)
    {
        foreach (var (key, value) in more)
        {
            fields[key] = value;
        }
        return fields;
    }

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private async Task<(Guid Person, Guid Practice)> ProposeAsync(AppClient manager, string familyName, string description)
    {
        var person = await app.IdOfPersonAsync(familyName);
        var proposed = await manager.PostAsync($"/people/{person}/practices/new", With(new()
        {
            ["Input.Category"] = nameof(PracticeCategory.MechanicalRestraint), ["Input.Description"] = description,
            ["Input.RestrictedThing"] = nameof(RestrictedThing.GettingOutOfBed),
            ["Input.Kind"] = nameof(PracticeKind.Planned), ["Input.ProposalReason"] = "Rolled out of bed twice",
        }, Date("Input.StartDate", Today)));
        Assert.True(proposed.Status == HttpStatusCode.Redirect, $"Proposing {description}: {proposed.Status} {string.Join("; ", proposed.ErrorSummary)}");
        var practice = await app.WithDatabaseAsync(db => db.Practices.Where(p => p.Description == description).Select(p => p.Id).SingleAsync());
        return (person, practice);
    }

    /// <summary>A fresh proposal with its discussion (RP2) started, so its question pages are open.</summary>
    private async Task<string> NewDiscussionAsync(AppClient manager, string description)
    {
        var (person, practice) = await ProposeAsync(manager, "Clarke", description);
        var url = $"/people/{person}/practices/{practice}/decision";
        var started = await manager.PostAsync(url, []);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        return url;
    }

    private static async Task SaveStepAsync(AppClient client, string url, string versionField, Dictionary<string, string> answers)
    {
        answers[versionField] = (await client.GetAsync(url)).ValueOf(versionField)!;
        var saved = await client.PostAsync(url, answers);
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Saving {url}: {saved.Status} {string.Join("; ", saved.ErrorSummary)}");
    }

    private Task<PracticeDecision> DecisionOfAsync(ProportionDbContext db, string description) =>
        db.Decisions.SingleAsync(d => d.Practice!.Description == description);

    /// <summary>A review (RP2A) started on Peggy's agreed front door lock, resumed by every review case.</summary>
    private async Task<string> ReviewAsync(AppClient manager)
    {
        var ids = await AccessMatrixTests.IdsAsync(app);
        var url = $"/people/{ids["peggy"]}/practices/{ids["peggyPractice"]}/review";
        var started = await manager.PostAsync(url, []);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        return url;
    }

    private Task<PracticeReview> ReviewOfPeggyAsync(ProportionDbContext db) =>
        db.Reviews.Where(r => r.Practice!.Description.StartsWith("Front door has a key-code lock")).OrderByDescending(r => r.CreatedAt).FirstAsync();

    /// <summary>A draft manager's check of Oakfield House, resumed by every monitoring case.</summary>
    private async Task<string> MonitoringAsync(AppClient manager)
    {
        var house = await app.IdOfServiceAsync("Oakfield House");
        var started = await manager.PostAsync($"/services/{house}/monitoring?handler=Start&kind={MonitoringKind.ManagerMonitoring}", []);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        return started.Location!;
    }

    private static Task<ServiceMonitoring> DraftMonitoringAsync(ProportionDbContext db) =>
        db.Monitoring.Include(m => m.Actions).SingleAsync(m => m.Service!.Name == "Oakfield House"
            && m.Kind == MonitoringKind.ManagerMonitoring && m.Status == MonitoringStatus.Draft);

    /// <summary>An Oakfield incident not yet followed up, and one not yet reviewed, by a manager.</summary>
    private Task<Guid> IncidentToFollowUpAsync() => app.WithDatabaseAsync(db => db.Incidents
        .Where(i => i.Person!.FamilyName == "Turner" && i.FollowUpRecordedAt == null).OrderBy(i => i.OccurredAt).Select(i => i.Id).FirstAsync());

    private Task<Guid> IncidentToReviewAsync() => app.WithDatabaseAsync(db => db.Incidents
        .Where(i => i.Person!.FamilyName == "Turner" && i.ManagerReviewedAt == null).OrderBy(i => i.OccurredAt).Select(i => i.Id).FirstAsync());

    private IEnumerable<EditCase> Cases()
    {
        yield return new("person edit", Manager, Senior,
            async _ => ($"/people/{await app.IdOfPersonAsync("Hughes")}/edit", $"/people/{await app.IdOfPersonAsync("Hughes")}/edit"),
            mark => new() { ["Input.PreferredName"] = $"Peg {mark}", ["Input.ChangeReason"] = $"Asked to be called Peg {mark}" },
            ["Input.PreferredName", "Input.ChangeReason"],
            async db => await db.People.SingleAsync(p => p.FamilyName == "Hughes"));

        yield return new("representative add", Manager, Senior,
            async _ => ($"/people/{await app.IdOfPersonAsync("Hughes")}/representatives/new", $"/people/{await app.IdOfPersonAsync("Hughes")}/representatives/new"),
            mark => new() { ["Input.Name"] = $"Rep {mark}", ["Input.Relationship"] = "Niece", ["Input.Roles"] = nameof(RepresentativeRoles.FamilyOrFriend) },
            ["Input.Name", "Input.Relationship"],
            async db => await db.People.Include(p => p.Representatives).Where(p => p.FamilyName == "Hughes")
                .SelectMany(p => p.Representatives.Select(r => r.Name)).ToListAsync());

        yield return new("practice end", Manager, Senior,
            async manager =>
            {
                var (person, practice) = await ProposeAsync(manager, "Clarke", "Bed sensor to end (concurrent)");
                var url = $"/people/{person}/practices/{practice}/end";
                return (url, url);
            },
            mark => With(new() { ["Input.Reason"] = $"No longer needed {mark}" }, Date("Input.EndDate", Today)),
            ["Input.Reason"],
            async db => await db.Practices.SingleAsync(p => p.Description == "Bed sensor to end (concurrent)"));

        yield return new("decision question page", Manager, Senior,
            async manager =>
            {
                var url = await NewDiscussionAsync(manager, "Lap belt, risk step (concurrent)");
                return ($"{url}/risk", $"{url}/risk");
            },
            mark => new() { ["Input.Risk"] = $"Slides from the chair {mark}" },
            ["Input.Risk"],
            async db => await DecisionOfAsync(db, "Lap belt, risk step (concurrent)"));

        yield return new("decision signature", Manager, Senior,
            async manager =>
            {
                var url = await NewDiscussionAsync(manager, "Lap belt, signature (concurrent)");
                return ($"{url}/check", $"{url}/check?handler=Signature");
            },
            mark => With(new()
            {
                ["Signature.Name"] = $"Signer {mark}", ["Signature.SignedAs"] = "Daughter", ["Signature.Method"] = nameof(SignatureMethod.InPerson),
            }, Date("Signature.SignedOn", Today)),
            ["Signature.Name", "Signature.SignedAs"],
            async db => await DecisionOfAsync(db, "Lap belt, signature (concurrent)"));

        // Agreeing as a role: a one-click button, so nothing typed to keep. Only the service manager may
        // give this one, so it is the same user in two tabs.
        yield return new("decision agreement as a role", Manager, Manager,
            async manager =>
            {
                var url = await NewDiscussionAsync(manager, "Lap belt, agreement (concurrent)");
                await SaveStepAsync(manager, $"{url}/views", "DecisionVersion", new() { ["Input.PersonResponse"] = "Agrees" });
                await SaveStepAsync(manager, $"{url}/capacity", "DecisionVersion", new()
                {
                    ["Input.CanUnderstand"] = "true", ["Input.CanRetain"] = "true", ["Input.CanUseOrWeigh"] = "true", ["Input.CanCommunicate"] = "true",
                });
                return ($"{url}/check", $"{url}/check?handler=Sign&role={SignOffRole.ServiceManager}");
            },
            _ => [], [], null);

        yield return new("review question page", Manager, Senior,
            async manager =>
            {
                var url = await ReviewAsync(manager);
                return ($"{url}/need", $"{url}/need");
            },
            mark => new() { ["Input.MeasuresEffectiveEvidence"] = $"No falls since {mark}" },
            ["Input.MeasuresEffectiveEvidence"],
            async db => await ReviewOfPeggyAsync(db));

        yield return new("review signature", Manager, Senior,
            async manager =>
            {
                var url = await ReviewAsync(manager);
                return ($"{url}/check", $"{url}/check?handler=Signature");
            },
            mark => With(new()
            {
                ["Signature.Name"] = $"Signer {mark}", ["Signature.SignedAs"] = "Son", ["Signature.Method"] = nameof(SignatureMethod.InPerson),
            }, Date("Signature.SignedOn", Today)),
            ["Signature.Name", "Signature.SignedAs"],
            async db => await ReviewOfPeggyAsync(db));

        yield return new("monitoring check save", Manager, Manager,
            async manager =>
            {
                var url = await MonitoringAsync(manager);
                return (url, $"{url}?handler=Save");
            },
            mark => new() { ["Input.Findings"] = $"Records up to date {mark}" },
            ["Input.Findings"],
            async db => await DraftMonitoringAsync(db));

        yield return new("monitoring action", Manager, Manager,
            async manager =>
            {
                var url = await MonitoringAsync(manager);
                return (url, $"{url}?handler=Action");
            },
            mark => With(new() { ["NewAction.What"] = $"Update the plan {mark}", ["NewAction.Owner"] = "Ann" }, Date("NewAction.DueOn", Today.AddDays(14))),
            ["NewAction.What", "NewAction.Owner"],
            async db => (await DraftMonitoringAsync(db)).Actions.Select(a => a.What).ToList());

        yield return new("monitoring action done", Manager, Senior,
            async _ =>
            {
                var ids = await AccessMatrixTests.IdsAsync(app);
                var url = $"/services/{ids["house"]}/monitoring/{ids["houseMonitoring"]}/actions/{ids["houseAction"]}/done";
                return (url, url);
            },
            mark => With(new() { ["Input.DoneNote"] = $"Plan updated {mark}" }, Date("Input.DoneOn", Today)),
            ["Input.DoneNote"],
            async db => (await db.Monitoring.Include(m => m.Actions).Where(m => m.Actions.Any(a => a.DoneNote != null && a.DoneNote.StartsWith("Plan updated")))
                .SelectMany(m => m.Actions).Where(a => a.DoneNote != null && a.DoneNote.StartsWith("Plan updated")).Select(a => a.DoneNote).ToListAsync()));

        yield return new("service edit", Admin, Senior,
            async _ =>
            {
                var url = $"/services/{await app.IdOfServiceAsync("Beech Road")}/edit";
                return (url, url);
            },
            mark => new() { ["Input.CqcLocationId"] = mark == "first" ? "1-000000001" : "1-000000002", ["Input.ChangeReason"] = $"New CQC id {mark}" },
            ["Input.CqcLocationId", "Input.ChangeReason"],
            async db => await db.Services.SingleAsync(s => s.Name == "Beech Road"));

        yield return new("user edit", Admin, Admin,
            async _ =>
            {
                var url = $"/admin/users/{await app.IdOfUserAsync("board@oakfield.example")}";
                return (url, url);
            },
            mark => new() { ["Input.RegistrationNumber"] = $"REG-{mark}" },
            ["Input.RegistrationNumber"],
            async db => await db.Users.Where(u => u.Email == "board@oakfield.example").Select(u => u.RegistrationNumber).SingleAsync());

        // A password is never shown back, so there is nothing typed to keep; the first one set must stand,
        // or the user would be given a password that no longer works.
        yield return new("user password set by the administrator", Admin, Admin,
            async _ =>
            {
                var url = $"/admin/users/{await app.IdOfUserAsync("board@oakfield.example")}/password";
                return (url, url);
            },
            mark => new() { ["Input.Password"] = $"Correct horse {mark} battery" },
            [],
            null,
            async () =>
            {
                using var board = await app.NewClient().SignInAsync("board@oakfield.example", "Correct horse first battery");
            });

        yield return new("incident follow-up", Manager, Senior,
            async _ =>
            {
                var url = $"/incidents/{await IncidentToFollowUpAsync()}/follow-up";
                return (url, url);
            },
            mark => new()
            {
                ["Input.DebriefHeld"] = "true", ["Input.DebriefNotes"] = $"Debrief {mark}", ["Input.TherapeuticSupport"] = "A walk and a chat",
                ["Input.CarePlanReviewNeeded"] = "false",
            },
            ["Input.DebriefNotes", "Input.TherapeuticSupport"],
            async db => await db.Incidents.Where(i => i.DebriefNotes != null && i.DebriefNotes.StartsWith("Debrief ")).Select(i => i.DebriefNotes).ToListAsync());

        yield return new("incident review", Manager, Senior,
            async _ =>
            {
                var url = $"/incidents/{await IncidentToReviewAsync()}/review";
                return (url, url);
            },
            mark => new() { ["Input.PersonTookPart"] = "true", ["Input.Attendees"] = $"Joyce and Ann {mark}", ["Input.Outcome"] = "Plan unchanged" },
            ["Input.Attendees", "Input.Outcome"],
            async db => await db.Incidents.Where(i => i.ReviewAttendees != null && i.ReviewAttendees.StartsWith("Joyce and Ann")).Select(i => i.ReviewAttendees).ToListAsync());

        yield return new("liberty outcome", Manager, Senior,
            async manager =>
            {
                var person = await app.IdOfPersonAsync("Clarke");
                var applied = await manager.PostAsync($"/people/{person}/liberty/applications/new", With(new()
                {
                    ["Input.Kind"] = nameof(LibertyAuthorisationKind.StandardAuthorisation), ["Input.Notes"] = "Applied (concurrent)",
                }, Date("Input.RequestedOn", Today)));
                Assert.True(applied.Status == HttpStatusCode.Redirect, $"Applying: {applied.Status} {string.Join("; ", applied.ErrorSummary)}");
                var application = await app.WithDatabaseAsync(db => db.LibertyAuthorisations.Where(a => a.Notes == "Applied (concurrent)").Select(a => a.Id).SingleAsync());
                var url = $"/people/{person}/liberty/applications/{application}";
                return (url, url);
            },
            mark => new() { ["Input.Outcome"] = nameof(LibertyOutcome.Refused), ["Input.Notes"] = $"Refused by the council {mark}" },
            ["Input.Notes"],
            async db => await db.LibertyAuthorisations.Where(a => a.Notes != null && a.Notes.StartsWith("Refused by the council")).Select(a => a.Notes).ToListAsync());
    }

    [SkippableFact]
    public async Task EveryEditableRecord_RefusesTheSecondOfTwoConcurrentSaves_KeepingWhatTheSecondTyped()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var failures = new List<string>();
        var clients = new Dictionary<string, AppClient>();
        async Task<AppClient> ClientAsync(string tab, string user) =>
            clients.TryGetValue(tab + user, out var client) ? client : clients[tab + user] = await app.NewClient().SignInAsync(user);
        try
        {
            foreach (var edit in Cases())
            {
                var first = await ClientAsync("first", edit.First);
                var second = await ClientAsync("second", edit.Second);
                try
                {
                    await CheckAsync(edit, first, second, failures);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add($"{edit}: {e.GetType().Name}: {e.Message}");
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} forms do not refuse a stale save as they should:\n" + string.Join("\n", failures));
    }

    private async Task CheckAsync(EditCase edit, AppClient first, AppClient second, List<string> failures)
    {
        var (page, postTo) = await edit.Arrange(first);
        var firstForm = await FormFieldsAsync(first, page, postTo);
        var secondForm = await FormFieldsAsync(second, page, postTo);
        if (firstForm is null || secondForm is null)
        {
            failures.Add($"{edit}: no form posting to {postTo} on {page} for {(firstForm is null ? edit.First : edit.Second)}");
            return;
        }

        var firstTyped = edit.Typed("first");
        var saved = await first.PostAsync(postTo, Fill(firstForm, firstTyped));
        if (saved.Status != HttpStatusCode.Redirect)
        {
            failures.Add($"{edit}: the first save was not accepted: {(int)saved.Status} {string.Join("; ", saved.ErrorSummary)}");
            return;
        }

        var secondTyped = edit.Typed("second");
        var refused = await second.PostAsync(postTo, Fill(secondForm, secondTyped));
        if (refused.Status != HttpStatusCode.OK || !refused.ErrorSummary.Contains(StaleMessage))
        {
            failures.Add($"{edit}: the second save was not refused as stale: {(int)refused.Status} {refused.Location} [{string.Join("; ", refused.ErrorSummary)}]");
            return;
        }
        foreach (var field in edit.Kept.Where(f => refused.ValueOf(f) != secondTyped[f]))
        {
            failures.Add($"{edit}: '{field}' lost what the second user typed: '{refused.ValueOf(field)}' instead of '{secondTyped[field]}'");
        }

        if (edit.Stored is not null && edit.Kept.Length > 0)
        {
            var stored = JsonSerializer.Serialize(await app.WithDatabaseAsync(edit.Stored), StoredJson);
            var field = edit.Kept[0];
            if (!stored.Contains(JsonSerializer.Serialize(firstTyped[field], StoredJson).Trim('"')))
            {
                failures.Add($"{edit}: the record does not hold the first user's '{field}' ({firstTyped[field]})");
            }
            if (stored.Contains(JsonSerializer.Serialize(secondTyped[field], StoredJson).Trim('"')))
            {
                failures.Add($"{edit}: the record holds the second user's '{field}' ({secondTyped[field]})");
            }
        }
        if (edit.Afterwards is not null)
        {
            await edit.Afterwards();
        }
    }

    private static readonly JsonSerializerOptions StoredJson = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    /// <summary>The fields a browser would send from the form that posts to <paramref name="postTo"/> (hidden versions included).</summary>
    private static async Task<List<KeyValuePair<string, string>>?> FormFieldsAsync(AppClient client, string page, string postTo)
    {
        var loaded = await client.GetAsync(page);
        if (loaded.Status != HttpStatusCode.OK)
        {
            return null;
        }
        var form = loaded.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(f => Posts(f, page, postTo));
        if (form is null)
        {
            return null;
        }
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Name != "__RequestVerificationToken"
                    && input.Type is not ("submit" or "button") && (input.Type is not ("radio" or "checkbox") || input.IsChecked):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
            }
        }
        return fields;
    }

    /// <summary>Whether the form, or one of its buttons, posts to the address.</summary>
    private static bool Posts(IHtmlFormElement form, string page, string postTo)
    {
        // The same path and the same query values, in any order.
        static string Canonical(string pathAndQuery)
        {
            var parts = Uri.UnescapeDataString(pathAndQuery).Split('?', 2);
            return parts[0] + "?" + string.Join("&", (parts.Length > 1 ? parts[1].Split('&') : []).Order(StringComparer.OrdinalIgnoreCase));
        }
        string Resolve(string? action) => string.IsNullOrEmpty(action) ? page : new Uri(new Uri("http://localhost" + page), action).PathAndQuery;
        var actions = new[] { form.GetAttribute("action") }
            .Concat(form.QuerySelectorAll("button[formaction], input[formaction]").Select(b => b.GetAttribute("formaction")));
        return actions.Any(a => Canonical(Resolve(a)).Equals(Canonical(postTo), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The form as loaded, with the typed fields in place of what was there.</summary>
    private static List<KeyValuePair<string, string>> Fill(List<KeyValuePair<string, string>> form, Dictionary<string, string> typed) =>
        [.. form.Where(f => !typed.ContainsKey(f.Key)), .. typed];
}

public sealed class ConcurrentEditsOnSqlite(SqliteApp app) : ConcurrentEditTests(app), IClassFixture<SqliteApp>;

public sealed class ConcurrentEditsOnPostgres(PostgresApp app) : ConcurrentEditTests(app), IClassFixture<PostgresApp>;
