using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Proportion.Browser.Tests.Infrastructure;
using Xunit.Abstractions;
using static Proportion.Browser.Tests.Infrastructure.Fill;

namespace Proportion.Browser.Tests;

public sealed partial class JourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [GeneratedRegex(@"/people/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/?$")]
    private static partial Regex PersonPath();

    [BrowserTheory]
    [InlineData(Viewport.Desktop)]
    [InlineData(Viewport.Phone)]
    public void ServiceManager_OpensAPersonsRegister_AndSeesTheTotal(Viewport viewport)
    {
        using var browser = BrowserSession.Start(viewport);
        var driver = browser.Driver;

        Go(driver, "/sign-in");
        var width = Convert.ToInt32(((IJavaScriptExecutor)driver).ExecuteScript("return window.innerWidth;"));
        Assert.Equal(viewport == Viewport.Phone ? BrowserSession.PhoneSize.Width : BrowserSession.DesktopSize.Width, width);
        AssertNoAxeViolations(driver, "sign-in");
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/");
        AssertNoAxeViolations(driver, "home");

        Go(driver, "/people");
        AssertNoAxeViolations(driver, "people list");

        var person = driver.FindElements(By.CssSelector("main a[href*='/people/']"))
            .FirstOrDefault(a => PersonPath().IsMatch(new Uri(a.GetDomProperty("href") ?? "about:blank").AbsolutePath));
        Assert.True(person is not null, $"No link to a person on /people. Page text:\n{BodyText(driver)}");
        var personPath = new Uri(person.GetDomProperty("href")!).AbsolutePath.TrimEnd('/');
        Output.WriteLine($"person: {person.Text} {personPath}");
        Click(driver, person);
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.TrimEnd('/') == personPath);
        AssertNoAxeViolations(driver, "person");

        var registerLink = driver.FindElements(By.CssSelector($"a[href$='{personPath}/practices']")).FirstOrDefault();
        if (registerLink is not null) Click(driver, registerLink);
        else Go(driver, $"{personPath}/practices");
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.TrimEnd('/') == $"{personPath}/practices");
        AssertNoAxeViolations(driver, "register (RP1)");
        SaveScreenshot(driver, $"register-{viewport}");

        var register = driver.FindElements(By.TagName("table"))
            .FirstOrDefault(t => t.FindElements(By.TagName("caption"))
                .Any(c => c.Text.Contains("Restrictive practices", StringComparison.OrdinalIgnoreCase)));
        Assert.True(register is not null, $"No table captioned 'Restrictive practices'. Page text:\n{BodyText(driver)}");
        var totalRow = register.FindElements(By.TagName("tr"))
            .FirstOrDefault(row => row.FindElements(By.XPath("./th|./td")).FirstOrDefault() is { } cell &&
                                   cell.GetDomProperty("textContent")!.Contains("Total", StringComparison.OrdinalIgnoreCase));
        Assert.True(totalRow is not null, "The register has no row whose first cell says Total.");
    }

    /// <summary>
    /// A manager takes a proposal through every page of the restrictive practice discussion with the
    /// keyboard-free defaults, and each page passes axe; the check page names what is still needed.
    /// </summary>
    [BrowserTheory]
    [InlineData(Viewport.Desktop)]
    [InlineData(Viewport.Phone)]
    public void ServiceManager_WorksThroughTheDiscussionPages_EachAccessible(Viewport viewport)
    {
        using var browser = BrowserSession.Start(viewport);
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/people?search=Patel");
        var person = new Uri(driver.FindElements(By.CssSelector("main a[href*='/people/']"))
            .First(a => PersonPath().IsMatch(new Uri(a.GetDomProperty("href")!).AbsolutePath)).GetDomProperty("href")!).AbsolutePath;
        Go(driver, person + "/practices");
        // Stan's kitchen-lock proposal is in the demo data, waiting for its discussion.
        Click(driver, driver.FindElement(By.PartialLinkText("Kitchen locked")));
        Click(driver, driver.FindElement(By.PartialLinkText("restrictive practice discussion")));
        AssertNoAxeViolations(driver, "discussion start");
        Click(driver, driver.FindElement(By.CssSelector("main form button[type=submit]")));

        foreach (var step in new[] { "risk", "alternatives", "views", "capacity", "legal-basis", "guidelines" })
        {
            Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/decision/" + step));
            AssertNoAxeViolations(driver, $"discussion: {step}");
            var next = driver.FindElements(By.CssSelector("main form button[type=submit]"))
                .First(b => b.Text is "Save and continue" or "Continue");
            Click(driver, next);
        }

        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/decision/check"));
        AssertNoAxeViolations(driver, "discussion: check answers");
        SaveScreenshot(driver, $"discussion-check-{viewport}");
        Assert.Contains("Still needed before the practice can be agreed", BodyText(driver));

        // The people consulted are asked only when capacity is lacking; the page is checked all the same.
        Go(driver, new Uri(driver.Url).AbsolutePath.Replace("/decision/check", "/decision/consultees"));
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.EndsWith("/decision/consultees"));
        AssertNoAxeViolations(driver, "discussion: consultees");
    }

    /// <summary>
    /// The whole RP2 journey in the browser for a person with capacity who agrees: every question
    /// answered, an alternative, a signature, the manager's agreement (R3), and the practice agreed.
    /// </summary>
    [BrowserFact]
    public void ServiceManager_AgreesAPracticeEndToEnd()
    {
        using var browser = BrowserSession.Start();
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/people?search=Sharma");
        var person = new Uri(driver.FindElements(By.CssSelector("main a[href*='/people/']"))
            .First(a => PersonPath().IsMatch(new Uri(a.GetDomProperty("href")!).AbsolutePath)).GetDomProperty("href")!).AbsolutePath;
        Go(driver, person + "/practices");
        // Ravi's proposal about holding his hands during a seizure waits for its discussion.
        Click(driver, driver.FindElement(By.PartialLinkText("Holding Ravi")));
        Click(driver, driver.FindElement(By.PartialLinkText("restrictive practice discussion")));
        Click(driver, driver.FindElement(By.CssSelector("main form button[type=submit]")));

        Wait(driver).Until(d => d.Url.EndsWith("/decision/risk"));
        Choose(driver, "Input_Likelihood-3");
        Choose(driver, "Input_Seriousness-4");
        Type(driver, "Input_TriedBefore", "Cushions around him; moving furniture away");
        Type(driver, "Input_ConsequencesOfUsing", "Ravi may feel held; staff could be hurt");
        Type(driver, "Input_ConsequencesOfNotUsing", "Head injury against furniture");
        Type(driver, "Input_Proportionality", "Only during a seizure, only his hands, only until it passes");
        Continue(driver);

        Wait(driver).Until(d => d.Url.EndsWith("/decision/alternatives"));
        Type(driver, "Input_Description", "A soft helmet");
        Type(driver, "Input_WhyRejected", "Ravi pulls it off and is distressed by it");
        Click(driver, driver.FindElements(By.CssSelector("main form button")).First(b => b.Text == "Add alternative"));
        Wait(driver).Until(d => d.PageSource.Contains("A soft helmet"));
        Continue(driver);

        Wait(driver).Until(d => d.Url.EndsWith("/decision/views"));
        Type(driver, "Input_PersonViews", "Ravi nodded and said yes when shown the hold with his sister");
        Choose(driver, "Input_ViewsGatheredBy");
        Choose(driver, "Input_PersonResponse");
        Type(driver, "Input_RepresentativesViews", "Anita (sister, deputy) agrees");
        Type(driver, "Input_MultiDisciplinaryAdvice", "Epilepsy nurse advised it");
        Continue(driver);

        Wait(driver).Until(d => d.Url.EndsWith("/decision/capacity"));
        foreach (var question in new[] { "Input_CanUnderstand", "Input_CanRetain", "Input_CanUseOrWeigh", "Input_CanCommunicate" })
        {
            Choose(driver, question);
        }
        Type(driver, "Input_CapacityEvidence", "Assessed with his sister present, using pictures");
        Continue(driver);

        // He has capacity and agrees: his consent is the legal basis, and he decides for himself.
        Wait(driver).Until(d => d.Url.EndsWith("/decision/legal-basis"));
        Choose(driver, "Input_LegalBasis");
        Continue(driver);

        // With capacity, best interests and those consulted are not asked.
        Wait(driver).Until(d => d.Url.EndsWith("/decision/guidelines"));
        Type(driver, "Input_WhenMayBeUsed", "During a seizure, when his hands go towards his head");
        Type(driver, "Input_WhenMustNotBeUsed", "At any other time");
        Type(driver, "Input_OthersRightsProtection", "Affects nobody else");
        Continue(driver);

        Wait(driver).Until(d => d.Url.EndsWith("/decision/check"));
        Click(driver, driver.FindElement(By.CssSelector("details summary")));
        Type(driver, "Signature_Name", "Ravi Sharma");
        Type(driver, "Signature_SignedAs", "Ravi himself");
        Choose(driver, "Signature_Method");
        Click(driver, driver.FindElements(By.CssSelector("main form button")).First(b => b.Text == "Record signature"));
        Wait(driver).Until(d => d.PageSource.Contains("signature has been recorded"));
        Click(driver, driver.FindElements(By.CssSelector("main form button")).First(b => b.Text == "Agree as service manager"));
        Wait(driver).Until(d => d.PageSource.Contains("You have agreed this decision as service manager"));
        AssertNoAxeViolations(driver, "check answers, ready to agree");
        Click(driver, driver.FindElements(By.CssSelector("main form button")).First(b => b.Text == "Agree the practice"));

        Wait(driver).Until(d => d.Url.EndsWith("/practices"));
        Assert.Contains("The practice is agreed", BodyText(driver));
    }

    /// <summary>
    /// Form RP2A in the browser, at phone width: a manager reviews Joyce's door lock from the practice page,
    /// answers every question, records a signature and completes it; every page passes axe, and the
    /// practice carries the next review date.
    /// </summary>
    [BrowserFact]
    public void ServiceManager_ReviewsAPracticeEndToEnd_OnAPhone()
    {
        using var browser = BrowserSession.Start(Viewport.Phone);
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/people?search=Turner");
        var person = new Uri(driver.FindElements(By.CssSelector("main a[href*='/people/']"))
            .First(a => PersonPath().IsMatch(new Uri(a.GetDomProperty("href")!).AbsolutePath)).GetDomProperty("href")!).AbsolutePath;
        Go(driver, person + "/practices");
        Click(driver, driver.FindElement(By.PartialLinkText("not shared with Joyce")));
        Click(driver, driver.FindElement(By.LinkText("Review this practice")));
        Wait(driver).Until(d => d.Url.EndsWith("/review"));
        AssertNoAxeViolations(driver, "review: start");
        Click(driver, driver.FindElement(By.CssSelector("main form button[type=submit]")));

        Wait(driver).Until(d => d.Url.EndsWith("/review/need"));
        AssertNoAxeViolations(driver, "review: need");
        Choose(driver, "Input_RiskContinues");
        Type(driver, "Input_RiskContinuesEvidence", "Joyce tried to leave at dusk twice this month");
        Choose(driver, "Input_MeasuresEffective");
        Type(driver, "Input_MeasuresEffectiveEvidence", "She has not been lost since");
        Choose(driver, "Input_StillLeastRestrictive");
        Type(driver, "Input_StillLeastRestrictiveEvidence", "Walks with staff every afternoon meet her wish to go out");
        Type(driver, "Input_QualityOfLifeImpact", "She goes out every day with staff");
        Continue(driver);

        Wait(driver).Until(d => d.Url.EndsWith("/review/views"));
        AssertNoAxeViolations(driver, "review: views");
        Type(driver, "Input_PersonView", "Joyce said she likes her walks with Amira");
        Choose(driver, "Input_ViewGatheredBy");
        Choose(driver, "Input_PersonTookPart");
        Type(driver, "Input_PersonParticipation", "Joyce sat in for the first part");
        Type(driver, "Input_FamilyAndAdvocates", "Her niece, by phone");
        Continue(driver);

        Wait(driver).Until(d => d.Url.EndsWith("/review/safeguards"));
        AssertNoAxeViolations(driver, "review: safeguards");
        foreach (var (question, why) in new[] { ("Input_Justifiable", "Input_JustifiableEvidence"), ("Input_PotentialDeprivationOfLiberty", "Input_DeprivationOfLibertyEvidence"),
                     ("Input_BalanceJustifiable", "Input_BalanceEvidence"), ("Input_SafeguardsAdequate", "Input_SafeguardsEvidence") })
        {
            Choose(driver, question);
            Type(driver, why, "Discussed and agreed by everyone at the review");
        }
        Continue(driver);

        Wait(driver).Until(d => d.Url.EndsWith("/review/outcome"));
        AssertNoAxeViolations(driver, "review: outcome");
        Choose(driver, "Input_ReductionConsidered");
        Type(driver, "Input_ReductionDetail", "A door alarm instead of the lock in the mornings, to try next month");
        Choose(driver, "Input_Outcome");
        Type(driver, "Input_OutcomeReasons", "Still needed in the late afternoon");
        var next = DateTime.UtcNow.AddMonths(4);
        Type(driver, "Input_NextReviewDate-day", next.Day.ToString());
        Type(driver, "Input_NextReviewDate-month", next.Month.ToString());
        Type(driver, "Input_NextReviewDate-year", next.Year.ToString());
        Choose(driver, "Input_CarePlanUpdated");
        Continue(driver);

        Wait(driver).Until(d => d.Url.EndsWith("/review/check"));
        Assert.Contains("Record the signatures of everyone involved in the review", BodyText(driver));
        AssertNoAxeViolations(driver, "review: check");
        Click(driver, driver.FindElement(By.CssSelector("details summary")));
        Type(driver, "Signature_Name", "Joyce Turner");
        Type(driver, "Signature_SignedAs", "Joyce herself");
        Choose(driver, "Signature_Method");
        Click(driver, driver.FindElements(By.CssSelector("main form button")).First(b => b.Text == "Record signature"));
        Wait(driver).Until(d => d.PageSource.Contains("signature has been recorded"));
        Assert.DoesNotContain("Still needed before the review can be completed", BodyText(driver));
        Click(driver, driver.FindElements(By.CssSelector("main form button")).First(b => b.Text == "Complete the review"));

        Wait(driver).Until(d => d.PageSource.Contains("The review is complete"));
        Assert.Contains($"The next review is due by {next:d MMMM yyyy}", BodyText(driver));
        AssertNoAxeViolations(driver, "practice after its review");
        Click(driver, driver.FindElement(By.PartialLinkText("Review 1, held")));
        Wait(driver).Until(d => d.Url.EndsWith("/reviews/1"));
        AssertNoAxeViolations(driver, "completed review");
        Assert.Contains("Joyce said she likes her walks with Amira", BodyText(driver));
    }

    /// <summary>
    /// A care worker on a phone records an emergency from the home page, one short page at a time: picks the
    /// person by the name they go by, adds a second intervention without losing what was typed, says no one was
    /// hurt, changes an answer from the check page and comes back to it, records, and lands on the record with its
    /// duties. Every page passes axe; what it took is written out (pages, taps, typing, scrolling).
    /// </summary>
    [BrowserFact]
    public void CareWorker_RecordsAnIncidentOnAPhone()
    {
        using var browser = BrowserSession.Start(Viewport.Phone);
        var driver = browser.Driver;
        var effort = new Effort(driver);
        // A change made from the check page is counted apart, so the figures are those of recording it straight through.
        var detour = new Effort(driver);
        var counting = effort;
        SignIn(driver, DemoUsers.CareWorker);
        Go(driver, "/");
        effort.Arrived();
        effort.Click(driver.FindElement(By.LinkText("Record an incident")));
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath == "/incidents/new");
        effort.Arrived();
        AssertNoAxeViolations(driver, "record: choose the person");
        effort.Pick(driver.FindElements(By.CssSelector("#Input_PersonId option")).First(o => o.Text.StartsWith("Edna Morris")));
        effort.Click(driver.FindElements(By.CssSelector("main form button")).First(b => b.Text == "Continue"));

        void Next(string heading)
        {
            counting.Click(driver.FindElements(By.CssSelector("main form button")).Last(b => b.Displayed && (b.Text == "Continue" || b.Text.StartsWith("Save and return"))));
            Arrive(heading);
        }
        void Arrive(string heading)
        {
            var wait = Wait(driver);
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
            wait.Until(d => d.FindElement(By.TagName("h1")).Text.Contains(heading) || d.FindElements(By.CssSelector(".govuk-error-summary")).Count > 0);
            Assert.True(driver.FindElement(By.TagName("h1")).Text.Contains(heading), BodyText(driver));
            counting.Arrived();
            AssertNoAxeViolations(driver, $"record an incident: {heading}, phone");
            Screenshot(driver, $"incident-{heading.Split(' ')[0].ToLowerInvariant()}-phone");
            Assert.Equal("", ((IJavaScriptExecutor)driver).ExecuteScript(Overflow));
        }

        Arrive("When and where");
        Assert.Contains("part 1 of 6", BodyText(driver));
        // The agreed practice's questions are revealed only for a planned use.
        Assert.False(driver.FindElement(By.Id("Input_PracticeId")).Displayed);
        var began = DateTime.UtcNow.AddHours(-2);
        var local = TimeZoneInfo.ConvertTimeFromUtc(began, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        if (local.AddMinutes(20).Date != local.Date) local = local.AddMinutes(-30);
        if (local.Date != TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Date)
        {
            TypeDate(driver, "Input_OccurredOn", local);
        }
        effort.Type("Input_Location", "The garden");
        effort.Choose("Input_Kind-2");
        Next("What was done");

        // Least restrictive first: the list never starts on prone restraint.
        Assert.Equal("Select the type", driver.FindElement(By.CssSelector("#Input_Interventions_0__Type option:checked")).Text);
        Assert.Equal("LocalEnforcedSupervision", driver.FindElements(By.CssSelector("#Input_Interventions_0__Type option"))[1].GetDomAttribute("value"));
        effort.Pick(driver.FindElement(By.CssSelector("#Input_Interventions_0__Type option[value='PhysicalStanding']")));
        effort.Type("Input_Interventions_0__Start", local.AddMinutes(2).ToString("HH:mm"));
        effort.Type("Input_Interventions_0__End", local.AddMinutes(5).ToString("HH:mm"));
        effort.Choose("Input_Interventions_0__Injuries-4");
        effort.Click(driver.FindElements(By.CssSelector("main form button")).First(b => b.Text == "Add another intervention"));
        Wait(driver).Until(d => d.FindElements(By.Id("intervention-2")).Count == 1);
        effort.Arrived();
        Assert.Equal(local.AddMinutes(5).ToString("HH:mm"), driver.FindElement(By.Id("Input_Interventions_0__End")).GetDomProperty("value"));
        effort.Pick(driver.FindElement(By.CssSelector("#Input_Interventions_1__Type option[value='PhysicalProne']")));
        effort.Type("Input_Interventions_1__Start", local.AddMinutes(5).ToString("HH:mm"));
        effort.Type("Input_Interventions_1__End", local.AddMinutes(7).ToString("HH:mm"));
        effort.Choose("Input_Interventions_1__Injuries-4");
        Next("Why it was used");
        Assert.Contains("part 3 of 6", BodyText(driver));

        effort.Pick(driver.FindElement(By.CssSelector("#Input_Reason option[value='PreventViolenceToOthers']")));
        effort.Type("Input_Antecedents", "A visitor's dog barked at her through the fence");
        effort.Type("Input_DeEscalation", "Walked with her to the bench and talked about her garden");
        Next("How it was used");

        effort.Type("Input_HowUsed", "Held her arms while standing; she slipped to the ground face down briefly");
        effort.Type("Input_Outcome", "Calm after ten minutes; no marks");
        Next("Injuries and who must be told");
        Assert.Contains("You said no one was injured", BodyText(driver));
        Next("Who was involved");
        Assert.Contains("part 6 of 6", BodyText(driver));
        Assert.True(driver.FindElements(By.CssSelector("input[name='Input.StaffUserIds']")).Any(b => b.Selected), "The care worker recording is not ticked as involved.");
        Next("Check your answers");
        var check = BodyText(driver);
        Assert.Contains("The garden", check);
        Assert.Contains("Physical restraint: prone (face down)", check);
        Assert.Contains("Injured: No one", check);
        SaveScreenshot(driver, "incident-check-phone");

        // Change returns to the check page.
        counting = detour;
        detour.Click(driver.FindElements(By.CssSelector("main form button")).First(b => b.Text.StartsWith("Change") && b.Text.Contains("when and where")));
        Arrive("When and where");
        detour.Type("Input_Location", "The back garden");
        Next("Check your answers");
        Assert.Contains("The back garden", BodyText(driver));
        counting = effort;

        effort.Click(driver.FindElements(By.CssSelector("main form button")).Last(b => b.Displayed && b.Text == "Record incident"));
        Wait(driver).Until(d => new Uri(d.Url).AbsolutePath.StartsWith("/incidents/") && d.PageSource.Contains("What must follow"));
        var page = BodyText(driver);
        Assert.Contains("The incident has been recorded", page);
        Assert.Contains("Prone restraint", page);
        Assert.Contains("Reflection from Amira Khan", page);
        AssertNoAxeViolations(driver, "incident record, phone");
        SaveScreenshot(driver, "incident-phone");
        Output.WriteLine($"Recording the incident: {effort}; changing one answer from the check page: {detour}");
        // Short pages: the one-page form was 6,419px tall at this width (about 8 screens); no page now passes 4 screens.
        Assert.True(effort.TallestPage < 4 * BrowserSession.PhoneSize.Height, $"A page of the journey is {effort.TallestPage}px tall.");
    }

    /// <summary>Chooses an option of a select list, as a person picking it from the list would.</summary>
    private static void Pick(IWebDriver driver, IWebElement option) =>
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].selected = true; arguments[0].parentElement.dispatchEvent(new Event('change', { bubbles: true }));", option);

    private static void Type(IWebDriver driver, string id, string text)
    {
        var box = driver.FindElement(By.Id(id));
        box.Clear();
        box.SendKeys(text);
    }

    /// <summary>GOV.UK radios and checkboxes are styled over the real input: click it as the browser would for a label.</summary>
    private static void Choose(IWebDriver driver, string id) =>
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].click();", driver.FindElement(By.Id(id)));

    private static void Continue(IWebDriver driver) =>
        Click(driver, driver.FindElements(By.CssSelector("main form button")).First(b => b.Text is "Save and continue" or "Continue"));

    [BrowserFact]
    public void SigningOut_ThenOpeningPeople_AsksToSignInAgain()
    {
        using var browser = BrowserSession.Start();
        var driver = browser.Driver;
        SignIn(driver, DemoUsers.ServiceManager);
        Go(driver, "/");

        SignOut(driver);
        Go(driver, "/people");

        Assert.StartsWith("/sign-in", new Uri(driver.Url).AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>For looking at the pages by eye: set PROPORTION_SCREENSHOTS to a folder.</summary>
    private static void SaveScreenshot(IWebDriver driver, string name)
    {
        if (Environment.GetEnvironmentVariable("PROPORTION_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
        }
    }

    /// <summary>Clicks as a person would, scrolling first so a phone layout's link is in view.</summary>
    private static void Click(IWebDriver driver, IWebElement element)
    {
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.Click();
    }
}
