namespace ServiceCenter.Finance.Domain;

/// <summary>One ledger line as the ageing needs it.</summary>
internal readonly record struct LedgerLine(DateTime At, long AmountKopecks, SettlementSource Source, Guid SourceId);

/// <summary>The unpaid part of a balance by age (days since the entry that made it): 0–30, 31–60, 61–90, over 90.</summary>
internal sealed record AgeingBuckets(long Days0To30, long Days31To60, long Days61To90, long Over90)
{
    public static readonly AgeingBuckets None = new(0, 0, 0, 0);

    public long Total => Days0To30 + Days31To60 + Days61To90 + Over90;
}

/// <summary>
/// Ages a counterparty's balance first in, first out (ANL-04): every credit pays the oldest open
/// debit; what stays open is aged by the date of the entry it comes from. A cancelled payment and
/// its reversal are left out together, so cancelling does not make an old debt look new.
/// </summary>
internal static class Ageing
{
    public static AgeingBuckets Of(IEnumerable<LedgerLine> lines, DateOnly today)
    {
        var all = lines.ToList();
        var reversed = all.Where(l => l.Source == SettlementSource.Reversal).Select(l => l.SourceId).ToHashSet();
        var open = new LinkedList<(DateTime At, long Left)>();
        long credit = 0;
        foreach (var line in all
                     .Where(l => !reversed.Contains(l.SourceId) || l.Source == SettlementSource.Accrual)
                     .OrderBy(l => l.At))
        {
            if (line.AmountKopecks > 0)
            {
                // An advance pays the new debit first.
                var left = line.AmountKopecks - Math.Min(credit, line.AmountKopecks);
                credit -= line.AmountKopecks - left;
                if (left > 0)
                {
                    open.AddLast((line.At, left));
                }
            }
            else
            {
                var pay = -line.AmountKopecks;
                while (pay > 0 && open.First is { } oldest)
                {
                    var used = Math.Min(pay, oldest.Value.Left);
                    pay -= used;
                    if (used == oldest.Value.Left)
                    {
                        open.RemoveFirst();
                    }
                    else
                    {
                        oldest.Value = (oldest.Value.At, oldest.Value.Left - used);
                    }
                }

                credit += pay;
            }
        }

        long d30 = 0, d60 = 0, d90 = 0, over = 0;
        foreach (var (at, left) in open)
        {
            var days = today.DayNumber - DateOnly.FromDateTime(at).DayNumber;
            switch (days)
            {
                case <= 30: d30 += left; break;
                case <= 60: d60 += left; break;
                case <= 90: d90 += left; break;
                default: over += left; break;
            }
        }

        return new AgeingBuckets(d30, d60, d90, over);
    }
}
