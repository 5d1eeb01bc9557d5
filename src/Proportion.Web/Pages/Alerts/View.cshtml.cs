using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Analytics;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Alerts;

/// <summary>
/// An alert that restriction is creeping up (R14, ADR 0025): the figures behind the signal and the chart behind
/// the link, for whoever reads the service's incidents; a manager acknowledges it with what they will do.
/// </summary>
[Requires(Permission.ServiceIncidents)]
[HandlerRequires("Acknowledge", Permission.ManageIncidents)]
public class ViewModel(ProportionDbContext db, CreepAlerts alerts) : ProportionPageModel
{
    public CreepAlert Alert { get; private set; } = null!;

    [BindProperty(Name = "Input")]
    public AcknowledgeForm Input { get; set; } = new();

    public sealed class AcknowledgeForm
    {
        public string? Note { get; set; }

        /// <summary>The alert's version when the form was opened, so two managers acknowledging at once are told.</summary>
        public int Version { get; set; }
    }

    public string Title => CreepAlerts.Title(Alert);
    public string ChartLink => Links.RestrictionChart(Alert.Subject, Alert.Measure, Alert.Period);
    public bool CanAcknowledge => Alert.AcknowledgedAt is null && Scope.Allows(Permission.ManageIncidents, Alert.OrganisationId);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Input.Version = Alert.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!await TryWriteAsync(() => alerts.AcknowledgeAsync(id, Input.Version, Input.Note)))
        {
            return Page();
        }
        Confirm("The alert has been acknowledged. It is no longer in the managers' tasks.");
        return Redirect(Links.CreepAlert(id));
    }

    /// <summary>Through the query filters: another organisation's alert, or a service the user does not see, is not found.</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        var alert = await db.CreepAlerts.Include(a => a.Service).Include(a => a.Person).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
        if (alert is null)
        {
            return false;
        }
        Alert = alert;
        return true;
    }
}
