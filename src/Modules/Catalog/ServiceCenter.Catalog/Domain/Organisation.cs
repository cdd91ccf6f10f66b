using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Catalog.Domain;

/// <summary>The service centre itself: requisites printed on every form (CAT-08).</summary>
public sealed class Organisation : VersionedEntity, IAuditable
{
    /// <summary>
    /// There is one organisation. Its row always has this id, so two first saves racing each other
    /// cannot leave two rows: the second insert fails on the primary key.
    /// </summary>
    public static readonly Guid SingletonId = new("01937000-0000-7000-8000-00000000000a");

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
        var o = new Organisation { Id = SingletonId };
        o.Apply(data);
        return o;
    }

    public void Update(OrganisationData data, int expectedVersion) => Edit(expectedVersion, () => Apply(data));

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
