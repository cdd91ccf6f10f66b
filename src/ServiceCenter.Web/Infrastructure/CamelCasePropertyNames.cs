using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace ServiceCenter.Web.Infrastructure;

/// <summary>FluentValidation names fields like the JSON does: "inn", "phones[0]", "smsConsent.date".</summary>
internal static class CamelCasePropertyNames
{
    public static string? Resolve(Type type, MemberInfo? member, LambdaExpression? expression)
    {
        if (expression is not null)
        {
            var chain = FluentValidation.Internal.PropertyChain.FromExpression(expression);
            if (chain.Count > 0)
            {
                return string.Join('.', chain.ToString().Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            }
        }

        return member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }
}
