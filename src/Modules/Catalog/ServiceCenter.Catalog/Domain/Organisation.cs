using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Domain;

/// <summary>The service centre itself: requisites printed on every form (CAT-08).</summary>
public sealed class Organisation : VersionedEntity, IAuditable
{
    private Organisation()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public string? Inn { get; private set; }

    public string? Kpp { get; private set; }

    public string? Ogrn { get; private set; }

    public string? Address { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? BankName { get; private set; }

    public string? Bik { get; private set; }

    public string? BankAccount { get; private set; }

    public string? CorrespondentAccount { get; private set; }

    public static Organisation Create(OrganisationData data)
    {
        var o = new Organisation();
        o.Apply(data);
        return o;
    }

    public void Update(OrganisationData data, int expectedVersion)
    {
        EnsureVersion(expectedVersion);
        Apply(data);
        Touch();
    }

    private void Apply(OrganisationData d)
    {
        Name = d.Name.Trim();
        Inn = d.Inn;
        Kpp = d.Kpp;
        Ogrn = d.Ogrn;
        Address = d.Address;
        Phone = d.Phone;
        Email = d.Email;
        BankName = d.BankName;
        Bik = d.Bik;
        BankAccount = d.BankAccount;
        CorrespondentAccount = d.CorrespondentAccount;
    }
}

public sealed record OrganisationData(
    string Name, string? Inn, string? Kpp, string? Ogrn, string? Address, string? Phone, string? Email,
    string? BankName, string? Bik, string? BankAccount, string? CorrespondentAccount);
