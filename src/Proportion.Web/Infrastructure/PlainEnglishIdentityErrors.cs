using Microsoft.AspNetCore.Identity;

namespace Proportion.Web.Infrastructure;

/// <summary>Identity's messages, said the GOV.UK way: what is wrong and how to fix it.</summary>
public sealed class PlainEnglishIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Password must be {length} characters or more" };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Password must use at least {uniqueChars} different characters" };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "A user with this email address already exists" };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "A user with this email address already exists" };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Enter an email address in the correct format, like name@example.com" };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "Enter an email address in the correct format, like name@example.com" };
}
