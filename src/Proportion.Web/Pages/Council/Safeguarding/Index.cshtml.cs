using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Safeguarding;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Council.Safeguarding;

/// <summary>
/// The council's safeguarding inbox (R20): every concern sent to the user's council, newest first, with who it is
/// about, the provider and service, how long since it was sent, its status and, until the first decision is
/// recorded, when that decision is due (the working days the council sets). Viewing it is logged.
/// </summary>
[Requires(Permission.RespondToSafeguarding)]
public class IndexModel(ProportionDbContext db, SafeguardingResponses responses, IOptions<RuleSettings> rules, TimeProvider clock) : ProportionPageModel
{
    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];
    public int WorkingDays => rules.Value.SafeguardingDecisionWithinWorkingDays;

    public async Task<IActionResult> OnGetAsync()
    {
        Rows = await CouncilSafeguardingQueries.InboxAsync(db, rules.Value, UkTime.Today(clock));
        await responses.RecordInboxViewAsync(Rows.Count);
        return Page();
    }
}
