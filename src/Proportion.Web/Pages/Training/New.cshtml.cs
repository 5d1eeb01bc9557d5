using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Training;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Training;

/// <summary>Records a course a member of staff completed; a refresher is simply a newer record.</summary>
[Requires(Permission.RecordTraining)]
public class NewModel(ProportionDbContext db, TrainingRecords training, TimeProvider clock) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public TrainingForm Input { get; set; } = new();

    public string Name { get; private set; } = "";
    public Guid UserId { get; private set; }

    public sealed class TrainingForm
    {
        [Required(ErrorMessage = "Select the course")]
        [EnumDataType(typeof(TrainingCourse), ErrorMessage = "Select the course from the list")]
        public TrainingCourse? Course { get; set; }

        public DateParts CompletedOn { get; set; } = new();

        public DateParts ExpiresOn { get; set; } = new();

        [StringLength(TrainingRecord.ProviderMaxLength, ErrorMessage = "The provider must be 200 characters or fewer")]
        public string? Provider { get; set; }

        [EnumDataType(typeof(RrnCertification), ErrorMessage = "Select the certification from the list")]
        public RrnCertification? Certification { get; set; }

        public DateParts CertificateExpiresOn { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync(Guid userId)
    {
        Input.CompletedOn = DateParts.From(UkTime.Today(clock));
        return await LoadAsync(userId) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid userId)
    {
        if (await LoadAsync(userId) is { } stop)
        {
            return stop;
        }
        var completed = Input.CompletedOn.Validate(ModelState, "Input.CompletedOn", "Date completed");
        // Left blank, the refresher is due as late as the course allows (R15, RefresherInterval).
        var expires = Input.ExpiresOn.IsEmpty
            ? completed is { } done && Input.Course is { } course ? RefresherInterval.Latest(course, done) : null
            : Input.ExpiresOn.Validate(ModelState, "Input.ExpiresOn", "Refresher due");
        var certificate = Input.CertificateExpiresOn.Validate(ModelState, "Input.CertificateExpiresOn", "Certificate expiry date", required: false);
        if (!ModelState.IsValid || !await TryWriteAsync(() => training.RecordAsync(userId, new TrainingRecord
            {
                Course = Input.Course!.Value, CompletedOn = completed!.Value, ExpiresOn = expires!.Value,
                Provider = Input.Provider, Certification = Input.Certification, CertificateExpiresOn = certificate,
            })))
        {
            return Page();
        }
        Confirm("The training has been recorded.");
        return Redirect(Links.StaffTraining(userId));
    }

    private async Task<IActionResult?> LoadAsync(Guid userId)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.OrganisationId == Scope.OrganisationId)
            .Select(u => u.DisplayName).SingleOrDefaultAsync();
        if (name is null)
        {
            return NotFound();
        }
        (Name, UserId) = (name, userId);
        return null;
    }
}
