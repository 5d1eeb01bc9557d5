using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Proportion.Web.Pages.Account;

/// <summary>Limits on failed sign-in attempts in a window, from one address and for one email address.</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>A care home's staff share one address, so this is high enough for a shift's typing mistakes.</summary>
    public int FailuresPerAddress { get; set; } = 30;
    public int FailuresPerEmail { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Slows down password guessing: once too many sign-ins have failed from one address, or for one email
/// address, further attempts are refused with 429 until the window ends, before any password is checked.
/// Counts only failures, so a room of staff signing in at the start of a shift is never held up. Kept in
/// this instance's memory (ADR 0010): the per-account limit that must hold across instances is Identity's
/// lockout, which is in the database.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byEmail;

    public SignInThrottle(IOptions<SignInThrottleOptions> options)
    {
        var o = options.Value;
        _byAddress = FailuresInWindow(o.FailuresPerAddress, o.Window);
        _byEmail = FailuresInWindow(o.FailuresPerEmail, o.Window);
    }

    /// <summary>How long to wait before trying again, or null when the attempt may go ahead.</summary>
    public TimeSpan? WaitBefore(string address, string? email = null)
    {
        var wait = Check(_byAddress, address);
        var emailWait = email is null ? null : Check(_byEmail, Normalise(email));
        return wait is null ? emailWait : emailWait is null ? wait : TimeSpan.FromTicks(Math.Max(wait.Value.Ticks, emailWait.Value.Ticks));
    }

    /// <summary>Counts a failed attempt (wrong password, unknown email, wrong code) against the address and the email.</summary>
    public void Failed(string address, string? email = null)
    {
        _byAddress.AttemptAcquire(address).Dispose();
        if (email is not null)
        {
            _byEmail.AttemptAcquire(Normalise(email)).Dispose();
        }
    }

    /// <summary>The answer to a throttled attempt: the page again, status 429, saying when to try again.</summary>
    public static IActionResult TooManyAttempts(PageModel page, TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        page.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        page.ModelState.Clear();
        page.ModelState.AddModelError("", $"There have been too many attempts to sign in. Wait {minutes} {(minutes == 1 ? "minute" : "minutes")}, then try again");
        return page.Page();
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byEmail.Dispose();
    }

    // Asking for no permits takes nothing: it answers whether the window still has any left, and if not, when it will.
    private static TimeSpan? Check(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key, permitCount: 0);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    private static string Normalise(string email) => email.Trim().ToUpperInvariant();

    private static PartitionedRateLimiter<string> FailuresInWindow(int failures, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = failures,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
