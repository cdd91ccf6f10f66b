using NpgsqlTypes;

namespace ServiceCenter.Data;

/// <summary>The PostgreSQL type a binary COPY writes for a provider value's CLR type (the serial import, the benchmark loaders).</summary>
public static class PostgresCopyTypes
{
    public static NpgsqlDbType For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(Guid) ? NpgsqlDbType.Uuid
            : type == typeof(string) ? NpgsqlDbType.Text
            : type == typeof(DateTime) ? NpgsqlDbType.TimestampTz
            : type == typeof(DateOnly) ? NpgsqlDbType.Date
            : type == typeof(int) ? NpgsqlDbType.Integer
            : type == typeof(long) ? NpgsqlDbType.Bigint
            : type == typeof(bool) ? NpgsqlDbType.Boolean
            : type == typeof(decimal) ? NpgsqlDbType.Numeric
            : throw new NotSupportedException($"No COPY type for {type.Name}: add it to {nameof(PostgresCopyTypes)}.");
    }
}
