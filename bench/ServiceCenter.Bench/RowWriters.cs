using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using ServiceCenter.Data;

namespace ServiceCenter.Bench;

/// <summary>
/// An entity made by its domain factory plus the columns the factory cannot set (the state a real
/// order reaches later through its use cases), by EF property name.
/// </summary>
internal sealed record LoadRow(object Entity, IReadOnlyDictionary<string, object?>? Overrides = null);

/// <summary>Writes chunks of rows of one or more entity types; each chunk is one transaction.</summary>
internal interface IRowWriter : IAsyncDisposable
{
    Task WriteAsync(IReadOnlyList<(Type EntityType, IReadOnlyList<LoadRow> Rows)> chunk);

    /// <summary>After the last chunk: put back what the load set aside (indexes, foreign keys).</summary>
    Task FinishAsync();
}

/// <summary>Contexts for loaders: the app's model and provider, without the audit interceptor (bulk rows need no audit).</summary>
internal sealed class LoaderContexts
{
    private readonly DbContextOptions<AppDbContext> _options;
    private readonly List<IModelContributor> _contributors;

    public LoaderContexts(IServiceProvider services)
    {
        Settings = services.GetRequiredService<DatabaseSettings>();
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Settings.Configure(builder);
        builder.UseApplicationServiceProvider(services); // the identity schema version, as the app has it
        _options = builder.Options;
        _contributors = [.. services.GetServices<IModelContributor>()];
    }

    public DatabaseSettings Settings { get; }

    public AppDbContext Create() => new(_options, _contributors);
}

/// <summary>
/// SQLite (and the fallback): EF inserts, one context and one transaction per chunk. Columns the
/// factory leaves alone are set through <c>Entry(x).Property(name).CurrentValue</c>.
/// </summary>
internal sealed class EfRowWriter(LoaderContexts contexts) : IRowWriter
{
    public async Task WriteAsync(IReadOnlyList<(Type EntityType, IReadOnlyList<LoadRow> Rows)> chunk)
    {
        await using var db = contexts.Create();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync();
        foreach (var (_, rows) in chunk)
        {
            foreach (var row in rows)
            {
                var entry = db.Add(row.Entity);
                foreach (var (name, value) in row.Overrides ?? Empty)
                {
                    entry.Property(name).CurrentValue = value;
                }
            }
        }

        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    public Task FinishAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static readonly Dictionary<string, object?> Empty = [];
}

/// <summary>
/// PostgreSQL: binary COPY, with the table and column names, value converters (enums as text, the
/// checklist as JSON, UTC dates) taken from the EF model, so the rows are what EF would write. The
/// secondary indexes and foreign keys of the loaded tables are dropped first and re-created from
/// their own definitions at the end (the usual bulk-load order: one sorted build per index instead
/// of a million index insertions), so the schema afterwards is exactly the migrated one.
/// </summary>
internal sealed class PostgresCopyWriter : IRowWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly Dictionary<Type, CopyTable> _tables;
    private readonly List<(string Name, string Sql)> _deferred = [];

    private PostgresCopyWriter(NpgsqlConnection connection, Dictionary<Type, CopyTable> tables)
    {
        _connection = connection;
        _tables = tables;
    }

    public static async Task<PostgresCopyWriter> CreateAsync(LoaderContexts contexts, params Type[] entityTypes)
    {
        await using var db = contexts.Create();
        var tables = entityTypes.ToDictionary(t => t, t => CopyTable.From(db.Model.FindEntityType(t)
            ?? throw new InvalidOperationException($"{t.Name} is not in the model.")));
        var connection = new NpgsqlConnection(contexts.Settings.ConnectionString);
        await connection.OpenAsync();
        var writer = new PostgresCopyWriter(connection, tables);
        foreach (var table in tables.Values)
        {
            await writer.DeferAsync(table.Name);
        }

        return writer;
    }

    public async Task WriteAsync(IReadOnlyList<(Type EntityType, IReadOnlyList<LoadRow> Rows)> chunk)
    {
        foreach (var (type, rows) in chunk)
        {
            var table = _tables[type];
            await using var import = await _connection.BeginBinaryImportAsync(table.CopyCommand);
            foreach (var row in rows)
            {
                import.StartRow();
                foreach (var column in table.Columns)
                {
                    var value = row.Overrides is { } o && o.TryGetValue(column.Property, out var v) ? v : column.Get(row.Entity);
                    if (value is not null && column.Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    if (value is null)
                    {
                        import.WriteNull();
                    }
                    else
                    {
                        import.Write(value, column.Type);
                    }
                }
            }

            await import.CompleteAsync();
        }
    }

    public async Task FinishAsync()
    {
        await Execute("SET maintenance_work_mem = '512MB'");
        foreach (var (name, sql) in _deferred)
        {
            var watch = Stopwatch.StartNew();
            await Execute(sql);
            Console.WriteLine($"  re-created {name} in {watch.Elapsed.TotalSeconds:F1} s");
        }

        _deferred.Clear();
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task DeferAsync(string table)
    {
        var drops = new List<string>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT c.conname, 'ALTER TABLE ' || quote_ident(@t) || ' ADD CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid),
                   'ALTER TABLE ' || quote_ident(@t) || ' DROP CONSTRAINT ' || quote_ident(c.conname)
            FROM pg_constraint c WHERE c.conrelid = @t::regclass AND c.contype = 'f'
            UNION ALL
            SELECT i.indexname, i.indexdef, 'DROP INDEX ' || quote_ident(i.indexname)
            FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = @t
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
            """, _connection))
        {
            command.Parameters.AddWithValue("t", table);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _deferred.Add((reader.GetString(0), reader.GetString(1)));
                drops.Add(reader.GetString(2));
            }
        }

        foreach (var drop in drops)
        {
            await Execute(drop);
        }
    }

    private async Task Execute(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private sealed record CopyColumn(string Property, string Name, Func<object, object?> Get, ValueConverter? Converter, NpgsqlDbType Type);

    private sealed record CopyTable(string Name, string CopyCommand, CopyColumn[] Columns)
    {
        public static CopyTable From(IEntityType entity)
        {
            var name = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            var columns = entity.GetProperties().Select(p =>
            {
                var getter = p.GetGetter();
                var converter = p.GetTypeMapping().Converter;
                var providerType = converter?.ProviderClrType ?? p.ClrType;
                return new CopyColumn(p.Name, p.GetColumnName(store)!, getter.GetClrValueUsingContainingEntity, converter, PostgresCopyTypes.For(providerType));
            }).ToArray();
            var list = string.Join(", ", columns.Select(c => Quote(c.Name)));
            return new CopyTable(name, $"COPY {Quote(name)} ({list}) FROM STDIN (FORMAT BINARY)", columns);
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
