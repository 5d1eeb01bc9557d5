using Proportion.Web.Infrastructure.Forms;
using Proportion.Web.Infrastructure.TagHelpers;

namespace Proportion.Web.Tests.Infrastructure.TagHelpers;

public class GovUkDateInputTagHelperTests
{
    private readonly TagHelperHost host = new();

    private GovUkDateInputTagHelper DateOfBirth() => new() { For = host.For(p => p.Input.DateOfBirth), Legend = "Date of birth", Hint = "For example, 27 3 2007" };

    [Fact]
    public async Task Render_ThreeBoxes_WithGovUkNamesIdsAndWidths()
    {
        host.Model.Input.DateOfBirth = DateParts.From(new DateOnly(2007, 3, 27));

        var doc = await host.RenderAsync(DateOfBirth());

        var inputs = doc.QuerySelectorAll("input");
        Assert.Equal(["Input_DateOfBirth-day", "Input_DateOfBirth-month", "Input_DateOfBirth-year"], inputs.Select(i => i.Id));
        Assert.Equal(["Input.DateOfBirth.Day", "Input.DateOfBirth.Month", "Input.DateOfBirth.Year"], inputs.Select(i => i.GetAttribute("name")));
        Assert.Equal(["27", "3", "2007"], inputs.Select(i => i.GetAttribute("value")));
        Assert.Equal("govuk-input govuk-date-input__input govuk-input--width-4", inputs[2].ClassName);
        Assert.All(inputs, i => Assert.Equal("numeric", i.GetAttribute("inputmode")));
        Assert.Equal("Input_DateOfBirth", doc.QuerySelector("div.govuk-date-input")!.Id);
        var fieldset = doc.QuerySelector("fieldset")!;
        Assert.Equal("group", fieldset.GetAttribute("role"));
        Assert.Equal("Input_DateOfBirth-hint", fieldset.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Render_AfterAPost_ShowsWhatWasTypedInEachBox()
    {
        host.Posted("Input.DateOfBirth.Day", "31");
        host.Posted("Input.DateOfBirth.Month", "feb");
        host.Posted("Input.DateOfBirth.Year", "20x");

        var doc = await host.RenderAsync(DateOfBirth());

        Assert.Equal(["31", "feb", "20x"], doc.QuerySelectorAll("input").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task Render_ErrorOnTheWholeDate_MarksAllThreeBoxes()
    {
        host.ModelState.AddModelError("Input.DateOfBirth", "Date of birth must be a real date");

        var doc = await host.RenderAsync(DateOfBirth());

        Assert.Equal("govuk-form-group govuk-form-group--error", doc.Body!.FirstElementChild!.ClassName);
        Assert.All(doc.QuerySelectorAll("input"), i => Assert.Contains("govuk-input--error", i.ClassList));
        Assert.Equal("Error: Date of birth must be a real date", doc.QuerySelector(".govuk-error-message")!.TextContent);
        Assert.Equal("Input_DateOfBirth-hint Input_DateOfBirth-error", doc.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Render_ErrorOnOnePart_MarksOnlyThatBox()
    {
        host.ModelState.AddModelError("Input.DateOfBirth.Month", "Date of birth must include a month");

        var doc = await host.RenderAsync(DateOfBirth());

        Assert.Equal(
            [false, true, false],
            doc.QuerySelectorAll("input").Select(i => i.ClassList.Contains("govuk-input--error")));
        Assert.Equal("Error: Date of birth must include a month", doc.QuerySelector(".govuk-error-message")!.TextContent);
    }

    [Fact]
    public async Task Render_Autocomplete_NamesEachPart()
    {
        var helper = DateOfBirth();
        helper.Autocomplete = "bday";

        var doc = await host.RenderAsync(helper);

        Assert.Equal(["bday-day", "bday-month", "bday-year"], doc.QuerySelectorAll("input").Select(i => i.GetAttribute("autocomplete")));
    }
}
