using ServiceCenter.Data.Files;

namespace ServiceCenter.Warranty.Features.Voiding;

/// <summary>A photo as it arrives (a multipart part or a file the user picked).</summary>
/// <param name="Length">The size the sender announced, when it did: a larger file is refused before a byte is read.</param>
public sealed record EvidenceUpload(Stream Content, string? FileName, string? ContentType, long? Length = null);

/// <summary>An upload read into memory (at most <see cref="EvidenceImages.MaxBytes"/>) so its first bytes can be checked.</summary>
internal sealed record BufferedEvidence(byte[] Bytes, bool TooLarge)
{
    public string? Format { get; } = EvidenceImages.Sniff(Bytes);
}

/// <summary>What may be stored as evidence: JPEG, PNG or WebP, decided by the file's magic bytes rather than its name.</summary>
internal static class EvidenceImages
{
    public const int MaxMegabytes = ImageFiles.MaxMegabytes;
    public const long MaxBytes = ImageFiles.MaxBytes;
    public const int MaxFiles = 10;
    public const string Accept = ImageFiles.Accept;

    public static string? Sniff(ReadOnlySpan<byte> b) => ImageFiles.Sniff(b);

    public static string Extension(string format) => ImageFiles.Extension(format);

    /// <summary>Reads the upload, stopping one byte past the limit so an endless stream cannot fill the memory.</summary>
    public static async Task<BufferedEvidence> BufferAsync(EvidenceUpload upload, CancellationToken ct)
    {
        var bytes = await ImageFiles.ReadLimitedAsync(upload.Content, upload.Length, ct);
        return new BufferedEvidence(bytes ?? [], TooLarge: bytes is null);
    }
}
