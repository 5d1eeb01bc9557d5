using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Web.Infrastructure.TagHelpers;

namespace Proportion.Web.Tests.Infrastructure.TagHelpers;

public class GovUkTextareaAndSelectTagHelperTests
{
    private readonly TagHelperHost host = new();

    private static readonly SelectListItem[] Colours =
    [
        new("Choose a colour", ""),
        new("Red", "red"),
        new("Blue", "blue"),
    ];

    [Fact]
    public async Task Textarea_AfterAPost_KeepsWhatWasTypedIncludingLineBreaks()
    {
        host.Model.Input.Notes = "old";
        host.Posted("Input.Notes", "line one\nline <two>");
        host.ModelState.AddModelError("Input.Notes", "Notes must be 500 characters or fewer");

        var doc = await host.RenderAsync(new GovUkTextareaTagHelper { For = host.For(p => p.Input.Notes), Rows = 8 });

        var textarea = doc.QuerySelector("textarea")!;
        Assert.Equal("line one\nline <two>", textarea.TextContent);
        Assert.Equal("govuk-textarea govuk-textarea--error", textarea.ClassName);
        Assert.Equal("Input_Notes", textarea.Id);
        Assert.Equal("Input.Notes", textarea.GetAttribute("name"));
        Assert.Equal("8", textarea.GetAttribute("rows"));
        Assert.Equal("Input_Notes-error", textarea.GetAttribute("aria-describedby"));
        Assert.False(textarea.HasAttribute("maxlength"));
    }

    [Fact]
    public async Task Textarea_WithNothingPosted_ShowsTheModelValue()
    {
        host.Model.Input.Notes = "Stored notes";

        var doc = await host.RenderAsync(new GovUkTextareaTagHelper { For = host.For(p => p.Input.Notes) });

        Assert.Equal("Stored notes", doc.QuerySelector("textarea")!.TextContent);
        Assert.Equal("5", doc.QuerySelector("textarea")!.GetAttribute("rows"));
    }

    [Fact]
    public async Task Select_SelectsThePostedValue()
    {
        host.Model.Input.Colour = "red";
        host.Posted("Input.Colour", "blue");
        host.ModelState.AddModelError("Input.Colour", "Blue is not allowed here");

        var doc = await host.RenderAsync(new GovUkSelectTagHelper { For = host.For(p => p.Input.Colour), Items = Colours });

        var select = doc.QuerySelector("select")!;
        Assert.Equal("govuk-select govuk-select--error", select.ClassName);
        Assert.Equal("Input_Colour", select.Id);
        Assert.Equal(["blue"], doc.QuerySelectorAll("option[selected]").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task Select_WithNothingPosted_SelectsTheModelValue()
    {
        host.Model.Input.Colour = "red";

        var doc = await host.RenderAsync(new GovUkSelectTagHelper { For = host.For(p => p.Input.Colour), Items = Colours });

        Assert.Equal(["red"], doc.QuerySelectorAll("option[selected]").Select(o => o.GetAttribute("value")));
        Assert.Equal(["", "red", "blue"], doc.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
    }
}
