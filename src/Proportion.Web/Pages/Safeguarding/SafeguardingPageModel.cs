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
/// A page about one safeguarding concern of the person the route names (R20): it loads the concern within that
/// person, through the concerns' own query filter (so the member of staff named as the alleged source, and staff
/// who neither read concerns nor raised this one, get not found), and names the concern in the view's audit entry.
/// </summary>
[OwnOrganisationSubject]
public abstract class SafeguardingPageModel(ProportionDbContext db) : ProportionPageModel
{
    protected ProportionDbContext Db => db;

    public Person Person => Subjects.Person!;
    public SafeguardingConcern Concern { get; private set; } = null!;

    /// <summary>The concern's version the form was built from; a stale one is refused, never overwritten.</summary>
    [BindProperty]
    public int ConcernVersion { get; set; }

    /// <summary>Loads the concern; false when the person has no such concern the user may see. A GET's view entry names it as <paramref name="viewed"/>.</summary>
    protected async Task<bool> LoadConcernAsync(Guid concernId, string viewed)
    {
        var concern = await db.SafeguardingConcerns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == concernId && c.PersonId == Person.Id);
        if (concern is null)
        {
            return false;
        }
        Concern = concern;
        if (HttpMethods.IsGet(Request.Method))
        {
            ConcernVersion = concern.Version;
            RequestAudit.NameViewedRecord(HttpContext, SafeguardingRecords.EntityType, concern.Id, viewed);
        }
        return true;
    }

    /// <summary>Loads a draft to write; not found, or for one already sent the page its reader may see.</summary>
    protected async Task<IActionResult?> LoadDraftAsync(Guid concernId, string viewed)
    {
        if (!await LoadConcernAsync(concernId, viewed))
        {
            return NotFound();
        }
        return Concern.Status == SafeguardingStatus.Draft ? null : Redirect(AfterSentUrl);
    }

    /// <summary>Where a sent concern is read: its page for those who read concerns, the receipt for the member of staff who raised it.</summary>
    public string AfterSentUrl => Scope.Allows(Permission.ReadSafeguarding)
        ? Links.SafeguardingConcern(Person.Id, Concern.Id) : Links.SafeguardingReceipt(Person.Id, Concern.Id);

    public string CheckUrl => Links.SafeguardingCheck(Person.Id, Concern.Id);

    public string QuestionUrl(ConcernPart part, bool fromCheck = false) => Links.SafeguardingQuestion(Person.Id, Concern.Id, part, fromCheck);

    /// <summary>The title of each question page, also its heading on the check page.</summary>
    public static string Title(ConcernPart part) => part switch
    {
        ConcernPart.WhatHappened => "What happened",
        ConcernPart.Who => "Who may have caused the harm",
        ConcernPart.Action => "What was done straight away",
        ConcernPart.Consent => "The person's agreement",
        ConcernPart.Voice => "What the person wants",
        ConcernPart.Advocacy => "Advocacy",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    /// <summary>"3 December 2026 at 2:05pm", or the date alone when no time was given.</summary>
    public static string When(DateTime? at) => at is not { } utc ? "Not known"
        : UkTime.ToLondon(utc).TimeOfDay == TimeSpan.Zero ? UkTime.Format(DateOnly.FromDateTime(UkTime.ToLondon(utc))) : UkTime.Format(utc);

    public static string YesNo(bool? value, string whenMissing = "Not answered") => value switch { true => "Yes", false => "No", _ => whenMissing };

    public static string Status(SafeguardingStatus status) => Display.Name(status);

    public static string StatusTag(SafeguardingStatus status) => status switch
    {
        SafeguardingStatus.Draft => "govuk-tag--yellow",
        SafeguardingStatus.Sent => "govuk-tag--blue",
        SafeguardingStatus.Received or SafeguardingStatus.Enquiry => "govuk-tag--purple",
        SafeguardingStatus.NoEnquiry or SafeguardingStatus.Closed => "govuk-tag--grey",
        _ => "",
    };
}
