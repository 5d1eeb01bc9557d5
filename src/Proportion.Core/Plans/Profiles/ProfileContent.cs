namespace Proportion.Core.Plans.Profiles;

/// <summary>
/// Knowing the person: a profile written with them (person-centred and proactive approaches; PBS). The
/// guidelines care workers read start from it. Trauma history is shown only to those who need it.
/// </summary>
public sealed record ProfileContent : IPlanContent
{
    public string? WhatMattersToMe { get; init; }
    public string? StrengthsAndSkills { get; init; }
    public string? WhatTriggersDistress { get; init; }
    public string? EarlyWarningSigns { get; init; }
    public string? WhatHelpsMeFeelSafe { get; init; }
    public string? HowICommunicate { get; init; }
    /// <summary>Relevant trauma history (trauma-informed care); restricted to <see cref="Scoping.Permission.ReadTraumaHistory"/>.</summary>
    public string? TraumaHistory { get; init; }
    /// <summary>How the person took part in writing it, and who else helped.</summary>
    public string? HowThisWasWritten { get; init; }

    public IEnumerable<PlanSection> Sections() =>
    [
        PlanContents.Section("What matters to me", WhatMattersToMe, field: nameof(WhatMattersToMe)),
        PlanContents.Section("My strengths and skills", StrengthsAndSkills, field: nameof(StrengthsAndSkills)),
        PlanContents.Section("What can make me distressed", WhatTriggersDistress, field: nameof(WhatTriggersDistress)),
        PlanContents.Section("Signs I am becoming distressed", EarlyWarningSigns, field: nameof(EarlyWarningSigns)),
        PlanContents.Section("What helps me feel safe", WhatHelpsMeFeelSafe, field: nameof(WhatHelpsMeFeelSafe)),
        PlanContents.Section("How I communicate", HowICommunicate, field: nameof(HowICommunicate)),
        PlanContents.Section("Relevant history", TraumaHistory, restricted: true, field: nameof(TraumaHistory)),
        PlanContents.Section("How this was written", HowThisWasWritten, field: nameof(HowThisWasWritten)),
    ];
}
