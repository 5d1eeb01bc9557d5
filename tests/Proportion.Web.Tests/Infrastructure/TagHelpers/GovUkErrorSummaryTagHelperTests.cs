using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Web.Infrastructure.TagHelpers;

namespace Proportion.Web.Tests.Infrastructure.TagHelpers;

public class GovUkErrorSummaryTagHelperTests
{
    private readonly TagHelperHost host = new();

    private static readonly SelectListItem[] Colours = [new("Red", "red"), new("Blue", "blue")];

    [Fact]
    public async Task Render_WithNoErrors_RendersNothing()
    {
        host.Posted("Input.Name", "fine");

        var doc = await host.RenderAsync(new GovUkErrorSummaryTagHelper());

        Assert.Equal("", doc.Body!.InnerHtml);
    }

    [Fact]
    public async Task Render_WithErrors_IsTheGovUkErrorSummary()
    {
        host.ModelState.AddModelError("Input.Name", "Enter your full name");

        var doc = await host.RenderAsync(new GovUkErrorSummaryTagHelper());

        var summary = doc.QuerySelector("div.govuk-error-summary[data-module=govuk-error-summary]")!;
        var alert = summary.QuerySelector(":scope > div[role=alert]")!;
        Assert.Equal("There is a problem", alert.QuerySelector("h2.govuk-error-summary__title")!.TextContent);
        var link = alert.QuerySelector(".govuk-error-summary__body ul.govuk-list.govuk-error-summary__list li a")!;
        Assert.Equal("#Input_Name", link.GetAttribute("href"));
        Assert.Equal("Enter your full name", link.TextContent);
    }

    [Fact]
    public async Task Render_ListsOneLinePerKey_GeneralFirst_ThenFieldsInTheModelsOrder_ThenTheRest()
    {
        host.ModelState.AddModelError("Input.Tags", "Select a tag");
        host.ModelState.AddModelError("Input.Previous[10].Postcode", "Enter postcode 11");
        host.ModelState.AddModelError("Input.Previous[2].Postcode", "Enter postcode 3");
        host.ModelState.AddModelError("handlerArgument", "Not a field");
        host.ModelState.AddModelError("Input.Name", "Enter your full name");
        host.ModelState.AddModelError("Input.Name", "A second error on the same field");
        host.ModelState.AddModelError("", "This record was changed by someone else");

        var doc = await host.RenderAsync(new GovUkErrorSummaryTagHelper());

        Assert.Equal(
            ["This record was changed by someone else", "Enter your full name", "Select a tag", "Enter postcode 3", "Enter postcode 11", "Not a field"],
            doc.QuerySelectorAll("li").Select(l => l.TextContent));
    }

    [Theory]
    [InlineData("Input.DateOfBirth", "#Input_DateOfBirth-day")]
    [InlineData("Input.DateOfBirth.Month", "#Input_DateOfBirth-month")]
    [InlineData("Input.DateOfBirth.Year", "#Input_DateOfBirth-year")]
    [InlineData("Input.Tags", "#Input_Tags")]
    [InlineData("Input.Address.Postcode", "#Input_Address_Postcode")]
    [InlineData("Input.Previous[2].Postcode", "#Input_Previous_2__Postcode")]
    [InlineData("input.name", "#input_name")]
    public async Task Render_LinksToTheFieldsTarget(string key, string href)
    {
        host.ModelState.AddModelError(key, "Problem");

        var doc = await host.RenderAsync(new GovUkErrorSummaryTagHelper());

        Assert.Equal(href, doc.QuerySelector("li a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("NotAField")]
    [InlineData("Input")]
    [InlineData("Input.Address")]
    [InlineData("Input.Name.Length.Whatever")]
    public async Task Render_ErrorNotOnAField_IsPlainText(string key)
    {
        host.ModelState.AddModelError(key, "This record was changed by someone else");

        var doc = await host.RenderAsync(new GovUkErrorSummaryTagHelper());

        var item = doc.QuerySelector("li")!;
        Assert.Null(item.QuerySelector("a"));
        Assert.Equal("This record was changed by someone else", item.TextContent);
    }

    [Fact]
    public async Task Render_EncodesMessages()
    {
        host.ModelState.AddModelError("", "<script>x</script>");

        var doc = await host.RenderAsync(new GovUkErrorSummaryTagHelper());

        Assert.Null(doc.QuerySelector("li script"));
        Assert.Equal("<script>x</script>", doc.QuerySelector("li")!.TextContent);
    }

    [Fact]
    public async Task SummaryLinks_LandOnElementsTheFieldsRender()
    {
        host.ModelState.AddModelError("Input.Name", "Enter your full name");
        host.ModelState.AddModelError("Input.Colour", "Select a colour");
        host.ModelState.AddModelError("Input.Tags", "Select a tag");
        host.ModelState.AddModelError("Input.DateOfBirth", "Enter date of birth");
        host.ModelState.AddModelError("Input.Notes", "Enter notes");

        var summary = await host.RenderAsync(new GovUkErrorSummaryTagHelper());
        var fields = new[]
        {
            await host.RenderAsync(new GovUkInputTagHelper { For = host.For(p => p.Input.Name) }),
            await host.RenderAsync(new GovUkRadiosTagHelper { For = host.For(p => p.Input.Colour), Items = Colours }),
            await host.RenderAsync(new GovUkCheckboxesTagHelper { For = host.For(p => p.Input.Tags), Items = Colours }),
            await host.RenderAsync(new GovUkDateInputTagHelper { For = host.For(p => p.Input.DateOfBirth) }),
            await host.RenderAsync(new GovUkTextareaTagHelper { For = host.For(p => p.Input.Notes) }),
        };

        var hrefs = summary.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(5, hrefs.Count);
        foreach (var href in hrefs)
        {
            var target = Assert.Single(fields, f => f.GetElementById(href[1..]) is not null).GetElementById(href[1..])!;
            Assert.Contains(target.LocalName, new[] { "input", "textarea", "select" });
        }
    }
}
