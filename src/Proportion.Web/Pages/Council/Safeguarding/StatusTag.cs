using Proportion.Core.Model;

namespace Proportion.Web.Pages.Council.Safeguarding;

/// <summary>The colour of a concern's status tag, the same on every page.</summary>
public static class StatusTag
{
    public static string For(SafeguardingStatus status) => status switch
    {
        SafeguardingStatus.Sent => "govuk-tag--yellow",
        SafeguardingStatus.Received => "govuk-tag--light-blue",
        SafeguardingStatus.Enquiry => "govuk-tag--blue",
        SafeguardingStatus.NoEnquiry => "govuk-tag--purple",
        SafeguardingStatus.Closed => "govuk-tag--grey",
        _ => "govuk-tag--grey",
    };
}
