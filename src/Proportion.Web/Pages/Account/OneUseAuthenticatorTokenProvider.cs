using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proportion.Core.Data;
using Proportion.Core.Model;

namespace Proportion.Web.Pages.Account;

/// <summary>
/// Authenticator-app codes (RFC 6238) that work once. Identity's own provider accepts a code again and
/// again for as long as it is valid, so a code seen over a shoulder or replayed from a log still signs in.
/// This one keeps the time-step of the last code it accepted on the user and refuses that step and every
/// earlier one: at sign-in, when turning two-factor on, and when turning it off.
/// </summary>
public sealed class OneUseAuthenticatorTokenProvider(TimeProvider clock, ProportionDbContext db) : AuthenticatorTokenProvider<AppUser>
{
    private const int SecondsPerStep = 30;
    // As Identity's provider: codes from 60 seconds either side, for a phone clock a little out and for typing time.
    private const int StepsEitherSide = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var digits = token.Replace(" ", "").Replace("-", "");
        // NumberStyles.None with the invariant culture takes only ASCII digits, so no other script's digits reach the check.
        if (string.IsNullOrEmpty(key) || digits.Length != 6 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || Base32Decode(key) is not { } secret)
        {
            return false;
        }
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / SecondsPerStep;
        var lastUsed = user.LastAuthenticatorTimeStep ?? long.MinValue;
        for (var step = Math.Max(now - StepsEitherSide, lastUsed + 1); step <= now + StepsEitherSide; step++)
        {
            if (CodeAt(secret, step) != code)
            {
                continue;
            }
            user.LastAuthenticatorTimeStep = step;
            // Saved against the user's concurrency stamp: of two requests racing with one code, only the first is saved.
            if ((await manager.UpdateAsync(user)).Succeeded)
            {
                return true;
            }
            // The loser starts again from the stored row, so nothing later in its request saves the stale user.
            await db.Entry(user).ReloadAsync();
            return false;
        }
        return false;
    }

    /// <summary>The 6-digit code for one time-step (RFC 4226 dynamic truncation of HMAC-SHA1).</summary>
    private static int CodeAt(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff;
        return binary % 1_000_000;
    }

    private static byte[]? Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c);
            if (value < 0)
            {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
