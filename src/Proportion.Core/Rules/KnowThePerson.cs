using Proportion.Core.Plans.Profiles;

namespace Proportion.Core.Rules;

/// <summary>
/// R23 "Know the person" (Positive and Proactive Care: person-centred and proactive approaches). Before a
/// profile is agreed, every part is written (what matters to the person, strengths and skills, what
/// triggers distress, early warning signs, what helps them feel safe, how they communicate) and so is how
/// the person took part in writing it. Trauma history is optional: it is written only where relevant, and
/// read only by those who need it. Each missing part is one refusal at its own field.
/// </summary>
public static class KnowThePerson
{
    public const string Rule = "R23";
    public const string Source = "Positive and Proactive Care: person-centred and proactive approaches";

    /// <summary>The parts that must be written, in the order the profile asks them, with what to say when one is missing.</summary>
    public static readonly IReadOnlyList<(string Field, Func<ProfileContent, string?> Value, string Missing)> RequiredParts =
    [
        (nameof(ProfileContent.WhatMattersToMe), c => c.WhatMattersToMe, "Write what matters to the person, in their words"),
        (nameof(ProfileContent.StrengthsAndSkills), c => c.StrengthsAndSkills, "Write the person's strengths and skills"),
        (nameof(ProfileContent.WhatTriggersDistress), c => c.WhatTriggersDistress, "Write what can make the person distressed"),
        (nameof(ProfileContent.EarlyWarningSigns), c => c.EarlyWarningSigns, "Write the early signs that the person is becoming distressed"),
        (nameof(ProfileContent.WhatHelpsMeFeelSafe), c => c.WhatHelpsMeFeelSafe, "Write what helps the person feel safe and in control"),
        (nameof(ProfileContent.HowICommunicate), c => c.HowICommunicate, "Write how the person communicates"),
        (nameof(ProfileContent.HowThisWasWritten), c => c.HowThisWasWritten, "Write how the person took part in writing their profile, and who else helped"),
    ];

    /// <summary>One refusal for each part not written yet; none when the profile can be agreed.</summary>
    public static IReadOnlyList<Finding> Findings(ProfileContent profile) =>
    [
        .. RequiredParts.Where(p => string.IsNullOrWhiteSpace(p.Value(profile)))
            .Select(p => new Finding(Rule, Source, p.Field, p.Missing)),
    ];
}
