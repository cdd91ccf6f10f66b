using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using ServiceCenter.Data;
using ServiceCenter.Warranty.Domain;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>
/// Writes many <see cref="Serial"/> rows inside the caller's open transaction, past the change tracker: binary COPY
/// on PostgreSQL, one prepared multi-row INSERT reused on SQLite. Table, column names, value converters (enums as
/// text, UTC times) and provider types come from the EF model, so the rows are what EF would write and follow the
/// model when it changes. No audit rows and no history events: a serial records the import and line it came from.
/// </summary>
internal abstract class SerialBulkWriter : IAsyncDisposable
{
    public int Written { get; protected set; }

    /// <summary>The writer for the context's provider; <paramref name="db"/> must have a transaction begun.</summary>
    public static async Task<SerialBulkWriter> StartAsync(AppDbContext db, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(Serial)) ?? throw new InvalidOperationException("Serial is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new ModelColumn(p, p.GetColumnName(store)!)).ToArray();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Begin a transaction first: the rows are written in it.");
        return connection switch
        {
            NpgsqlConnection pg => await PostgresSerialWriter.StartAsync(pg, table, columns, ct),
            SqliteConnection => new SqliteSerialWriter(connection, transaction, table, columns),
            _ => throw new NotSupportedException($"No bulk writer for {connection.GetType().Name}."),
        };
    }

    public abstract void Write(Serial serial);

    /// <summary>Sends what is buffered; the rows are in the transaction, not yet committed.</summary>
    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal sealed record ModelColumn(IProperty Property, string Name)
    {
        /// <summary>The value as the database stores it (converted when the model has a converter), boxed.</summary>
        public Func<Serial, object?> ProviderValue() =>
            Compile<Func<Serial, object?>>(e => Expression.Convert(ProviderExpression(e), typeof(object)));

        /// <summary>serial => converter(serial.Property), typed, for writers that avoid boxing.</summary>
        public Expression ProviderExpression(ParameterExpression serial)
        {
            Expression value = Expression.Property(serial, Property.PropertyInfo ?? throw new NotSupportedException($"{Property.Name} has no CLR property."));
            if (Property.GetTypeMapping().Converter is { } converter)
            {
                var from = converter.ConvertToProviderExpression;
                var nullable = Nullable.GetUnderlyingType(value.Type) is not null;
                if (nullable || !value.Type.IsValueType)
                {
                    // Converters are written for non-null values; null stays null.
                    var inner = nullable ? Expression.Property(value, "Value") : value;
                    var converted = Expression.Invoke(from, Expression.Convert(inner, from.Parameters[0].Type));
                    var target = converted.Type.IsValueType ? typeof(Nullable<>).MakeGenericType(converted.Type) : converted.Type;
                    var isNull = nullable ? (Expression)Expression.Not(Expression.Property(value, "HasValue")) : Expression.Equal(value, Expression.Constant(null, value.Type));
                    return Expression.Condition(isNull, Expression.Constant(null, target), Expression.Convert(converted, target));
                }

                return Expression.Invoke(from, Expression.Convert(value, from.Parameters[0].Type));
            }

            return value;
        }

        private T Compile<T>(Func<ParameterExpression, Expression> body)
        {
            var serial = Expression.Parameter(typeof(Serial), "serial");
            return Expression.Lambda<T>(body(serial), serial).Compile();
        }
    }
}

/// <summary>PostgreSQL: <c>COPY warranty_serials (…) FROM STDIN (FORMAT BINARY)</c> with a typed writer per column (no boxing).</summary>
internal sealed class PostgresSerialWriter : SerialBulkWriter
{
    private readonly NpgsqlBinaryImporter _import;
    private readonly Action<NpgsqlBinaryImporter, Serial> _writeRow;
    private bool _completed;

    private PostgresSerialWriter(NpgsqlBinaryImporter import, Action<NpgsqlBinaryImporter, Serial> writeRow)
    {
        _import = import;
        _writeRow = writeRow;
    }

    public static async Task<PostgresSerialWriter> StartAsync(NpgsqlConnection connection, string table, ModelColumn[] columns, CancellationToken ct)
    {
        var list = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var import = await connection.BeginBinaryImportAsync($"COPY {Quote(table)} ({list}) FROM STDIN (FORMAT BINARY)", ct);
        return new PostgresSerialWriter(import, RowWriter(columns));
    }

    public override void Write(Serial serial)
    {
        _import.StartRow();
        _writeRow(_import, serial);
        Written++;
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        await _import.CompleteAsync(ct);
        _completed = true;
    }

    /// <summary>Disposing an import that was not completed cancels the COPY; the transaction then rolls back.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            try
            {
                await _import.DisposeAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
            {
                // Cancelling a COPY reports the cancellation as an error; the caller rolls back anyway.
            }

            return;
        }

        await _import.DisposeAsync();
    }

    /// <summary>(import, serial) => { import.Write(value, type) or import.WriteNull(); … } for every column.</summary>
    private static Action<NpgsqlBinaryImporter, Serial> RowWriter(ModelColumn[] columns)
    {
        var import = Expression.Parameter(typeof(NpgsqlBinaryImporter), "import");
        var serial = Expression.Parameter(typeof(Serial), "serial");
        var writeNull = typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.WriteNull), Type.EmptyTypes)!;
        var write = typeof(NpgsqlBinaryImporter).GetMethods()
            .Single(m => m.Name == nameof(NpgsqlBinaryImporter.Write) && m.IsGenericMethodDefinition && m.GetParameters() is [_, { ParameterType: var p }] && p == typeof(NpgsqlDbType));
        var statements = new List<Expression>();
        foreach (var column in columns)
        {
            var value = Expression.Variable(column.ProviderExpression(serial).Type, column.Name);
            var plain = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
            var dbType = Expression.Constant(DbType(plain));
            Expression writeValue = Expression.Call(import, write.MakeGenericMethod(plain), Nullable.GetUnderlyingType(value.Type) is null ? value : Expression.Property(value, "Value"), dbType);
            Expression body = value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null
                ? writeValue
                : Expression.IfThenElse(
                    Nullable.GetUnderlyingType(value.Type) is null ? Expression.Equal(value, Expression.Constant(null, value.Type)) : Expression.Not(Expression.Property(value, "HasValue")),
                    Expression.Call(import, writeNull),
                    writeValue);
            statements.Add(Expression.Block([value], Expression.Assign(value, column.ProviderExpression(serial)), body));
        }

        return Expression.Lambda<Action<NpgsqlBinaryImporter, Serial>>(Expression.Block(statements), import, serial).Compile();
    }

    private static NpgsqlDbType DbType(Type type) =>
        type == typeof(Guid) ? NpgsqlDbType.Uuid
        : type == typeof(string) ? NpgsqlDbType.Text
        : type == typeof(DateTime) ? NpgsqlDbType.TimestampTz
        : type == typeof(DateOnly) ? NpgsqlDbType.Date
        : type == typeof(int) ? NpgsqlDbType.Integer
        : type == typeof(long) ? NpgsqlDbType.Bigint
        : type == typeof(bool) ? NpgsqlDbType.Boolean
        : type == typeof(decimal) ? NpgsqlDbType.Numeric
        : throw new NotSupportedException($"No COPY type for {type.Name}: add it to {nameof(PostgresSerialWriter)}.");
}

/// <summary>
/// SQLite: one prepared <c>INSERT … VALUES (…), (…), …</c> of <see cref="RowsPerStatement"/> rows, parameters made by
/// the model's type mappings (Guid and dates as EF stores them), and a one-row statement for the tail.
/// </summary>
internal sealed class SqliteSerialWriter : SerialBulkWriter
{
    public const int RowsPerStatement = 32;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly ModelColumn[] _columns;
    private readonly Func<Serial, object?>[] _values;
    private readonly DbCommand _batch;
    private readonly Serial[] _pending = new Serial[RowsPerStatement];
    private int _count;

    public SqliteSerialWriter(DbConnection connection, DbTransaction transaction, string table, ModelColumn[] columns)
    {
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _columns = columns;
        _values = [.. columns.Select(c => c.ProviderValue())];
        _batch = Command(RowsPerStatement);
    }

    public override void Write(Serial serial)
    {
        _pending[_count++] = serial;
        if (_count == RowsPerStatement)
        {
            Execute(_batch, RowsPerStatement);
            _count = 0;
        }

        Written++;
    }

    public override Task CompleteAsync(CancellationToken ct)
    {
        if (_count > 0)
        {
            using var tail = Command(_count);
            Execute(tail, _count);
            _count = 0;
        }

        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        _batch.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Execute(DbCommand command, int rows)
    {
        var parameters = command.Parameters;
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            var serial = _pending[r];
            for (var c = 0; c < _values.Length; c++)
            {
                parameters[p++].Value = _values[c](serial) ?? DBNull.Value;
            }
        }

        command.ExecuteNonQuery();
    }

    private DbCommand Command(int rows)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var values = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new string[_columns.Length];
            for (var c = 0; c < _columns.Length; c++)
            {
                names[c] = $"@p{(r * _columns.Length) + c}";
                var mapping = (RelationalTypeMapping)_columns[c].Property.GetRelationalTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, names[c], null, nullable: true));
            }

            values.Add("(" + string.Join(", ", names) + ")");
        }

        command.CommandText = $"INSERT INTO {Quote(_table)} ({string.Join(", ", _columns.Select(c => Quote(c.Name)))}) VALUES {string.Join(", ", values)}";
        command.Prepare();
        return command;
    }
}
