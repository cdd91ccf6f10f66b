using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
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
        SerialBulkWriter writer = connection switch
        {
            NpgsqlConnection pg => await PostgresSerialWriter.StartAsync(pg, table, columns, ct),
            SqliteConnection => new SqliteSerialWriter(connection, transaction, table, columns),
            _ => throw new NotSupportedException($"No bulk writer for {connection.GetType().Name}."),
        };
        return new PipelinedSerialWriter(writer);
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

/// <summary>
/// Hands the rows to the provider's writer on a thread of its own, in batches: reading and checking the file on one core
/// while the rows are encoded and sent (or, on SQLite, inserted) on the other. The writer's connection is used by that
/// thread only until <see cref="CompleteAsync"/> returns; a failure there (a unique index refusing a row) comes back on
/// the next <see cref="Write"/> or on completion.
/// </summary>
internal sealed class PipelinedSerialWriter : SerialBulkWriter
{
    private const int BatchSize = 512;

    private readonly SerialBulkWriter _inner;
    private readonly System.Collections.Concurrent.BlockingCollection<Serial[]> _batches = new(boundedCapacity: 8);
    private readonly Task _consumer;
    private Serial[] _batch = new Serial[BatchSize];
    private int _count;
    private volatile Exception? _failure;

    public PipelinedSerialWriter(SerialBulkWriter inner)
    {
        _inner = inner;
        _consumer = Task.Factory.StartNew(Consume, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public override void Write(Serial serial)
    {
        if (_failure is { } failure)
        {
            throw new InvalidOperationException("Writing the rows failed.", failure);
        }

        _batch[_count++] = serial;
        Written++;
        if (_count == BatchSize)
        {
            Hand();
        }
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        if (_count > 0)
        {
            Array.Resize(ref _batch, _count);
            Hand();
        }

        _batches.CompleteAdding();
        await _consumer;
        if (_failure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        await _inner.CompleteAsync(ct);
        Written = _inner.Written;
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_batches.IsAddingCompleted)
        {
            _batches.CompleteAdding();
        }

        try
        {
            await _consumer;
        }
        finally
        {
            _batches.Dispose();
            await _inner.DisposeAsync();
        }
    }

    private void Hand()
    {
        try
        {
            _batches.Add(_batch);
        }
        catch (InvalidOperationException) when (_failure is not null)
        {
            throw new InvalidOperationException("Writing the rows failed.", _failure);
        }

        _batch = new Serial[BatchSize];
        _count = 0;
    }

    private void Consume()
    {
        try
        {
            foreach (var batch in _batches.GetConsumingEnumerable())
            {
                foreach (var serial in batch)
                {
                    _inner.Write(serial);
                }
            }
        }
        catch (Exception e)
        {
            // Whatever stopped the writer stops the reader too (else it would wait for room in the queue for ever).
            _failure = e;
            _batches.CompleteAdding();
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
            var dbType = Expression.Constant(PostgresCopyTypes.For(plain));
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
}

/// <summary>
/// SQLite: one prepared one-row <c>INSERT</c> executed per row inside the transaction, bound by position through
/// SQLitePCL (the library under Microsoft.Data.Sqlite) on the connection's own handle. Measured on a million rows:
/// Microsoft.Data.Sqlite's parameters look each name up and re-encode it on every execution, half of the time spent;
/// binding by position leaves the time to SQLite itself. Values are the model's provider values (converters applied)
/// stored as EF stores them — text for Guid (upper case), dates and times — which the writer checks against the model's
/// own type mappings when it starts. A 192 MB page cache for the import's connection (the default is 2 MB) halves the
/// time the six indexes take; it goes back to the default before the connection returns to the pool.
/// </summary>
internal sealed class SqliteSerialWriter : SerialBulkWriter
{
    private const int ImportCacheKilobytes = 196_608;
    private const int DefaultCacheKilobytes = 2_000;
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
    private const string DateFormat = "yyyy-MM-dd";

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SQLitePCL.sqlite3 _db;
    private readonly SQLitePCL.sqlite3_stmt _insert;
    private readonly Action<SQLitePCL.sqlite3_stmt, Serial, byte[]> _bind;
    private const byte Bound = 1;
    private const byte BoundNull = 2;

    private readonly byte[] _state;
    private readonly string?[] _lastText;
    private readonly long[] _lastNumber;
    private readonly Guid[] _lastGuid;
    private byte[] _buffer = new byte[1024];

    public SqliteSerialWriter(DbConnection connection, DbTransaction transaction, string table, ModelColumn[] columns)
    {
        _connection = connection;
        _transaction = transaction;
        _db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        CheckFormats(columns);
        (_state, _lastText, _lastNumber, _lastGuid) = (new byte[columns.Length + 1], new string?[columns.Length + 1], new long[columns.Length + 1], new Guid[columns.Length + 1]);
        Pragma($"cache_size = -{ImportCacheKilobytes}");
        var sql = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
        Check(SQLitePCL.raw.sqlite3_prepare_v2(_db, sql, out _insert));
        _bind = Binder(columns);
    }

    public override void Write(Serial serial)
    {
        _bind(_insert, serial, _buffer);
        var rc = SQLitePCL.raw.sqlite3_step(_insert);
        SQLitePCL.raw.sqlite3_reset(_insert);
        if (rc != SQLitePCL.raw.SQLITE_DONE)
        {
            Check(rc);
        }

        Written++;
    }

    public override Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        _insert.Dispose();
        try
        {
            Pragma($"cache_size = -{DefaultCacheKilobytes}");
        }
        catch (DbException)
        {
            // The import failed on this connection; its error is the one that matters.
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Binds a string as UTF-8 from a reused buffer (grown for a long one).</summary>
    internal void BindText(SQLitePCL.sqlite3_stmt statement, int index, string value)
    {
        var max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _buffer.Length)
        {
            _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        }

        var length = System.Text.Encoding.UTF8.GetBytes(value, _buffer);
        SQLitePCL.raw.sqlite3_bind_text(statement, index, _buffer.AsSpan(0, length));
    }

    private void Check(int rc)
    {
        if (rc is not (SQLitePCL.raw.SQLITE_OK or SQLitePCL.raw.SQLITE_DONE or SQLitePCL.raw.SQLITE_ROW))
        {
            throw new SqliteException(SQLitePCL.raw.sqlite3_errmsg(_db).utf8_to_string(), rc, SQLitePCL.raw.sqlite3_extended_errcode(_db));
        }
    }

    /// <summary>(statement, serial, buffer) => bind every column by position, typed: no boxing, no names.</summary>
    private Action<SQLitePCL.sqlite3_stmt, Serial, byte[]> Binder(ModelColumn[] columns)
    {
        var statement = Expression.Parameter(typeof(SQLitePCL.sqlite3_stmt), "statement");
        var serial = Expression.Parameter(typeof(Serial), "serial");
        var buffer = Expression.Parameter(typeof(byte[]), "buffer");
        var self = Expression.Constant(this);
        var body = columns.Select((column, i) =>
        {
            var value = column.ProviderExpression(serial);
            var method = typeof(SqliteSerialWriter).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static, [typeof(SqliteSerialWriter), typeof(SQLitePCL.sqlite3_stmt), typeof(int), value.Type])
                ?? throw new NotSupportedException($"No SQLite binding for {value.Type.Name} ({column.Name}): add it to {nameof(SqliteSerialWriter)}.");
            return (Expression)Expression.Call(method, self, statement, Expression.Constant(i + 1), value);
        });
        return Expression.Lambda<Action<SQLitePCL.sqlite3_stmt, Serial, byte[]>>(Expression.Block(body), statement, serial, buffer).Compile();
    }

    // Each Bind skips the call when the parameter already holds the value: SQLite keeps bindings across sqlite3_reset,
    // and an import repeats most of them row after row (the import, its time and author, the item's term, the seller).
    private static void Bind(SqliteSerialWriter w, SQLitePCL.sqlite3_stmt s, int i, string? v)
    {
        if (v is null)
        {
            w.BindNull(s, i);
        }
        else if (w._state[i] != Bound || !string.Equals(w._lastText[i], v, StringComparison.Ordinal))
        {
            w.BindText(s, i, v);
            w._lastText[i] = v;
            w._state[i] = Bound;
        }
    }

    private static void Bind(SqliteSerialWriter w, SQLitePCL.sqlite3_stmt s, int i, long v)
    {
        if (w._state[i] != Bound || w._lastNumber[i] != v)
        {
            SQLitePCL.raw.sqlite3_bind_int64(s, i, v);
            w._lastNumber[i] = v;
            w._state[i] = Bound;
        }
    }

    private static void Bind(SqliteSerialWriter w, SQLitePCL.sqlite3_stmt s, int i, int v) => Bind(w, s, i, (long)v);

    private static void Bind(SqliteSerialWriter w, SQLitePCL.sqlite3_stmt s, int i, int? v)
    {
        if (v is { } x)
        {
            Bind(w, s, i, (long)x);
        }
        else
        {
            w.BindNull(s, i);
        }
    }

    private static void Bind(SqliteSerialWriter w, SQLitePCL.sqlite3_stmt s, int i, bool v) => Bind(w, s, i, v ? 1L : 0L);

    private static void Bind(SqliteSerialWriter w, SQLitePCL.sqlite3_stmt s, int i, Guid v)
    {
        if (w._state[i] != Bound || w._lastGuid[i] != v)
        {
            w.BindText(s, i, Text(v));
            w._lastGuid[i] = v;
            w._state[i] = Bound;
        }
    }

    private static void Bind(SqliteSerialWriter w, SQLitePCL.sqlite3_stmt s, int i, Guid? v)
    {
        if (v is { } x)
        {
            Bind(w, s, i, x);
        }
        else
        {
            w.BindNull(s, i);
        }
    }

    private static void Bind(SqliteSerialWriter w, SQLitePCL.sqlite3_stmt s, int i, DateOnly v) => Bind(w, s, i, (long)v.DayNumber, Text(v));

    private static void Bind(SqliteSerialWriter w, SQLitePCL.sqlite3_stmt s, int i, DateOnly? v)
    {
        if (v is { } x)
        {
            Bind(w, s, i, x);
        }
        else
        {
            w.BindNull(s, i);
        }
    }

    private static void Bind(SqliteSerialWriter w, SQLitePCL.sqlite3_stmt s, int i, DateTime v)
    {
        if (w._state[i] != Bound || w._lastNumber[i] != v.Ticks)
        {
            w.BindText(s, i, Text(v));
            w._lastNumber[i] = v.Ticks;
            w._state[i] = Bound;
        }
    }

    private static void Bind(SqliteSerialWriter w, SQLitePCL.sqlite3_stmt s, int i, DateTime? v)
    {
        if (v is { } x)
        {
            Bind(w, s, i, x);
        }
        else
        {
            w.BindNull(s, i);
        }
    }

    /// <summary>A value stored as text but compared as a number (a date's day number).</summary>
    private static void Bind(SqliteSerialWriter w, SQLitePCL.sqlite3_stmt s, int i, long key, string text)
    {
        if (w._state[i] != Bound || w._lastNumber[i] != key)
        {
            w.BindText(s, i, text);
            w._lastNumber[i] = key;
            w._state[i] = Bound;
        }
    }

    private void BindNull(SQLitePCL.sqlite3_stmt statement, int index)
    {
        if (_state[index] != BoundNull)
        {
            SQLitePCL.raw.sqlite3_bind_null(statement, index);
            _state[index] = BoundNull;
        }
    }

    private static string Text(Guid v) => v.ToString("D").ToUpperInvariant();

    private static string Text(DateOnly v) => v.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string Text(DateTime v) => v.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>The text this writer stores must be the literal EF's own mapping of the column writes: checked once per import.</summary>
    private static void CheckFormats(ModelColumn[] columns)
    {
        foreach (var column in columns)
        {
            var mapping = (RelationalTypeMapping)column.Property.GetRelationalTypeMapping();
            var type = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? column.Property.ClrType) ?? mapping.Converter?.ProviderClrType ?? column.Property.ClrType;
            (object Sample, string Text)? sample = type == typeof(Guid) ? (Guid.Parse("0190c2a4-7e5b-7d3c-9f1a-b2c3d4e5f6a7"), Text(Guid.Parse("0190c2a4-7e5b-7d3c-9f1a-b2c3d4e5f6a7")))
                : type == typeof(DateOnly) ? (new DateOnly(2024, 2, 29), Text(new DateOnly(2024, 2, 29)))
                : type == typeof(DateTime) ? (new DateTime(2024, 2, 29, 13, 5, 7, 120, DateTimeKind.Utc), Text(new DateTime(2024, 2, 29, 13, 5, 7, 120, DateTimeKind.Utc)))
                : null;
            if (sample is { } s && mapping.GenerateProviderValueSqlLiteral(s.Sample) != $"'{s.Text}'")
            {
                throw new NotSupportedException($"{column.Name}: EF stores {mapping.GenerateProviderValueSqlLiteral(s.Sample)}, the import would store '{s.Text}'.");
            }
        }
    }

    private void Pragma(string pragma)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "PRAGMA " + pragma;
        command.ExecuteNonQuery();
    }
}
