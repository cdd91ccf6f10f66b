namespace ServiceCenter.Data.Files;

/// <summary>
/// Uploaded images (device photos, voiding evidence): JPEG, PNG or WebP, decided by the file's magic bytes rather
/// than by its name or declared type, read with a hard size limit.
/// </summary>
public static class ImageFiles
{
    public const int MaxMegabytes = 15;
    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;

    /// <summary>For the file pickers: the same three formats.</summary>
    public const string Accept = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format the bytes themselves say, or null when they are no image we accept.</summary>
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

    /// <summary>Reads the upload, stopping one byte past the limit so an endless stream cannot fill the memory; null when too large.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream content, long? declaredLength, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (declaredLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
