using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Rules;
using Proportion.Core.Safeguarding;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Safeguarding;

/// <summary>
/// Records that the person has now been told a concern went ahead without their agreement (R20): they are told
/// as soon as that no longer puts them or anyone else at greater risk. The council's team is told in the app.
/// </summary>
[Requires(Permission.ReadSafeguarding)]
public class ToldModel(ProportionDbContext db, SafeguardingRecords records) : SafeguardingPageModel(db)
{
    [BindProperty]
    public string? How { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid concernId)
    {
        if (!await LoadConcernAsync(concernId, "a safeguarding concern: telling the person"))
        {
            return NotFound();
        }
        return SafeguardingRules.PersonStillToBeTold(Concern) ? Page() : Redirect(Links.SafeguardingConcern(Person.Id, Concern.Id));
    }

    public async Task<IActionResult> OnPostAsync(Guid concernId)
    {
        if (!await LoadConcernAsync(concernId, ""))
        {
            return NotFound();
        }
        if (!await TryWriteAsync(() => records.RecordPersonToldAsync(Concern.Id, ConcernVersion, How), ""))
        {
            return Page();
        }
        Confirm($"You have recorded that {Person.KnownAs} has been told. The council's safeguarding adults team has been told too.");
        return Redirect(Links.SafeguardingConcern(Person.Id, Concern.Id));
    }
}
