using System.ComponentModel.DataAnnotations;
using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Core.Plans.Support;

/// <summary>
/// A personalised support plan (R20; Practical approaches to safeguarding and personalisation, "Managing the
/// money"; Care Act 2014 s.25-26, s.31-32): the outcomes the person wants, in their words, with the support
/// that meets each; how their personal budget is managed; the personal assistants employed through a direct
/// payment with the employer's checks; the risk matrix for managing the budget and the support, with the
/// plan for the risk; and whether the person is isolated, which with a lack of capacity brings reviews sooner.
/// </summary>
public sealed record SupportPlanContent : IPlanContent
{
    public const int TextMaxLength = 4000;
    public const int ShortTextMaxLength = 200;

    public List<SupportOutcome> Outcomes { get; init; } = [];

    /// <summary>
    /// Whether the person can request and manage a direct payment themselves. Capacity is decision-specific
    /// (MCA s.2(1)), and no other record holds this decision, so the plan records it. Null: not asked, and
    /// capacity is presumed (MCA s.1(2)).
    /// </summary>
    public BudgetCapacity? CapacityToManageBudget { get; init; }
    /// <summary>Who assessed it: name and role.</summary>
    public string? CapacityAssessedBy { get; init; }
    public DateOnly? CapacityAssessedOn { get; init; }
    /// <summary>How it was assessed and what was found (the functional test: understand, retain, use or weigh, communicate).</summary>
    public string? CapacityEvidence { get; init; }

    /// <summary>How the personal budget is managed; more than one is a mix.</summary>
    public List<BudgetPart> Budget { get; init; } = [];
    /// <summary>For a direct payment to a suitable person (an "authorised person", Care Act s.32): who, and their relationship to the person.</summary>
    public string? SuitablePersonName { get; init; }
    public string? SuitablePersonRelationship { get; init; }
    /// <summary>For an individual service fund: the provider holding it.</summary>
    public string? ServiceFundProvider { get; init; }
    /// <summary>For a third-party managed account: who manages it.</summary>
    public string? AccountManager { get; init; }

    public List<PersonalAssistant> Assistants { get; init; } = [];

    /// <summary>The risk matrix: the support the person needs to manage their budget and support, and the support in place.</summary>
    public SupportLevel? SupportNeeded { get; init; }
    public SupportLevel? SupportInPlace { get; init; }
    /// <summary>How the risk is managed: the support to add, who and by when, or why the person chooses this and how the risk is shared. Needed when the band is high.</summary>
    public string? RiskPlan { get; init; }

    /// <summary>Whether the person is isolated (few people around them who would notice if things went wrong): reviews come sooner.</summary>
    public bool? IsIsolated { get; init; }
    /// <summary>Who is around them: family, friends, a circle of support, an advocate.</summary>
    public string? WhoIsAround { get; init; }

    public BudgetRiskBand? Band => BudgetSupportMatrix.BandOf(SupportNeeded, SupportInPlace);
    public bool IsMix => Budget.Count > 1;
    public bool Uses(BudgetManagement how) => Budget.Any(b => b.How == how);
    /// <summary>Some of the budget is paid as a direct payment (held by the person or a suitable person, through a managed account or a prepaid card).</summary>
    public bool HasDirectPayment => Budget.Any(b => IsDirectPayment(b.How));

    public static bool IsDirectPayment(BudgetManagement how) =>
        how is BudgetManagement.DirectPayment or BudgetManagement.SuitablePerson or BudgetManagement.ThirdPartyManaged or BudgetManagement.PrepaidCard;

    /// <summary>One way the budget is managed, with who holds it where the arrangement has someone: "A direct payment to a suitable person: Grace Adeyemi (mother)".</summary>
    public string Describe(BudgetPart part)
    {
        var who = part.How switch
        {
            BudgetManagement.SuitablePerson when !string.IsNullOrWhiteSpace(SuitablePersonName) =>
                $": {SuitablePersonName}{(string.IsNullOrWhiteSpace(SuitablePersonRelationship) ? "" : $" ({SuitablePersonRelationship})")}",
            BudgetManagement.IndividualServiceFund when !string.IsNullOrWhiteSpace(ServiceFundProvider) => $": {ServiceFundProvider}",
            BudgetManagement.ThirdPartyManaged when !string.IsNullOrWhiteSpace(AccountManager) => $": {AccountManager}",
            _ => "",
        };
        var share = string.IsNullOrWhiteSpace(part.Share) ? "" : $" ({part.Share.Trim()})";
        return $"{EnumNames.Of(part.How)}{who}{share}";
    }

    public string CapacityText() => CapacityToManageBudget switch
    {
        BudgetCapacity.LacksCapacity => $"{EnumNames.Of(BudgetCapacity.LacksCapacity)}. Assessed by {CapacityAssessedBy ?? "not recorded"} on {UkTime.Format(CapacityAssessedOn, "a date not recorded")}. {CapacityEvidence}".Trim(),
        { } answer => EnumNames.Of(answer),
        null => "Not asked: capacity is presumed unless it is shown otherwise",
    };

    public IEnumerable<PlanSection> Sections() =>
    [
        new PlanSection("What I want, and the support that helps me", Outcomes.Count == 0 ? "Not recorded" : null,
            [.. Outcomes.Select(o => $"{o.InTheirWords}: {o.Support ?? "no support agreed yet"}")], Field: nameof(Outcomes)),
        PlanContents.Section("Can I manage a direct payment myself?", CapacityText(), field: nameof(CapacityToManageBudget)),
        Budget.Count switch
        {
            0 => PlanContents.Section("How my money is managed", null, field: nameof(Budget)),
            1 => PlanContents.Section("How my money is managed", Describe(Budget[0]), field: nameof(Budget)),
            _ => new PlanSection("How my money is managed", "A mix:", [.. Budget.Select(Describe)], Field: nameof(Budget)),
        },
        new PlanSection("People I employ", Assistants.Count == 0 ? "None" : null,
            [.. Assistants.Select(a => $"{a.Name}{(string.IsNullOrWhiteSpace(a.HelpsWith) ? "" : $", who helps with {a.HelpsWith}")}. {a.ChecksText()}")],
            Field: nameof(Assistants)),
        PlanContents.Section("How much help I need with my money and support", Band is { } band
            ? $"{BudgetSupportMatrix.Describe(SupportNeeded, SupportInPlace)} {BudgetSupportMatrix.Meaning(band)}"
            : null, field: nameof(SupportNeeded)),
        PlanContents.Section("How we manage the risk", RiskPlan, field: nameof(RiskPlan)),
        PlanContents.Section("Who is around me", IsIsolated switch
        {
            true => $"I am isolated, so my plan is looked at more often. {WhoIsAround}".Trim(),
            false => string.IsNullOrWhiteSpace(WhoIsAround) ? "I am not isolated." : WhoIsAround,
            null => null,
        }, field: nameof(IsIsolated)),
    ];
}

/// <summary>An outcome the person wants, in their words, and the support that meets it. Its id stays the same across versions, so reviews find it.</summary>
public sealed record SupportOutcome
{
    public const int WordsMaxLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string InTheirWords { get; init; } = "";
    public string? Support { get; init; }
}

/// <summary>One way the personal budget is managed, with its amount or share of the budget when it is one of a mix (optional).</summary>
public sealed record BudgetPart
{
    public BudgetManagement How { get; init; }
    /// <summary>"£180 a week", "two thirds": optional.</summary>
    public string? Share { get; init; }
}

/// <summary>
/// How a personal budget is managed (Practical approaches to safeguarding and personalisation, "Managing the
/// money"; Care Act s.26, s.31-33). The guidance's "suitable person" is the Care Act's "authorised person".
/// </summary>
public enum BudgetManagement
{
    [Display(Name = "A direct payment held by the person")] DirectPayment = 1,
    [Display(Name = "A direct payment to a suitable person, because the person lacks capacity to request it")] SuitablePerson = 2,
    [Display(Name = "An individual service fund held by a provider")] IndividualServiceFund = 3,
    [Display(Name = "An account managed by the council")] CouncilManaged = 4,
    [Display(Name = "A third-party managed account")] ThirdPartyManaged = 5,
    [Display(Name = "A prepaid card")] PrepaidCard = 6,
}

/// <summary>Whether the person can request and manage a direct payment themselves (Care Act s.31-32; MCA s.2-3).</summary>
public enum BudgetCapacity
{
    [Display(Name = "Yes: they can request and manage a direct payment, with support if they need it")] HasCapacity = 1,
    [Display(Name = "No: assessed as lacking capacity to request and manage a direct payment")] LacksCapacity = 2,
    [Display(Name = "Not assessed")] NotAssessed = 3,
}

/// <summary>
/// A personal assistant employed through a direct payment, with the employer's checks and their dates
/// (Practical approaches to safeguarding and personalisation, "My keeping safe plan": recruitment with
/// criminal record checks; responsibilities as an employer, including references, contracts and insurance;
/// training). Its id stays the same across versions.
/// </summary>
public sealed record PersonalAssistant
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; init; } = "";
    /// <summary>What they help with: "college and evenings out".</summary>
    public string? HelpsWith { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DateOnly? DbsCheckedOn { get; init; }
    public DateOnly? ReferencesCheckedOn { get; init; }
    public DateOnly? RightToWorkCheckedOn { get; init; }
    /// <summary>The date the employer's liability insurance runs to.</summary>
    public DateOnly? InsuranceUntil { get; init; }
    public DateOnly? ContractSignedOn { get; init; }
    public DateOnly? TrainedOn { get; init; }
    /// <summary>What training they had: "moving and handling; first aid".</summary>
    public string? Training { get; init; }

    /// <summary>Each employer's check in order, with its date (null when not recorded).</summary>
    public IEnumerable<(string Check, DateOnly? On)> Checks() =>
    [
        ("DBS check", DbsCheckedOn),
        ("references", ReferencesCheckedOn),
        ("right to work", RightToWorkCheckedOn),
        ("employer's liability insurance", InsuranceUntil),
        ("contract", ContractSignedOn),
        ("training", TrainedOn),
    ];

    public string ChecksText() => "Checks: " + string.Join("; ", Checks().Select(c => c.On is { } on
        ? c.Check == "employer's liability insurance" ? $"{c.Check} to {UkTime.Format(on)}" : $"{c.Check} {UkTime.Format(on)}"
        : $"{c.Check} not recorded")) + ".";
}
