using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using ServiceCenter.Web.Resources;

namespace ServiceCenter.Web.Auth;

/// <summary>Identity's password and account errors in the user's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<WebResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["Identity.PasswordTooShort", length]);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), l["Identity.PasswordRequiresDigit"]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), l["Identity.PasswordRequiresLower"]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), l["Identity.PasswordRequiresUpper"]);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), l["Identity.PasswordRequiresNonAlphanumeric"]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["Account.WrongPassword"]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["Identity.DuplicateEmail", email]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["Identity.DuplicateEmail", userName]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["Users.EmailInvalid"]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["Users.EmailInvalid"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
