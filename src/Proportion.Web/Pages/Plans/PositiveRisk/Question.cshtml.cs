using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Proportion.Core.Model;
using Proportion.Core.Plans;
using Proportion.Core.Plans.PositiveRisk;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Plans.PositiveRisk;

/// <summary>
/// One question page of a positive risk-taking plan (positive risk-taking guidance): what the person wants
/// and why, their views, check-ins and escalation, the contingency plan, review timescales, and whether they
/// understand the arrangements and the risks. Answers may be left for later; agreeing names what is missing.
/// </summary>
[Requires(Permission.EditPlans)]
public class QuestionModel(PlanRecords plans) : PositiveRiskPageModel(plans)
{
    private const string TooLong = "must be 4,000 characters or fewer";

    [BindProperty(Name = "Input")]
    public Answers Input { get; set; } = new();

    public PositiveRiskPart Part { get; private set; }

    public sealed class Answers
    {
        public ActivityKind? Activity { get; set; }
        [StringLength(Plan.TitleMaxLength, ErrorMessage = "What they want to do must be 200 characters or fewer")]
        public string? WhatThePersonWantsToDo { get; set; }
        [StringLength(PositiveRiskContent.TextMaxLength, ErrorMessage = "Why it matters " + TooLong)]
        public string? WhyItMatters { get; set; }
        [StringLength(PositiveRiskContent.TextMaxLength, ErrorMessage = "The person's views " + TooLong)]
        public string? PersonsViews { get; set; }
        [StringLength(PositiveRiskContent.TextMaxLength, ErrorMessage = "The check-in and escalation arrangements " + TooLong)]
        public string? EscalationAndCheckIns { get; set; }
        [StringLength(PositiveRiskContent.TextMaxLength, ErrorMessage = "The contingency plan " + TooLong)]
        public string? Contingency { get; set; }
        [StringLength(PositiveRiskContent.TextMaxLength, ErrorMessage = "The review timescales " + TooLong)]
        public string? ReviewTimescales { get; set; }
        public bool? PersonUnderstands { get; set; }
        [StringLength(PositiveRiskContent.TextMaxLength, ErrorMessage = "How it was confirmed " + TooLong)]
        public string? HowUnderstandingWasConfirmed { get; set; }
        [StringLength(PositiveRiskContent.TextMaxLength, ErrorMessage = "Why it was not possible " + TooLong)]
        public string? WhyUnderstandingWasNotPossible { get; set; }
        [StringLength(PositiveRiskContent.TextMaxLength, ErrorMessage = "How they were supported " + TooLong)]
        public string? HowThePersonWasSupportedToUnderstand { get; set; }
        [StringLength(PositiveRiskContent.TextMaxLength, ErrorMessage = "The capacity and best-interests record " + TooLong)]
        public string? BestInterestsDecision { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string part)
    {
        if (!TryPart(part))
        {
            return NotFound();
        }
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var c = Draft;
        Input = new Answers
        {
            Activity = c.Activity, WhatThePersonWantsToDo = c.WhatThePersonWantsToDo, WhyItMatters = c.WhyItMatters,
            PersonsViews = c.PersonsViews, EscalationAndCheckIns = c.EscalationAndCheckIns, Contingency = c.Contingency,
            ReviewTimescales = c.ReviewTimescales, PersonUnderstands = c.PersonUnderstands,
            HowUnderstandingWasConfirmed = c.HowUnderstandingWasConfirmed, WhyUnderstandingWasNotPossible = c.WhyUnderstandingWasNotPossible,
            HowThePersonWasSupportedToUnderstand = c.HowThePersonWasSupportedToUnderstand, BestInterestsDecision = c.BestInterestsDecision,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string part)
    {
        if (!TryPart(part))
        {
            return NotFound();
        }
        if (await LoadDraftAsync() is { } stop)
        {
            return stop;
        }
        var c = Draft;
        string? title = null;
        switch (Part)
        {
            case PositiveRiskPart.About:
                if (Input.Activity is null || !Enum.IsDefined(Input.Activity.Value))
                {
                    ModelState.AddModelError("Input.Activity", "Select what kind of activity it is");
                }
                if (string.IsNullOrWhiteSpace(Input.WhatThePersonWantsToDo))
                {
                    ModelState.AddModelError("Input.WhatThePersonWantsToDo", "Enter what the person wants to do, in their words");
                }
                title = Input.WhatThePersonWantsToDo?.Trim();
                c = c with { Activity = Input.Activity, WhatThePersonWantsToDo = title, WhyItMatters = Text.OrNull(Input.WhyItMatters) };
                break;
            case PositiveRiskPart.Views:
                c = c with { PersonsViews = Text.OrNull(Input.PersonsViews) };
                break;
            case PositiveRiskPart.Escalation:
                c = c with { EscalationAndCheckIns = Text.OrNull(Input.EscalationAndCheckIns) };
                break;
            case PositiveRiskPart.Contingency:
                c = c with { Contingency = Text.OrNull(Input.Contingency) };
                break;
            case PositiveRiskPart.Review:
                c = c with { ReviewTimescales = Text.OrNull(Input.ReviewTimescales) };
                break;
            case PositiveRiskPart.Understanding:
                var understands = Input.PersonUnderstands;
                c = c with
                {
                    PersonUnderstands = understands,
                    HowUnderstandingWasConfirmed = understands == true ? Text.OrNull(Input.HowUnderstandingWasConfirmed) : null,
                    WhyUnderstandingWasNotPossible = understands == false ? Text.OrNull(Input.WhyUnderstandingWasNotPossible) : null,
                    HowThePersonWasSupportedToUnderstand = understands == false ? Text.OrNull(Input.HowThePersonWasSupportedToUnderstand) : null,
                    BestInterestsDecision = understands == false ? Text.OrNull(Input.BestInterestsDecision) : null,
                };
                break;
        }
        if (!ModelState.IsValid || !await SaveAsync(c, title))
        {
            return Page();
        }
        return Next(Part);
    }

    private bool TryPart(string part)
    {
        if (!Enum.TryParse<PositiveRiskPart>(part, ignoreCase: true, out var parsed) || parsed is PositiveRiskPart.Risks or PositiveRiskPart.Stages
            || !string.Equals(parsed.ToString(), part, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        Part = parsed;
        return true;
    }
}
