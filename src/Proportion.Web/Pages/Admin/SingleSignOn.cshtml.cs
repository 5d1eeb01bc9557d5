using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Model;
using Proportion.Web.Infrastructure;

namespace Proportion.Web.Pages.Admin;

/// <summary>
/// A council's own sign-in (R27, ADR 0036), set by the council's administrator: its OpenID Connect identity provider
/// and the client registered there, and which Proportion account each of its staff signs in as. The client secret is
/// stored protected and never shown again; left blank, the one set stays. Every change is audited.
/// </summary>
[Requires(Permission.ManageSingleSignOn)]
public class SingleSignOnModel(ProportionDbContext db, AuditTrail audit, IDataProtectionProvider protection, IConfiguration configuration,
    IOptionsMonitorCache<OpenIdConnectOptions> optionsCache, TimeProvider clock) : ProportionPageModel
{
    [BindProperty(Name = "Input")]
    public SettingsForm Input { get; set; } = new();

    public sealed class SettingsForm
    {
        public bool? Enabled { get; set; }
        public string? Authority { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        public int Version { get; set; }
    }

    public CouncilSignOn? Settings { get; private set; }
    public List<AppUser> Staff { get; private set; } = [];
    public string RedirectUri => $"{Request.Scheme}://{Request.Host}{CouncilSignIn.CallbackPath(Scope.OrganisationId)}";
    public string SignedOutUri => $"{Request.Scheme}://{Request.Host}{CouncilSignIn.SignedOutCallbackPath(Scope.OrganisationId)}";

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new SettingsForm { Enabled = Settings?.Enabled, Authority = Settings?.Authority, ClientId = Settings?.ClientId, Version = Settings?.Version ?? 0 };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Settings is not null && Settings.Version != Input.Version || Settings is null && Input.Version != 0)
        {
            ModelState.AddModelError("", "Someone else changed this record after you opened it. Check the settings below, then make your change again.");
            return Page();
        }
        var allowHttp = configuration.GetValue<bool>("CouncilSignIn:AllowHttpLoopback");
        if (Input.Enabled is null)
        {
            ModelState.AddModelError("Input.Enabled", "Select whether your staff sign in with your council's own account");
        }
        var authority = Input.Authority?.Trim();
        if (string.IsNullOrEmpty(authority))
        {
            ModelState.AddModelError("Input.Authority", "Enter the address of your council's identity provider");
        }
        else if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || !(uri.Scheme == "https" || (allowHttp && uri.Scheme == "http" && uri.IsLoopback)))
        {
            ModelState.AddModelError("Input.Authority", "Enter the identity provider's address starting https://, for example https://login.microsoftonline.com/your-tenant/v2.0");
        }
        else if (authority.Length > CouncilSignOn.AuthorityMaxLength)
        {
            ModelState.AddModelError("Input.Authority", $"The address must be {CouncilSignOn.AuthorityMaxLength} characters or fewer");
        }
        var clientId = Input.ClientId?.Trim();
        if (string.IsNullOrEmpty(clientId))
        {
            ModelState.AddModelError("Input.ClientId", "Enter the client ID your identity provider gave Proportion");
        }
        else if (clientId.Length > CouncilSignOn.ClientIdMaxLength)
        {
            ModelState.AddModelError("Input.ClientId", $"The client ID must be {CouncilSignOn.ClientIdMaxLength} characters or fewer");
        }
        if (string.IsNullOrWhiteSpace(Input.ClientSecret) && Settings?.ProtectedSecret is null)
        {
            ModelState.AddModelError("Input.ClientSecret", "Enter the client secret your identity provider gave Proportion");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var created = Settings is null;
        var settings = Settings ?? new CouncilSignOn { OrganisationId = Scope.OrganisationId, Authority = "", ClientId = "" };
        settings.Enabled = Input.Enabled!.Value;
        settings.Authority = authority!;
        settings.ClientId = clientId!;
        if (!string.IsNullOrWhiteSpace(Input.ClientSecret))
        {
            settings.ProtectedSecret = CouncilSignIn.Protect(protection, Input.ClientSecret.Trim());
        }
        settings.UpdatedAt = now;
        if (created)
        {
            db.CouncilSignOns.Add(settings);
        }
        else
        {
            settings.Version++;
        }
        audit.Record(Scope.OrganisationId, created ? AuditAction.Created : AuditAction.Updated, nameof(CouncilSignOn), settings.Id,
            $"{(settings.Enabled ? "Turned on" : "Turned off")} sign-in with the council's identity provider",
            changes: new ChangeSet().Set("Identity provider", settings.Authority).Set("Client ID", settings.ClientId)
                .Set("Client secret", string.IsNullOrWhiteSpace(Input.ClientSecret) ? "unchanged" : "changed"));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else changed this record after you opened it. Check the settings below, then make your change again.");
            return Page();
        }
        // The scheme's options are worked out again from the new settings on its next use.
        optionsCache.TryRemove(CouncilSignIn.SchemeFor(Scope.OrganisationId));
        Confirm(settings.Enabled ? "Your staff can now sign in with your council's own account." : "Sign-in with your council's own account is turned off.");
        return Redirect(Links.SingleSignOn());
    }

    private async Task LoadAsync()
    {
        Settings = await db.CouncilSignOns.SingleOrDefaultAsync(s => s.OrganisationId == Scope.OrganisationId);
        Staff = await db.Users.AsNoTracking().Where(u => u.OrganisationId == Scope.OrganisationId).OrderBy(u => u.DisplayName).ToListAsync();
    }
}
