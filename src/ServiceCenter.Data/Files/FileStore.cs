using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace ServiceCenter.Data.Files;

/// <summary>Metadata of a stored file; the bytes live in the store under their SHA-256 name.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Lower-case hex SHA-256 of the content: the name of the blob.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = "application/octet-stream";

    public long Length { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }
}

/// <summary>
/// Files (device photos, generated PDFs, imports) behind one interface (DESIGN §1, §7):
/// content-addressed blobs, metadata rows in the database. Moving to a shared volume or S3 is a
/// new implementation, not a change in the modules.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content and adds its metadata row to <paramref name="db"/> (saved by the caller, in its transaction).</summary>
    Task<StoredFile> SaveAsync(AppDbContext db, Stream content, string fileName, string contentType, Guid? createdBy, CancellationToken ct);

    /// <summary>The content of a stored file, or null when the row or blob is missing.</summary>
    Task<(StoredFile File, Stream Content)?> OpenAsync(AppDbContext db, Guid id, CancellationToken ct);
}

/// <summary>Blobs in <c>data/files/ab/abcdef…</c>; writing the same content twice keeps one blob.</summary>
public sealed class DiskFileStore(DatabaseSettings settings, TimeProvider clock) : IFileStore
{
    private readonly string root = Path.Combine(settings.DataDirectory, "files");

    public async Task<StoredFile> SaveAsync(AppDbContext db, Stream content, string fileName, string contentType, Guid? createdBy, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        var temp = Path.Combine(root, $"upload-{Guid.NewGuid():N}.tmp");
        long length;
        string sha;
        await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            length = target.Length;
            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        var path = BlobPath(sha);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            File.Delete(temp);
        }
        else
        {
            File.Move(temp, path, overwrite: true);
        }

        var file = new StoredFile
        {
            Sha256 = sha,
            FileName = Path.GetFileName(fileName),
            ContentType = contentType,
            Length = length,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        db.Add(file);
        return file;
    }

    public async Task<(StoredFile File, Stream Content)?> OpenAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null || !File.Exists(BlobPath(file.Sha256)))
        {
            return null;
        }

        return (file, new FileStream(BlobPath(file.Sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }

    private string BlobPath(string sha) => Path.Combine(root, sha[..2], sha);
}
