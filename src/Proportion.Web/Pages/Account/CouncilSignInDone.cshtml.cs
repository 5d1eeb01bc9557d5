using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Account;

/// <summary>
/// Where a council's identity provider hands back (ADR 0036): the person it signed in is matched, by the email it
/// gives, to a Proportion account of that council, which holds their roles; an active account is signed in, with a
/// session like any other, and the sign-in audited. Nobody else is let in: no account is ever made here.
/// </summary>
public class CouncilSignInDoneModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AccountAudit audit) : ProportionPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Council { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var db = HttpContext.RequestServices.GetRequiredService<Proportion.Core.Data.ProportionDbContext>();
        Council = await db.Organisations.Where(o => o.Id == id && o.Kind == OrganisationKind.Council).Select(o => o.Name).SingleOrDefaultAsync() ?? "";
        var email = external.Principal?.FindFirstValue("email");
        if (!external.Succeeded || Council == "" || string.IsNullOrWhiteSpace(email))
        {
            return Page();
        }
        var normalised = email.Trim().ToUpperInvariant();
        var account = await users.Users.SingleOrDefaultAsync(u => u.OrganisationId == id && u.SignOnEmail == normalised);
        if (account is null)
        {
            await audit.RefusedUnknownAsync(email);
            return Page();
        }
        if (!account.IsActive)
        {
            await audit.RefusedAsync(account, "The account is deactivated");
            return Page();
        }
        var claims = new List<Claim> { new(CouncilSignIn.CouncilClaim, id.ToString()) };
        if (external.Properties?.GetTokenValue("id_token") is { } idToken)
        {
            claims.Add(new Claim(CouncilSignIn.IdTokenClaim, idToken));
        }
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, claims);
        await audit.SignedInAsync(account, $"through {Council}'s own sign-in");
        return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
    }
}
