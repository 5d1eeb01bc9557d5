using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Safeguarding;

namespace Proportion.Web.Pages.Council.Safeguarding;

/// <summary>
/// A concern as the council's safeguarding team works on it (R20): everything the provider raised (what happened,
/// the person's consent and the reasons for going ahead without it, the outcomes they want in their words, how
/// they take part, advocacy), then each of the council's steps with its time and who took it. Marking it received
/// is a button here; each other step has its own page.
/// </summary>
public class ViewModel(ProportionDbContext db, SafeguardingResponses responses, IOptions<RuleSettings> rules, TimeProvider clock)
    : CouncilConcernPageModel(db, responses)
{
    [BindProperty]
    public int Version { get; set; }

    public DateOnly Today => UkTime.Today(clock);
    public DateOnly? DecisionDue => SafeguardingTimescales.AwaitsDecision(Concern) ? SafeguardingTimescales.DecisionDue(Concern.SentAt!.Value, rules.Value) : null;
    public int WorkingDays => rules.Value.SafeguardingDecisionWithinWorkingDays;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadAsync(id, "a safeguarding concern");
        Version = Concern.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostReceiveAsync(Guid id)
    {
        await LoadAsync(id);
        if (!await TryWriteAsync(() => Responses.ReceiveAsync(id, Version), ""))
        {
            return Page();
        }
        Confirm("The concern is marked as received. Record the decision on a s.42 enquiry next.");
        return Redirect(Links.CouncilSafeguardingConcern(id));
    }
}
