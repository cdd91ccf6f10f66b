namespace ServiceCenter.Inventory.Domain;

/// <summary>The arithmetic of stock: amounts, average cost, months of the period totals. Pure.</summary>
public static class StockMath
{
    /// <summary>quantity (thousandths) × price (kopecks), rounded half away from zero to the kopeck.</summary>
    public static long Amount(long quantityThousandths, long priceKopecks) =>
        (long)Math.Round(quantityThousandths * (decimal)priceKopecks / 1000m, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The average cost of <paramref name="quantityThousandths"/> taken from a balance: its share of the balance's
    /// cost; all of it when the whole balance leaves (no kopeck is left behind); 0 when the balance has none.
    /// </summary>
    public static long AverageCost(long balanceQuantity, long balanceCost, long quantityThousandths)
    {
        if (balanceQuantity <= 0 || balanceCost == 0)
        {
            return 0;
        }

        if (quantityThousandths >= balanceQuantity)
        {
            return balanceCost;
        }

        return (long)Math.Round(balanceCost * (decimal)quantityThousandths / balanceQuantity, MidpointRounding.AwayFromZero);
    }

    /// <summary>The first moment of the month <paramref name="at"/> falls in (UTC).</summary>
    public static DateTime MonthStart(DateTime at) => new(at.Year, at.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The month starts whose totals a movement at <paramref name="at"/> changes: every month start after it up
    /// to <paramref name="rolledUpTo"/> (inclusive); none when the totals are not kept yet.
    /// </summary>
    public static IReadOnlyList<DateTime> PeriodsAfter(DateTime at, DateTime? rolledUpTo)
    {
        var periods = new List<DateTime>();
        if (rolledUpTo is not { } last)
        {
            return periods;
        }

        for (var p = MonthStart(at).AddMonths(1); p <= last; p = p.AddMonths(1))
        {
            periods.Add(p);
        }

        return periods;
    }

    /// <summary>Upper-cased, without spaces: how serials are compared (the warranty registry's key).</summary>
    public static string SerialKey(string serial) => Warranty.Domain.Serial.KeyOf(serial);

    /// <summary>
    /// Rounds a quantity to buy up to the supplier's pack and minimum order (thousandths): at least the minimum,
    /// then up to a whole number of packs. A pack or minimum of 0 means none.
    /// </summary>
    public static long RoundToPack(long needed, long pack, long minimum)
    {
        if (needed <= 0)
        {
            return 0;
        }

        var qty = Math.Max(needed, minimum);
        if (pack > 0)
        {
            qty = (qty + pack - 1) / pack * pack;
        }

        return qty;
    }
}
