using Proportion.Core.Model;

namespace Proportion.Web.Pages.Council.Contracts;

/// <summary>What <c>_Actions.cshtml</c> draws, for the council's page or the provider's.</summary>
/// <param name="ActionLink">Where each action's link goes (mark done, or respond); null for none.</param>
public sealed record ActionsView(ProviderContract Contract, IReadOnlyList<ContractAction> Actions, DateOnly Today,
    Func<ContractAction, string?> ActionLink, string ActionText);
