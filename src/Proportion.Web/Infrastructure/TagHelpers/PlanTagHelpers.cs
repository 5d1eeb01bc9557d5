using Microsoft.AspNetCore.Razor.TagHelpers;
using Proportion.Core.Model;

namespace Proportion.Web.Infrastructure.TagHelpers;

/// <summary>
/// A plan's status as a GOV.UK tag, saying when a revision is waiting: <c>&lt;plan-status plan="@plan" /&gt;</c>.
/// </summary>
[HtmlTargetElement("plan-status", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PlanStatusTagHelper : TagHelper
{
    public Plan? Plan { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var plan = Plan ?? throw new InvalidOperationException("plan-status needs a plan.");
        var (text, colour) = plan.Status switch
        {
            PlanStatus.Draft => ("Draft, not agreed", "govuk-tag--yellow"),
            PlanStatus.InPlace when plan.HasDraft => ("In place, changes drafted", "govuk-tag--blue"),
            PlanStatus.InPlace => ("In place", "govuk-tag--green"),
            _ => ("Closed", "govuk-tag--grey"),
        };
        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-tag " + colour);
        output.Content.SetContent(text);
    }
}

/// <summary>
/// A plan's review date, with a red tag in words once it has passed: <c>&lt;plan-review-date plan="@plan" today="@today" /&gt;</c>.
/// </summary>
[HtmlTargetElement("plan-review-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PlanReviewDateTagHelper : TagHelper
{
    public Plan? Plan { get; set; }
    public DateOnly Today { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var plan = Plan ?? throw new InvalidOperationException("plan-review-date needs a plan.");
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (plan.Status == PlanStatus.Closed)
        {
            output.Content.SetContent("Not applicable: closed");
            return;
        }
        if (plan.ReviewDate is not { } date)
        {
            output.Content.SetContent("Set when it is agreed");
            return;
        }
        output.Content.SetContent(UkTime.Format(date));
        if (date < Today)
        {
            output.Content.AppendHtml(" <strong class=\"govuk-tag govuk-tag--red\">Review overdue</strong>");
        }
    }
}
