using Proportion.Core.Model;

namespace Proportion.Core.Rules;

/// <summary>The question pages of raising a safeguarding concern, in the order they are asked.</summary>
public enum ConcernPart
{
    WhatHappened = 0,
    Who,
    Action,
    Consent,
    Voice,
    Advocacy,
}

/// <summary>
/// R20 Safeguarding keeps the person in control (Making Safeguarding Personal; Care Act 2014 s.42 and s.68;
/// the Care and Support Statutory Guidance, chapter 14; Mental Capacity Act 2005 s.1-4). A concern is sent
/// to the council only when what was raised is written (the kinds of harm, what was seen or said, who may
/// have caused it, what was done straight away), and when it passes three gates, each naming what is missing:
/// <list type="bullet">
/// <item>the consent gate: whether the person agreed; going ahead without their agreement needs a reason the
/// law accepts and an explanation; a lack of capacity to consent needs the best-interests decision (MCA s.4);
/// and the person is told that it goes ahead, or the record says why telling them now would put them or
/// others at greater risk;</item>
/// <item>the advocacy requirement: advocacy offered; whether the person would have substantial difficulty
/// taking part; and, when they would and there is no appropriate person to support them, the independent
/// advocate (Care Act s.68);</item>
/// <item>the outcome questions: the outcomes the person wants, in their words, and how they want to take
/// part, recorded at the start.</item>
/// </list>
/// The same findings refuse sending and are listed on the concern's page.
/// </summary>
public static class SafeguardingRules
{
    public const string Rule = "R20";
    public const string ConcernSource = "Care Act 2014 s.42";
    public const string ConsentSource = "Making Safeguarding Personal; Care and Support Statutory Guidance ch. 14; MCA s.4";
    public const string AdvocacySource = "Care Act 2014 s.68";
    public const string OutcomesSource = "Making Safeguarding Personal";

    /// <summary>A draft not sent within this long is due work for the one who raised it and the service's managers.</summary>
    public static readonly TimeSpan SendDraftWithin = TimeSpan.FromDays(1);

    /// <summary>When a draft raised at <paramref name="raisedAt"/> should have been sent by.</summary>
    public static DateTime SendBy(DateTime raisedAt) => raisedAt + SendDraftWithin;

    /// <summary>Everything that refuses sending, in the order of the question pages.</summary>
    public static IReadOnlyList<Finding> ForSending(SafeguardingConcern concern, string knownAs) =>
        [.. WhatWasRaised(concern), .. ConsentGate(concern, knownAs), .. OutcomeQuestions(concern, knownAs), .. AdvocacyRequirement(concern, knownAs)];

    /// <summary>What the council needs to decide on an enquiry: the kinds of harm, what happened, who may have caused it, and what was done.</summary>
    public static IReadOnlyList<Finding> WhatWasRaised(SafeguardingConcern c)
    {
        var findings = new List<Finding>();
        void Refuse(string field, string message) => findings.Add(new Finding(Rule, ConcernSource, field, message));
        if (c.Kinds == HarmKinds.None)
        {
            Refuse(nameof(c.Kinds), "Select the kind of harm or abuse: at least one");
        }
        if (string.IsNullOrWhiteSpace(c.WhatHappened))
        {
            Refuse(nameof(c.WhatHappened), "Enter what was seen or said");
        }
        if (c.AllegedSourceKind is null)
        {
            Refuse(nameof(c.AllegedSourceKind), "Select who may have caused the harm, or that it is not known");
        }
        if (string.IsNullOrWhiteSpace(c.ImmediateAction))
        {
            Refuse(nameof(c.ImmediateAction), "Enter what was done straight away to keep the person and others safe");
        }
        return findings;
    }

    /// <summary>
    /// The consent gate: consent is sought first; going ahead without it needs a lawful reason, explained; a lack
    /// of capacity needs the best-interests decision; and the person is told, or the reason they are not told yet.
    /// </summary>
    public static IReadOnlyList<Finding> ConsentGate(SafeguardingConcern c, string knownAs)
    {
        var findings = new List<Finding>();
        void Refuse(string field, string message) => findings.Add(new Finding(Rule, ConsentSource, field, message));
        if (c.Consent is not { } consent)
        {
            Refuse(nameof(c.Consent), $"Select whether {knownAs} agreed to the concern going to the council");
            return findings;
        }
        if (consent == ConsentAnswer.Given)
        {
            return findings;
        }
        if (c.ProceedReasons == ProceedWithoutConsent.None)
        {
            Refuse(nameof(c.ProceedReasons), $"Select the reason the law accepts for going ahead without {knownAs}'s agreement. If there is none, do not send it: respect their wish, and talk to your manager about keeping them safe");
        }
        if (string.IsNullOrWhiteSpace(c.ProceedExplanation))
        {
            Refuse(nameof(c.ProceedExplanation), $"Explain why it must go ahead without {knownAs}'s agreement");
        }
        if (NeedsBestInterests(c) && string.IsNullOrWhiteSpace(c.BestInterestsDecision))
        {
            Refuse(nameof(c.BestInterestsDecision), $"Enter the best-interests decision to go ahead: who assessed {knownAs}'s capacity to decide, who decided it is in their best interests, who was consulted, and why");
        }
        if (c.PersonTold is not { } told)
        {
            Refuse(nameof(c.PersonTold), $"Select whether {knownAs} has been told it is going ahead without their agreement");
        }
        else if (string.IsNullOrWhiteSpace(c.PersonToldNote))
        {
            Refuse(nameof(c.PersonToldNote), told
                ? $"Enter how and when {knownAs} was told"
                : $"Enter why telling {knownAs} now would put them or someone else at greater risk. Only that is a reason not to tell them yet");
        }
        return findings;
    }

    /// <summary>A best-interests decision is needed when going ahead rests on a lack of capacity to consent (MCA s.4).</summary>
    public static bool NeedsBestInterests(SafeguardingConcern c) =>
        c.Consent is { } consent && consent != ConsentAnswer.Given && c.ProceedReasons.HasFlag(ProceedWithoutConsent.LacksCapacity);

    /// <summary>Care Act s.68: an independent advocate is required when the person would have substantial difficulty and has no appropriate person.</summary>
    public static bool AdvocateRequired(SafeguardingConcern c) =>
        c.SubstantialDifficulty == true && string.IsNullOrWhiteSpace(c.AppropriatePerson);

    /// <summary>The advocacy requirement: advocacy offered, substantial difficulty considered, and the independent advocate when s.68 requires one.</summary>
    public static IReadOnlyList<Finding> AdvocacyRequirement(SafeguardingConcern c, string knownAs)
    {
        var findings = new List<Finding>();
        void Refuse(string field, string message) => findings.Add(new Finding(Rule, AdvocacySource, field, message));
        if (c.AdvocacyOffered != true)
        {
            Refuse(nameof(c.AdvocacyOffered), c.AdvocacyOffered is null
                ? $"Select whether {knownAs} was offered an advocate"
                : $"Offer {knownAs} an advocate to support them through the safeguarding process, then record that it was offered");
        }
        if (c.SubstantialDifficulty is null)
        {
            Refuse(nameof(c.SubstantialDifficulty), $"Select whether {knownAs} would have substantial difficulty taking part");
        }
        else if (AdvocateRequired(c) && string.IsNullOrWhiteSpace(c.AdvocateName))
        {
            Refuse(nameof(c.AdvocateName), $"Enter the independent advocate, or the advocacy service asked to provide one: {knownAs} would have substantial difficulty taking part and has no appropriate person to support them, so the Care Act (s.68) requires one");
        }
        return findings;
    }

    /// <summary>The outcome questions: what the person wants, in their words, and how they want to take part, from the start.</summary>
    public static IReadOnlyList<Finding> OutcomeQuestions(SafeguardingConcern c, string knownAs)
    {
        var findings = new List<Finding>();
        void Refuse(string field, string message) => findings.Add(new Finding(Rule, OutcomesSource, field, message));
        if (string.IsNullOrWhiteSpace(c.OutcomesWanted))
        {
            Refuse(nameof(c.OutcomesWanted), $"Enter the outcomes {knownAs} wants, in their words. If they cannot say, record that and what those who know them best think they would want");
        }
        if (string.IsNullOrWhiteSpace(c.HowPersonTakesPart))
        {
            Refuse(nameof(c.HowPersonTakesPart), $"Enter how {knownAs} wants to take part");
        }
        return findings;
    }

    /// <summary>The question page where a finding's field is answered.</summary>
    public static ConcernPart PartOf(string field) => field switch
    {
        nameof(SafeguardingConcern.Kinds) or nameof(SafeguardingConcern.WhatHappened) or nameof(SafeguardingConcern.HappenedAt) => ConcernPart.WhatHappened,
        nameof(SafeguardingConcern.AllegedSourceKind) or nameof(SafeguardingConcern.AllegedSource) or nameof(SafeguardingConcern.AllegedSourceUserId) => ConcernPart.Who,
        nameof(SafeguardingConcern.ImmediateAction) => ConcernPart.Action,
        nameof(SafeguardingConcern.OutcomesWanted) or nameof(SafeguardingConcern.HowPersonTakesPart) => ConcernPart.Voice,
        nameof(SafeguardingConcern.AdvocacyOffered) or nameof(SafeguardingConcern.SubstantialDifficulty)
            or nameof(SafeguardingConcern.AppropriatePerson) or nameof(SafeguardingConcern.AdvocateName) => ConcernPart.Advocacy,
        _ => ConcernPart.Consent,
    };

    /// <summary>A concern sent without the person's agreement, and they have not been told yet: telling them is still to do.</summary>
    public static bool PersonStillToBeTold(SafeguardingConcern c) =>
        c.Status != SafeguardingStatus.Draft && c.Consent is { } consent && consent != ConsentAnswer.Given && c.PersonTold == false;
}
