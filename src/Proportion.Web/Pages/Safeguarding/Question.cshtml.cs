using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Rules;
using Proportion.Core.Safeguarding;
using Proportion.Web.Infrastructure;
using Proportion.Web.Infrastructure.Forms;

namespace Proportion.Web.Pages.Safeguarding;

/// <summary>
/// One question page of a draft safeguarding concern (R20): what happened, who may have caused it, what was done
/// straight away, the person's agreement, what they want and how they take part, and advocacy. Each answer is
/// saved to the draft; answers may be left for later, and sending names whatever is still missing.
/// </summary>
[Requires(Permission.RaiseSafeguarding)]
public class QuestionModel(ProportionDbContext db, SafeguardingRecords records) : SafeguardingPageModel(db)
{
    [BindProperty(Name = "Input")]
    public Answers Input { get; set; } = new();

    /// <summary>"check" when the user came from the check page, so they go back there once answered.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public bool FromCheck => From == "check";
    public ConcernPart Part { get; private set; }
    public List<SelectListItem> Staff { get; private set; } = [];

    public static readonly List<SelectListItem> YesNoItems = [new("Yes", "true"), new("No", "false")];

    public sealed class Answers
    {
        public List<string> Kinds { get; set; } = [];
        public string? WhatHappened { get; set; }
        public DateParts HappenedOn { get; set; } = new();
        public string? HappenedTime { get; set; }
        public AllegedSourceKind? AllegedSourceKind { get; set; }
        public string? AllegedSource { get; set; }
        public Guid? AllegedSourceUserId { get; set; }
        public string? ImmediateAction { get; set; }
        public ConsentAnswer? Consent { get; set; }
        public List<string> ProceedReasons { get; set; } = [];
        public string? ProceedExplanation { get; set; }
        public string? BestInterestsDecision { get; set; }
        public bool? PersonTold { get; set; }
        public string? PersonToldNote { get; set; }
        public string? OutcomesWanted { get; set; }
        public string? HowPersonTakesPart { get; set; }
        public bool? AdvocacyOffered { get; set; }
        public bool? SubstantialDifficulty { get; set; }
        public bool? HasAppropriatePerson { get; set; }
        public string? AppropriatePerson { get; set; }
        public string? AdvocateName { get; set; }
    }

    /// <summary>Where "Back" goes: the check page, or the question before (the person's page before the first).</summary>
    public string BackUrl => FromCheck ? CheckUrl : Part == ConcernPart.WhatHappened ? Links.Person(Person.Id) : QuestionUrl(Part - 1);

    public async Task<IActionResult> OnGetAsync(Guid concernId, string part)
    {
        if (!TryPart(part))
        {
            return NotFound();
        }
        if (await LoadDraftAsync(concernId, $"a draft safeguarding concern: {Title(Part).ToLowerInvariant()}") is { } stop)
        {
            return stop;
        }
        var c = Concern;
        var happened = c.HappenedAt is { } at ? UkTime.ToLondon(at) : (DateTime?)null;
        Input = new Answers
        {
            Kinds = Display.SplitFlags(c.Kinds), WhatHappened = c.WhatHappened,
            HappenedOn = DateParts.From(happened is { } h ? DateOnly.FromDateTime(h) : null),
            HappenedTime = happened is { TimeOfDay.Ticks: > 0 } ? UkTime.FormatTime(c.HappenedAt!.Value) : null,
            AllegedSourceKind = c.AllegedSourceKind, AllegedSource = c.AllegedSource, AllegedSourceUserId = c.AllegedSourceUserId,
            ImmediateAction = c.ImmediateAction,
            Consent = c.Consent, ProceedReasons = Display.SplitFlags(c.ProceedReasons), ProceedExplanation = c.ProceedExplanation,
            BestInterestsDecision = c.BestInterestsDecision, PersonTold = c.PersonTold, PersonToldNote = c.PersonToldNote,
            OutcomesWanted = c.OutcomesWanted, HowPersonTakesPart = c.HowPersonTakesPart,
            AdvocacyOffered = c.AdvocacyOffered, SubstantialDifficulty = c.SubstantialDifficulty,
            // Saved once (advocacy offered is answered) with substantial difficulty and no one named: "no appropriate person".
            HasAppropriatePerson = c.AppropriatePerson is not null ? true : c.AdvocacyOffered is not null && c.SubstantialDifficulty == true ? false : null,
            AppropriatePerson = c.AppropriatePerson, AdvocateName = c.AdvocateName,
        };
        await LoadStaffAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid concernId, string part)
    {
        if (!TryPart(part))
        {
            return NotFound();
        }
        if (await LoadDraftAsync(concernId, "") is { } stop)
        {
            return stop;
        }
        await LoadStaffAsync();
        var answers = new ConcernAnswers
        {
            Kinds = Display.CombineFlags<HarmKinds>(Input.Kinds), WhatHappened = Input.WhatHappened, HappenedAt = Part == ConcernPart.WhatHappened ? ReadWhen() : null,
            AllegedSourceKind = Input.AllegedSourceKind, AllegedSource = Input.AllegedSource, AllegedSourceUserId = Input.AllegedSourceUserId,
            ImmediateAction = Input.ImmediateAction,
            Consent = Input.Consent, ProceedReasons = Display.CombineFlags<ProceedWithoutConsent>(Input.ProceedReasons),
            ProceedExplanation = Input.ProceedExplanation, BestInterestsDecision = Input.BestInterestsDecision,
            PersonTold = Input.PersonTold, PersonToldNote = Input.PersonToldNote,
            OutcomesWanted = Input.OutcomesWanted, HowPersonTakesPart = Input.HowPersonTakesPart,
            AdvocacyOffered = Input.AdvocacyOffered, SubstantialDifficulty = Input.SubstantialDifficulty,
            AppropriatePerson = Input.SubstantialDifficulty == true && Input.HasAppropriatePerson == true ? Input.AppropriatePerson : null,
            AdvocateName = Input.AdvocateName,
        };
        if (Part == ConcernPart.Advocacy && Input.SubstantialDifficulty == true && Input.HasAppropriatePerson == true && string.IsNullOrWhiteSpace(Input.AppropriatePerson))
        {
            ModelState.AddModelError("Input.AppropriatePerson", "Enter the name of the appropriate person, and how they know the person");
        }
        if (!ModelState.IsValid || !await TryWriteAsync(() => records.SaveAsync(Concern.Id, ConcernVersion, Part, answers), field => field switch
            {
                "" => "",
                nameof(ConcernAnswers.HappenedAt) => "Input.HappenedOn",
                _ => $"Input.{field}",
            }))
        {
            return Page();
        }
        if (Request.HasFormContentType && Request.Form.ContainsKey("later"))
        {
            Confirm("Your answers have been saved. The concern has not been sent yet: finish it and send it from this page when you can.");
            return Redirect(CheckUrl);
        }
        return Redirect(FromCheck || Part == ConcernPart.Advocacy ? CheckUrl : QuestionUrl(Part + 1));
    }

    /// <summary>When it happened, from the date and the optional time; null when no date is given (it may not be known).</summary>
    private DateTime? ReadWhen()
    {
        var date = Input.HappenedOn.Validate(ModelState, "Input.HappenedOn", "The date it happened", required: false);
        if (string.IsNullOrWhiteSpace(Input.HappenedTime))
        {
            return date is { } d ? UkTime.ToUtc(d, TimeOnly.MinValue) : null;
        }
        if (!TimeText.TryParse(Input.HappenedTime, out var time))
        {
            ModelState.AddModelError("Input.HappenedTime", "Enter the time as hours and minutes, for example 14:05 or 2:05pm, or leave it blank");
            return null;
        }
        if (Input.HappenedOn.IsEmpty)
        {
            ModelState.AddModelError("Input.HappenedOn", "Enter the date it happened as well as the time");
            return null;
        }
        if (date is null)
        {
            return null;
        }
        var utc = UkTime.ToUtc(date.Value, time);
        if (utc is null)
        {
            ModelState.AddModelError("Input.HappenedTime", "That time did not happen: the clocks went forward an hour. Enter the time as the clock showed it");
        }
        return utc;
    }

    private bool TryPart(string part)
    {
        var found = Links.ConcernPartSlugs.Where(p => p.Value == part).Select(p => (ConcernPart?)p.Key).FirstOrDefault();
        if (found is null)
        {
            return false;
        }
        Part = found.Value;
        return true;
    }

    /// <summary>The organisation's active staff, so one named as the alleged source never sees the concern; the user themselves is not listed.</summary>
    private async Task LoadStaffAsync()
    {
        if (Part != ConcernPart.Who)
        {
            return;
        }
        Staff =
        [
            new("None: not a member of staff who uses Proportion", ""),
            .. await Db.Users.AsNoTracking().Where(u => u.OrganisationId == Concern.OrganisationId && u.IsActive && u.Id != Scope.UserId)
                .OrderBy(u => u.DisplayName).Select(u => new SelectListItem(u.DisplayName, u.Id.ToString())).ToListAsync(),
        ];
    }
}
