using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Safeguarding;

namespace Proportion.Web.Pages.Council.Safeguarding;

/// <summary>
/// The council's first decision on a concern it has received (R20, Care Act 2014 s.42): whether an enquiry is
/// needed and why, and, when one is, who makes enquiries (the council, the provider at its request, or another
/// organisation). Recorded once; the concern then shows an enquiry under way or none needed.
/// </summary>
public class DecisionModel(ProportionDbContext db, SafeguardingResponses responses) : CouncilConcernPageModel(db, responses)
{
    [BindProperty(Name = "Input")]
    public DecisionForm Input { get; set; } = new();

    public sealed class DecisionForm
    {
        public bool? EnquiryNeeded { get; set; }
        public string? Reason { get; set; }
        public EnquiryBy? EnquiryBy { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadAsync(id, "a safeguarding concern to record the decision on a s.42 enquiry");
        if (Concern.Status != SafeguardingStatus.Received)
        {
            return Redirect(Links.CouncilSafeguardingConcern(id));
        }
        Input.Version = Concern.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        await LoadAsync(id);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await TryWriteAsync(() => Responses.DecideAsync(id, Input.Version, new SafeguardingDecisionInput(Input.EnquiryNeeded, Input.Reason, Input.EnquiryBy))))
        {
            return Page();
        }
        Confirm(Input.EnquiryNeeded == true
            ? "The decision is recorded: an enquiry is needed. Make the safety plan with the person next."
            : "The decision is recorded: no enquiry is needed. Close the concern once the person has been asked about their outcomes.");
        return Redirect(Links.CouncilSafeguardingConcern(id));
    }
}
