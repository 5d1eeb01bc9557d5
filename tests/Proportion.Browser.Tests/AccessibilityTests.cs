using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Proportion.Browser.Tests;

/// <summary>
/// axe-core (WCAG 2.2 A and AA) on every page Proportion has, as the roles that use it, and on every
/// form shown back with errors. Record ids are found the way a person would: by following links.
/// </summary>
public sealed partial class AccessibilityTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>Pages every demo user visits. A page a role may not see still shows an error page, which must be accessible too.</summary>
    private static readonly string[] CommonPages =
    [
        "/",
        "/people",
        "/services",
        "{person}",
        "{person}/practices",
        "{person}/liberty",
        "{person}/incidents",
        "{person}/patterns",
        "{incident}",
        "/incidents/new",
        "/notifications",
        "/tasks",
        "/organisation",
        "{service}",
        "/account/two-factor",
        "/account/password",
        "/guidelines",
        "/people/00000000-0000-7000-8000-000000000000",
        // Plans (R19) and risk review panels: Sam's Plans tab, his profile (a draft) and positive risk-taking
        // plan (in place) with its first version, and his panel referral. Another provider's plans (George's
        // behaviour support and risk assessment, Eileen's reduction plan) must answer with an accessible "not found".
        "{samPlans}",
        "{profile}",
        "{positiveRisk}",
        "{positiveRiskShared}/versions/1",
        "{panel}",
        "{behaviourSupport}",
        "{riskAssessment}",
        "{reduction}",
        // Support plans (R20): Sam's, in place, with its risk matrix.
        "{supportPlan}",
    ];

    /// <summary>Every page a service manager works in.</summary>
    private static readonly string[] ManagerPages =
    [
        "/people/new",
        "{person}/edit",
        "{person}/representatives/new",
        "{person}/history",
        "{person}/practices/new",
        "{practice}",
        "{practice}/end",
        "{practice}/restricts",
        "{service}/practices",
        "{person}/liberty/screening/new",
        "{practice}/decisions/1",
        "{practice}/review",
        "{practice}/reviews/1",
        "{application}",
        "{person}/liberty/applications/new",
        "{person}/incidents/new",
        "{incident}/review",
        "{incident}/follow-up",
        "{incident}/notifications/Cqc",
        "{incident}/amend",
        "{service}/incidents",
        "{service}/patterns",
        "{service}/occupancy",
        "{service}/training",
        "{staff}/training",
        "{staff}/training/new",
        "{house}/monitoring",
        "{monitoring}",
        "{draft}",
        "{actionDone}",
        "{person}/equality",
        "{profileShared}/agree",
        "{positiveRiskShared}/review",
        "{positiveRiskShared}/revise",
        "{positiveRiskShared}/close",
        // Support plans (R20): Sam's outcome review, and every question page of a draft started for Chloe.
        "{supportPlan}/review",
        "{supportDraft}/edit/outcomes",
        "{supportDraft}/edit/outcome",
        "{supportDraft}/edit/capacity",
        "{supportDraft}/edit/budget",
        "{supportDraft}/edit/assistants",
        "{supportDraft}/edit/assistant",
        "{supportDraft}/edit/matrix",
        "{supportDraft}/edit/isolation",
        "{supportDraft}/edit",
        "{supportDraftShared}/agree",
    ];

    /// <summary>Pages a senior manager works in beyond the common ones: monitoring and audits (R11).</summary>
    private static readonly string[] SeniorManagerPages =
    [
        "{service}/practices",
        "{house}/monitoring",
        "{monitoring}",
        "{audit}",
        "{draft}",
        "/organisation/equality",
        "/organisation/panels",
        "{panel}",
    ];

    /// <summary>
    /// Riverside Lodge's plans, as its own manager sees them: George's behaviour support plan and risk
    /// assessment, Eileen's restriction reduction plan, a version, and the shared Agree/Review/Revise/Close pages.
    /// </summary>
    private static readonly string[] RiversideManagerPages =
    [
        "{georgePlans}",
        "{behaviourSupport}",
        "{behaviourSupportShared}/versions/1",
        "{behaviourSupportShared}/review",
        "{behaviourSupportShared}/revise",
        "{behaviourSupportShared}/close",
        "{riskAssessment}",
        "{riskAssessmentShared}/versions/1",
        "{reduction}",
        "{reductionShared}/versions/1",
        "{reductionShared}/review",
        "{eileenPlans}",
    ];

    /// <summary>Pages a care worker works in: recording, and their own reflection.</summary>
    private static readonly string[] CareWorkerPages =
    [
        "{person}/incidents/new",
        "{incident}/reflection",
    ];

    /// <summary>Every page an organisation administrator works in.</summary>
    private static readonly string[] AdministratorPages =
    [
        "/admin/users",
        "/admin/users/new",
        "/admin/refused",
        "{user}",
        "{user}/inspector-access",
        "{user}/password",
        "/services/new",
        "{service}/edit",
    ];

    public static TheoryData<string> Users => DemoUsers.AllAsTheoryData();

    /// <summary>
    /// R17: the senior manager's yearly report pages, and the published report as the public reads it,
    /// signed out, at desktop and phone width. The demo publishes Oakfield's report for the last year.
    /// </summary>
    [BrowserFact]
    public void YearlyReportPages_AndThePublicReportSignedOut_HaveNoAxeViolations()
    {
        var reports = new List<string>();
        string publicReport;
        using (var browser = BrowserSession.Start())
        {
            var driver = browser.Driver;
            SignIn(driver, DemoUsers.SeniorManager);
            Go(driver, "/organisation/reports");
            if (AxeReport(driver, "yearly reports") is { } list) reports.Add(list);
            publicReport = driver.FindElement(By.PartialLinkText("Public report")).GetAttribute("href")!;
            driver.FindElement(By.CssSelector("th a[href^='/organisation/reports/']")).Click();
            if (AxeReport(driver, "a year's report") is { } year) reports.Add(year);
            driver.FindElement(By.LinkText("Correct this report")).Click();
            if (AxeReport(driver, "correct the report") is { } correct) reports.Add(correct);
            driver.FindElement(By.CssSelector("button.govuk-button")).Click();
            if (AxeReport(driver, "correct the report, with errors") is { } errors) reports.Add(errors);
        }
        foreach (var viewport in new[] { Viewport.Desktop, Viewport.Phone })
        {
            using var signedOut = BrowserSession.Start(viewport);
            signedOut.Driver.Navigate().GoToUrl(publicReport);
            Assert.Contains("restrictive practices report", signedOut.Driver.Title);
            if (AxeReport(signedOut.Driver, $"public report ({viewport})") is { } report) reports.Add(report);
        }

        Assert.True(reports.Count == 0, string.Join(Environment.NewLine, reports));
    }

    [BrowserFact]
    public void SignInPage_HasNoAxeViolations()
    {
        using var browser = BrowserSession.Start();
        Go(browser.Driver, "/sign-in");

        AssertNoAxeViolations(browser.Driver, "sign-in");
    }

    [BrowserTheory]
    [MemberData(nameof(Users))]
    public void EveryPage_ForEachDemoUser_HasNoAxeViolations(string email)
    {
        using var browser = BrowserSession.Start();
        var driver = browser.Driver;
        var ids = RecordLinks();
        SignIn(driver, email);

        var pages = CommonPages.AsEnumerable();
        if (email == DemoUsers.ServiceManager) pages = pages.Concat(ManagerPages);
        if (email == DemoUsers.SeniorManager) pages = pages.Concat(SeniorManagerPages);
        if (email == DemoUsers.CareWorker) pages = pages.Concat(CareWorkerPages);
        if (email == DemoUsers.Administrator) pages = pages.Concat(AdministratorPages);

        var reports = new List<string>();
        foreach (var page in pages.Select(p => Resolve(p, ids)))
        {
            Go(driver, page);
            if (AxeReport(driver, $"{page} as {email}") is { } report) reports.Add(report);
        }

        Assert.True(reports.Count == 0, string.Join(Environment.NewLine, reports));
    }

    [BrowserFact]
    public void AnotherProvidersPlanPages_ForItsManager_HaveNoAxeViolations()
    {
        using var browser = BrowserSession.Start();
        var driver = browser.Driver;
        var ids = RecordLinks();
        SignIn(driver, DemoUsers.RiversideManager);

        var reports = new List<string>();
        foreach (var page in RiversideManagerPages.Select(p => Resolve(p, ids)))
        {
            Go(driver, page);
            Assert.DoesNotContain("Page not found", driver.Title);
            if (AxeReport(driver, $"{page} as {DemoUsers.RiversideManager}") is { } report) reports.Add(report);
        }

        Assert.True(reports.Count == 0, string.Join(Environment.NewLine, reports));
    }

    [BrowserFact]
    public void FormsShownBackWithErrors_HaveNoAxeViolations()
    {
        using var browser = BrowserSession.Start();
        var driver = browser.Driver;
        var ids = RecordLinks();
        var forms = new (string User, string Page)[]
        {
            (DemoUsers.ServiceManager, "/people/new"),
            (DemoUsers.ServiceManager, "{person}/practices/new"),
            (DemoUsers.ServiceManager, "{person}/representatives/new"),
            (DemoUsers.ServiceManager, "{practice}/end"),
            (DemoUsers.ServiceManager, "{person}/liberty/screening/new"),
            (DemoUsers.ServiceManager, "{person}/liberty/applications/new"),
            (DemoUsers.ServiceManager, "{person}/incidents/new"),
            (DemoUsers.ServiceManager, "{incident}/review"),
            (DemoUsers.ServiceManager, "{incident}/follow-up"),
            (DemoUsers.ServiceManager, "{incident}/notifications/Cqc"),
            (DemoUsers.ServiceManager, "{incident}/amend"),
            (DemoUsers.ServiceManager, "{staff}/training/new"),
            (DemoUsers.ServiceManager, "{service}/occupancy"),
            (DemoUsers.ServiceManager, "{supportPlan}/review"),
            (DemoUsers.ServiceManager, "{supportDraft}/edit/outcome"),
            (DemoUsers.ServiceManager, "{supportDraft}/edit/assistant"),
            // Sign off is the last button: with nothing typed, the findings and each practice's note are missing.
            (DemoUsers.ServiceManager, "{draft}"),
            (DemoUsers.Administrator, "/admin/users/new"),
            (DemoUsers.Administrator, "/services/new"),
            (DemoUsers.Administrator, "{user}/password"),
        };

        var reports = new List<string>();
        string? signedInAs = null;
        foreach (var (user, template) in forms)
        {
            if (signedInAs != user)
            {
                if (signedInAs is not null) SignOut(driver);
                SignIn(driver, user);
                signedInAs = user;
            }
            Go(driver, Resolve(template, ids));
            ClearTextFields(driver);
            // The last visible button submits; "Add another" buttons come before it.
            driver.FindElements(By.CssSelector("main form button[type=submit]")).Last(b => b.Displayed).Click();
            Wait(driver).Until(d => d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
            Assert.Equal("There is a problem", driver.FindElement(By.CssSelector(".govuk-error-summary__title")).Text);
            Assert.StartsWith("Error:", driver.Title);
            if (AxeReport(driver, $"{template} with errors") is { } report) reports.Add(report);
        }

        Assert.True(reports.Count == 0, string.Join(Environment.NewLine, reports));
    }

    /// <summary>Empties the form's pre-filled text and date boxes, as if submitted without answering.</summary>
    private static void ClearTextFields(IWebDriver driver)
    {
        // Only what a person can reach: questions in a closed conditional reveal are hidden until their answer is chosen.
        foreach (var input in driver.FindElements(By.CssSelector("main form input.govuk-input, main form textarea")).Where(i => i.Displayed))
        {
            input.Clear();
        }
    }

    [GeneratedRegex(@"^/people/[0-9a-f-]{36}$")]
    private static partial Regex PersonPath();

    [GeneratedRegex(@"^/people/[0-9a-f-]{36}/practices/[0-9a-f-]{36}$")]
    private static partial Regex PracticePath();

    [GeneratedRegex(@"^/people/[0-9a-f-]{36}/liberty/applications/[0-9a-f-]{36}$")]
    private static partial Regex ApplicationPath();

    [GeneratedRegex(@"^/incidents/[0-9a-f-]{36}$")]
    private static partial Regex IncidentPath();

    [GeneratedRegex(@"^/staff/[0-9a-f-]{36}/training$")]
    private static partial Regex StaffTrainingPath();

    [GeneratedRegex(@"^/services/[0-9a-f-]{36}$")]
    private static partial Regex ServicePath();

    [GeneratedRegex(@"^/services/[0-9a-f-]{36}/monitoring/[0-9a-f-]{36}/actions/[0-9a-f-]{36}/done$")]
    private static partial Regex ActionDonePath();

    [GeneratedRegex(@"^/services/[0-9a-f-]{36}/monitoring/[0-9a-f-]{36}$")]
    private static partial Regex MonitoringPath();

    [GeneratedRegex(@"^/admin/users/[0-9a-f-]{36}$")]
    private static partial Regex UserPath();

    [GeneratedRegex(@"^/people/[0-9a-f-]{36}/panels/[0-9a-f-]{36}$")]
    private static partial Regex PanelPath();

    private static Regex PlanPath(string slug) => new($@"^/people/[0-9a-f-]{{36}}/{slug}/[0-9a-f-]{{36}}$");

    private static Dictionary<string, string>? _links;

    /// <summary>A person, one of their practices, a service and a user, found by following links as a manager and an administrator.</summary>
    private Dictionary<string, string> RecordLinks()
    {
        if (_links is not null) return _links;
        using var browser = BrowserSession.Start();
        var driver = browser.Driver;
        var links = new Dictionary<string, string>();
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/services");
        links["service"] = FirstLink(driver, ServicePath());
        Go(driver, "/people?search=Hughes");
        links["person"] = FirstLink(driver, PersonPath());
        Go(driver, links["person"] + "/practices");
        links["practice"] = FirstLink(driver, PracticePath());
        Go(driver, links["person"] + "/liberty");
        links["application"] = FirstLink(driver, ApplicationPath());
        // Joyce's emergency in the demo: not yet reviewed, and the care worker owes a reflection on it.
        Go(driver, "/people?search=Turner");
        Go(driver, FirstLink(driver, PersonPath()) + "/incidents");
        links["incident"] = FirstLink(driver, IncidentPath());
        Go(driver, links["service"] + "/training");
        links["staff"] = FirstLink(driver, StaffTrainingPath()).Replace("/training", "");
        // Oakfield House: the demo's signed-off monitoring and audit, and a monitoring in progress, started as the manager would.
        Go(driver, "/services");
        links["house"] = new Uri(driver.FindElement(By.LinkText("Oakfield House")).GetDomProperty("href")!).AbsolutePath;
        Go(driver, links["house"] + "/monitoring");
        var signedOff = driver.FindElements(By.CssSelector("main table a[href]")).Select(a => (Text: a.GetDomProperty("textContent") ?? "", Href: new Uri(a.GetDomProperty("href")!).AbsolutePath)).ToList();
        links["monitoring"] = signedOff.First(a => MonitoringPath().IsMatch(a.Href) && !a.Text.Contains("audit")).Href;
        links["audit"] = signedOff.First(a => MonitoringPath().IsMatch(a.Href) && a.Text.Contains("audit")).Href;
        Go(driver, links["monitoring"]);
        links["actionDone"] = FirstLink(driver, ActionDonePath());
        Go(driver, links["house"] + "/monitoring");
        driver.FindElements(By.CssSelector("main form button")).First(b => b.Text.EndsWith("the 3-monthly monitoring")).Click();
        Wait(driver).Until(d => MonitoringPath().IsMatch(new Uri(d.Url).AbsolutePath));
        links["draft"] = new Uri(driver.Url).AbsolutePath;
        // Sam: his Plans tab (a draft profile, a positive risk-taking plan in place) and his panel referral.
        Go(driver, "/people?search=Adeyemi");
        var sam = FirstLink(driver, PersonPath());
        Go(driver, sam);
        links["panel"] = FirstLink(driver, PanelPath());
        links["samPlans"] = sam + "/plans";
        Go(driver, links["samPlans"]);
        PlanLinks(driver, links, sam, ("profile", "profile"), ("positiveRisk", "positive-risk"), ("supportPlan", "support-plan"));
        // Chloe: a support plan started as the manager would, so its question pages have a draft to answer.
        Go(driver, "/people?search=Harrison");
        var chloe = FirstLink(driver, PersonPath());
        Go(driver, chloe + "/plans");
        driver.FindElement(By.LinkText("Start a support plan")).Click();
        driver.FindElements(By.CssSelector("main form button")).First(b => b.Text == "Start the support plan").Click();
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/edit/outcomes"));
        links["supportDraft"] = new Uri(driver.Url).AbsolutePath.Replace("/edit/outcomes", "");
        links["supportDraftShared"] = chloe + "/plans/" + links["supportDraft"].Split('/').Last();
        SignOut(driver);
        // Riverside Lodge (another provider): George's behaviour support plan and risk assessment, Eileen's reduction plan.
        SignIn(driver, DemoUsers.RiversideManager);
        Go(driver, "/people?search=Whitaker");
        var george = FirstLink(driver, PersonPath());
        links["georgePlans"] = george + "/plans";
        Go(driver, links["georgePlans"]);
        PlanLinks(driver, links, george, ("behaviourSupport", "behaviour-support"), ("riskAssessment", "risk-assessment"));
        Go(driver, "/people?search=Foster");
        var eileen = FirstLink(driver, PersonPath());
        links["eileenPlans"] = eileen + "/plans";
        Go(driver, links["eileenPlans"]);
        PlanLinks(driver, links, eileen, ("reduction", "reduction"));
        SignOut(driver);
        SignIn(driver, DemoUsers.Administrator);
        Go(driver, "/admin/users");
        links["user"] = FirstLink(driver, UserPath());
        return _links = links;
    }

    /// <summary>Each plan's own page ({key}) and its shared pages' base ({key}Shared: /people/{id}/plans/{planId}).</summary>
    private static void PlanLinks(IWebDriver driver, Dictionary<string, string> links, string person, params (string Key, string Slug)[] plans)
    {
        foreach (var (key, slug) in plans)
        {
            links[key] = FirstLink(driver, PlanPath(slug));
            links[key + "Shared"] = person + "/plans/" + links[key].Split('/').Last();
        }
    }

    private static string FirstLink(IWebDriver driver, Regex path) =>
        driver.FindElements(By.CssSelector("main a[href]"))
            .Select(a => new Uri(a.GetDomProperty("href")!).AbsolutePath)
            .First(path.IsMatch);

    private static string Resolve(string template, Dictionary<string, string> links) =>
        links.Aggregate(template, (page, link) => page.Replace("{" + link.Key + "}", link.Value));
}
