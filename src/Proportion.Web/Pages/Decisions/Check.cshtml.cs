using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Decisions;

/// <summary>
/// Check your answers: everything recorded, what the rules still need (each naming its rule), the
/// agreements given, a button for each agreement the signed-in user can give, and agreement itself.
/// </summary>
[Requires(Permission.ReadPeople)]
public class CheckModel(ProportionDbContext db, DecisionRecords decisions, TimeProvider clock) : DecisionPageModel(db, decisions)
{
    public override string Slug => "check";

    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    public CapacityToConsent? Capacity => Decision.Capacity;
    public IReadOnlyList<SignOffRole> Required { get; private set; } = [];

    [BindProperty]
    public string? CommissionerNote { get; set; }

    /// <summary>The signature form; bound only by its own handler so other buttons are not refused for its empty fields.</summary>
    public SignatureForm Signature { get; set; } = new();

    public bool CanEdit => Scope.Allows(Permission.EditPractices, Practice.OrganisationId);

    /// <summary>The agreements this user could give now: their role is required and not yet given.</summary>
    public IEnumerable<SignOffRole> CanGive => Required.Where(r => r != SignOffRole.CommissionerInformed
        && Decision.SignOffs.All(s => s.Role != r) && Scope.Allows(Permissions.ToGive(r), Practice.OrganisationId));

    public bool CanRecordCommissionerInformed =>
        CanEdit && Required.Contains(SignOffRole.CommissionerInformed) && Decision.SignOffs.All(s => s.Role != SignOffRole.CommissionerInformed);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        Signature.SignedOn = DateParts.From(UkTime.Today(clock));
        return await LoadDraftAsync() ?? await ShowAsync();
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, Guid practiceId, SignOffRole role)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (!await TryWriteAsync(() => Decisions.SignOffAsync(Decision.Id, DecisionVersion, role), ""))
        {
            return await ShowAsync();
        }
        Confirm($"You have agreed this decision as {DecisionRecords.Describe(role)}.");
        return Redirect(StepUrl(Slug));
    }

    public async Task<IActionResult> OnPostCommissionerAsync(Guid id, Guid practiceId)
    {
        if (!Scope.Allows(Permission.EditPractices))
        {
            return Forbid();
        }
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (!await TryWriteAsync(() => Decisions.SignOffAsync(Decision.Id, DecisionVersion, SignOffRole.CommissionerInformed, CommissionerNote), "Commissioner"))
        {
            return await ShowAsync();
        }
        Confirm("You have recorded that the commissioner was informed.");
        return Redirect(StepUrl(Slug));
    }

    public async Task<IActionResult> OnPostSignatureAsync(Guid id, Guid practiceId, [Bind(Prefix = "Signature")] SignatureForm signature)
    {
        if (!Scope.Allows(Permission.EditPractices))
        {
            return Forbid();
        }
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Signature = signature;
        var signedOn = signature.SignedOn.Validate(ModelState, "Signature.SignedOn", "Date signed");
        if (!ModelState.IsValid || !await TryWriteAsync(() => Decisions.RecordSignatureAsync(Decision.Id, DecisionVersion, new DecisionSignature
            {
                Name = signature.Name!, SignedAs = signature.SignedAs!, Method = signature.Method!.Value,
                Witness = signature.Witness, SignedOn = signedOn!.Value,
            }), "Signature"))
        {
            return await ShowAsync();
        }
        Confirm($"{signature.Name!.Trim()}'s signature has been recorded.");
        return Redirect(StepUrl(Slug));
    }

    public async Task<IActionResult> OnPostAgreeAsync(Guid id, Guid practiceId)
    {
        if (!Scope.Allows(Permission.EditPractices))
        {
            return Forbid();
        }
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        if (!await TryWriteAsync(() => Decisions.AgreeAsync(Decision.Id, DecisionVersion), "Agree"))
        {
            return await ShowAsync();
        }
        Confirm("The practice is agreed. Staff can follow the guidelines from now, and it will be reviewed by its review date.");
        return Redirect(RegisterUrl);
    }

    private async Task<IActionResult> ShowAsync()
    {
        Findings = await Decisions.FindingsAsync(Decision);
        Required = Capacity is { } capacity && Decision.PersonResponse is { } response
            ? [.. SignOffRules.Required(new DecisionFacts(capacity, response, Decision.ServiceId)).Select(r => r.Role)]
            : [];
        return Page();
    }
}
