namespace Proportion.Core.Plans.KeepingSafe;

/// <summary>
/// A keeping safe plan, made with the person (Practical approaches to safeguarding and personalisation, the "my keeping safe plan" tool): managing the money,
/// recruiting help, being an employer, training, what to do when things go wrong, and who can help. The council's
/// safeguarding helpline is not part of the content: every page and the easy-read copy show the council's
/// current one (<see cref="SafeguardingHelplines"/>); the plan keeps its own number only while the council has
/// not set one.
/// </summary>
public sealed record KeepingSafeContent : IPlanContent
{
    public const int TextMaxLength = 4000;
    public const int ShortMaxLength = 200;

    /// <summary>Managing the money: the account, paying for support, keeping receipts and records, who checks them.</summary>
    public string? ManagingTheMoney { get; init; }
    /// <summary>Recruiting help: how personal assistants or a provider are found, with the checks (DBS, references).</summary>
    public string? Recruiting { get; init; }
    /// <summary>Responsibilities as an employer: contracts, insurance, pay and tax; or who employs the staff instead.</summary>
    public string? Employing { get; init; }
    /// <summary>Training needs and the plan for them, for the person and for the people who help them.</summary>
    public string? Training { get; init; }
    /// <summary>What to do when things go wrong: money missing, a worker not turning up, feeling unsafe.</summary>
    public string? WhenThingsGoWrong { get; init; }
    /// <summary>Who can help: the person's contact sheet.</summary>
    public List<HelpContact> WhoCanHelp { get; init; } = [];
    /// <summary>The safeguarding number to ring, written here only while no council's helpline is set in Proportion.</summary>
    public string? SafeguardingContact { get; init; }
    /// <summary>How the plan was made with the person, and who else helped.</summary>
    public string? HowThePersonTookPart { get; init; }

    public IEnumerable<PlanSection> Sections() =>
    [
        PlanContents.Section("Managing my money", ManagingTheMoney, field: nameof(ManagingTheMoney)),
        PlanContents.Section("Finding the people who help me", Recruiting, field: nameof(Recruiting)),
        PlanContents.Section("Being an employer", Employing, field: nameof(Employing)),
        PlanContents.Section("Training", Training, field: nameof(Training)),
        PlanContents.Section("When things go wrong", WhenThingsGoWrong, field: nameof(WhenThingsGoWrong)),
        new PlanSection("Who can help me", WhoCanHelp.Count == 0 ? "Not recorded" : null,
            [.. WhoCanHelp.Select(c => string.Join(", ", new[] { c.Name, c.WhoTheyAre, c.HowToReach }.Where(x => !string.IsNullOrWhiteSpace(x))))],
            Field: nameof(WhoCanHelp)),
        .. string.IsNullOrWhiteSpace(SafeguardingContact) ? Array.Empty<PlanSection>()
            : [new PlanSection("Safeguarding number written in this plan", SafeguardingContact, Field: nameof(SafeguardingContact))],
        PlanContents.Section("How I made this plan", HowThePersonTookPart, field: nameof(HowThePersonTookPart)),
    ];
}

/// <summary>One line of the person's contact sheet: who, who they are to the person, and how to reach them.</summary>
public sealed record HelpContact
{
    public string Name { get; init; } = "";
    /// <summary>"my sister", "direct payment support service", "GP".</summary>
    public string? WhoTheyAre { get; init; }
    /// <summary>A phone number, an email, or where to find them.</summary>
    public string? HowToReach { get; init; }
}
