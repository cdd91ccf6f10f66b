using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Warranty.Domain;

/// <summary>How a serial came into the registry.</summary>
public enum SerialSource
{
    Manual,
    Import,
    Intake,
    Stock,
    Replacement,
}

/// <summary>
/// A serial number of an item (WAR-01, CAT-06): unique per item (the same string on two models is allowed),
/// with the IMEI where the item has one, its characteristic, owner, seller and sale date. The goods coverage
/// (manufacturer's or seller's warranty) is kept on the row itself, decided by <see cref="GoodsTermRules"/>
/// when the unit is registered or its sale changes; the other coverages are rows of <see cref="Coverage"/>.
/// </summary>
public sealed class Serial : VersionedEntity, IAuditable
{
    public const int SerialMaxLength = 100;

    private Serial()
    {
    }

    public Guid ItemId { get; private set; }

    /// <summary>As printed on the unit (trimmed).</summary>
    public string SerialNumber { get; private set; } = string.Empty;

    /// <summary>The lookup key: upper-cased, without spaces (see <see cref="KeyOf"/>).</summary>
    public string SerialKey { get; private set; } = string.Empty;

    /// <summary>15 digits, or null.</summary>
    public string? Imei { get; private set; }

    /// <summary>Colour, configuration… as the item's characteristic is named.</summary>
    public string? Characteristic { get; private set; }

    public Guid? OwnerId { get; private set; }

    public Guid? SellerId { get; private set; }

    public DateOnly? SaleDate { get; private set; }

    public DateOnly? ReceivedOn { get; private set; }

    /// <summary>Warranty months given for this unit (an import column, the form); wins over terms and the item.</summary>
    public int? ExplicitMonths { get; private set; }

    public CoverageKind GoodsKind { get; private set; }

    public int GoodsMonths { get; private set; }

    public StartRule GoodsStartRule { get; private set; }

    public DateOnly? GoodsStartsOn { get; private set; }

    /// <summary>The goods coverage's last day before extensions.</summary>
    public DateOnly? GoodsEndsOn { get; private set; }

    /// <summary>
    /// The goods coverage's last day after the extensions of warranty repairs (ЗоЗПП ст. 20 п. 3): a copy of what
    /// <see cref="WarrantyEngine"/> computes from the history, kept so lists and reports filter by state in the database.
    /// </summary>
    public DateOnly? GoodsExtendedEndsOn { get; private set; }

    /// <summary>The days warranty repairs added to the goods coverage (the engine's figure at the last return).</summary>
    public int GoodsExtensionDays { get; private set; }

    public GoodsTermSource GoodsSource { get; private set; }

    /// <summary>The per-counterparty term applied, when <see cref="GoodsSource"/> is <see cref="GoodsTermSource.CounterpartyTerm"/>.</summary>
    public Guid? GoodsTermId { get; private set; }

    public Guid? ReplacedById { get; private set; }

    public Guid? ReplacesId { get; private set; }

    public SerialSource Source { get; private set; }

    public Guid? ImportId { get; private set; }

    public int? ImportLine { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string? CreatedByName { get; private set; }

    /// <summary>The key a serial is found by, however it was typed or scanned.</summary>
    public static string KeyOf(string serial)
    {
        ArgumentNullException.ThrowIfNull(serial);
        return string.Concat(serial.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    public static Serial Register(SerialData data, GoodsTerm goods, SerialSource source, DateTime now, string? author, Guid? importId = null, int? importLine = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var s = new Serial
        {
            ItemId = data.ItemId,
            SerialNumber = data.SerialNumber.Trim(),
            SerialKey = KeyOf(data.SerialNumber),
            Source = source,
            ImportId = importId,
            ImportLine = importLine,
            CreatedAt = now,
            CreatedByName = author,
        };
        s.Apply(data);
        s.SetGoods(goods);
        return s;
    }

    /// <summary>Changes what is known of the unit; the caller decides the goods term again from the new facts.</summary>
    public void Update(SerialData data, GoodsTerm goods, int expectedVersion) => Edit(expectedVersion, () =>
    {
        Apply(data);
        SetGoods(goods);
    });

    /// <summary>The unit was sold (by a stock sale or a registration at intake that learnt the sale date).</summary>
    public void Sell(DateOnly on, Guid? buyerId, Guid? sellerId, GoodsTerm goods)
    {
        SaleDate = on;
        OwnerId = buyerId ?? OwnerId;
        SellerId = sellerId ?? SellerId;
        SetGoods(goods);
        Touch();
    }

    /// <summary>Keeps the extended end in step after a warranty repair extended the goods coverage (days from <see cref="WarrantyEngine.Extend"/>).</summary>
    public void SetExtension(int days)
    {
        GoodsExtensionDays = days;
        GoodsExtendedEndsOn = GoodsEndsOn?.AddDays(days);
        Touch();
    }

    public void ChangeOwner(Guid? ownerId)
    {
        OwnerId = ownerId;
        Touch();
    }

    public void MarkReplacedBy(Guid newSerialId)
    {
        ReplacedById = newSerialId;
        Touch();
    }

    public void MarkReplacing(Guid oldSerialId) => ReplacesId = oldSerialId;

    /// <summary>The goods term as the rules decided it, for the engine and for the next decision.</summary>
    public GoodsTerm Goods() => new(GoodsKind, GoodsMonths, GoodsStartRule, GoodsStartsOn, GoodsEndsOn, GoodsSource, null);

    public SaleFacts Sale() => new(SaleDate, ReceivedOn, OwnerId, SellerId, ExplicitMonths);

    private void Apply(SerialData d)
    {
        Imei = SharedKernel.Validation.Imei.Normalize(d.Imei);
        Characteristic = string.IsNullOrWhiteSpace(d.Characteristic) ? null : d.Characteristic.Trim();
        OwnerId = d.OwnerId;
        SellerId = d.SellerId;
        SaleDate = d.SaleDate;
        ReceivedOn = d.ReceivedOn;
        ExplicitMonths = d.WarrantyMonths;
    }

    private void SetGoods(GoodsTerm g)
    {
        GoodsKind = g.Kind;
        GoodsMonths = g.Months;
        GoodsStartRule = g.StartRule;
        GoodsStartsOn = g.StartsOn;
        GoodsEndsOn = g.EndsOn;
        GoodsExtendedEndsOn = g.EndsOn?.AddDays(GoodsExtensionDays);
        GoodsSource = g.Source;
        GoodsTermId = g.Term?.Id;
    }
}

/// <summary>What a registration or an edit says about a unit.</summary>
public sealed record SerialData(
    Guid ItemId, string SerialNumber, string? Imei = null, string? Characteristic = null, DateOnly? SaleDate = null, Guid? SellerId = null,
    Guid? OwnerId = null, DateOnly? ReceivedOn = null, int? WarrantyMonths = null);
