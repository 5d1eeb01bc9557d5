using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Links;
using Proportion.Core.Model;
using Proportion.Core.Notifications;
using Proportion.Core.Rules;
using Proportion.Core.Scoping;

namespace Proportion.Core.Safeguarding;

/// <summary>The answers of one question page of a concern; only the part being saved is read.</summary>
public sealed record ConcernAnswers
{
    public HarmKinds Kinds { get; init; }
    public string? WhatHappened { get; init; }
    public DateTime? HappenedAt { get; init; }
    public AllegedSourceKind? AllegedSourceKind { get; init; }
    public string? AllegedSource { get; init; }
    public Guid? AllegedSourceUserId { get; init; }
    public string? ImmediateAction { get; init; }
    public ConsentAnswer? Consent { get; init; }
    public ProceedWithoutConsent ProceedReasons { get; init; }
    public string? ProceedExplanation { get; init; }
    public string? BestInterestsDecision { get; init; }
    public bool? PersonTold { get; init; }
    public string? PersonToldNote { get; init; }
    public string? OutcomesWanted { get; init; }
    public string? HowPersonTakesPart { get; init; }
    public bool? AdvocacyOffered { get; init; }
    public bool? SubstantialDifficulty { get; init; }
    public string? AppropriatePerson { get; init; }
    public string? AdvocateName { get; init; }
}

/// <summary>What sending told whom: the council's safeguarding team and the provider's managers, to email as well.</summary>
public sealed record ConcernSent(IReadOnlyList<Notification> ToCouncil, IReadOnlyList<Notification> ToManagers);

/// <summary>
/// Writes the provider's side of a safeguarding concern (R20): a draft started from the person (from an
/// incident, a review, a visit or a call), saved a question page at a time, sent to the safeguarding adults
/// team of the council for the area of the person's service once the rules find nothing missing, and, after
/// sending, the record that the person was told. What was raised is never changed once sent. Every write is
/// permission-checked, version-claimed and audited against the person; the audit names the fields changed,
/// never their words, because the audit trail is read more widely than the concern.
/// </summary>
public sealed class SafeguardingRecords(ProportionDbContext db, AuditTrail audit, InAppNotifications notifications, IRecordLinks links, TimeProvider clock)
{
    public const string EntityType = nameof(SafeguardingConcern);

    /// <summary>What an incident recorded, as the start of what happened; the one raising the concern changes it as they need.</summary>
    public static string FromIncident(Incident incident)
    {
        var parts = new List<string> { $"From the incident on {UkTime.Format(incident.OccurredAt)} at {incident.Location}." };
        parts.Add($"What happened before: {incident.Antecedents}");
        parts.Add($"What staff did: {incident.HowUsed}");
        parts.Add($"Outcome: {incident.Outcome}");
        if (!string.IsNullOrWhiteSpace(incident.InjuryDetails))
        {
            parts.Add($"Injuries: {incident.InjuryDetails}");
        }
        if (!string.IsNullOrWhiteSpace(incident.OthersInvolved))
        {
            parts.Add($"Others involved: {incident.OthersInvolved}");
        }
        var text = string.Join("\n", parts);
        return text.Length <= SafeguardingConcern.TextMaxLength ? text : text[..(SafeguardingConcern.TextMaxLength - 1)] + "…";
    }

    /// <summary>
    /// Starts a draft about the person, from an incident of theirs when one is named. Refused when the person's
    /// service has no local council: there would be nobody to send it to.
    /// </summary>
    public async Task<SafeguardingConcern> StartAsync(Guid personId, ConcernSource? source, Guid? incidentId, CancellationToken ct = default)
    {
        var person = await db.People.Include(p => p.Service).SingleOrDefaultAsync(p => p.Id == personId, ct) ?? throw new RecordNotFoundException("The person");
        db.Scope.Demand(Permission.RaiseSafeguarding, person.OrganisationId);
        Incident? incident = null;
        if (incidentId is { } iid)
        {
            incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == iid && i.PersonId == personId, ct)
                ?? throw new RecordNotFoundException("The incident");
            source = ConcernSource.Incident;
            // Started twice from the same incident (a second tap, the back button): the draft already started.
            if (await db.SafeguardingConcerns.FirstOrDefaultAsync(c => c.IncidentId == iid && c.RaisedById == db.Scope.UserId
                    && c.Status == SafeguardingStatus.Draft, ct) is { } started)
            {
                return started;
            }
        }
        if (source is not { } from || !Enum.IsDefined(from))
        {
            throw new RuleViolationException(nameof(SafeguardingConcern.Source), "Select where the worry came from");
        }
        var council = await CouncilOfAsync(person.Service!, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var concern = new SafeguardingConcern
        {
            OrganisationId = person.OrganisationId,
            ServiceId = person.ServiceId,
            PersonId = person.Id,
            CouncilId = council.Id,
            PersonName = person.FullName,
            PersonDateOfBirth = person.DateOfBirth,
            ServiceName = person.Service!.Name,
            ProviderName = await ProviderNameAsync(person.OrganisationId, ct),
            Source = from,
            IncidentId = incident?.Id,
            WhatHappened = incident is null ? null : FromIncident(incident),
            HappenedAt = incident?.OccurredAt,
            RaisedById = db.Scope.UserId,
            RaisedAt = now,
        };
        db.SafeguardingConcerns.Add(concern);
        audit.Record(concern.OrganisationId, AuditAction.Created, EntityType, concern.Id, "Started a safeguarding concern", person.Id,
            new ChangeSet().Set("Where the worry came from", EnumNames.Of(from)));
        await db.SaveChangesAsync(ct);
        return concern;
    }

    /// <summary>Saves one question page's answers to the draft. Answers may be left for later; sending names what is missing.</summary>
    public async Task SaveAsync(Guid concernId, int versionUserSaw, ConcernPart part, ConcernAnswers a, CancellationToken ct = default)
    {
        var c = await DraftAsync(concernId, ct);
        ProportionDbContext.ClaimVersion(c, versionUserSaw);
        var errors = new Dictionary<string, string>();
        string? Checked(string field, string? text, int max, string what)
        {
            var value = Text.OrNull(text);
            if (value is { Length: var length } && length > max)
            {
                errors[field] = $"{what} must be {max:N0} characters or fewer";
            }
            return value;
        }
        var changed = new List<string>();
        void Set<T>(string name, T before, T after, Action<T> apply)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after))
            {
                changed.Add(name);
            }
            apply(after);
        }

        switch (part)
        {
            case ConcernPart.WhatHappened:
            {
                var kinds = a.Kinds & AllHarmKinds;
                var what = Checked(nameof(a.WhatHappened), a.WhatHappened, SafeguardingConcern.TextMaxLength, "What was seen or said");
                if (a.HappenedAt is { } at && at > clock.GetUtcNow().UtcDateTime)
                {
                    errors[nameof(a.HappenedAt)] = "When it happened must be now or in the past";
                }
                Set("Kinds of harm", c.Kinds, kinds, v => c.Kinds = v);
                Set("What was seen or said", c.WhatHappened, what, v => c.WhatHappened = v);
                Set("When it happened", c.HappenedAt, a.HappenedAt, v => c.HappenedAt = v);
                break;
            }
            case ConcernPart.Who:
            {
                var kind = a.AllegedSourceKind is { } k && Enum.IsDefined(k) ? k : (AllegedSourceKind?)null;
                var words = Checked(nameof(a.AllegedSource), a.AllegedSource, SafeguardingConcern.ShortMaxLength, "Who it may have been");
                Guid? user = null;
                if (a.AllegedSourceUserId is { } uid)
                {
                    if (uid == db.Scope.UserId)
                    {
                        errors[nameof(a.AllegedSourceUserId)] = "You cannot choose yourself. If you may have caused the harm, say so in words and tell your manager or the council";
                    }
                    else if (!await db.Users.AnyAsync(u => u.Id == uid && u.OrganisationId == c.OrganisationId && u.IsActive, ct))
                    {
                        errors[nameof(a.AllegedSourceUserId)] = "Select a member of staff from the list";
                    }
                    user = uid;
                }
                Set("Who may have caused it", c.AllegedSourceKind, kind, v => c.AllegedSourceKind = v);
                Set("Who, in words", c.AllegedSource, words, v => c.AllegedSource = v);
                Set("Member of staff named", c.AllegedSourceUserId, user, v => c.AllegedSourceUserId = v);
                break;
            }
            case ConcernPart.Action:
                Set("What was done straight away", c.ImmediateAction,
                    Checked(nameof(a.ImmediateAction), a.ImmediateAction, SafeguardingConcern.TextMaxLength, "What was done straight away"), v => c.ImmediateAction = v);
                break;
            case ConcernPart.Consent:
            {
                var consent = a.Consent is { } given && Enum.IsDefined(given) ? given : (ConsentAnswer?)null;
                var without = consent is { } answer && answer != ConsentAnswer.Given;
                var reasons = without ? a.ProceedReasons & AllProceedReasons : ProceedWithoutConsent.None;
                var explanation = Checked(nameof(a.ProceedExplanation), without ? a.ProceedExplanation : null, SafeguardingConcern.TextMaxLength, "Why it must go ahead");
                var bestInterests = Checked(nameof(a.BestInterestsDecision), without && reasons.HasFlag(ProceedWithoutConsent.LacksCapacity) ? a.BestInterestsDecision : null,
                    SafeguardingConcern.TextMaxLength, "The best-interests decision");
                var told = without ? a.PersonTold : null;
                var note = Checked(nameof(a.PersonToldNote), told is null ? null : a.PersonToldNote, SafeguardingConcern.TextMaxLength,
                    told == true ? "How and when they were told" : "Why telling them now would increase the risk");
                Set("Consent", c.Consent, consent, v => c.Consent = v);
                Set("Reasons to go ahead without consent", c.ProceedReasons, reasons, v => c.ProceedReasons = v);
                Set("Why it must go ahead", c.ProceedExplanation, explanation, v => c.ProceedExplanation = v);
                Set("Best-interests decision", c.BestInterestsDecision, bestInterests, v => c.BestInterestsDecision = v);
                Set("Person told", c.PersonTold, told, v => c.PersonTold = v);
                Set("How they were told, or why not yet", c.PersonToldNote, note, v => c.PersonToldNote = v);
                break;
            }
            case ConcernPart.Voice:
                Set("Outcomes the person wants", c.OutcomesWanted,
                    Checked(nameof(a.OutcomesWanted), a.OutcomesWanted, SafeguardingConcern.TextMaxLength, "The outcomes they want"), v => c.OutcomesWanted = v);
                Set("How the person takes part", c.HowPersonTakesPart,
                    Checked(nameof(a.HowPersonTakesPart), a.HowPersonTakesPart, SafeguardingConcern.TextMaxLength, "How they want to take part"), v => c.HowPersonTakesPart = v);
                break;
            case ConcernPart.Advocacy:
            {
                var appropriate = Checked(nameof(a.AppropriatePerson), a.SubstantialDifficulty == true ? a.AppropriatePerson : null,
                    SafeguardingConcern.ShortMaxLength, "The appropriate person");
                Set("Advocacy offered", c.AdvocacyOffered, a.AdvocacyOffered, v => c.AdvocacyOffered = v);
                Set("Substantial difficulty", c.SubstantialDifficulty, a.SubstantialDifficulty, v => c.SubstantialDifficulty = v);
                Set("Appropriate person", c.AppropriatePerson, appropriate, v => c.AppropriatePerson = v);
                Set("Advocate", c.AdvocateName,
                    Checked(nameof(a.AdvocateName), a.AdvocateName, SafeguardingConcern.ShortMaxLength, "The advocate"), v => c.AdvocateName = v);
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(part), part, null);
        }
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
        if (changed.Count > 0)
        {
            audit.Record(c.OrganisationId, AuditAction.Updated, EntityType, c.Id, "Changed a draft safeguarding concern", c.PersonId,
                new ChangeSet().Set("Answers changed", string.Join(", ", changed)));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Sends the draft to the safeguarding adults team of the council for the area of the person's service:
    /// refused with every R20 finding still open, and when the service has no local council. Tells the council's
    /// team, and the person's managers (never the member of staff named as the alleged source), in the app.
    /// </summary>
    public async Task<ConcernSent> SendAsync(Guid concernId, int versionUserSaw, CancellationToken ct = default)
    {
        var c = await DraftAsync(concernId, ct);
        ProportionDbContext.ClaimVersion(c, versionUserSaw);
        var person = await db.People.Include(p => p.Service).SingleOrDefaultAsync(p => p.Id == c.PersonId, ct) ?? throw new RecordNotFoundException("The person");
        var findings = SafeguardingRules.ForSending(c, person.KnownAs);
        if (findings.Count > 0)
        {
            throw new RuleViolationException(findings);
        }
        // The s.42 duty falls on the council where the adult is: the council of the service they live in now.
        var council = await CouncilOfAsync(person.Service!, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        c.ServiceId = person.ServiceId;
        c.CouncilId = council.Id;
        c.PersonName = person.FullName;
        c.PersonDateOfBirth = person.DateOfBirth;
        c.ServiceName = person.Service!.Name;
        c.ProviderName = await ProviderNameAsync(c.OrganisationId, ct);
        c.Status = SafeguardingStatus.Sent;
        c.SentAt = now;
        c.SentById = db.Scope.UserId;

        var officers = await db.Users.Where(u => u.OrganisationId == council.Id && u.IsActive
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.SafeguardingOfficer)))
            .Select(u => u.Id).ToListAsync(ct);
        var toCouncil = officers.Select(id => notifications.Once(c.OrganisationId, id,
            $"{c.ProviderName} has sent a safeguarding concern about {c.PersonName} of {c.ServiceName}. Read it and record that you have received it.",
            links.CouncilSafeguardingConcern(c.Id), $"safeguarding-sent:{c.Id:N}")).ToList();
        var (serviceManagers, seniorManagers) = await notifications.ManagersToTellAsync(c.OrganisationId, c.ServiceId, ct);
        var toManagers = serviceManagers.Concat(seniorManagers).Distinct()
            .Where(id => id != db.Scope.UserId && id != c.AllegedSourceUserId)
            .Select(id => notifications.Once(c.OrganisationId, id,
                $"{db.Scope.UserName} sent a safeguarding concern about {person.KnownAs} to {council.Name}.",
                links.SafeguardingConcern(c.PersonId, c.Id), $"safeguarding-sent-provider:{c.Id:N}")).ToList();
        db.Notifications.AddRange(toCouncil);
        db.Notifications.AddRange(toManagers);
        audit.Record(c.OrganisationId, AuditAction.Updated, EntityType, c.Id, $"Sent a safeguarding concern to {council.Name}", c.PersonId,
            new ChangeSet().Set("Council", council.Name).Set("Consent", c.Consent is { } consent ? EnumNames.Of(consent) : null));
        await db.SaveChangesAsync(ct);
        return new ConcernSent(toCouncil, toManagers);
    }

    /// <summary>
    /// Records, after sending, that the person has now been told it went ahead without their agreement; the
    /// reason they were not told at first stays in the record beside it. Tells the council's team in the app.
    /// </summary>
    public async Task RecordPersonToldAsync(Guid concernId, int versionUserSaw, string? how, CancellationToken ct = default)
    {
        var c = await db.SafeguardingConcerns.SingleOrDefaultAsync(x => x.Id == concernId, ct) ?? throw new RecordNotFoundException("The concern");
        db.Scope.Demand(Permission.ReadSafeguarding);
        db.Scope.Demand(Permission.RaiseSafeguarding, c.OrganisationId);
        ProportionDbContext.ClaimVersion(c, versionUserSaw);
        if (!SafeguardingRules.PersonStillToBeTold(c))
        {
            throw new RuleViolationException("", "There is nothing to record: the person agreed, or has already been told.");
        }
        var earlier = c.PersonToldNote ?? "";
        var told = Text.OrNull(how);
        var prefix = $"Told on {UkTime.Format(clock.GetUtcNow().UtcDateTime)}: ";
        var suffix = $"\n\nNot told when the concern was sent, because: {earlier}";
        var max = SafeguardingConcern.TextMaxLength - prefix.Length - suffix.Length;
        if (told is null)
        {
            throw new RuleViolationException("How", "Enter how and when the person was told");
        }
        if (told.Length > max)
        {
            throw new RuleViolationException("How", $"How they were told must be {Math.Max(max, 0):N0} characters or fewer");
        }
        c.PersonTold = true;
        c.PersonToldNote = prefix + told + suffix;
        var officers = await db.Users.Where(u => u.OrganisationId == c.CouncilId && u.IsActive
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.SafeguardingOfficer)))
            .Select(u => u.Id).ToListAsync(ct);
        db.Notifications.AddRange(officers.Select(id => notifications.Once(c.OrganisationId, id,
            $"{c.ProviderName} has told {c.PersonName} that the safeguarding concern about them went ahead without their agreement.",
            links.CouncilSafeguardingConcern(c.Id), $"safeguarding-told:{c.Id:N}")));
        audit.Record(c.OrganisationId, AuditAction.Updated, EntityType, c.Id, "Recorded that the person was told about their safeguarding concern", c.PersonId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The council whose safeguarding adults team receives concerns from the service; refused, saying what to do, when none is set.</summary>
    private async Task<Organisation> CouncilOfAsync(Service service, CancellationToken ct)
    {
        var council = service.LocalCouncilId is { } id
            ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == id && o.Kind == OrganisationKind.Council, ct)
            : null;
        return council ?? throw new RuleViolationException("",
            $"{service.Name} has no local council set, so there is no safeguarding adults team to send a concern to. An organisation administrator must set the service's local council. "
            + "Until then, if anyone is in danger call 999; otherwise phone the council's safeguarding adults team and tell your manager.");
    }

    private async Task<string> ProviderNameAsync(Guid organisationId, CancellationToken ct) =>
        await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);

    /// <summary>A draft the user can see and may write; a sent concern is refused, saying why.</summary>
    private async Task<SafeguardingConcern> DraftAsync(Guid concernId, CancellationToken ct)
    {
        var c = await db.SafeguardingConcerns.SingleOrDefaultAsync(x => x.Id == concernId, ct) ?? throw new RecordNotFoundException("The concern");
        db.Scope.Demand(Permission.RaiseSafeguarding, c.OrganisationId);
        if (c.Status != SafeguardingStatus.Draft)
        {
            throw new RuleViolationException("", "This concern has been sent to the council. What was raised is not changed once it is sent.");
        }
        return c;
    }

    private static readonly HarmKinds AllHarmKinds = Enum.GetValues<HarmKinds>().Aggregate(HarmKinds.None, (all, k) => all | k);
    private static readonly ProceedWithoutConsent AllProceedReasons =
        Enum.GetValues<ProceedWithoutConsent>().Aggregate(ProceedWithoutConsent.None, (all, r) => all | r);
}
