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
    public const int MaxMegabytes = 15;
    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;
    public const int MaxFiles = 10;
    public const string Accept = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (b.StartsWith(PngSignature))
        {
            return "image/png";
        }

        return b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : null;
    }

    public static string Extension(string format) => format switch
    {
        "image/png" => ".png",
        "image/webp" => ".webp",
        _ => ".jpg",
    };

    /// <summary>Reads the upload, stopping one byte past the limit so an endless stream cannot fill the memory.</summary>
    public static async Task<BufferedEvidence> BufferAsync(EvidenceUpload upload, CancellationToken ct)
    {
        if (upload.Length > MaxBytes)
        {
            return new BufferedEvidence([], TooLarge: true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.Content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return new BufferedEvidence([], TooLarge: true);
            }
        }

        return new BufferedEvidence(buffer.ToArray(), TooLarge: false);
    }
}
