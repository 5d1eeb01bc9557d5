using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Proportion.Core.Model;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>
/// A practice's status as a coloured GOV.UK tag: <c>&lt;practice-status status="@p.Status" /&gt;</c>.
/// A tag helper rather than a partial: the open list renders hundreds of them, and a partial's view
/// lookup and buffers cost more than the query behind the page.
/// </summary>
[HtmlTargetElement("practice-status", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PracticeStatusTagHelper : TagHelper
{
    public PracticeStatus Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var colour = Status switch
        {
            PracticeStatus.Proposed => "govuk-tag--yellow",
            PracticeStatus.Agreed => "govuk-tag--green",
            PracticeStatus.UnderReview => "govuk-tag--blue",
            _ => "govuk-tag--grey",
        };
        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-tag " + colour);
        output.Content.SetContent(Display.Name(Status));
    }
}

/// <summary>
/// A practice's review date, marked overdue once it has passed (R9: overdue reviews are visible):
/// <c>&lt;review-date date="@p.ReviewDate" status="@p.Status" today="@Model.Today" /&gt;</c>.
/// </summary>
[HtmlTargetElement("review-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ReviewDateTagHelper : TagHelper
{
    public DateOnly? Date { get; set; }
    public PracticeStatus Status { get; set; }
    public DateOnly Today { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Status == PracticeStatus.Ended)
        {
            output.Content.SetContent("Not applicable");
            return;
        }
        if (Date is not { } date)
        {
            output.Content.SetContent("Not set");
            return;
        }
        output.Content.SetContent(UkTime.Format(date));
        // A proposal's date is only a suggestion until the practice is agreed.
        if (date < Today && Status != PracticeStatus.Proposed)
        {
            output.Content.AppendHtml(" <strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>");
        }
    }
}
