using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Web.Infrastructure;

/// <summary>A held form, readable again: where it was posted and every field, in the order posted.</summary>
public sealed record HeldForm(Guid Id, string Path, IReadOnlyList<KeyValuePair<string, string>> Fields);

/// <summary>
/// Keeps what a user typed when their sign-in lapsed before they sent it (ADR 0009). The fields are
/// encrypted with data protection and tied to the user and the page; only that user can send them,
/// once; they are purged when they expire. Passwords are never kept.
/// </summary>
public sealed class UnsentForms(ProportionDbContext db, IDataProtectionProvider protection, IAntiforgery antiforgery, TimeProvider clock)
{
    /// <summary>Long enough to finish a shift and sign in again; short enough not to keep what nobody came back for.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(8);

    /// <summary>
    /// Added to the query string when the resume page sends a held form, so the held copy is deleted
    /// once sent without reading the body of every post.
    /// </summary>
    public const string SentFromParameter = "sentFrom";

    public const string ResumePath = "/resume";

    public const string ProtectionPurpose = "Proportion.UnsentForms.v1";

    private IDataProtector Protector => protection.CreateProtector(ProtectionPurpose);

    /// <summary>
    /// Holds the form this request posts, for <paramref name="userId"/> whose sign-in lapsed, and
    /// returns its id; null when it is not a browser form of this app. Only a form carrying an
    /// antiforgery token issued to that user is kept, so no other site can leave one for them.
    /// </summary>
    public async Task<Guid?> HoldAsync(HttpContext context, Guid userId)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType
            || request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/sign-in")
            || request.Path.StartsWithSegments("/sign-out") || request.Path.StartsWithSegments(ResumePath))
        {
            return null;
        }
        IFormCollection form;
        try
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return null;
            }
            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            // A body that is not a readable form is left to the page, which answers it as usual.
            return null;
        }
        var fields = form
            .Where(f => !IsNeverKept(f.Key))
            .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var path = (request.PathBase + request.Path).ToString() + request.QueryString;
        if (path.Length > UnsentForm.PathMaxLength)
        {
            return null;
        }
        await db.UnsentForms.Where(f => f.ExpiresAt <= now).ExecuteDeleteAsync(context.RequestAborted);
        var held = new UnsentForm
        {
            UserId = userId, Path = path, CreatedAt = now, ExpiresAt = now + KeptFor,
            ProtectedFields = Protector.Protect(JsonSerializer.Serialize(fields)),
        };
        db.UnsentForms.Add(held);
        await db.SaveChangesAsync(context.RequestAborted);
        return held.Id;
    }

    /// <summary>The user's own held form, if it has not expired or been sent; null for anyone else's.</summary>
    public async Task<HeldForm?> FindAsync(Guid id, Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var held = await db.UnsentForms.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.UserId == userId && f.ExpiresAt > now, ct);
        if (held is null)
        {
            return null;
        }
        try
        {
            var fields = JsonSerializer.Deserialize<List<KeyValuePair<string, string>>>(Protector.Unprotect(held.ProtectedFields)) ?? [];
            return new HeldForm(held.Id, held.Path, fields);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The key that protected it is gone: there is nothing that can be put back.
            return null;
        }
    }

    /// <summary>The held form has been sent again: it is used once, so it goes.</summary>
    public async Task SentAsync(HttpContext context, Guid userId)
    {
        if (HttpMethods.IsPost(context.Request.Method) && Guid.TryParse(context.Request.Query[SentFromParameter], out var id))
        {
            await db.UnsentForms.Where(f => f.Id == id && f.UserId == userId).ExecuteDeleteAsync(context.RequestAborted);
        }
    }

    /// <summary>Where the resume page sends a held form: its own page, marked so the held copy goes.</summary>
    public static string SendTo(HeldForm held) =>
        QueryHelpers.AddQueryString(held.Path, SentFromParameter, held.Id.ToString());

    /// <summary>The old token is useless and a fresh one is added; a password is never written down.</summary>
    private static bool IsNeverKept(string field) =>
        field.StartsWith("__", StringComparison.Ordinal) || field.Contains("password", StringComparison.OrdinalIgnoreCase);
}
