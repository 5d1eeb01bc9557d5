using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using static Proportion.Core.Commissioning.FieldChecks;

namespace Proportion.Core.Commissioning;

public sealed record EntryInput(Guid? ProviderId, Guid? PersonId, IntelligenceSource? Source, DateOnly? ReceivedOn,
    SourceReliability? Reliability, ConcernLevel? Concern, string? Summary, string? Details);

public sealed record ShareInput(SharingPartner? Partner, string? PartnerName, string? Recipient, string? Purpose, LawfulBasis? LawfulBasis, DateOnly? SharedOn);

/// <summary>
/// The council's intelligence log (R27): its commissioners, social workers and safeguarding officers record what they
/// hear about providers, graded by how reliable the source is and how worrying it is; entries are never changed (a
/// correction is an amendment with its reason); commissioners record each disclosure to a partner with its purpose
/// and lawful basis. Every write, and every look at an entry, is in the council's audit trail.
/// </summary>
public sealed class IntelligenceRecords(ProportionDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The entry, for its council's staff; anyone else, or an unknown id, is not found.</summary>
    public async Task<IntelligenceEntry> ForCouncilAsync(Guid id, CancellationToken ct = default) =>
        await db.IntelligenceEntries.Include(e => e.Amendments).Include(e => e.Shares).AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id && e.CouncilId == db.Scope.OrganisationId, ct)
        ?? throw new RecordNotFoundException("The entry");

    public async Task RecordViewAsync(IntelligenceEntry entry, CancellationToken ct = default)
    {
        audit.Record(entry.CouncilId, AuditAction.Viewed, nameof(IntelligenceEntry), entry.Id, $"Viewed the intelligence entry '{entry.Summary}'", entry.PersonId);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IntelligenceEntry> RecordAsync(EntryInput input, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.RecordIntelligence, db.Scope.OrganisationId);
        var council = db.Scope.OrganisationId;
        var errors = new Dictionary<string, string>();
        var provider = input.ProviderId is { } pid
            ? await db.Organisations.Where(o => o.Id == pid && o.Kind == OrganisationKind.Provider).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(ct)
            : null;
        if (provider is null)
        {
            errors["ProviderId"] = "Select the provider it is about";
        }
        // A person must be one the council funds, at that provider.
        if (input.PersonId is { } person && provider is not null
            && !await db.People.AnyAsync(p => p.Id == person && p.FundingCouncilId == council && p.OrganisationId == provider.Id, ct))
        {
            errors["PersonId"] = "Select a person your council funds at that provider, or nobody";
        }
        Choice(errors, "Source", input.Source, "Select where it came from");
        Choice(errors, "Reliability", input.Reliability, "Select how reliable the source is");
        Choice(errors, "Concern", input.Concern, "Select how worrying it is");
        PastDate(errors, "ReceivedOn", input.ReceivedOn, "The date it was received");
        Text(errors, "Summary", input.Summary, "Enter a one-line summary", IntelligenceEntry.SummaryMaxLength);
        Text(errors, "Details", input.Details, "Enter what you were told or saw", IntelligenceEntry.TextMaxLength);
        Refuse(errors);
        var entry = new IntelligenceEntry
        {
            CouncilId = council,
            ProviderId = provider!.Id,
            PersonId = input.PersonId,
            Source = input.Source!.Value,
            ReceivedOn = input.ReceivedOn!.Value,
            Reliability = input.Reliability!.Value,
            Concern = input.Concern!.Value,
            Summary = input.Summary!.Trim(),
            Details = input.Details!.Trim(),
            RecordedById = db.Scope.UserId,
            RecordedByName = await UserNameAsync(ct),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IntelligenceEntries.Add(entry);
        audit.Record(council, AuditAction.Created, nameof(IntelligenceEntry), entry.Id, $"Recorded intelligence about {provider.Name}: {entry.Summary}", entry.PersonId,
            new ChangeSet().Set("Source", EnumNames.Of(entry.Source)).Set("Received", UkTime.Format(entry.ReceivedOn))
                .Set("Reliability", EnumNames.Of(entry.Reliability)).Set("Concern", EnumNames.Of(entry.Concern)).Set("Details", entry.Details));
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public async Task AmendAsync(Guid id, string? correction, string? reason, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.RecordIntelligence, db.Scope.OrganisationId);
        var entry = await ForCouncilAsync(id, ct);
        var errors = new Dictionary<string, string>();
        Text(errors, "Correction", correction, "Enter the correction", IntelligenceEntry.TextMaxLength);
        Text(errors, "Reason", reason, "Enter why the entry needs correcting", IntelligenceEntry.TextMaxLength);
        Refuse(errors);
        var amendment = new IntelligenceAmendment
        {
            EntryId = entry.Id, Correction = correction!.Trim(), Reason = reason!.Trim(),
            AmendedById = db.Scope.UserId, AmendedByName = await UserNameAsync(ct), AmendedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IntelligenceAmendments.Add(amendment);
        audit.Record(entry.CouncilId, AuditAction.Updated, nameof(IntelligenceEntry), entry.Id, $"Corrected the intelligence entry '{entry.Summary}'", entry.PersonId,
            new ChangeSet().Set("Correction", amendment.Correction), amendment.Reason);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IntelligenceShare> ShareAsync(Guid id, ShareInput input, CancellationToken ct = default)
    {
        db.Scope.Demand(Permission.ShareIntelligence, db.Scope.OrganisationId);
        var entry = await ForCouncilAsync(id, ct);
        var errors = new Dictionary<string, string>();
        Choice(errors, "Partner", input.Partner, "Select who it was shared with");
        Text(errors, "PartnerName", input.PartnerName, "Enter the organisation's name", IntelligenceShare.NameMaxLength);
        Text(errors, "Recipient", input.Recipient, "Enter the name of the person who received it", IntelligenceShare.NameMaxLength);
        Text(errors, "Purpose", input.Purpose, "Enter why it was shared", IntelligenceEntry.TextMaxLength);
        Choice(errors, "LawfulBasis", input.LawfulBasis, "Select the lawful basis for sharing it");
        if (input.LawfulBasis == LawfulBasis.NoPersonalData && entry.PersonId is not null)
        {
            errors["LawfulBasis"] = "This entry is about a person, so sharing it shares personal data: select the lawful basis";
        }
        PastDate(errors, "SharedOn", input.SharedOn, "The date it was shared");
        if (input.SharedOn is { } on && on < entry.ReceivedOn)
        {
            errors["SharedOn"] = $"The date it was shared must be on or after it was received, {UkTime.Format(entry.ReceivedOn)}";
        }
        Refuse(errors);
        var share = new IntelligenceShare
        {
            EntryId = entry.Id, Partner = input.Partner!.Value, PartnerName = input.PartnerName!.Trim(), Recipient = input.Recipient!.Trim(),
            Purpose = input.Purpose!.Trim(), LawfulBasis = input.LawfulBasis!.Value, SharedOn = input.SharedOn!.Value,
            SharedById = db.Scope.UserId, SharedByName = await UserNameAsync(ct), RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.IntelligenceShares.Add(share);
        audit.Record(entry.CouncilId, AuditAction.Updated, nameof(IntelligenceEntry), entry.Id,
            $"Recorded that '{entry.Summary}' was shared with {share.Recipient} at {share.PartnerName}", entry.PersonId,
            new ChangeSet().Set("Shared with", $"{share.Recipient}, {share.PartnerName}").Set("Purpose", share.Purpose)
                .Set("Lawful basis", EnumNames.Of(share.LawfulBasis)).Set("On", UkTime.Format(share.SharedOn)));
        await db.SaveChangesAsync(ct);
        return share;
    }

    private Task<string> UserNameAsync(CancellationToken ct) =>
        db.Users.Where(u => u.Id == db.Scope.UserId).Select(u => u.DisplayName).SingleAsync(ct);

    private void PastDate(Dictionary<string, string> errors, string field, DateOnly? date, string label)
    {
        if (date is null)
        {
            errors[field] = $"Enter {label.ToLowerInvariant()}";
        }
        else if (date > UkTime.Today(clock))
        {
            errors[field] = $"{label} must be today or in the past";
        }
    }



}
