using System.ComponentModel.DataAnnotations;

namespace Proportion.Web.Pages.Account;

/// <summary>A code from an authenticator app, as typed at sign-in or when turning two-factor on.</summary>
public sealed class AuthenticatorCode
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [RegularExpression(@"^\s*[0-9]{3}\s?[0-9]{3}\s*$", ErrorMessage = "Enter the code as 6 digits, like 123456")]
    public string? Code { get; set; }

    /// <summary>The six digits, without the space some apps show in the middle.</summary>
    public string Digits => (Code ?? "").Replace(" ", "").Trim();
}
