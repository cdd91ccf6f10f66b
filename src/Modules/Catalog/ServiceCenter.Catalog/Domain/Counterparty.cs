using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Domain;

public enum CounterpartyKind
{
    Person,
    Company,
}

[Flags]
public enum CounterpartyRoles
{
    None = 0,
    Client = 1,
    Supplier = 2,
    ThirdPartyServiceCenter = 4,
    Manufacturer = 8,
    Dealer = 16,
}

/// <summary>Where an SMS consent came from: provable by the sender (38-ФЗ ст. 18).</summary>
public enum ConsentSource
{
    IntakeForm,
    Website,
    Phone,
    Paper,
    Other,
}

/// <summary>A client, supplier, third-party centre, manufacturer or dealer (CAT-07).</summary>
public sealed class Counterparty : ArchivableEntity, IAuditable
{
    private Counterparty()
    {
    }

    public CounterpartyKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Inn { get; private set; }

    public string? Kpp { get; private set; }

    public string? Ogrn { get; private set; }

    public CounterpartyRoles Roles { get; private set; } = CounterpartyRoles.Client;

    /// <summary>E.164 numbers; the first is the main one.</summary>
    public List<string> Phones { get; private set; } = [];

    public List<string> Emails { get; private set; } = [];

    public bool SmsConsent { get; private set; }

    public DateOnly? SmsConsentDate { get; private set; }

    public ConsentSource? SmsConsentSource { get; private set; }

    public string? Address { get; private set; }

    public string? Note { get; private set; }


    /// <summary>Upper-cased name, ИНН, phones (digits), e-mails: what the search box matches.</summary>
    public string SearchText { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public static Counterparty Create(CounterpartyData data, DateTime now)
    {
        var c = new Counterparty { CreatedAt = now };
        c.Apply(data);
        return c;
    }

    public void Update(CounterpartyData data, int expectedVersion) => Edit(expectedVersion, () => Apply(data));

    public void Archive(int expectedVersion, string? usedBy) => ArchiveUnlessUsed(expectedVersion, CatalogErrors.CounterpartyInUse, usedBy);

    public void Restore(int expectedVersion) => RestoreUnlessBlocked(expectedVersion, CatalogErrors.Archived, null);

    public bool HasRole(CounterpartyRoles role) => (Roles & role) == role;

    private void Apply(CounterpartyData d)
    {
        Kind = d.Kind;
        Name = d.Name.Trim();
        Inn = Blank(d.Inn);
        Kpp = d.Kind == CounterpartyKind.Company ? Blank(d.Kpp) : null;
        Ogrn = Blank(d.Ogrn);
        Roles = d.Roles == CounterpartyRoles.None ? CounterpartyRoles.Client : d.Roles;
        Phones = [.. d.Phones.Distinct()];
        Emails = [.. d.Emails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        SmsConsent = d.SmsConsent;
        SmsConsentDate = d.SmsConsent ? d.SmsConsentDate : null;
        SmsConsentSource = d.SmsConsent ? d.SmsConsentSource : null;
        Address = Blank(d.Address);
        Note = Blank(d.Note);
        SearchText = SharedKernel.Domain.SearchText.Join(
            [Name, Inn, .. Phones.Select(p => p.TrimStart('+')), .. Phones.Select(LocalDigits), .. Emails]);
    }

    /// <summary>"+79161234567" also searchable as "89161234567", the way Russians type it.</summary>
    private static string LocalDigits(string e164) =>
        e164.StartsWith("+7", StringComparison.Ordinal) ? "8" + e164[2..] : e164.TrimStart('+');

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record CounterpartyData(
    CounterpartyKind Kind,
    string Name,
    string? Inn,
    string? Kpp,
    string? Ogrn,
    CounterpartyRoles Roles,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Emails,
    bool SmsConsent,
    DateOnly? SmsConsentDate,
    ConsentSource? SmsConsentSource,
    string? Address,
    string? Note);

/// <summary>A place where the counterparty is served: a shop, an office, a field (CAT-07).</summary>
public sealed class ServicePoint : ArchivableEntity, IAuditable
{
    private ServicePoint()
    {
    }

    public Guid CounterpartyId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    public string? ContactName { get; private set; }

    public string? Phone { get; private set; }

    public string? WorkingHours { get; private set; }


    public static ServicePoint Create(Guid counterpartyId, ServicePointData data)
    {
        var p = new ServicePoint { CounterpartyId = counterpartyId };
        p.Apply(data);
        return p;
    }

    public void Update(ServicePointData data, int expectedVersion) => Edit(expectedVersion, () => Apply(data));

    public void Archive(int expectedVersion) => ArchiveUnlessUsed(expectedVersion, CatalogErrors.Archived, null);

    private void Apply(ServicePointData d)
    {
        Name = d.Name.Trim();
        Address = d.Address;
        ContactName = d.ContactName;
        Phone = d.Phone;
        WorkingHours = d.WorkingHours;
    }
}

public sealed record ServicePointData(string Name, string? Address, string? ContactName, string? Phone, string? WorkingHours);
