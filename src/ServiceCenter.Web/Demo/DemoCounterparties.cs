using ServiceCenter.Catalog.Domain;

namespace ServiceCenter.Web.Demo;

/// <summary>The demo's 50 counterparties: clients, suppliers, third-party centres, manufacturers, dealers.</summary>
internal sealed class DemoCounterparties
{
    public const int Count = 50;

    private static readonly string[] EmailDomains = ["example.com", "example.org", "example.net"];

    private readonly DemoRequisites _req;
    private readonly Random _random;
    private readonly DateTime _now;
    private readonly DateOnly _today;

    private DemoCounterparties(DemoRequisites requisites, DateTime now)
    {
        _req = requisites;
        _random = requisites.Random;
        _now = now;
        _today = DateOnly.FromDateTime(now);
    }

    public List<Counterparty> All { get; } = [];

    public List<ServicePoint> ServicePoints { get; } = [];

    /// <summary>Manufacturer counterparties by brand ("Samsung", "Беларус"…), for items.</summary>
    public Dictionary<string, Guid> Manufacturers { get; } = [];

    public Counterparty ThirdPartyMoscow { get; private set; } = null!;

    public Counterparty ThirdPartyTambov { get; private set; } = null!;

    public static DemoCounterparties Build(DemoRequisites requisites, DateTime now)
    {
        var set = new DemoCounterparties(requisites, now);
        set.AddManufacturers();
        set.AddPartners();
        set.AddCompanyClients();
        set.AddPersons(Count - set.All.Count);
        return set;
    }

    private void AddManufacturers()
    {
        const CounterpartyRoles m = CounterpartyRoles.Manufacturer;
        Brand("Samsung", Company("Samsung — ООО «Самсунг Электроникс Рус Компани»", m, Moscow, "г. Москва, ул. Воздвиженка, д. 10", "service@samsung.example.com"));
        Brand("Apple", Company("Apple — ООО «Эппл Рус»", m, Moscow, "г. Москва, Кутузовский пр-т, д. 32", null));
        Brand("Xiaomi", Company("Xiaomi — ООО «Сяоми Рус»", m, Moscow, "г. Москва, Пресненская наб., д. 10", "support@xiaomi.example.com"));
        Brand("Bosch", Company("Bosch — ООО «БСХ Бытовые Приборы»", m, Moscow, "г. Москва, ул. Бутырский Вал, д. 10", "remont@bsh.example.com"));
        Brand("LG", Company("LG — ООО «ЛГ Электроникс РУС»", m, Moscow, "г. Москва, Краснопресненская наб., д. 12", null));
        Brand("HP", Company("HP — ООО «Эйч Пи Рус»", m, Moscow, "г. Москва, Ленинградское ш., д. 16А", "partners@hp.example.com"));
        Brand("Canon", Company("Canon — ООО «Канон Ру»", m, Moscow, "г. Москва, Садовническая ул., д. 82", null));
        Brand("Беларус", Foreign("Беларус — ОАО «Минский тракторный завод»", m, "Республика Беларусь, г. Минск, ул. Долгобродская, д. 29", "service@mtz.example.by"));
        Brand("Ростсельмаш", Company("ООО «Комбайновый завод «Ростсельмаш»", m, "61", "г. Ростов-на-Дону, ул. Менжинского, д. 2", "service@rostselmash.example.com"));
        Brand("АТОЛ", Company("ООО «АТОЛ»", m, Moscow, "г. Москва, ул. Годовикова, д. 9, стр. 17", "partner@atol.example.ru"));
        Brand("Штрих-М", Company("ООО «Штрих-М»", m, Moscow, "г. Москва, ул. Ткацкая, д. 5, стр. 16", null));
        Brand("Эвотор", Company("ООО «Эвотор»", m, Moscow, "г. Москва, ул. Тимура Фрунзе, д. 24", "partners@evotor.example.ru"));
    }

    private void AddPartners()
    {
        const CounterpartyRoles tps = CounterpartyRoles.ThirdPartyServiceCenter;
        ThirdPartyMoscow = Company("ООО «Мобайл Сервис Плюс»", tps, Moscow, "г. Москва, ул. Марксистская, д. 34, корп. 7", "priem@mobileservice.example.ru");
        ThirdPartyTambov = Company("ООО «ТехноРемонт-Тамбов»", tps, Tambov, "г. Тамбов, ул. Киквидзе, д. 71", "remont@tehnoremont.example.ru");
        SoleTrader(tps | CounterpartyRoles.Supplier, Tambov, "Кузнецов Олег Петрович", "г. Тамбов, Моршанское ш., д. 14");

        const CounterpartyRoles s = CounterpartyRoles.Supplier;
        Company("ООО «ЗапчастьОпт»", s, Moscow, "г. Москва, Дмитровское ш., д. 157, стр. 5", "opt@zapchast.example.ru");
        Company("АО «Компонент-Трейд»", s, Moscow, "г. Москва, ул. Бутлерова, д. 17", "sales@component.example.ru");
        Company("ООО «АгроДеталь»", s, Tambov, "г. Тамбов, ул. Бастионная, д. 8", "zakaz@agrodetal.example.ru");
        Company("ООО «КассТехСнаб»", s, Moscow, "г. Москва, Варшавское ш., д. 125", "kkt@kasstech.example.ru");
        SoleTrader(s | CounterpartyRoles.Client, Tambov, "Белов Сергей Николаевич", "г. Тамбов, ул. Рабочая, д. 22");

        var agro = Company("ООО «Агротехника-Тамбов»", CounterpartyRoles.Dealer | CounterpartyRoles.Client, Tambov, "г. Тамбов, ул. Пензенская, д. 61", "info@agrotehnika.example.ru");
        Point(agro, "Производственная база", "Тамбовский р-н, п. Строитель, ул. Промышленная, д. 3", "Пн–Пт 08:00–17:00");
        var digital = Company("ООО «Цифровой Мир»", CounterpartyRoles.Dealer | CounterpartyRoles.Client, Moscow, "г. Москва, ул. Люблинская, д. 153", "shop@cifrovoymir.example.ru");
        Point(digital, "Магазин в ТЦ «Марьино»", "г. Москва, ул. Братиславская, д. 14", "Ежедневно 10:00–22:00");
        Point(digital, "Магазин на Профсоюзной", "г. Москва, ул. Профсоюзная, д. 56", "Ежедневно 10:00–21:00");
    }

    private void AddCompanyClients()
    {
        const CounterpartyRoles c = CounterpartyRoles.Client;
        var shops = Company("ООО «Продукты у дома»", c, Moscow, "г. Москва, Волгоградский пр-т, д. 42", "buh@produkty.example.ru");
        Point(shops, "Магазин № 1", "г. Москва, Волгоградский пр-т, д. 42", "Ежедневно 08:00–23:00");
        Point(shops, "Магазин № 2", "г. Москва, ул. Академика Янгеля, д. 6", "Ежедневно 08:00–23:00");
        Point(shops, "Магазин № 3", "г. Москва, ул. Менжинского, д. 32", "Круглосуточно");

        var niva = Company("ООО «Агрофирма «Тамбовская нива»", c, Tambov, "Тамбовский р-н, с. Донское, ул. Центральная, д. 1", "office@niva.example.ru");
        Point(niva, "Машинный двор", "Тамбовский р-н, с. Донское, ул. Полевая, д. 2", "Пн–Сб 07:00–19:00");
        Point(niva, "Отделение № 2", "Тамбовский р-н, с. Покрово-Пригородное", "Пн–Сб 07:00–19:00");

        Company("СПК «Рассвет»", c, Tambov, "Рассказовский р-н, с. Верхнеспасское, ул. Садовая, д. 5", null);
        Company("АО «Тамбовагроснаб»", c, Tambov, "г. Тамбов, Моршанское ш., д. 20", "snab@agrosnab.example.ru");
        Company("ООО «Кофейня на Тверской»", c, Moscow, "г. Москва, ул. Тверская, д. 18, корп. 1", null);
        Company("ООО «Бизнес-центр «Меридиан»", c, Moscow, "г. Москва, ул. Профсоюзная, д. 65, корп. 1", "it@meridian.example.ru");
        SoleTrader(c, Moscow, "Смирнова Анна Викторовна", "г. Москва, ул. Вавилова, д. 3");
        SoleTrader(c, Tambov, "Гусев Павел Андреевич", "Жердевский р-н, с. Шпикулово, ул. Мира, д. 9");
    }

    private void AddPersons(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var moscow = i % 5 < 3;
            var (fullName, surname, _) = DemoNames.Person(_random);
            var region = moscow ? Moscow : Tambov;
            var inn = _random.Next(3) == 0 ? _req.PersonInn(region) : null;
            Phones(out var phones, extraChance: 4);
            var emails = _random.Next(5) < 2 ? new[] { Email(surname) } : [];
            var note = _random.Next(6) == 0 ? "Постоянный клиент, скидка 5% на работы" : null;
            Add(new CounterpartyData(
                CounterpartyKind.Person, fullName, inn, null, null, CounterpartyRoles.Client, phones, emails,
                false, null, null, DemoNames.Address(_random, moscow), note));
        }
    }

    private const string Moscow = DemoRequisites.Moscow;
    private const string Tambov = DemoRequisites.Tambov;

    private Counterparty Company(string name, CounterpartyRoles roles, string region, string address, string? email)
    {
        var inn = _req.CompanyInn(region);
        Phones(out var phones, extraChance: 2);
        return Add(new CounterpartyData(
            CounterpartyKind.Company, name, inn, DemoRequisites.Kpp(inn), _req.Ogrn(region), roles, phones,
            email is null ? [] : [email], false, null, null, address, null));
    }

    private Counterparty SoleTrader(CounterpartyRoles roles, string region, string fullName, string address)
    {
        Phones(out var phones, extraChance: 3);
        var email = _random.Next(2) == 0 ? [Email(fullName.Split(' ')[0])] : Array.Empty<string>();
        return Add(new CounterpartyData(
            CounterpartyKind.Company, "ИП " + fullName, _req.PersonInn(region), null, _req.Ogrnip(region), roles, phones,
            email, false, null, null, address, null));
    }

    private Counterparty Foreign(string name, CounterpartyRoles roles, string address, string email)
    {
        Phones(out var phones, extraChance: 0);
        return Add(new CounterpartyData(
            CounterpartyKind.Company, name, null, null, null, roles, phones, [email], false, null, null, address,
            "Нерезидент РФ: ИНН и КПП не присваивались"));
    }

    /// <summary>About half give SMS consent, with the date and how it was given (38-ФЗ).</summary>
    private Counterparty Add(CounterpartyData data)
    {
        if (_random.Next(2) == 0)
        {
            var sources = Enum.GetValues<ConsentSource>();
            data = data with
            {
                SmsConsent = true,
                SmsConsentDate = _today.AddDays(-_random.Next(1, 730)),
                SmsConsentSource = sources[_random.Next(sources.Length)],
            };
        }

        var counterparty = Counterparty.Create(data, _now);
        All.Add(counterparty);
        return counterparty;
    }

    private void Brand(string brand, Counterparty manufacturer) => Manufacturers[brand] = manufacturer.Id;

    private void Point(Counterparty owner, string name, string address, string hours)
    {
        var (contact, _, _) = DemoNames.Person(_random);
        ServicePoints.Add(ServicePoint.Create(owner.Id, new ServicePointData(name, address, contact, _req.Mobile(), hours)));
    }

    /// <summary>One mobile, sometimes a second (one chance in <paramref name="extraChance"/>).</summary>
    private void Phones(out string[] phones, int extraChance) =>
        phones = extraChance > 0 && _random.Next(extraChance) == 0 ? [_req.Mobile(), _req.Mobile()] : [_req.Mobile()];

    private string Email(string surname) =>
        $"{DemoNames.Latin(surname)}{_random.Next(1, 99):00}@{EmailDomains[_random.Next(EmailDomains.Length)]}";
}
