using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Web.Infrastructure.TagHelpers;

namespace Proportion.Web.Tests.Infrastructure.TagHelpers;

public class GovUkChoicesTagHelperTests
{
    private readonly TagHelperHost host = new();

    private static readonly SelectListItem[] Colours = [new("Red", "red"), new("Blue", "blue"), new("Green", "green")];

    private GovUkRadiosTagHelper Radios() => new() { For = host.For(p => p.Input.Colour), Legend = "Favourite colour", Items = Colours };

    private GovUkCheckboxesTagHelper Checkboxes() => new() { For = host.For(p => p.Input.Tags), Legend = "Tags", Items = Colours };

    [Fact]
    public async Task Radios_FirstItemCarriesTheFieldId_OthersAreNumbered()
    {
        var doc = await host.RenderAsync(Radios());

        Assert.Equal(["Input_Colour", "Input_Colour-2", "Input_Colour-3"], doc.QuerySelectorAll("input").Select(i => i.Id));
        Assert.All(doc.QuerySelectorAll("input"), i => Assert.Equal("Input.Colour", i.GetAttribute("name")));
        Assert.Equal(["Input_Colour", "Input_Colour-2", "Input_Colour-3"], doc.QuerySelectorAll("label").Select(l => l.GetAttribute("for")));
        Assert.Equal("govuk-label govuk-radios__label", doc.QuerySelector("label")!.ClassName);
        Assert.Equal("govuk-radios", doc.QuerySelector("[data-module=govuk-radios]")!.ClassName);
    }

    [Fact]
    public async Task Radios_LegendAndFieldset_FollowGovUk()
    {
        var helper = Radios();
        helper.Hint = "Pick one";
        helper.LegendIsPageHeading = true;
        host.ModelState.AddModelError("Input.Colour", "Select a colour");

        var doc = await host.RenderAsync(helper);

        Assert.Equal("govuk-form-group govuk-form-group--error", doc.Body!.FirstElementChild!.ClassName);
        var fieldset = doc.QuerySelector("fieldset.govuk-fieldset")!;
        Assert.Equal("Input_Colour-hint Input_Colour-error", fieldset.GetAttribute("aria-describedby"));
        var legend = fieldset.QuerySelector("legend")!;
        Assert.Equal("govuk-fieldset__legend govuk-fieldset__legend--l", legend.ClassName);
        Assert.Equal("Favourite colour", legend.QuerySelector("h1.govuk-fieldset__heading")!.TextContent);
        Assert.Equal("Input_Colour-error", fieldset.QuerySelector("p.govuk-error-message")!.Id);
    }

    [Fact]
    public async Task Radios_Inline_AddsTheModifier()
    {
        var helper = Radios();
        helper.IsInline = true;

        var doc = await host.RenderAsync(helper);

        Assert.Equal("govuk-radios govuk-radios--inline", doc.QuerySelector("[data-module=govuk-radios]")!.ClassName);
        Assert.Equal("govuk-fieldset__legend govuk-fieldset__legend--m", doc.QuerySelector("legend")!.ClassName);
    }

    [Fact]
    public async Task Radios_ChecksThePostedValueOverTheModel()
    {
        host.Model.Input.Colour = "red";
        host.Posted("Input.Colour", "green");

        var doc = await host.RenderAsync(Radios());

        Assert.Equal(["green"], doc.QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task Radios_WithNothingPosted_ChecksTheModelValue()
    {
        host.Model.Input.Colour = "blue";

        var doc = await host.RenderAsync(Radios());

        Assert.Equal(["blue"], doc.QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task Checkboxes_ChecksEveryPostedValue()
    {
        host.Model.Input.Tags = ["red"];
        host.Posted("Input.Tags", ["blue", "green"]);
        host.ModelState.AddModelError("Input.Tags", "Too many");

        var doc = await host.RenderAsync(Checkboxes());

        Assert.Equal(["blue", "green"], doc.QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal("Input_Tags", doc.QuerySelector("input")!.Id);
        Assert.Equal("checkbox", doc.QuerySelector("input")!.GetAttribute("type"));
        Assert.Equal("govuk-checkboxes__input", doc.QuerySelector("input")!.ClassName);
        Assert.Equal("govuk-checkboxes", doc.QuerySelector("[data-module=govuk-checkboxes]")!.ClassName);
        Assert.Equal("Input_Tags-error", doc.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Checkboxes_WithNothingPosted_ChecksTheModelCollection()
    {
        host.Model.Input.Tags = ["red", "green"];

        var doc = await host.RenderAsync(Checkboxes());

        Assert.Equal(["red", "green"], doc.QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value")));
    }
}
