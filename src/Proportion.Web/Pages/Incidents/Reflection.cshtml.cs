using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Incidents;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Incidents;

/// <summary>A member of staff involved writes their reflection (§10.1), once; it stays on their task list until they do.</summary>
[Requires(Permission.RecordIncidents)]
[OwnOrganisationSubject]
public class ReflectionModel(ProportionDbContext db, IncidentRecords incidents) : IncidentPageModel(db)
{
    [BindProperty(Name = "Input")]
    public ReflectionForm Input { get; set; } = new();

    public sealed class ReflectionForm
    {
        [Required(ErrorMessage = "Enter your reflection")]
        [StringLength(Incident.TextMaxLength, ErrorMessage = "Your reflection must be 4,000 characters or fewer")]
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        if (!ModelState.IsValid || !await TryWriteAsync(() => incidents.WriteReflectionAsync(id, Input.Text!)))
        {
            return Page();
        }
        return Done("Thank you. Your reflection has been saved.");
    }

    /// <summary>Only the staff involved have a reflection to write; once written it is not written again.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (!Scope.MayReflectOn(Incident))
        {
            return NotFound();
        }
        if (await Db.IncidentReflections.AnyAsync(r => r.IncidentId == id && r.UserId == Scope.UserId))
        {
            Confirm("You have already written your reflection on this incident.");
            return Redirect(Links.Incident(id));
        }
        return null;
    }
}
