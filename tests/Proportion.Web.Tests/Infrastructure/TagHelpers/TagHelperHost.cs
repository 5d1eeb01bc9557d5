using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Proportion.Web.Infrastructure.Forms;
using Proportion.Web.Infrastructure.TagHelpers;

namespace Proportion.Web.Tests.Infrastructure.TagHelpers;

public sealed class TestPage
{
    [BindProperty]
    public TestInput Input { get; set; } = new();
}

public sealed class TestInput
{
    [Display(Name = "Full name")]
    [StringLength(100)]
    public string? Name { get; set; }
    public string? Notes { get; set; }
    public string? Colour { get; set; }
    public int? Age { get; set; }
    public List<string> Tags { get; set; } = [];
    public DateParts DateOfBirth { get; set; } = new();
    public TestAddress Address { get; set; } = new();
    public List<TestAddress> Previous { get; set; } = [];
}

public sealed class TestAddress
{
    public string? Postcode { get; set; }
}

/// <summary>Renders a tag helper against a page-like model and a ModelState, as a Razor page would, and parses the result.</summary>
internal sealed class TagHelperHost
{
    private static readonly IModelMetadataProvider Metadata = new ServiceCollection()
        .AddLogging().AddMvcCore().AddDataAnnotations().Services
        .BuildServiceProvider().GetRequiredService<IModelMetadataProvider>();

    public TagHelperHost()
    {
        HttpContext = new DefaultHttpContext();
        ViewData = new ViewDataDictionary<TestPage>(Metadata, ModelState) { Model = Model };
        ViewContext = new ViewContext(
            new ActionContext(HttpContext, new RouteData(), new ActionDescriptor(), ModelState),
            new NullView(), ViewData, new TempDataDictionary(HttpContext, new NullTempDataProvider()),
            TextWriter.Null, new HtmlHelperOptions());
    }

    public TestPage Model { get; } = new();
    public ModelStateDictionary ModelState { get; } = new();
    public DefaultHttpContext HttpContext { get; }
    public ViewDataDictionary<TestPage> ViewData { get; }
    public ViewContext ViewContext { get; }

    public ModelExpression For<TValue>(Expression<Func<TestPage, TValue>> expression) =>
        new ModelExpressionProvider(Metadata).CreateModelExpression(ViewData, expression);

    /// <summary>Posted text as model binding records it: raw and attempted values.</summary>
    public void Posted(string key, string value) => ModelState.SetModelValue(key, value, value);

    public void Posted(string key, string[] values) => ModelState.SetModelValue(key, values, string.Join(',', values));

    public async Task<IDocument> RenderAsync(TagHelper helper, string tagName = "test", string childContent = "")
    {
        switch (helper)
        {
            case GovUkFieldTagHelper field: field.ViewContext = ViewContext; break;
            case GovUkErrorSummaryTagHelper summary: summary.ViewContext = ViewContext; break;
            case GovUkBackLinkTagHelper back: back.ViewContext = ViewContext; break;
            case GovUkServiceNavigationItemTagHelper item: item.ViewContext = ViewContext; break;
        }
        var context = new TagHelperContext(tagName, [], new Dictionary<object, object>(), "unique");
        var output = new TagHelperOutput(tagName, [], (_, _) =>
            Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().SetHtmlContent(childContent)));
        helper.Init(context);
        await helper.ProcessAsync(context, output);
        return await ParseAsync(output);
    }

    public static string ToHtml(TagHelperOutput output)
    {
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static async Task<IDocument> ParseAsync(TagHelperOutput output) =>
        await new HtmlParser().ParseDocumentAsync("<!DOCTYPE html><html><body>" + ToHtml(output) + "</body></html>");

    private sealed class NullView : IView
    {
        public string Path => "";
        public Task RenderAsync(ViewContext context) => Task.CompletedTask;
    }

    private sealed class NullTempDataProvider : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();
        public void SaveTempData(HttpContext context, IDictionary<string, object> values) { }
    }
}
