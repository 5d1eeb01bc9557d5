using Proportion.Core.Model;
using Proportion.Core.Rules;

namespace Proportion.Web.Pages.Safeguarding;

/// <summary>What a concern's answers partial shows: the concern, the names it refers to, and where to change each part (on a draft's check page).</summary>
public sealed record ConcernAnswersView(Person Person, SafeguardingConcern Concern, string? AllegedSourceUser, Incident? Incident,
    Func<ConcernPart, string>? ChangeUrl = null);
