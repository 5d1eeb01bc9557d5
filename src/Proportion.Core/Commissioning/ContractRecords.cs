using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Core.Scoping;
using static Proportion.Core.Commissioning.FieldChecks;

namespace Proportion.Core.Commissioning;

public sealed record ContractInput(Guid? ProviderId, string? Reference, string? Title, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record JudgementInput(ContractJudgementLevel? Judgement, DateOnly? JudgedOn, string? Note);

public sealed record VisitInput(DateOnly? VisitedOn, string? Findings);

public sealed record ActionInput(string? What, DateOnly? DueOn);

/// <summary>
/// Contract compliance (R27): a council's commissioners keep its contracts with providers, judge each contract
/// item (met, partly met, not met, on a day), record contract visits with their findings and the actions they ask
/// of the provider, and mark each action done; the provider's senior managers respond to items and actions.
/// Nothing is changed once recorded: a later judgement supersedes the one before and both are kept; responses
/// add to each other. Every write is audited in the writer's own organisation's trail, in the same transaction.
/// </summary>
public sealed class ContractRecords(ProportionDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The contract, for its council's commissioners; another council's, a provider's view or an unknown id is not found.</summary>
    public async Task<ProviderContract> ForCouncilAsync(Guid id, CancellationToken ct = default) =>
        await WithEverythingAsync(db.ProviderContracts.Where(c => c.Id == id && c.CouncilId == db.Scope.OrganisationId), ct)
        ?? throw new RecordNotFoundException("The contract");

    /// <summary>The contract, for the provider it is with.</summary>
    public async Task<ProviderContract> ForProviderAsync(Guid id, CancellationToken ct = default) =>
        await WithEverythingAsync(db.ProviderContracts.Where(c => c.Id == id && c.ProviderId == db.Scope.OrganisationId), ct)
        ?? throw new RecordNotFoundException("The contract");

    private static Task<ProviderContract?> WithEverythingAsync(IQueryable<ProviderContract> contracts, CancellationToken ct) =>
        contracts.Include(c => c.Judgements).Include(c => c.Visits).Include(c => c.Actions).Include(c => c.Responses)
            .AsSplitQuery().SingleOrDefaultAsync(ct);

    public async Task<ProviderContract> CreateAsync(ContractInput input, CancellationToken ct = default)
    {
        Require(Permission.ManageContracts);
        var errors = new Dictionary<string, string>();
        var provider = input.ProviderId is { } pid
            ? await db.Organisations.Where(o => o.Id == pid && o.Kind == OrganisationKind.Provider).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(ct)
            : null;
        if (provider is null)
        {
            errors["ProviderId"] = "Select the provider the contract is with";
        }
        Text(errors, "Reference", input.Reference, "Enter the contract's reference", ProviderContract.ReferenceMaxLength);
        Text(errors, "Title", input.Title, "Enter what the contract is for", ProviderContract.TitleMaxLength);
        if (input.StartsOn is null)
        {
            errors["StartsOn"] = "Enter the date the contract starts";
        }
        if (input.StartsOn is { } s && input.EndsOn is { } e && e < s)
        {
            errors["EndsOn"] = "The date the contract ends must be after the date it starts";
        }
        Refuse(errors);
        var contract = new ProviderContract
        {
            CouncilId = db.Scope.OrganisationId,
            ProviderId = provider!.Id,
            Reference = input.Reference!.Trim(),
            Title = input.Title!.Trim(),
            StartsOn = input.StartsOn!.Value,
            EndsOn = input.EndsOn,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedById = db.Scope.UserId,
        };
        db.ProviderContracts.Add(contract);
        audit.Record(contract.CouncilId, AuditAction.Created, nameof(ProviderContract), contract.Id, $"Added contract {contract.Reference} with {provider.Name}",
            changes: new ChangeSet().Set("Reference", contract.Reference).Set("For", contract.Title).Set("Starts", UkTime.Format(contract.StartsOn))
                .Set("Ends", contract.EndsOn is { } end ? UkTime.Format(end) : null));
        await db.SaveChangesAsync(ct);
        return contract;
    }

    public async Task<ContractJudgement> JudgeAsync(Guid contractId, int versionUserSaw, ContractItem item, JudgementInput input, CancellationToken ct = default)
    {
        Require(Permission.ManageContracts);
        var contract = await ForCouncilAsync(contractId, ct);
        ProportionDbContext.ClaimVersion(contract, versionUserSaw);
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(item))
        {
            throw new RecordNotFoundException("The contract item");
        }
        if (input.Judgement is not { } level || !Enum.IsDefined(level))
        {
            errors["Judgement"] = "Select whether the item is met, partly met or not met";
        }
        PastDate(errors, "JudgedOn", input.JudgedOn, "the judgement", contract.StartsOn);
        var note = Model.Text.OrNull(input.Note);
        if (note is null && input.Judgement is ContractJudgementLevel.PartlyMet or ContractJudgementLevel.NotMet)
        {
            errors["Note"] = "Say what is missing, so the provider knows what to put right";
        }
        TooLong(errors, "Note", note, ProviderContract.TextMaxLength);
        Refuse(errors);
        var judgement = new ContractJudgement
        {
            ContractId = contract.Id,
            Item = item,
            Judgement = input.Judgement!.Value,
            JudgedOn = input.JudgedOn!.Value,
            Note = note,
            JudgedById = db.Scope.UserId,
            JudgedByName = await UserNameAsync(ct),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ContractJudgements.Add(judgement);
        audit.Record(contract.CouncilId, AuditAction.Updated, nameof(ProviderContract), contract.Id,
            $"Judged '{EnumNames.Of(item)}' {EnumNames.Of(judgement.Judgement).ToLowerInvariant()} on contract {contract.Reference}",
            changes: new ChangeSet().Set("Item", EnumNames.Of(item)).Set("Judgement", EnumNames.Of(judgement.Judgement))
                .Set("On", UkTime.Format(judgement.JudgedOn)).Set("Note", note));
        await db.SaveChangesAsync(ct);
        return judgement;
    }

    public async Task<ContractVisit> RecordVisitAsync(Guid contractId, int versionUserSaw, VisitInput input, CancellationToken ct = default)
    {
        Require(Permission.ManageContracts);
        var contract = await ForCouncilAsync(contractId, ct);
        ProportionDbContext.ClaimVersion(contract, versionUserSaw);
        var errors = new Dictionary<string, string>();
        PastDate(errors, "VisitedOn", input.VisitedOn, "the visit", contract.StartsOn);
        Text(errors, "Findings", input.Findings, "Enter what the visit found", ProviderContract.TextMaxLength);
        Refuse(errors);
        var visit = new ContractVisit
        {
            ContractId = contract.Id,
            VisitedOn = input.VisitedOn!.Value,
            Findings = input.Findings!.Trim(),
            RecordedById = db.Scope.UserId,
            RecordedByName = await UserNameAsync(ct),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ContractVisits.Add(visit);
        audit.Record(contract.CouncilId, AuditAction.Created, nameof(ContractVisit), visit.Id,
            $"Recorded the contract visit of {UkTime.Format(visit.VisitedOn)} to contract {contract.Reference}",
            changes: new ChangeSet().Set("Visited", UkTime.Format(visit.VisitedOn)).Set("Findings", visit.Findings));
        await db.SaveChangesAsync(ct);
        return visit;
    }

    public async Task<ContractAction> AddActionAsync(Guid contractId, Guid visitId, int versionUserSaw, ActionInput input, CancellationToken ct = default)
    {
        Require(Permission.ManageContracts);
        var contract = await ForCouncilAsync(contractId, ct);
        var visit = contract.Visits.SingleOrDefault(v => v.Id == visitId) ?? throw new RecordNotFoundException("The visit");
        ProportionDbContext.ClaimVersion(contract, versionUserSaw);
        var errors = new Dictionary<string, string>();
        Text(errors, "What", input.What, "Enter what the provider must do", ContractAction.WhatMaxLength);
        if (input.DueOn is null)
        {
            errors["DueOn"] = "Enter the date the action is due";
        }
        else if (input.DueOn < visit.VisitedOn)
        {
            errors["DueOn"] = $"The date the action is due must be on or after the visit, {UkTime.Format(visit.VisitedOn)}";
        }
        Refuse(errors);
        var action = new ContractAction
        {
            ContractId = contract.Id,
            VisitId = visit.Id,
            What = input.What!.Trim(),
            DueOn = input.DueOn!.Value,
            CreatedById = db.Scope.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ContractActions.Add(action);
        audit.Record(contract.CouncilId, AuditAction.Created, nameof(ContractAction), action.Id,
            $"Gave the provider an action from the visit of {UkTime.Format(visit.VisitedOn)}",
            changes: new ChangeSet().Set("What", action.What).Set("Due", UkTime.Format(action.DueOn)));
        await db.SaveChangesAsync(ct);
        return action;
    }

    /// <summary>The commissioner marks an action done, saying how they know; once done it stays done.</summary>
    public async Task MarkDoneAsync(Guid contractId, Guid actionId, int actionVersionUserSaw, DateOnly? doneOn, string? note, CancellationToken ct = default)
    {
        Require(Permission.ManageContracts);
        var contract = await ForCouncilAsync(contractId, ct);
        var action = contract.Actions.SingleOrDefault(a => a.Id == actionId) ?? throw new RecordNotFoundException("The action");
        ProportionDbContext.ClaimVersion(action, actionVersionUserSaw);
        if (action.IsDone)
        {
            throw new RuleViolationException("", "This action is already done.");
        }
        var errors = new Dictionary<string, string>();
        var visit = contract.Visits.Single(v => v.Id == action.VisitId);
        PastDate(errors, "DoneOn", doneOn, "the action was done", visit.VisitedOn);
        var text = Model.Text.OrNull(note);
        if (text is null)
        {
            errors["DoneNote"] = "Say how you know the action is done, for example what you saw or were sent";
        }
        TooLong(errors, "DoneNote", text, ProviderContract.TextMaxLength);
        Refuse(errors);
        action.DoneOn = doneOn;
        action.DoneNote = text;
        action.DoneById = db.Scope.UserId;
        audit.Record(contract.CouncilId, AuditAction.Updated, nameof(ContractAction), action.Id, $"Marked done: {action.What}",
            changes: new ChangeSet().Set("Done", UkTime.Format(doneOn!.Value)).Set("How we know", text));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The provider's senior manager answers a checklist item or an action; answers add, never replace.</summary>
    public async Task<ContractResponse> RespondAsync(Guid contractId, ContractItem? item, Guid? actionId, string? text, CancellationToken ct = default)
    {
        Require(Permission.RespondToContracts);
        var contract = await ForProviderAsync(contractId, ct);
        if (item is { } i && !Enum.IsDefined(i) || actionId is { } a && contract.Actions.All(x => x.Id != a) || (item is null) == (actionId is null))
        {
            throw new RecordNotFoundException(actionId is null ? "The contract item" : "The action");
        }
        var errors = new Dictionary<string, string>();
        Text(errors, "Text", text, "Enter your response", ProviderContract.TextMaxLength);
        Refuse(errors);
        var response = new ContractResponse
        {
            ContractId = contract.Id,
            Item = item,
            ActionId = actionId,
            Text = text!.Trim(),
            RespondedById = db.Scope.UserId,
            RespondedByName = await UserNameAsync(ct),
            RespondedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ContractResponses.Add(response);
        var about = item is { } it ? $"'{EnumNames.Of(it)}'" : $"the action '{contract.Actions.Single(x => x.Id == actionId).What}'";
        audit.Record(contract.ProviderId, AuditAction.Created, nameof(ContractResponse), response.Id, $"Responded to {about} on contract {contract.Reference}",
            changes: new ChangeSet().Set("Response", response.Text));
        await db.SaveChangesAsync(ct);
        return response;
    }

    /// <summary>Council and provider users write only their own organisation's side of a contract.</summary>
    private void Require(Permission permission) => db.Scope.Demand(permission, db.Scope.OrganisationId);

    private Task<string> UserNameAsync(CancellationToken ct) =>
        db.Users.Where(u => u.Id == db.Scope.UserId).Select(u => u.DisplayName).SingleAsync(ct);

    private void PastDate(Dictionary<string, string> errors, string field, DateOnly? date, string what, DateOnly notBefore)
    {
        if (date is null)
        {
            errors[field] = $"Enter the date of {what}";
        }
        else if (date > UkTime.Today(clock))
        {
            errors[field] = $"The date of {what} must be today or in the past";
        }
        else if (date < notBefore)
        {
            errors[field] = $"The date of {what} must be on or after {UkTime.Format(notBefore)}";
        }
    }



}
