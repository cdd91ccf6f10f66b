using System.Globalization;

namespace ServiceCenter.SharedKernel.Domain;

/// <summary>
/// Money in integer kopecks, so that sums and sorts run inside both databases.
/// The API speaks decimal rubles; conversion rounds half away from zero.
/// </summary>
public readonly record struct Money(long Kopecks) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public decimal Rubles => Kopecks / 100m;

    public static Money FromRubles(decimal rubles) =>
        new((long)decimal.Round(rubles * 100m, 0, MidpointRounding.AwayFromZero));

    public static Money operator +(Money a, Money b) => new(checked(a.Kopecks + b.Kopecks));

    public static Money operator -(Money a, Money b) => new(checked(a.Kopecks - b.Kopecks));

    public static bool operator <(Money a, Money b) => a.Kopecks < b.Kopecks;

    public static bool operator >(Money a, Money b) => a.Kopecks > b.Kopecks;

    public static bool operator <=(Money a, Money b) => a.Kopecks <= b.Kopecks;

    public static bool operator >=(Money a, Money b) => a.Kopecks >= b.Kopecks;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public int CompareTo(Money other) => Kopecks.CompareTo(other.Kopecks);

    public string ToString(IFormatProvider provider) => Rubles.ToString("N2", provider);

    public override string ToString() => ToString(CultureInfo.InvariantCulture);
}
