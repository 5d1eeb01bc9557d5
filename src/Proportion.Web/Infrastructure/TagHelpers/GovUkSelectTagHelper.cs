using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>GOV.UK select. Selection follows the posted or model value; items' own Selected is used only when there is none.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.NormalOrSelfClosing)]
public sealed class GovUkSelectTagHelper : GovUkLabelledFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("select-class")]
    public string? SelectClass { get; set; }

    protected override IHtmlContent BuildControl(string id, string name, string? describedBy, bool hasError)
    {
        var select = new TagBuilder("select");
        AddClasses(select, "govuk-select", hasError, SelectClass);
        select.Attributes["id"] = id;
        select.Attributes["name"] = name;
        SetAttribute(select, "aria-describedby", describedBy);

        var current = ValueFor(name, Expression.Model);
        foreach (var item in Items)
        {
            var option = new TagBuilder("option");
            option.Attributes["value"] = item.Value ?? item.Text;
            var selected = current is null ? item.Selected : string.Equals(current, item.Value ?? item.Text, StringComparison.OrdinalIgnoreCase);
            if (selected) option.Attributes["selected"] = "selected";
            if (item.Disabled) option.Attributes["disabled"] = "disabled";
            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }
        return select;
    }
}
