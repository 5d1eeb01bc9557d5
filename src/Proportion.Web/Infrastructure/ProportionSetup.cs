using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Auditing;
using Proportion.Core.Data;
using Proportion.Core.Analytics;
using Proportion.Core.Demo;
using Proportion.Core.Model;
using Proportion.Core.People;
using Proportion.Core.Practices;
using Proportion.Core.Scoping;
using Proportion.Core.Services;
using Proportion.Core.Users;
using Proportion.Web.Api;
using Proportion.Web.Pages.Account;
using Proportion.Web.Infrastructure.Subjects;

namespace Proportion.Web.Infrastructure;

/// <summary>Everything the host wires together, in one place, in the order it runs.</summary>
public static class ProportionSetup
{
    public static void AddProportion(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var provider = DatabaseSetup.ParseProvider(builder.Configuration["Database:Provider"]);
        var connectionString = builder.Configuration.GetConnectionString("Proportion")
            ?? throw new InvalidOperationException("ConnectionStrings:Proportion is not set.");
        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = DatabaseSetup.AnchorSqlitePath(connectionString, builder.Environment.ContentRootPath);
        }
        services.AddDbContext<ProportionDbContext>(o => o.UseProportionDatabase(provider, connectionString));
        services.AddSingleton(TimeProvider.System);
        // Every rule setting in one type, checked at start-up: a bad value stops the app with its name (docs/rules.md).
        services.AddOptions<Proportion.Core.Rules.RuleSettings>().BindConfiguration(Proportion.Core.Rules.RuleSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddIdentity<AppUser, AppRole>(o =>
            {
                // NCSC guidance: length over complexity rules; lock out guessing, not typing mistakes.
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ProportionDbContext>()
            .AddClaimsPrincipalFactory<PasswordChangeRequired.ClaimsFactory>()
            .AddDefaultTokenProviders()
            // In place of Identity's authenticator provider: each code works once.
            .AddTokenProvider<OneUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<PlainEnglishIdentityErrors>();
        // Failed sign-ins per address and per email, in this instance's memory (ADR 0010).
        services.Configure<SignInThrottleOptions>(builder.Configuration.GetSection("SignIn:Throttle"));
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<AccountAudit>();
        services.AddCouncilSignIn();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "proportion";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // The API answers with status codes, never a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        // Signing out everywhere (a deactivated user, a reset authenticator) takes effect within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // The cookie names a session held on the server, which decides when it ends (ADR 0009).
        services.AddSignInSessions(builder.Configuration);

        services.SecureCookies();
        builder.AddKeyStore();
        builder.AddProxySupport();
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddPageCompression();
        // Run from the build output in any environment (the benchmarks run it as Production), the files the build
        // compressed live under obj/; the build's manifest says where. A published app has no such manifest, and
        // this does nothing there.
        builder.WebHost.UseStaticWebAssets();

        // Signed in for everything unless a page says otherwise; each policy is a set of roles, read
        // from the scope built from the database on this request, so a role taken away by an
        // administrator stops working at once rather than when the cookie is next refreshed.
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        authorization.AddPermissionPolicies();

        services.AddScoped<UserScopeFactory>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditChain>();
        services.AddScoped<ServiceManagement>();
        services.AddScoped<PersonRecords>();
        services.AddScoped<Proportion.Core.People.EqualityRecords>();
        services.AddScoped<PracticeRegister>();
        services.AddScoped<Proportion.Core.Decisions.DecisionRecords>();
        services.AddScoped<Proportion.Core.Decisions.DecisionAgreements>();
        services.AddScoped<Proportion.Core.Decisions.SignOffNotices>();
        services.AddScoped<Proportion.Core.Liberty.LibertyRecords>();
        services.AddScoped<Proportion.Core.Incidents.IncidentRecords>();
        services.AddScoped<Proportion.Core.Notifications.InAppNotifications>();
        services.AddScoped<Proportion.Core.Training.TrainingRecords>();
        services.AddScoped<Proportion.Core.Tasks.MyTasks>();
        services.AddScoped<Proportion.Core.Reviews.ReviewRecords>();
        services.AddScoped<Proportion.Core.Monitoring.MonitoringRecords>();
        services.AddScoped<Proportion.Core.Oversight.DueWork>();
        services.AddScoped<RestrictionSeries>();
        services.AddScoped<Proportion.Core.Commissioning.CouncilPicture>();
        services.AddScoped<Proportion.Core.Commissioning.ContractRecords>();
        services.AddScoped<Proportion.Core.Commissioning.ContractEvidence>();
        services.AddScoped<Proportion.Core.Commissioning.IntelligenceRecords>();
        services.AddScoped<CreepAlerts>();
        // R17: the yearly public report and the figures it freezes.
        services.AddScoped<Proportion.Core.Reporting.ReportFigureQueries>();
        services.AddScoped<Proportion.Core.Reporting.YearlyReports>();
        services.AddScoped<ChartChanges>();
        services.AddScoped<Proportion.Core.Plans.PlanRecords>();
        services.AddScoped<Proportion.Core.Plans.Reduction.ReductionRecords>();
        services.AddScoped<Proportion.Core.Plans.IPlanGate, Proportion.Core.Plans.Reduction.ReductionGate>();
        services.AddScoped<Proportion.Core.Panels.PanelRecords>();
        services.AddScoped<Proportion.Core.Safeguarding.SafeguardingResponses>();
        // R20: the provider's side of safeguarding concerns.
        services.AddScoped<Proportion.Core.Safeguarding.SafeguardingRecords>();
        services.AddScoped<Proportion.Core.Plans.IPlanGate, Proportion.Core.Plans.PositiveRisk.PositiveRiskGate>();
        services.AddScoped<Proportion.Core.Plans.PositiveRisk.PositiveRiskGate>();
        services.AddScoped<Proportion.Core.Plans.IPlanGate, Proportion.Core.Plans.Profiles.ProfileGate>();
        // R20, tools for risky choices: a supported decision-making agreement and a keeping safe plan.
        services.AddScoped<Proportion.Core.Plans.IPlanGate, Proportion.Core.Plans.DecisionMaking.DecisionMakingGate>();
        services.AddScoped<Proportion.Core.Plans.IPlanGate, Proportion.Core.Plans.KeepingSafe.KeepingSafeGate>();
        services.AddScoped<Proportion.Core.Plans.IPlanGate, Proportion.Core.Plans.BehaviourSupport.BehaviourSupportGate>();
        services.AddScoped<Proportion.Core.Plans.BehaviourSupport.BehaviourSupportReviews>();
        services.AddScoped<Proportion.Core.Plans.RiskAssessments.RiskAssessmentGate>();
        services.AddScoped<Proportion.Core.Plans.IPlanGate>(s => s.GetRequiredService<Proportion.Core.Plans.RiskAssessments.RiskAssessmentGate>());
        // R20: personalised support plans, their gate, their review timing and their outcome-focused reviews.
        services.AddScoped<Proportion.Core.Plans.Support.SupportPlanGate>();
        services.AddScoped<Proportion.Core.Plans.IPlanGate>(s => s.GetRequiredService<Proportion.Core.Plans.Support.SupportPlanGate>());
        services.AddScoped<Proportion.Core.Plans.IPlanReviewTiming>(s => s.GetRequiredService<Proportion.Core.Plans.Support.SupportPlanGate>());
        services.AddScoped<Proportion.Core.Plans.Support.SupportPlanRecords>();
        services.AddScoped<IncidentPatternReader>();
        services.AddScoped<Proportion.Core.Services.OccupancyRecords>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<EmailSender>();
        services.AddHostedService<ReminderService>();
        services.AddScoped<DemoData>();
        services.AddScoped<Proportion.Core.Organisations.OrganisationSetup>();
        services.AddScoped<Proportion.Core.Organisations.OrganisationDetails>();
        // Every link to a page is built in one place, from the pages' routes; Core asks for the few it needs.
        services.AddSingleton<Links>();
        services.AddSingleton<Proportion.Core.Links.IRecordLinks>(sp => sp.GetRequiredService<Links>());

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
            o.Conventions.AllowAnonymousToPage("/Account/SignInTwoFactor");
            o.Conventions.AllowAnonymousToPage("/Account/CouncilSignIn");
            o.Conventions.AllowAnonymousToPage("/Account/CouncilSignInDone");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/AccessDenied");
            // R17: the yearly report is public once published; the pages read only published versions.
            o.Conventions.AllowAnonymousToFolder("/Reports");
        }).AddMvcOptions(o =>
        {
            o.Filters.Add<DomainExceptionFilter>();
            o.Filters.Add<UnknownHandlerFilter>();
            // These read "Input[" as broken jQuery syntax and throw; every form here posts MVC-style names.
            o.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            o.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
            o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            o.ModelBindingMessageProvider.SetValueMustNotBeNullAccessor(_ => "Enter a value");
            // Only choices (radios, selects: enums and ids) and hidden numbers can fail to bind; text always binds.
            o.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((_, field) => $"Select a valid {field.ToLowerInvariant()}");
            o.ModelBindingMessageProvider.SetValueIsInvalidAccessor(_ => "Enter a valid value");
            o.ModelBindingMessageProvider.SetMissingBindRequiredValueAccessor(field => $"Enter {field.ToLowerInvariant()}");
            o.ModelBindingMessageProvider.SetUnknownValueIsInvalidAccessor(field => $"Enter a valid {field.ToLowerInvariant()}");
            o.ModelBindingMessageProvider.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "Enter a valid value");
            o.ModelBindingMessageProvider.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Enter a valid value");
            o.ModelBindingMessageProvider.SetNonPropertyValueMustBeANumberAccessor(() => "Enter a number");
            o.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(field => $"{field} must be a number");
        });
        services.AddOpenApi();
        services.AddHealthChecks();

        // Route subjects: the record a route names is loaded once, and views and refusals are audited (ADR 0011).
        services.AddRouteSubjects();
    }

    /// <summary>
    /// Demo data is loaded in Development, or anywhere else but Production when Demo:Seed=true asks
    /// for it (the test host). Never in Production, whatever the setting: its sign-ins and their
    /// password are in the README.
    /// </summary>
    public static bool DemoDataWanted(this WebApplication app)
    {
        var asked = app.Configuration.GetValue<bool?>("Demo:Seed");
        if (app.Environment.IsProduction())
        {
            if (asked == true)
            {
                app.Logger.LogWarning("Demo:Seed is true, but demo data is never loaded in Production: its passwords are public. "
                    + "Create the first organisation with the create-organisation command (README: Deploying).");
            }
            return false;
        }
        return asked ?? app.Environment.IsDevelopment();
    }

    /// <summary>Brings the database up to date; loads the demo data when asked and the database is empty. Says whether demo data is in use.</summary>
    public static async Task<bool> MigrateDatabaseAsync(this WebApplication app, bool seedDemoData)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProportionDbContext>();
        db.Scope = UserScope.System;
        var pending = await db.Database.GetPendingMigrationsAsync();
        await db.Database.MigrateAsync();
        if (pending.Contains(Proportion.Core.Data.Migrations.RestraintTallies.Id))
        {
            // The tallies' table was just made: add up the incidents recorded before it existed.
            await RestraintTallies.RebuildAsync(db);
        }
        var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
        await demo.EnsureRolesAsync();
        if (!seedDemoData)
        {
            return false;
        }
        if (await demo.SeedIfEmptyAsync())
        {
            app.Logger.LogInformation("Added demo data to the empty database.");
        }
        return await db.Users.AnyAsync(u => u.NormalizedEmail == DemoData.SignIns[0].Email.ToUpperInvariant());
    }

    public static void UseProportion(this WebApplication app)
    {
        // The rule settings are checked before the database is touched, not only when the server starts.
        _ = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Proportion.Core.Rules.RuleSettings>>().Value;
        // First: the scheme and client address the rest of the pipeline sees are the ones at the proxy.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        if (!app.Environment.IsDevelopment())
        {
            // Sent only on HTTPS requests (at the app, or at the proxy through X-Forwarded-Proto).
            app.UseHsts();
        }
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseRouting();
        // Static files from the build's manifest (ADR 0038): compressed at build time (Brotli and gzip),
        // fingerprinted addresses cached for a year as immutable. Short-circuited, so a stylesheet never
        // reads the sign-in cookie, the session or the user's scope, and never carries no-store.
        app.MapStaticAssets().ShortCircuit();
        app.UseMiddleware<AllowedMethodsMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<UserScopeMiddleware>();
        app.UsePasswordChangeRequired();
        app.UseAuthorization();
        // Route subjects (ADR 0011): after authorisation, so only an allowed request loads its subject.
        app.UseRouteSubjects();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // WithStaticAssets: asp-append-version writes each file's fingerprinted address.
        app.MapRazorPages().WithStaticAssets();
        app.MapProportionApi();
        // Hands the routes to link generation now rather than when the host starts: Links builds every
        // link from them, and the demo data's messages are written before the first request.
        app.UseEndpoints(_ => { });
    }

    public static void PrintWelcomeOnStart(this WebApplication app, bool demoDataInUse)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var lines = new List<string> { "", "Proportion is running. Open:" };
            lines.AddRange(addresses.Select(a => "  " + a));
            if (demoDataInUse)
            {
                lines.Add("");
                lines.Add($"Demo sign-ins (password for each: {DemoData.Password}):");
                lines.AddRange(DemoData.SignIns.Select(s => $"  {s.Email,-34} {Roles.DisplayName(s.Role)}, {s.Where}"));
            }
            Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        });
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
