using Proportion.Core.Commissioning;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Council.Contracts;

/// <summary>What <c>_Checklist.cshtml</c> draws, for the council's page or the provider's.</summary>
/// <param name="ActionLink">Where each item's action goes: to judge it, or to respond to it; null for none.</param>
public sealed record ChecklistView(ProviderContract Contract, IReadOnlyDictionary<ContractItem, Evidence> Evidence, Links Links,
    Func<ContractItem, string?> ActionLink, string ActionText, string? PictureLink);
