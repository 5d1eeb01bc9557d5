using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Safeguarding;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Safeguarding;

/// <summary>
/// Starts a safeguarding concern about the person (R20): where the worry came from, or the incident it comes
/// from, whose record fills in what happened. The draft is saved at once, so nothing is lost if the night is busy.
/// </summary>
[Requires(Permission.RaiseSafeguarding)]
[OwnOrganisationSubject]
public class NewModel(ProportionDbContext db, SafeguardingRecords records) : ProportionPageModel
{
    public Person Person => Subjects.Person!;

    [BindProperty(Name = "Input")]
    public StartForm Input { get; set; } = new();

    /// <summary>The incident the concern comes from, when the page was opened from one.</summary>
    public Incident? Incident { get; private set; }

    public sealed class StartForm
    {
        public ConcernSource? Source { get; set; }
        public Guid? IncidentId { get; set; }
    }

    /// <summary>Where the worry may come from, when not from an incident (an incident's own page starts one for it).</summary>
    public static readonly IReadOnlyList<ConcernSource> Sources = [.. Enum.GetValues<ConcernSource>().Where(s => s != ConcernSource.Incident)];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? incidentId, string? source)
    {
        if (!await LoadIncidentAsync(id, incidentId))
        {
            return NotFound();
        }
        // Logged as a look at safeguarding, not at the person's record: like a concern's own views, the person's
        // History shows it to nobody, so no one learns from it that a concern is being raised (ADR 0029).
        RequestAudit.NameViewedRecord(HttpContext, SafeguardingRecords.EntityType, Guid.Empty, "the form to raise a safeguarding concern");
        Input.IncidentId = Incident?.Id;
        Input.Source = Incident is not null ? ConcernSource.Incident
            : Enum.TryParse<ConcernSource>(source, ignoreCase: true, out var from) && Enum.IsDefined(from) ? from : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadIncidentAsync(id, Input.IncidentId))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        SafeguardingConcern? concern = null;
        if (!await TryWriteAsync(async () => concern = await records.StartAsync(id, Input.Source, Incident?.Id)))
        {
            return Page();
        }
        return Redirect(Links.SafeguardingQuestion(id, concern!.Id, ConcernPart.WhatHappened));
    }

    private async Task<bool> LoadIncidentAsync(Guid personId, Guid? incidentId)
    {
        if (incidentId is not { } iid)
        {
            return true;
        }
        Incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == iid && i.PersonId == personId);
        return Incident is not null;
    }
}
