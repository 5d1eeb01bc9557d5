namespace Proportion.Core.Plans.DecisionMaking;

/// <summary>
/// A supported decision-making agreement (Practical approaches to safeguarding and personalisation: tools to support decision-making): the decisions it
/// covers, who helps the person decide and how (information in the way they understand, the time and place),
/// any third-party representative, their circle of support or advocate, how disagreements are handled, and how
/// it is reviewed. The person makes the decisions; the agreement records the practicable steps that help them
/// do so (MCA 2005 s.1(3)). Its review date is the plan's, set when it is agreed.
/// </summary>
public sealed record DecisionMakingContent : IPlanContent
{
    public const int TextMaxLength = 4000;
    public const int NameMaxLength = 200;

    /// <summary>The decisions the agreement covers, in the person's words: "what I spend my money on", "who supports me".</summary>
    public string? DecisionsCovered { get; init; }
    /// <summary>Who helps the person decide.</summary>
    public List<Supporter> Supporters { get; init; } = [];
    /// <summary>How information is given in the way the person understands: symbols, easy read, one thing at a time.</summary>
    public string? HowInformationIsGiven { get; init; }
    /// <summary>The time and place that help the person decide, and the time they need.</summary>
    public string? TimeAndPlace { get; init; }
    /// <summary>Whether the person has a third-party representative (the guidance: the agreement identifies whether they have one, and who).</summary>
    public bool? HasRepresentative { get; init; }
    public string? RepresentativeName { get; init; }
    /// <summary>What the representative does and on what authority: an attorney, a deputy, a suitable person for a direct payment.</summary>
    public string? RepresentativeAuthority { get; init; }
    /// <summary>The person's circle of support: people invited to meet regularly and help them.</summary>
    public List<Supporter> CircleOfSupport { get; init; } = [];
    /// <summary>The person's advocate, name and organisation, if they have one.</summary>
    public string? Advocate { get; init; }
    /// <summary>
    /// Whether the person would have substantial difficulty being involved in these decisions (understanding,
    /// retaining or weighing information, or saying what they want): then, with nobody appropriate to support
    /// them, the council must arrange an independent advocate (Care Act 2014 s.67(4)).
    /// </summary>
    public bool? SubstantialDifficulty { get; init; }
    public string? HowDisagreementsAreHandled { get; init; }
    /// <summary>How the person agreed to this, in their words where possible.</summary>
    public string? HowThePersonAgreed { get; init; }
    /// <summary>Who reviews it with the person, and what brings a review sooner (the date is the plan's review date).</summary>
    public string? HowItIsReviewed { get; init; }

    /// <summary>The people who could support the person without being paid to: those who count before an independent advocate is needed.</summary>
    public IEnumerable<Supporter> UnpaidSupport => Supporters.Concat(CircleOfSupport).Where(s => !s.Paid && !string.IsNullOrWhiteSpace(s.Name));

    public IEnumerable<PlanSection> Sections() =>
    [
        PlanContents.Section("The decisions this covers", DecisionsCovered, field: nameof(DecisionsCovered)),
        People("Who helps me decide", Supporters, nameof(Supporters)),
        PlanContents.Section("How to give me information", HowInformationIsGiven, field: nameof(HowInformationIsGiven)),
        PlanContents.Section("The best time and place", TimeAndPlace, field: nameof(TimeAndPlace)),
        PlanContents.Section("Someone who represents me", HasRepresentative switch
        {
            true => $"{RepresentativeName}: {RepresentativeAuthority}".Trim(' ', ':'),
            false => "I do not have a representative. I make these decisions, with help.",
            null => null,
        }, field: nameof(HasRepresentative)),
        People("My circle of support", CircleOfSupport, nameof(CircleOfSupport)),
        PlanContents.Section("My advocate", string.IsNullOrWhiteSpace(Advocate) ? (CircleOfSupport.Count > 0 ? "None" : null) : Advocate, field: nameof(Advocate)),
        PlanContents.Section("Help to be involved", SubstantialDifficulty switch
        {
            true => "I would find it very hard to be involved without someone to support me.",
            false => "I can be involved with the help written here.",
            null => null,
        }, field: nameof(SubstantialDifficulty)),
        PlanContents.Section("If we disagree", HowDisagreementsAreHandled, field: nameof(HowDisagreementsAreHandled)),
        PlanContents.Section("How I agreed to this", HowThePersonAgreed, field: nameof(HowThePersonAgreed)),
        PlanContents.Section("How we look at this again", HowItIsReviewed, field: nameof(HowItIsReviewed)),
    ];

    private static PlanSection People(string heading, List<Supporter> people, string field) =>
        new(heading, people.Count == 0 ? "Not recorded" : null,
            [.. people.Select(p => string.IsNullOrWhiteSpace(p.Relationship) ? p.Name : $"{p.Name}, {p.Relationship}{(p.Paid ? " (paid)" : "")}")], Field: field);
}

/// <summary>Someone who helps the person decide, or is in their circle of support: their name, relationship or role, and whether they are paid to support the person.</summary>
public sealed record Supporter
{
    public string Name { get; init; } = "";
    /// <summary>"mother", "friend from church", "key worker".</summary>
    public string? Relationship { get; init; }
    /// <summary>Paid to care for or support the person (staff, a personal assistant): not someone who can stand in for an advocate (Care Act s.67(5)).</summary>
    public bool Paid { get; init; }
}
