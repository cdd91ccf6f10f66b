namespace ServiceCenter.Repairs.Domain;

/// <summary>What the intake's warranty indicator says and until when.</summary>
public sealed record WarrantyDecision(WarrantyKind Kind, DateOnly? EndsOn, string? EarlierRepairNumber = null);

/// <summary>Our earlier repair of the same unit whose work warranty may still run.</summary>
public sealed record EarlierRepair(string Number, DateOnly WorkWarrantyUntil);

/// <summary>
/// The intake's warranty indicator until the Warranty module's engine takes over (issue 4): from the
/// sale date and warranty months typed at intake, and our own work warranty on an earlier repair.
/// A term in months ends on the same date of its last month (ГК РФ ст. 190–192): sold 15.01.2026 with
/// 12 months → covered through 15.01.2027.
/// </summary>
public static class WarrantyRules
{
    public static WarrantyDecision Decide(DateOnly today, DateOnly? saleDate, int? warrantyMonths, EarlierRepair? earlier)
    {
        // A repeat defect within our work warranty is free whatever the goods' warranty says.
        if (earlier is not null && earlier.WorkWarrantyUntil >= today)
        {
            return new WarrantyDecision(WarrantyKind.OurWorkWarranty, earlier.WorkWarrantyUntil, earlier.Number);
        }

        if (saleDate is { } sold && warrantyMonths is > 0 and var months)
        {
            var ends = sold.AddMonths(months);
            return new WarrantyDecision(sold <= today && today <= ends ? WarrantyKind.Warranty : WarrantyKind.Paid, ends);
        }

        return new WarrantyDecision(WarrantyKind.Paid, null);
    }
}
