using Proportion.Web.Infrastructure.TagHelpers;

namespace Proportion.Web.Tests.Infrastructure.TagHelpers;

public class GovUkNavigationTagHelperTests
{
    private readonly TagHelperHost host = new();

    [Fact]
    public async Task BackLink_DefaultsToBack_AndResolvesAppRelativeHrefs()
    {
        host.HttpContext.Request.PathBase = "/app";

        var doc = await host.RenderAsync(new GovUkBackLinkTagHelper { Href = "~/people" });

        var link = doc.QuerySelector("a.govuk-back-link")!;
        Assert.Equal("/app/people", link.GetAttribute("href"));
        Assert.Equal("Back", link.TextContent);
    }

    [Theory]
    [InlineData("/people", "/people", "page")]
    [InlineData("/people", "/people/123/practices", "true")]
    [InlineData("/people", "/peoples", null)]
    [InlineData("/", "/people", null)]
    [InlineData("/", "/", "page")]
    public async Task ServiceNavigationItem_IsActiveOnItsPageAndBeneathIt(string href, string path, string? ariaCurrent)
    {
        host.HttpContext.Request.Path = path;

        var doc = await host.RenderAsync(new GovUkServiceNavigationItemTagHelper { Href = href }, childContent: "People");

        var item = doc.QuerySelector("li")!;
        var link = item.QuerySelector("a.govuk-service-navigation__link")!;
        Assert.Equal(ariaCurrent, link.GetAttribute("aria-current"));
        Assert.Equal(ariaCurrent is not null, item.ClassList.Contains("govuk-service-navigation__item--active"));
        Assert.Equal(ariaCurrent is not null, link.QuerySelector("strong.govuk-service-navigation__active-fallback") is not null);
        Assert.Equal("People", link.TextContent);
    }
}
