using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ServiceCenter.Warranty.Features.Imports;

/// <summary>
/// The good rows' (item, serial key) pairs seen so far in a file, with the line of each: finds a serial that comes
/// twice. A million keys held as strings would be a million objects the garbage collector promotes and scans; held
/// as 128-bit hashes (MurmurHash3 x64/128) they are 40 MB of plain structs. Two different keys share a hash with a
/// probability of about 10⁻²⁷ in a file of a million rows — far below a disk error.
/// </summary>
internal sealed class SerialKeySet
{
    private readonly Dictionary<UInt128, int> _lines;

    public SerialKeySet(int capacity = 0) => _lines = new Dictionary<UInt128, int>(capacity);

    public int Count => _lines.Count;

    /// <summary>Adds the pair with its line; false, with the line that had it first, when it is there already.</summary>
    public bool TryAdd(int item, string key, int line, out int firstLine)
    {
        var hash = Hash(item, key);
        if (_lines.TryAdd(hash, line))
        {
            firstLine = 0;
            return true;
        }

        firstLine = _lines[hash];
        return false;
    }

    /// <summary>The line of the pair, or 0 when the file has not had it.</summary>
    public int LineOf(int item, string key) => _lines.TryGetValue(Hash(item, key), out var line) ? line : 0;

    public static UInt128 Hash(int item, string key)
    {
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, item);
        return Murmur3(prefix, MemoryMarshal.AsBytes(key.AsSpan()));
    }

    /// <summary>MurmurHash3 x64 128-bit (Austin Appleby, public domain) over the prefix followed by the data, seed 0.</summary>
    private static UInt128 Murmur3(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> data)
    {
        const ulong c1 = 0x87c37b91114253d5UL;
        const ulong c2 = 0x4cf5ad432745937fUL;
        var length = prefix.Length + data.Length;
        Span<byte> buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        prefix.CopyTo(buffer);
        data.CopyTo(buffer[prefix.Length..]);

        ulong h1 = 0, h2 = 0;
        var blocks = length / 16;
        for (var i = 0; i < blocks; i++)
        {
            var k1 = BinaryPrimitives.ReadUInt64LittleEndian(buffer[(i * 16)..]);
            var k2 = BinaryPrimitives.ReadUInt64LittleEndian(buffer[((i * 16) + 8)..]);
            k1 *= c1;
            k1 = BitOperations.RotateLeft(k1, 31);
            k1 *= c2;
            h1 ^= k1;
            h1 = BitOperations.RotateLeft(h1, 27);
            h1 += h2;
            h1 = (h1 * 5) + 0x52dce729;
            k2 *= c2;
            k2 = BitOperations.RotateLeft(k2, 33);
            k2 *= c1;
            h2 ^= k2;
            h2 = BitOperations.RotateLeft(h2, 31);
            h2 += h1;
            h2 = (h2 * 5) + 0x38495ab5;
        }

        var tail = buffer[(blocks * 16)..];
        ulong t1 = 0, t2 = 0;
        for (var i = tail.Length - 1; i >= 8; i--)
        {
            t2 = (t2 << 8) | tail[i];
        }

        for (var i = Math.Min(tail.Length, 8) - 1; i >= 0; i--)
        {
            t1 = (t1 << 8) | tail[i];
        }

        if (tail.Length > 8)
        {
            t2 *= c2;
            t2 = BitOperations.RotateLeft(t2, 33);
            t2 *= c1;
            h2 ^= t2;
        }

        if (tail.Length > 0)
        {
            t1 *= c1;
            t1 = BitOperations.RotateLeft(t1, 31);
            t1 *= c2;
            h1 ^= t1;
        }

        h1 ^= (ulong)length;
        h2 ^= (ulong)length;
        h1 += h2;
        h2 += h1;
        h1 = Mix(h1);
        h2 = Mix(h2);
        h1 += h2;
        h2 += h1;
        return new UInt128(h2, h1);
    }

    private static ulong Mix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdUL;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53UL;
        k ^= k >> 33;
        return k;
    }
}
