using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proportion.Core.Data;
using Proportion.Core.Decisions;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Pages.Decisions;

/// <summary>
/// MCA s.4(7): each person consulted about the person's best interests (picked from their recorded
/// representatives or added), with their view and when; and, where there is nobody but paid staff to
/// consult, whether an IMCA was instructed or why not.
/// </summary>
[Requires(Permission.EditPractices)]
[OwnOrganisationSubject]
public class ConsulteesModel(ProportionDbContext db, DecisionRecords decisions, TimeProvider clock) : DecisionPageModel(db, decisions)
{
    /// <summary>The "someone else" choice beside the person's recorded representatives.</summary>
    public const string SomeoneElse = "someone-else";

    public override string Slug => "consultees";

    // Named, so a post missing every field cannot bind to an empty prefix and dodge the field keys.
    [BindProperty(Name = "Consultee")]
    public ConsulteeForm Consultee { get; set; } = new();

    [BindProperty(Name = "Input")]
    public ImcaForm Input { get; set; } = new();

    public sealed class ConsulteeForm
    {
        /// <summary>A representative's id, or <see cref="SomeoneElse"/>.</summary>
        [Required(ErrorMessage = "Choose who was consulted")]
        public string? Who { get; set; }

        [StringLength(DecisionConsultee.NameMaxLength, ErrorMessage = "Name must be 100 characters or fewer")]
        public string? Name { get; set; }

        [StringLength(DecisionConsultee.RelationshipMaxLength, ErrorMessage = "Relationship must be 100 characters or fewer")]
        public string? Relationship { get; set; }

        [EnumDataType(typeof(ConsulteeKind), ErrorMessage = "Select in what capacity they were consulted")]
        public ConsulteeKind? Kind { get; set; }

        [Required(ErrorMessage = "Enter their view")]
        [StringLength(DecisionConsultee.ViewMaxLength, ErrorMessage = "Their view must be 2,000 characters or fewer")]
        public string? View { get; set; }

        public DateParts ConsultedOn { get; set; } = new();
    }

    public sealed class ImcaForm
    {
        public bool? ImcaInstructed { get; set; }

        [StringLength(100, ErrorMessage = "The IMCA's name must be 100 characters or fewer")]
        public string? ImcaName { get; set; }

        [StringLength(1000, ErrorMessage = "Why no IMCA was instructed must be 1,000 characters or fewer")]
        public string? ImcaNotInstructedReason { get; set; }
    }

    public List<SelectListItem> WhoOptions =>
    [
        .. Person.Representatives.OrderBy(r => r.Name).Select(r => new SelectListItem(
            $"{r.Name} ({r.Relationship}{(r.Roles == RepresentativeRoles.None ? "" : $"; {Display.Names(r.Roles).ToLowerInvariant()}")})", r.Id.ToString())),
        new("Someone else", SomeoneElse),
    ];

    public static readonly List<SelectListItem> KindOptions = Display.Options<ConsulteeKind>();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        Consultee.ConsultedOn = DateParts.From(UkTime.Today(clock));
        Input = new ImcaForm { ImcaInstructed = Decision.ImcaInstructed, ImcaName = Decision.ImcaName, ImcaNotInstructedReason = Decision.ImcaNotInstructedReason };
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        // The IMCA answers are posted too but saved by the main button: their checks wait for it.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        var representative = Person.Representatives.FirstOrDefault(r => r.Id.ToString() == Consultee.Who);
        if (Consultee.Who is not null && Consultee.Who != SomeoneElse && representative is null)
        {
            ModelState.AddModelError("Consultee.Who", "Choose who was consulted");
        }
        if (Consultee.Who == SomeoneElse)
        {
            if (string.IsNullOrWhiteSpace(Consultee.Name))
            {
                ModelState.AddModelError("Consultee.Name", "Enter the name of the person consulted");
            }
            if (string.IsNullOrWhiteSpace(Consultee.Relationship))
            {
                ModelState.AddModelError("Consultee.Relationship", "Enter how they know the person, for example sister, GP, key worker");
            }
            if (Consultee.Kind is null)
            {
                ModelState.AddModelError("Consultee.Kind", "Select in what capacity they were consulted");
            }
        }
        var consultedOn = Consultee.ConsultedOn.Validate(ModelState, "Consultee.ConsultedOn", "Date consulted");
        if (!ModelState.IsValid || !await TryWriteAsync(() => Decisions.AddConsulteeAsync(Decision.Id, DecisionVersion,
                new NewConsultee(representative?.Id, Consultee.Name, Consultee.Relationship, Consultee.Kind, Consultee.View!, consultedOn!.Value)), "Consultee"))
        {
            return Page();
        }
        Confirm($"{representative?.Name ?? Consultee.Name!.Trim()} has been added to the people consulted. Add another, or continue.");
        if (Input.ImcaInstructed == Decision.ImcaInstructed && Text.OrNull(Input.ImcaName) == Decision.ImcaName
            && Text.OrNull(Input.ImcaNotInstructedReason) == Decision.ImcaNotInstructedReason)
        {
            return Redirect(StepUrl(Slug));
        }
        // IMCA answers typed but not yet saved came with this post: show the page again with them kept, and the
        // person just added in the list, rather than redirect and lose them.
        await LoadDraftAsync();
        DecisionVersion = Decision.Version;
        foreach (var key in ModelState.Keys.Where(k => k == nameof(DecisionVersion) || k.StartsWith("Consultee.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        Consultee = new ConsulteeForm { ConsultedOn = DateParts.From(UkTime.Today(clock)) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid practiceId)
    {
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        // The main button saves the IMCA answers; the consultee fields are "Add person consulted"'s.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Consultee.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        // Someone typed but not added: ask, rather than drop them (the date is filled in for you, so it does not count).
        if (Consultee.Who is not null || Consultee.Kind is not null || !string.IsNullOrWhiteSpace(Consultee.Name)
            || !string.IsNullOrWhiteSpace(Consultee.Relationship) || !string.IsNullOrWhiteSpace(Consultee.View))
        {
            ModelState.AddModelError("Consultee.Who", "You have started adding someone consulted but not added them. Select 'Add person consulted' to add them, or clear their details to continue");
            return Page();
        }
        return await SaveStepAsync(Slug, d =>
        {
            d.ImcaInstructed = Input.ImcaInstructed;
            d.ImcaName = Input.ImcaInstructed == true ? Text.OrNull(Input.ImcaName) : null;
            d.ImcaNotInstructedReason = Input.ImcaInstructed == true ? null : Text.OrNull(Input.ImcaNotInstructedReason);
        });
    }
}
