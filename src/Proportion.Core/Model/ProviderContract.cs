using System.ComponentModel.DataAnnotations;

namespace Proportion.Core.Model;

/// <summary>
/// A contract a council holds with a provider for care it funds (R27): the council checks the provider against
/// the restrictive practice items of the contract (<see cref="ContractItem"/>) and at contract visits. Seen by the
/// council that holds it and by the provider it is with, never by anyone else.
/// </summary>
public class ProviderContract : IVersioned
{
    public const int ReferenceMaxLength = 100;
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CouncilId { get; set; }
    public Guid ProviderId { get; set; }
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public int Version { get; set; } = 1;

    public List<ContractJudgement> Judgements { get; set; } = [];
    public List<ContractVisit> Visits { get; set; } = [];
    public List<ContractAction> Actions { get; set; } = [];
    public List<ContractResponse> Responses { get; set; } = [];

    /// <summary>The commissioner's latest judgement of an item, or null before the first; earlier ones are kept.</summary>
    public ContractJudgement? LatestJudgement(ContractItem item) =>
        Judgements.Where(j => j.Item == item).OrderBy(j => j.JudgedOn).ThenBy(j => j.RecordedAt).LastOrDefault();
}

/// <summary>The restrictive practice requirements commissioners are advised to put into contracts, in that order.</summary>
public enum ContractItem
{
    [Display(Name = "A responsible person oversees restrictions in every service")] ResponsiblePerson = 1,
    [Display(Name = "A restraint and restrictions policy, made with the people supported")] Policy = 2,
    [Display(Name = "Everyone supported is given information on their rights about restrictions")] RightsInformation = 3,
    [Display(Name = "Training in restrictive practices is certified against the RRN Training Standards")] CertifiedTraining = 4,
    [Display(Name = "Data is recorded on every restriction")] DataRecorded = 5,
    [Display(Name = "Data is kept for three years")] DataKeptThreeYears = 6,
    [Display(Name = "Senior managers or the board monitor the data every year")] YearlyMonitoring = 7,
    [Display(Name = "A yearly report on restrictive practices is published")] YearlyReport = 8,
    [Display(Name = "Deaths reported to the coroner are reported on every year")] DeathsReportedToCoroner = 9,
    [Display(Name = "Deaths are referred to LeDeR")] DeathsReferredToLeDeR = 10,
    [Display(Name = "Serious injuries are investigated")] SeriousInjuriesInvestigated = 11,
}

public enum ContractJudgementLevel
{
    [Display(Name = "Met")] Met = 1,
    [Display(Name = "Partly met")] PartlyMet = 2,
    [Display(Name = "Not met")] NotMet = 3,
}

/// <summary>The commissioner's judgement of one item on a day. Never changed: a later judgement supersedes it.</summary>
public class ContractJudgement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContractId { get; set; }
    public ContractItem Item { get; set; }
    public ContractJudgementLevel Judgement { get; set; }
    public DateOnly JudgedOn { get; set; }
    public string? Note { get; set; }
    public Guid JudgedById { get; set; }
    public required string JudgedByName { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>A contract compliance visit: what the council found. Never changed once recorded.</summary>
public class ContractVisit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContractId { get; set; }
    public DateOnly VisitedOn { get; set; }
    public required string Findings { get; set; }
    public Guid RecordedById { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>Something a visit asks the provider to do, by a date, followed up until the commissioner marks it done.</summary>
public class ContractAction : IVersioned
{
    public const int WhatMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContractId { get; set; }
    public Guid VisitId { get; set; }
    public required string What { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? DoneNote { get; set; }
    public Guid? DoneById { get; set; }
    public Guid CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    public bool IsDone => DoneOn is not null;
}

/// <summary>The provider's answer to a checklist item or to an action. Never changed: a later response adds to it.</summary>
public class ContractResponse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContractId { get; set; }
    public ContractItem? Item { get; set; }
    public Guid? ActionId { get; set; }
    public required string Text { get; set; }
    public Guid RespondedById { get; set; }
    public required string RespondedByName { get; set; }
    public DateTime RespondedAt { get; set; }
}
