using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Safeguarding;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Safeguarding;

/// <summary>
/// Check your answers before sending a concern (R20): every answer with a link to change it, what the rules still
/// need (each linking to the page where it is answered), the council it goes to, and Send.
/// </summary>
[Requires(Permission.RaiseSafeguarding)]
public class CheckModel(ProportionDbContext db, SafeguardingRecords records, EmailSender email) : SafeguardingPageModel(db)
{
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    /// <summary>True once Send was refused for the findings: they are shown as the page's errors.</summary>
    public bool Refused { get; private set; }
    public string? CouncilName { get; private set; }
    public string? AllegedSourceUser { get; private set; }
    public Incident? Incident { get; private set; }

    /// <summary>Email says only that there is something to read: the details stay in the app, behind sign-in.</summary>
    public const string EmailBody = "You have a new message in Proportion about a safeguarding concern. Sign in to read it.";

    public async Task<IActionResult> OnGetAsync(Guid concernId) =>
        await LoadDraftAsync(concernId, "a draft safeguarding concern") ?? await ShowAsync();

    public async Task<IActionResult> OnPostSendAsync(Guid concernId)
    {
        if (await LoadDraftAsync(concernId, "") is { } stop)
        {
            return stop;
        }
        ConcernSent? sent = null;
        try
        {
            sent = await records.SendAsync(Concern.Id, ConcernVersion);
        }
        catch (RuleViolationException e)
        {
            // The findings are listed from the draft itself, each linking to its page; anything else goes at the top.
            foreach (var (field, message) in e.Errors.Where(x => x.Key == ""))
            {
                ModelState.AddModelError("", message);
            }
            Refused = true;
            return await ShowAsync();
        }
        catch (StaleEditException e)
        {
            ModelState.AddModelError("", e.Message);
            return await ShowAsync();
        }
        await email.EmailAsync(Db, [.. sent.ToCouncil.Select(n => (n, "Proportion: a safeguarding concern has been sent to you"))], EmailBody);
        await email.EmailAsync(Db, [.. sent.ToManagers.Select(n => (n, "Proportion: a safeguarding concern was sent"))], EmailBody);
        var council = await Db.Organisations.Where(o => o.Id == Db.SafeguardingConcerns.Where(c => c.Id == concernId).Select(c => c.CouncilId).Single())
            .Select(o => o.Name).SingleAsync();
        Confirm(sent.ToCouncil.Count == 0
            ? $"The concern has been sent to {council}. Nobody in its safeguarding adults team uses Proportion yet, so phone them as well."
            : $"The concern has been sent to {council}'s safeguarding adults team.");
        return Redirect(AfterSentUrl);
    }

    private async Task<IActionResult> ShowAsync()
    {
        // Shown as the draft now stands (a refused send changed nothing).
        var fresh = await Db.SafeguardingConcerns.AsNoTracking().SingleAsync(c => c.Id == Concern.Id);
        Findings = SafeguardingRules.ForSending(fresh, Person.KnownAs);
        ConcernVersion = fresh.Version;
        var councilId = await Db.Services.Where(s => s.Id == Person.ServiceId).Select(s => s.LocalCouncilId).SingleOrDefaultAsync();
        CouncilName = councilId is { } id ? await Db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync() : null;
        AllegedSourceUser = fresh.AllegedSourceUserId is { } user ? await Db.Users.Where(u => u.Id == user).Select(u => u.DisplayName).SingleOrDefaultAsync() : null;
        Incident = fresh.IncidentId is { } incident ? await Db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == incident) : null;
        return Page();
    }

    /// <summary>Where a finding is put right: its question page, coming back here.</summary>
    public string FixUrl(Finding finding) => QuestionUrl(SafeguardingRules.PartOf(finding.Field), fromCheck: true) + "#" + InputId(finding.Field);

    /// <summary>The id of the field's input on its question page, as the GOV.UK tag helpers write it (GovUkIds).</summary>
    public static string InputId(string field) => $"Input_{field}";
}
