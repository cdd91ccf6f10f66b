using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Warranty.Domain;

/// <summary>Where an import of serial numbers is (WAR-04).</summary>
public enum ImportState
{
    Queued,
    Validating,
    Importing,
    Done,
    Failed,
    Cancelled,
}

/// <summary>What an import does with a file that has bad rows.</summary>
public enum ImportMode
{
    /// <summary>Any bad row: nothing is imported, the report lists them.</summary>
    AllOrNothing,

    /// <summary>The good rows are imported; the bad ones come back as a file to fix and import again.</summary>
    GoodRows,
}

/// <summary>
/// One import of serial numbers from a file (WAR-04): the uploaded file, the column mapping, the mode, and
/// where the background work is. The row is how the work is coordinated: the page finds a running import
/// after a reload, another host sees the state, and a host that starts after a crash finds the imports left
/// running and marks them failed (the serials they wrote were never committed). The serials an import adds
/// name it (<see cref="Serial.ImportId"/>, <see cref="Serial.ImportLine"/>) instead of a history event each.
/// State changes are conditional updates (<c>ExecuteUpdate</c>) so two hosts cannot both take one import.
/// </summary>
public sealed class SerialImport : Entity
{
    /// <summary>The first errors kept on the row for the report; the rest are counted and in the error file.</summary>
    public const int StoredErrors = 1000;

    private SerialImport()
    {
    }

    public Guid FileId { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    /// <summary>"csv" or "xlsx".</summary>
    public string Format { get; private set; } = "csv";

    public ImportMode Mode { get; private set; }

    public ImportState State { get; private set; }

    /// <summary>The text encoding of a CSV file ("utf-8" or "windows-1251"), detected on upload.</summary>
    public string Encoding { get; private set; } = "utf-8";

    /// <summary>Field name → 0-based column, as JSON (<c>{"serial":0,"article":2}</c>).</summary>
    public string MappingJson { get; private set; } = "{}";

    /// <summary>The culture of the user who started it: the error file's texts are written in it.</summary>
    public string Culture { get; private set; } = "ru-RU";

    /// <summary>Data rows in the file (known once validation has read it; an estimate while it reads).</summary>
    public int Total { get; private set; }

    /// <summary>Rows done in the current phase.</summary>
    public int Processed { get; private set; }

    public int Imported { get; private set; }

    public int ErrorCount { get; private set; }

    /// <summary>The first <see cref="StoredErrors"/> bad rows as JSON (<c>[{"line":5,"code":"bad_date","arg":"31.02.2024"}]</c>).</summary>
    public string? ErrorsJson { get; private set; }

    /// <summary>The bad rows in the uploaded format with an error column (a stored file).</summary>
    public Guid? ErrorFileId { get; private set; }

    /// <summary>Why the import failed, as a code the reader localizes (<c>has_errors</c>, <c>interrupted</c>…).</summary>
    public string? FailureCode { get; private set; }

    public bool CancelRequested { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid? CreatedById { get; private set; }

    public string? CreatedByName { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>Refreshed by the host doing the work; a running import whose heartbeat is old was left by a crashed host.</summary>
    public DateTime? HeartbeatAt { get; private set; }

    /// <summary>The host process doing the work.</summary>
    public Guid? WorkerId { get; private set; }

    public bool IsFinished => State is ImportState.Done or ImportState.Failed or ImportState.Cancelled;

    public static SerialImport Queue(Guid fileId, string fileName, string format, string encoding, ImportMode mode, string mappingJson, string culture, DateTime now, Guid? userId, string? userName) =>
        new()
        {
            FileId = fileId,
            FileName = fileName,
            Format = format,
            Encoding = encoding,
            Mode = mode,
            MappingJson = mappingJson,
            Culture = culture,
            State = ImportState.Queued,
            CreatedAt = now,
            CreatedById = userId,
            CreatedByName = userName,
        };
}
