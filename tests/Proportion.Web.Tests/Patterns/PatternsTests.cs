using System.Net;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Tests.Support;

namespace Proportion.Web.Tests.Patterns;

/// <summary>
/// Issue 12, patterns: incidents recorded through the form at known times in England land in the right cells of
/// the time-of-day table for the person and the service; rates use the people supported and the months' bed days
/// where known; the window is checked with GOV.UK errors; and the pages follow the incidents' scope.
/// </summary>
public abstract class PatternsTests(AppFixture app)
{
    private const string CareWorker = "careworker@oakfield.example";
    private const string Manager = "manager@oakfield.example";

    private async Task<Dictionary<string, string>> FormAsync(DateTime beganLocal, InterventionType type, int minutes, string place, string antecedents) => new()
    {
        ["Input.SubmissionKey"] = Guid.NewGuid().ToString(),
        ["Input.OccurredOn.Day"] = beganLocal.Day.ToString(), ["Input.OccurredOn.Month"] = beganLocal.Month.ToString(), ["Input.OccurredOn.Year"] = beganLocal.Year.ToString(),
        ["Input.Step"] = "7",
        ["Input.Location"] = place,
        ["Input.Kind"] = nameof(IncidentKind.Emergency),
        ["Input.Interventions[0].Type"] = type.ToString(),
        ["Input.Interventions[0].Start"] = beganLocal.ToString("HH:mm"),
        ["Input.Interventions[0].End"] = beganLocal.AddMinutes(minutes).ToString("HH:mm"),
        ["Input.Interventions[0].Injuries"] = "NoOne",
        ["Input.Reason"] = nameof(InterventionReason.PreventSelfHarm),
        ["Input.Antecedents"] = antecedents,
        ["Input.DeEscalation"] = "Spoke calmly and offered a drink",
        ["Input.HowUsed"] = "Held her hands for a moment",
        ["Input.Outcome"] = "Settled",
        ["Input.StaffUserIds"] = (await app.IdOfUserAsync(CareWorker)).ToString(),
    };

    private async Task RecordAsync(Guid person, DateTime beganLocal, InterventionType type, int minutes, string place, string antecedents)
    {
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        var page = await careWorker.PostAsync($"/people/{person}/incidents/new", await FormAsync(beganLocal, type, minutes, place, antecedents));
        Assert.True(page.Status == HttpStatusCode.Redirect, string.Join("; ", page.ErrorSummary));
    }

    /// <summary>A cell's count; none when the window had no incidents, and the table is not drawn.</summary>
    private static int Cell(AppClient.Page page, int band, int day) =>
        page.Document.QuerySelector($"td[data-band='{band}'][data-day='{day}']") is { } cell ? int.Parse(cell.TextContent.Trim())
        : page.Body.Contains("No incidents were recorded in this period") ? 0 : throw new InvalidOperationException("No time-of-day table: " + page.Status);

    private static (int TueMorning, int ThuSmallHours, int WedLateEvening) Cells(AppClient.Page page) =>
        (Cell(page, 2, 1), Cell(page, 0, 3), Cell(page, 7, 2));

    [SkippableFact]
    public async Task IncidentsAtKnownTimesInEngland_LandInTheirCells_ForThePersonAndTheService()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var house = await app.IdOfServiceAsync("Oakfield House");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var personBefore = Cells(await manager.GetAsync($"/people/{peggy}/patterns"));
        var serviceBefore = Cells(await manager.GetAsync($"/services/{house}/patterns"));

        // Tuesday 10 November at 07:15 (GMT): 06–09 on Tuesday.
        await RecordAsync(peggy, new DateTime(2026, 11, 10, 7, 15, 0), InterventionType.PhysicalSeated, 10, "Sensory room", "Patterns test: the fire alarm was tested");
        // Thursday 16 July at 00:30 in England is 23:30 on Wednesday in UTC: it belongs to 00–03 on Thursday, not 21–24 on Wednesday.
        await RecordAsync(peggy, new DateTime(2026, 7, 16, 0, 30, 0), InterventionType.PhysicalSeated, 20, "  sensory ROOM ", "Patterns test: woke from a bad dream");

        var person = await manager.GetAsync($"/people/{peggy}/patterns");
        var service = await manager.GetAsync($"/services/{house}/patterns");
        Assert.Equal((personBefore.TueMorning + 1, personBefore.ThuSmallHours + 1, personBefore.WedLateEvening), Cells(person));
        Assert.Equal((serviceBefore.TueMorning + 1, serviceBefore.ThuSmallHours + 1, serviceBefore.WedLateEvening), Cells(service));

        foreach (var page in new[] { person, service })
        {
            // The two spellings of the place are one place.
            var places = page.Document.QuerySelectorAll("#where + table tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
            Assert.Single(places, p => p.Equals("sensory room", StringComparison.OrdinalIgnoreCase));
            // The antecedents link to their incidents.
            var antecedent = page.Document.QuerySelectorAll(".govuk-summary-list__row").Single(r => r.TextContent.Contains("Patterns test: woke from a bad dream"));
            Assert.StartsWith("/incidents/", antecedent.QuerySelector("a")!.GetAttribute("href"));
            // The type's incidents link to the service's list filtered by the type, in the window.
            var seated = page.Document.QuerySelectorAll("#types + table tbody tr").Single(r => r.TextContent.Contains("Physical restraint: seated"));
            var link = seated.QuerySelector("a")!.GetAttribute("href")!;
            Assert.Contains($"/services/{house}/incidents?", link);
            Assert.Contains("Filter.Type=PhysicalSeated", link);
            var list = await manager.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Contains($"{seated.QuerySelector("a")!.TextContent.Trim()} incident", list.Document.QuerySelector("h2.govuk-heading-m")!.TextContent);
        }
        // Seated restraint's minutes in the service include 10 and 20.
        var minutes = await app.WithDatabaseAsync(db => db.Incidents.Where(i => i.ServiceId == house)
            .SelectMany(i => i.Interventions).Where(x => x.Type == InterventionType.PhysicalSeated).Select(x => new { x.StartedAt, x.EndedAt }).ToListAsync());
        var longest = minutes.Max(m => (int)Math.Round((m.EndedAt - m.StartedAt).TotalMinutes));
        var row = service.Document.QuerySelectorAll("#durations + table tbody tr").Single(r => r.TextContent.Contains("Physical restraint: seated"));
        Assert.Equal(longest.ToString(), row.QuerySelectorAll("td")[^1].TextContent.Trim());

        // A care worker sees Peggy's patterns but is not given links to the service's list, which is not theirs to see.
        using var careWorker = await app.NewClient().SignInAsync(CareWorker);
        var theirs = await careWorker.GetAsync($"/people/{peggy}/patterns");
        Assert.Equal(HttpStatusCode.OK, theirs.Status);
        Assert.DoesNotContain(theirs.Document.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("/services/") == true && a.GetAttribute("href")!.Contains("/incidents"));
    }

    [SkippableFact]
    public async Task Rates_UsePeopleSupported_AndTheWholeMonthsWithBedDays_AndAreNotKnownWithout()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var house = await app.IdOfServiceAsync("Oakfield House");
        await RecordAsync(peggy, new DateTime(2024, 1, 10, 14, 0, 0), InterventionType.PhysicalStanding, 5, "Hall", "Patterns test: January");
        await RecordAsync(peggy, new DateTime(2024, 1, 20, 9, 0, 0), InterventionType.PhysicalStanding, 5, "Hall", "Patterns test: January again");
        // England keeps GMT all winter, so these months' bounds in UTC are their bounds in England.
        DateTime january = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), february = january.AddMonths(1), march = january.AddMonths(2);
        var (inJanuary, inFebruary, people) = await app.WithDatabaseAsync(async db => (
            await db.Incidents.CountAsync(i => i.ServiceId == house && i.OccurredAt >= january && i.OccurredAt < february),
            await db.Incidents.CountAsync(i => i.ServiceId == house && i.OccurredAt >= february && i.OccurredAt < march),
            await db.People.CountAsync(p => p.ServiceId == house)));
        const string window = "Window.From.Day=1&Window.From.Month=1&Window.From.Year=2024&Window.To.Day=29&Window.To.Month=2&Window.To.Year=2024";
        using var manager = await app.NewClient().SignInAsync(Manager);

        string Rate(AppClient.Page page, string measure, string rate) =>
            page.Document.QuerySelector($"td[data-measure='{measure}'][data-rate='{rate}']")!.TextContent.Trim();
        var before = await manager.GetAsync($"/services/{house}/patterns?{window}");
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal((1.0 * (inJanuary + inFebruary) / people).ToString("#,0.##"), Rate(before, "Incidents", "person"));
        Assert.Equal("Not known", Rate(before, "Incidents", "bed-days"));
        Assert.Equal("Not known", Rate(before, "Incidents", "hours"));

        // The manager records January's bed days; February has none, so only January counts, and says so.
        var saved = await manager.PostAsync($"/services/{house}/occupancy", new() { ["Input.Month"] = "2024-01", ["Input.OccupiedBedDays"] = "1,200", ["Input.SupportHours"] = "", ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = await manager.GetAsync($"/services/{house}/patterns?{window}");
        Assert.Equal($"{(1000.0 * inJanuary / 1200):#,0.##} (1 of 2 months)", Rate(after, "Incidents", "bed-days"));
        Assert.Equal("Not known", Rate(after, "Incidents", "hours"));

        // Changing the month: the version seen is checked, and a second save from the same stale form is refused.
        var form = await manager.GetAsync($"/services/{house}/occupancy?month=2024-01");
        Assert.Equal("1200", form.ValueOf("Input.OccupiedBedDays"));
        var change = new Dictionary<string, string> { ["Input.Month"] = "2024-01", ["Input.OccupiedBedDays"] = "600", ["Input.SupportHours"] = "", ["Input.Version"] = form.ValueOf("Input.Version")! };
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"/services/{house}/occupancy", change)).Status);
        var stale = await manager.PostAsync($"/services/{house}/occupancy", change);
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(stale.ErrorSummary, e => e.Contains("Someone else changed this record"));
        Assert.Equal($"{(1000.0 * inJanuary / 600):#,0.##} (1 of 2 months)", Rate(await manager.GetAsync($"/services/{house}/patterns?{window}"), "Incidents", "bed-days"));

        // Each save is audited with the figures before and after.
        var audited = await app.WithDatabaseAsync(db => db.AuditEvents.Where(a => a.EntityType == nameof(ServiceOccupancy) && a.Summary.EndsWith("January 2024"))
            .Select(a => new { a.Action, a.Changes }).ToListAsync());
        Assert.Contains(audited, a => a.Action == AuditAction.Created && a.Changes!.Contains("1200"));
        Assert.Contains(audited, a => a.Action == AuditAction.Updated && a.Changes!.Contains("1200") && a.Changes.Contains("600"));
    }

    [SkippableFact]
    public async Task OccupancyFigures_AreCheckedWithGovUkErrors()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var house = await app.IdOfServiceAsync("Oakfield House");
        using var manager = await app.NewClient().SignInAsync(Manager);

        var neither = await manager.PostAsync($"/services/{house}/occupancy", new() { ["Input.Month"] = "2024-03", ["Input.Version"] = "0" });
        Assert.Equal(["Enter the occupied bed days, the hours of support, or both"], neither.ErrorSummary);
        var words = await manager.PostAsync($"/services/{house}/occupancy", new() { ["Input.Month"] = "2024-03", ["Input.SupportHours"] = "lots", ["Input.Version"] = "0" });
        Assert.Equal("Hours of support must be a whole number, like 840", words.FieldError("Input_SupportHours"));
        var noMonth = await manager.PostAsync($"/services/{house}/occupancy", new() { ["Input.Month"] = "", ["Input.SupportHours"] = "10", ["Input.Version"] = "0" });
        Assert.Equal(["Select the month"], noMonth.ErrorSummary);
    }

    [SkippableTheory]
    [InlineData("Window.From.Day=31&Window.From.Month=2&Window.From.Year=2026&Window.To.Day=1&Window.To.Month=3&Window.To.Year=2026", "From date must be a real date")]
    [InlineData("Window.From.Day=2&Window.From.Month=3&Window.From.Year=2026&Window.To.Day=1&Window.To.Month=3&Window.To.Year=2026", "The to date must be the same as or after the from date")]
    [InlineData("Window.From.Day=1&Window.From.Month=1&Window.From.Year=2020&Window.To.Day=1&Window.To.Month=3&Window.To.Year=2026", "The dates must be no more than 3 years apart")]
    [InlineData("Window.From.Day=1&Window.From.Month=1&Window.From.Year=2026", "Enter to date")]
    [InlineData("Window.Months=5", "Choose the last 3, 6, 12 or 24 months, or enter dates")]
    public async Task AWindowThatCannotBeRead_IsShownBackWithTheError(string query, string error)
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var house = await app.IdOfServiceAsync("Oakfield House");
        using var manager = await app.NewClient().SignInAsync(Manager);
        foreach (var path in new[] { $"/people/{peggy}/patterns", $"/services/{house}/patterns" })
        {
            var page = await manager.GetAsync($"{path}?{query}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal([error], page.ErrorSummary);
            Assert.Null(page.Document.QuerySelector("td[data-band]"));
        }
    }

    [SkippableFact]
    public async Task TheLastSixMonths_StartOnTheFirstOfTheMonthFiveBefore()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var house = await app.IdOfServiceAsync("Oakfield House");
        using var manager = await app.NewClient().SignInAsync(Manager);
        var page = await manager.GetAsync($"/services/{house}/patterns?Window.Months=6");
        var today = UkTime.Today(app.Clock);
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-5);
        Assert.Equal(from.Day.ToString(), page.ValueOf("Window.From.Day"));
        Assert.Equal(from.Month.ToString(), page.ValueOf("Window.From.Month"));
        Assert.Contains($"From {UkTime.Format(from)} to {UkTime.Format(today)}", page.Body);
    }

    [SkippableFact]
    public async Task Patterns_FollowTheIncidentsScope()
    {
        Skip.IfNot(app.IsAvailable, "PostgreSQL is not configured (set PROPORTION_TEST_POSTGRES).");
        var peggy = await app.IdOfPersonAsync("Hughes");
        var house = await app.IdOfServiceAsync("Oakfield House");

        // Another provider's manager: Oakfield's person and service do not exist for them.
        using (var other = await app.NewClient().SignInAsync("manager@riverside.example"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/people/{peggy}/patterns")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/services/{house}/patterns")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/services/{house}/occupancy",
                new() { ["Input.Month"] = "2024-05", ["Input.OccupiedBedDays"] = "10", ["Input.Version"] = "0" })).Status);
        }
        // A care worker with no service sees neither Peggy's patterns nor the service's.
        using (var newcomer = await app.NewClient().SignInAsync(await app.NewCareWorkerAsync("patterns"), AppFixture.NewUserPassword))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await newcomer.GetAsync($"/people/{peggy}/patterns")).Status);
            var service = await newcomer.GetAsync($"/services/{house}/patterns");
            Assert.True(service.Status == HttpStatusCode.Forbidden || service.Location?.Contains("/access-denied") == true, $"{service.Status} {service.Location}");
        }
        // The board reads the service's patterns but does not keep its occupancy.
        using var board = await app.NewClient().SignInAsync("board@oakfield.example");
        var boards = await board.GetAsync($"/services/{house}/patterns");
        Assert.Equal(HttpStatusCode.OK, boards.Status);
        Assert.DoesNotContain("/occupancy", boards.Body);
        var refused = await board.PostAsync($"/services/{house}/occupancy", new() { ["Input.Month"] = "2024-05", ["Input.OccupiedBedDays"] = "10", ["Input.Version"] = "0" });
        Assert.True(refused.Status == HttpStatusCode.Forbidden || refused.Location?.Contains("/access-denied") == true);
        Assert.False(await app.WithDatabaseAsync(db => db.ServiceOccupancy.AnyAsync(o => o.ServiceId == house && o.Month == new DateOnly(2024, 5, 1))));
    }
}

public sealed class PatternsTestsOnSqlite(SqliteApp app) : PatternsTests(app), IClassFixture<SqliteApp>;

public sealed class PatternsTestsOnPostgres(PostgresApp app) : PatternsTests(app), IClassFixture<PostgresApp>;
