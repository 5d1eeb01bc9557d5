using Proportion.Web.Infrastructure.TagHelpers;

namespace Proportion.Web.Tests.Infrastructure.TagHelpers;

public class GovUkInputTagHelperTests
{
    private readonly TagHelperHost host = new();

    private GovUkInputTagHelper Name() => new() { For = host.For(p => p.Input.Name) };

    [Fact]
    public async Task Render_WithoutErrors_IsAFormGroupWithLabelAndInput()
    {
        var doc = await host.RenderAsync(Name());

        var group = doc.Body!.FirstElementChild!;
        Assert.Equal("DIV", group.TagName);
        Assert.Equal("govuk-form-group", group.ClassName);
        var label = doc.QuerySelector("label")!;
        Assert.Equal("govuk-label", label.ClassName);
        Assert.Equal("Input_Name", label.GetAttribute("for"));
        Assert.Equal("Full name", label.TextContent);
        var input = doc.QuerySelector("input")!;
        Assert.Equal("govuk-input", input.ClassName);
        Assert.Equal("Input_Name", input.Id);
        Assert.Equal("Input.Name", input.GetAttribute("name"));
        Assert.Equal("text", input.GetAttribute("type"));
        Assert.False(input.HasAttribute("aria-describedby"));
        Assert.Null(doc.QuerySelector(".govuk-error-message"));
    }

    [Fact]
    public async Task Render_WithError_AddsGovUkErrorMarkup()
    {
        host.Posted("Input.Name", "");
        host.ModelState.AddModelError("Input.Name", "Enter your full name");
        var helper = Name();
        helper.Hint = "As it appears on their passport";

        var doc = await host.RenderAsync(helper);

        Assert.Equal("govuk-form-group govuk-form-group--error", doc.Body!.FirstElementChild!.ClassName);
        var error = doc.QuerySelector("p.govuk-error-message")!;
        Assert.Equal("Input_Name-error", error.Id);
        Assert.Equal("<span class=\"govuk-visually-hidden\">Error:</span> Enter your full name", error.InnerHtml);
        var input = doc.QuerySelector("input")!;
        Assert.Equal("govuk-input govuk-input--error", input.ClassName);
        Assert.Equal("Input_Name-hint Input_Name-error", input.GetAttribute("aria-describedby"));
        Assert.Equal("Input_Name-hint", doc.QuerySelector(".govuk-hint")!.Id);
    }

    [Fact]
    public async Task Render_ElementOrder_IsLabelHintErrorInput()
    {
        host.ModelState.AddModelError("Input.Name", "Enter your full name");
        var helper = Name();
        helper.Hint = "hint";

        var doc = await host.RenderAsync(helper);

        var order = doc.Body!.FirstElementChild!.Children.Select(e => e.LocalName + "." + e.ClassName);
        Assert.Equal(["label.govuk-label", "div.govuk-hint", "p.govuk-error-message", "input.govuk-input govuk-input--error"], order);
    }

    [Fact]
    public async Task Render_AfterAPost_ShowsWhatWasTypedNotTheModelValue()
    {
        host.Model.Input.Name = "Stored name";
        host.Posted("Input.Name", "What they typed");
        host.ModelState.AddModelError("Input.Name", "Too long");

        var doc = await host.RenderAsync(Name());

        Assert.Equal("What they typed", doc.QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Render_WhenTheyClearedTheField_ShowsItEmpty()
    {
        host.Model.Input.Name = "Stored name";
        host.Posted("Input.Name", "");

        var doc = await host.RenderAsync(Name());

        Assert.Equal("", doc.QuerySelector("input")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Render_WithNothingPosted_ShowsTheModelValue()
    {
        host.Model.Input.Name = "Stored name";

        var doc = await host.RenderAsync(Name());

        Assert.Equal("Stored name", doc.QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Render_NumberModelValue_IsFormatted()
    {
        host.Model.Input.Age = 42;

        var doc = await host.RenderAsync(new GovUkInputTagHelper { For = host.For(p => p.Input.Age) });

        Assert.Equal("42", doc.QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal("Age", doc.QuerySelector("label")!.TextContent);
    }

    [Fact]
    public async Task Render_EncodesEverythingTheUserOrModelSupplies()
    {
        host.Posted("Input.Name", "\"><script>alert(1)</script>");
        host.ModelState.AddModelError("Input.Name", "<b>bad</b>");
        var helper = Name();
        helper.Label = "<i>label</i>";
        helper.Hint = "<u>hint</u>";

        var doc = await host.RenderAsync(helper);

        Assert.Null(doc.QuerySelector("script, b, i, u"));
        Assert.Equal("\"><script>alert(1)</script>", doc.QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal("<i>label</i>", doc.QuerySelector("label")!.TextContent);
        Assert.Equal("Error: <b>bad</b>", doc.QuerySelector(".govuk-error-message")!.TextContent);
    }

    [Fact]
    public async Task Render_WithStringLength_NeverSetsMaxLength()
    {
        var doc = await host.RenderAsync(Name());

        Assert.False(doc.QuerySelector("input")!.HasAttribute("maxlength"));
    }

    [Fact]
    public async Task Render_PassesThroughInputAttributes()
    {
        var helper = Name();
        helper.Type = "email";
        helper.InputClass = "govuk-input--width-20";
        helper.Autocomplete = "name";
        helper.InputMode = "email";
        helper.Spellcheck = false;
        host.ModelState.AddModelError("Input.Name", "Enter your full name");

        var doc = await host.RenderAsync(helper);

        var input = doc.QuerySelector("input")!;
        Assert.Equal("email", input.GetAttribute("type"));
        Assert.Equal("govuk-input govuk-input--width-20 govuk-input--error", input.ClassName);
        Assert.Equal("name", input.GetAttribute("autocomplete"));
        Assert.Equal("email", input.GetAttribute("inputmode"));
        Assert.Equal("false", input.GetAttribute("spellcheck"));
    }

    [Fact]
    public async Task Render_LabelIsPageHeading_WrapsTheLabelInAnH1()
    {
        var helper = Name();
        helper.LabelIsPageHeading = true;

        var doc = await host.RenderAsync(helper);

        var h1 = doc.QuerySelector("h1.govuk-label-wrapper")!;
        Assert.Equal("govuk-label govuk-label--l", h1.QuerySelector("label")!.ClassName);
    }

    [Fact]
    public async Task Render_WithPrefixAndSuffix_WrapsTheInput()
    {
        var helper = new GovUkInputTagHelper { For = host.For(p => p.Input.Age), Suffix = "minutes" };

        var doc = await host.RenderAsync(helper);

        var wrapper = doc.QuerySelector(".govuk-input__wrapper")!;
        Assert.Equal(["input", "div"], wrapper.Children.Select(c => c.LocalName));
        Assert.Equal("minutes", wrapper.QuerySelector(".govuk-input__suffix[aria-hidden=true]")!.TextContent);
    }

    [Fact]
    public async Task Render_Password_IsNeverSentBack()
    {
        host.Posted("Input.Name", "secret");
        var helper = Name();
        helper.Type = "password";

        var doc = await host.RenderAsync(helper);

        Assert.False(doc.QuerySelector("input")!.HasAttribute("value"));
    }

    [Fact]
    public async Task Render_WithoutAspFor_SaysSo()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.RenderAsync(new GovUkInputTagHelper()));
    }
}
