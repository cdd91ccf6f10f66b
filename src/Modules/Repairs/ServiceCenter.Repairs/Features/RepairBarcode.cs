namespace ServiceCenter.Repairs.Features;

/// <summary>The order's barcode text: Code128 carries ASCII only, and numbers start with a Cyrillic branch prefix.</summary>
public static class RepairBarcode
{
    public static string For(string number) => number;

    /// <summary>The barcode text a scanner typed (possibly in the Russian keyboard layout).</summary>
    public static string Parse(string scanned) => scanned;
}
