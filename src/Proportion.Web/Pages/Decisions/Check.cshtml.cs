using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
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
public class CheckModel(ProportionDbContext db, DecisionRecords decisions, DecisionAgreements agreements, EmailSender email, TimeProvider clock)
    : DecisionPageModel(db, decisions)
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

    /// <summary>The agreements this user could give or decline now: their role is required and not yet given, and no decline stands.</summary>
    public IEnumerable<SignOffRole> CanGive => Required.Where(r => DeclinedAgreements.CanBeDeclined(r)
        && Decision.SignOffs.All(s => s.Role != r) && Scope.MayGive(r, Practice.OrganisationId, Person) && !Disagreements.Standing.Any());

    // Declining, asking for agreement and the disagreement route (§5.10): their own block.

    /// <summary>Why the user declines; bound only by the Decline handler.</summary>
    public string? DeclineReasons { get; set; }

    /// <summary>How the manager answered a decline; bound only by its handler.</summary>
    public string? DeclineAnswer { get; set; }

    /// <summary>Shown to a senior manager before they agree, when they work in the service (R4, §5.14).</summary>
    public Finding? SeniorManagerWarning { get; private set; }

    /// <summary>The manager can ask for the agreements still needed from others while no decline stands.</summary>
    public bool CanAskForAgreement => CanEdit && !Disagreements.Standing.Any()
        && Required.Any(r => DeclinedAgreements.CanBeDeclined(r) && Decision.SignOffs.All(s => s.Role != r));

    public bool CanAnswerDecline => CanEdit && Disagreements.Standing.Any();

    public string DisagreementUrl => Links.DecisionDisagreement(Person.Id, Practice.Id);

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, Guid practiceId, SignOffRole role, string? declineReasons)
    {
        if (!DeclinedAgreements.CanBeDeclined(role) || !Scope.MayGive(role, Practice.OrganisationId, Person))
        {
            return Forbid();
        }
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        DeclineReasons = declineReasons;
        IReadOnlyList<Notification> sent = [];
        if (!await TryWriteAsync(async () => sent = await agreements.DeclineAsync(Decision.Id, DecisionVersion, role, declineReasons),
                field => field == "Reasons" ? nameof(DeclineReasons) : field))
        {
            return await ShowAsync();
        }
        await email.EmailAsync(Db, [.. sent.Select(n => (n, "Proportion: a restrictive practice was declined"))], EmailBody);
        Confirm($"You have declined to agree as {DecisionRecords.Describe(role)}. The discussion has gone back to its manager with your reasons.");
        return Redirect(StepUrl(Slug));
    }

    public async Task<IActionResult> OnPostAnswerDeclineAsync(Guid id, Guid practiceId, string? declineAnswer)
    {
        if (!Scope.Allows(Permission.EditPractices))
        {
            return Forbid();
        }
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        DeclineAnswer = declineAnswer;
        if (!await TryWriteAsync(() => agreements.AnswerDeclinesAsync(Decision.Id, DecisionVersion, declineAnswer),
                field => field == "Answer" ? nameof(DeclineAnswer) : field))
        {
            return await ShowAsync();
        }
        Confirm("You have recorded how the decline was answered. Ask for agreement again when the discussion is ready.");
        return Redirect(StepUrl(Slug));
    }

    public async Task<IActionResult> OnPostAskAsync(Guid id, Guid practiceId)
    {
        if (!Scope.Allows(Permission.EditPractices))
        {
            return Forbid();
        }
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        AgreementRequest? request = null;
        if (!await TryWriteAsync(async () => request = await agreements.AskForAgreementAsync(Decision.Id), ""))
        {
            return await ShowAsync();
        }
        await email.EmailAsync(Db, [.. request!.Sent.Select(n => (n, "Proportion: your agreement to a restrictive practice is asked for"))], EmailBody);
        var said = new List<string>();
        if (request.Told.Count > 0)
        {
            said.Add($"{string.Join(", ", request.Told)} {(request.Told.Count == 1 ? "has" : "have")} been asked for their agreement.");
        }
        if (request.AlreadyTold.Count > 0)
        {
            said.Add($"{string.Join(", ", request.AlreadyTold)} had already been asked.");
        }
        if (request.NobodyToAsk.Count > 0)
        {
            said.Add($"Nobody in Proportion can give the {string.Join(" or ", request.NobodyToAsk.Select(DecisionRecords.Describe))}'s agreement: ask them another way.");
        }
        Confirm(string.Join(" ", said));
        return Redirect(StepUrl(Slug));
    }

    /// <summary>Email says only that there is something to read: the details stay in the app, behind sign-in.</summary>
    private const string EmailBody = "You have a new message in Proportion about a restrictive practice. Sign in to read it.";

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
        IReadOnlyList<Notification> sent = [];
        if (!await TryWriteAsync(async () => sent = await Decisions.SignOffAsync(Decision.Id, DecisionVersion, SignOffRole.CommissionerInformed, CommissionerNote), "Commissioner"))
        {
            return await ShowAsync();
        }
        await email.EmailAsync(Db, [.. sent.Select(n => (n, "Proportion: a restrictive practice you must be informed of"))], EmailBody);
        Confirm(sent.Count == 0
            ? "You have recorded that the commissioner was informed. No commissioner of the funding council uses Proportion, so nothing was sent in the app."
            : "You have recorded that the commissioner was informed, and sent them the details in Proportion.");
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
        if (CanGive.Contains(SignOffRole.SeniorManager))
        {
            var mine = await Db.ServiceAssignments.Where(a => a.UserId == Scope.UserId).Select(a => a.ServiceId).ToListAsync();
            SeniorManagerWarning = SignOffRules.BeforeSeniorManagerAgrees(new DecisionFacts(Capacity!.Value, Decision.PersonResponse!.Value, Decision.ServiceId), mine);
        }
        return Page();
    }
}
