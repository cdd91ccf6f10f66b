using ServiceCenter.Catalog.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Web.Demo;

/// <summary>The demo nomenclature: a small group tree and 200 items of every kind.</summary>
internal sealed class DemoItems
{
    public const int Count = 200;

    private readonly IReadOnlyDictionary<string, Guid> _brands;
    private readonly List<(string Brand, string Model, string Article, decimal Price)> _phones = [];
    private int _works;
    private int _services;

    private DemoItems(IReadOnlyDictionary<string, Guid> manufacturers) => _brands = manufacturers;

    public List<ItemGroup> Groups { get; } = [];

    public List<Item> Items { get; } = [];

    /// <summary>WorkType items by name: what employees' skills refer to.</summary>
    public Dictionary<string, Guid> WorkTypes { get; } = [];

    public static DemoItems Build(IReadOnlyDictionary<string, Guid> manufacturers)
    {
        var set = new DemoItems(manufacturers);
        set.AddAll();
        return set;
    }

    private void AddAll()
    {
        var phones = Group("Телефоны");
        var laptops = Group("Ноутбуки");
        var appliances = Group("Бытовая техника");
        var washers = Group("Стиральные машины", appliances);
        var agro = Group("Сельхозтехника");
        var parts = Group("Запчасти");
        var phoneParts = Group("Запчасти для телефонов", parts);
        var laptopParts = Group("Запчасти для ноутбуков", parts);
        var applianceParts = Group("Запчасти для бытовой техники", parts);
        var tractorParts = Group("Запчасти для тракторов", parts);
        var kkt = Group("ККТ");
        var works = Group("Работы");
        var services = Group("Услуги");
        var consumables = Group("Расходные материалы");

        foreach (var name in (string[])["Диагностика", "Ремонт телефонов", "Ремонт бытовой техники", "Ремонт сельхозтехники", "Обслуживание ККТ"])
        {
            WorkTypes[name] = Add(new ItemData(ItemKind.WorkType, name, null, null, works, null, null, false, false, false, false, null, null)).Id;
        }

        Phone("Samsung", "Samsung Galaxy A15 4/128 ГБ", "SM-A155F", 14_990);
        Phone("Samsung", "Samsung Galaxy A25 6/128 ГБ", "SM-A256E", 21_990);
        Phone("Samsung", "Samsung Galaxy A35 8/256 ГБ", "SM-A356E", 32_990);
        Phone("Samsung", "Samsung Galaxy A55 8/256 ГБ", "SM-A556E", 41_990);
        Phone("Samsung", "Samsung Galaxy S24 8/256 ГБ", "SM-S921B", 79_990);
        Phone("Samsung", "Samsung Galaxy S24 Ultra 12/512 ГБ", "SM-S928B", 129_990);
        Phone("Samsung", "Samsung Galaxy Z Flip6 12/256 ГБ", "SM-F741B", 99_990);
        Phone("Apple", "Apple iPhone 13 128 ГБ", "MLPF3", 59_990);
        Phone("Apple", "Apple iPhone 14 128 ГБ", "MPUF3", 69_990);
        Phone("Apple", "Apple iPhone 15 128 ГБ", "MTP03", 79_990);
        Phone("Apple", "Apple iPhone 15 Pro 256 ГБ", "MTV53", 119_990);
        Phone("Apple", "Apple iPhone 16 128 ГБ", "MYE73", 89_990);
        Phone("Apple", "Apple iPhone 16 Pro Max 256 ГБ", "MYWX3", 149_990);
        Phone("Xiaomi", "Xiaomi Redmi 13C 4/128 ГБ", "23108RN04Y", 10_990);
        Phone("Xiaomi", "Xiaomi Redmi Note 13 8/256 ГБ", "23129RAA4G", 19_990);
        Phone("Xiaomi", "Xiaomi Redmi Note 13 Pro 8/256 ГБ", "23117RA68G", 27_990);
        Phone("Xiaomi", "Xiaomi Redmi Note 14 8/256 ГБ", "24117RN76O", 21_990);
        Phone("Xiaomi", "Xiaomi POCO X6 Pro 12/512 ГБ", "23122PCD1G", 34_990);
        Phone("Xiaomi", "Xiaomi 14T 12/256 ГБ", "2406APNFAG", 54_990);
        foreach (var p in _phones)
        {
            Device(phones, p.Brand, "Смартфон " + p.Model, p.Article, p.Price, 12);
        }

        Device(laptops, "HP", "Ноутбук HP 15s-fq5000 15.6\" i5/8/512", "6D9A6EA", 54_990, 12);
        Device(laptops, "HP", "Ноутбук HP 250 G10 15.6\" i3/8/256", "725G6EA", 42_990, 12);
        Device(laptops, "HP", "Ноутбук HP ProBook 450 G10 15.6\" i5/16/512", "85B03EA", 85_990, 12);
        Device(laptops, "HP", "Ноутбук HP Pavilion 15-eg3000 i7/16/512", "7P4H0EA", 69_990, 12);
        Device(laptops, "HP", "Ноутбук HP Victus 16-r0000 i5/16/512 RTX 4050", "8C5N4EA", 99_990, 12);
        Device(laptops, "HP", "Ноутбук HP EliteBook 840 G10 i7/16/1024", "81A17EA", 139_990, 36);
        Device(laptops, "Apple", "Ноутбук Apple MacBook Air 13 M2 8/256 ГБ", "MLY33", 99_990, 12);
        Device(laptops, "Apple", "Ноутбук Apple MacBook Air 13 M3 16/512 ГБ", "MXCV3", 149_990, 12);
        Device(laptops, "Apple", "Ноутбук Apple MacBook Pro 14 M3 Pro 18/512 ГБ", "MRX33", 229_990, 12);
        Device(laptops, "Samsung", "Ноутбук Samsung Galaxy Book3 15.6\" i5/8/512", "NP750XFG-KB2", 69_990, 12);
        Device(laptops, "Xiaomi", "Ноутбук Xiaomi RedmiBook 15 i5/8/512", "JYU4525RU", 49_990, 12);

        Device(washers, "Bosch", "Стиральная машина Bosch Serie 4 WAN24260BY, 7 кг", "WAN24260BY", 45_990, 24);
        Device(washers, "Bosch", "Стиральная машина Bosch Serie 6 WGA242X4OE, 9 кг", "WGA242X4OE", 69_990, 24);
        Device(washers, "Bosch", "Стиральная машина Bosch Serie 4 WHA222X1OE, 8 кг", "WHA222X1OE", 52_990, 24);
        Device(washers, "Bosch", "Стиральная машина Bosch Serie 4 WLP20265OE, 6 кг", "WLP20265OE", 38_990, 24);
        Device(washers, "LG", "Стиральная машина LG F2J3WS2W, 6,5 кг", "F2J3WS2W", 34_990, 12);
        Device(washers, "LG", "Стиральная машина LG AI DD F4V5VS0W, 9 кг", "F4V5VS0W", 54_990, 12);
        Device(washers, "LG", "Стиральная машина LG F2T3HS6W, 7 кг", "F2T3HS6W", 41_990, 12);
        Device(washers, "LG", "Стиральная машина LG F4WV310S6E, 10,5 кг", "F4WV310S6E", 64_990, 12);
        Device(washers, "Samsung", "Стиральная машина Samsung WW60J42E0HW, 6 кг", "WW60J42E0HW", 32_990, 12);
        Device(washers, "Samsung", "Стиральная машина Samsung WW80AG6L28BE, 8 кг", "WW80AG6L28BE", 49_990, 12);
        Device(washers, "Samsung", "Стиральная машина Samsung WW90T4040CE, 9 кг", "WW90T4040CE", 44_990, 12);
        Device(appliances, "Bosch", "Посудомоечная машина Bosch Serie 2 SMS25AI01R", "SMS25AI01R", 46_990, 24);
        Device(appliances, "LG", "Холодильник LG DoorCooling+ GA-B509CQSL", "GA-B509CQSL", 59_990, 12);
        Device(appliances, "Samsung", "Микроволновая печь Samsung ME88SUG", "ME88SUG", 10_990, 12);

        Device(agro, "Беларус", "Трактор Беларус 82.1", "82.1-23/12-23/32", 4_590_000, 12);
        Device(agro, "Беларус", "Трактор Беларус 1221.3", "1221.3-0000010", 7_890_000, 12);
        Device(agro, "Беларус", "Трактор Беларус 320.4", "320.4-0000010", 2_350_000, 12);
        Device(agro, "Ростсельмаш", "Комбайн зерноуборочный Ростсельмаш ACROS 595 Plus", "RSM-142", 17_500_000, 12);
        Device(agro, "Ростсельмаш", "Комбайн зерноуборочный Ростсельмаш TORUM 785", "RSM-181", 27_900_000, 12);

        Part(tractorParts, "Беларус", "Фильтр масляный (элемент) Д-240/245", "240-1017030", 450, 6);
        Part(tractorParts, "Беларус", "Фильтр топливный тонкой очистки Д-240/245", "240-1117030", 380, 6);
        Part(tractorParts, "Беларус", "Фильтр воздушный МТЗ-82 (основной элемент)", "70-1109560", 1_250, 6);
        Part(tractorParts, "Беларус", "Фильтр гидросистемы МТЗ", "80-1012040", 890, 6);
        Part(tractorParts, "Беларус", "Подшипник 6-180306 КС (МТЗ)", "6-180306", 620, 6);
        Part(tractorParts, "Беларус", "Подшипник роликовый конический 7609", "7609", 1_480, 6);
        Part(tractorParts, "Беларус", "Насос водяной Д-240", "240-1307010-А1", 4_900, 6);
        Part(tractorParts, "Беларус", "Стартер 12 В 2,7 кВт (Д-240/245)", "20.3708-01", 12_900, 12);
        Part(tractorParts, "Беларус", "Генератор 14 В 1 000 Вт (Д-245)", "G9705.3701-1", 9_800, 12);
        Part(tractorParts, "Беларус", "Диск сцепления ведомый МТЗ-80/82", "70-1601130", 5_600, 6);
        Part(tractorParts, "Беларус", "Корзина сцепления МТЗ-80/82", "80-1601090", 8_900, 6);
        Part(tractorParts, "Беларус", "Гидроцилиндр Ц100×200", "Ц100х200-3", 11_500, 6);
        Part(tractorParts, "Беларус", "Ремень вентилятора 8,5×8-1220", "8,5х8-1220", 450, 3);
        Part(tractorParts, "Беларус", "Наконечник рулевой тяги МТЗ-82", "72-3003020", 1_100, 6);
        Part(tractorParts, "Беларус", "Прокладка ГБЦ Д-240", "240-1003020", 650, 3);
        Part(tractorParts, "Беларус", "Форсунка Д-240", "172.1112010-11.01", 2_900, 6);
        Part(tractorParts, "Беларус", "ТНВД Д-245 (топливный насос высокого давления)", "773.1111005-20", 39_000, 12);
        Part(tractorParts, "Ростсельмаш", "Ремень привода вариатора ACROS", "142.01.01.060", 6_800, 6);
        Part(tractorParts, "Ростсельмаш", "Сегмент ножа жатки", "Н.066.00.505", 120, 3);
        Part(tractorParts, "Ростсельмаш", "Цепь транспортёра наклонной камеры ACROS", "142.15.00.010", 18_500, 6);
        Part(tractorParts, "Ростсельмаш", "Подшипник шариковый 180207 (Ростсельмаш)", "180207", 340, 6);
        Part(tractorParts, "Ростсельмаш", "Палец ножа жатки", "Н.066.00.505-01", 380, 3);
        Part(tractorParts, "Ростсельмаш", "Шкив вариатора молотильного барабана", "3518050-16430", 28_000, 6);

        Part(laptopParts, "HP", "Клавиатура для HP 15s-fq", "L62944-251", 2_900, 3);
        Part(laptopParts, "Apple", "Аккумулятор для MacBook Air 13 M2 (A2681)", "A2681-BAT", 9_900, 3);
        Part(laptopParts, null, "Матрица 15.6\" FHD IPS 30 pin", "NV156FHM-N48", 5_900, 3);
        Part(laptopParts, "Samsung", "SSD Samsung 980 500 ГБ NVMe M.2", "MZ-V8V500BW", 4_990, 36);
        Part(laptopParts, null, "Модуль памяти DDR4 8 ГБ SO-DIMM 3200", "SODIMM-DDR4-8G", 1_990, 12);
        Part(laptopParts, "HP", "Блок питания HP 65 Вт USB-C", "L43407-001", 3_500, 6);

        Part(applianceParts, null, "Подшипник 6203-2Z для стиральной машины", "6203-2Z", 390, 6);
        Part(applianceParts, null, "Подшипник 6204-2Z для стиральной машины", "6204-2Z", 450, 6);
        Part(applianceParts, null, "Подшипник 6205-2Z для стиральной машины", "6205-2Z", 520, 6);
        Part(applianceParts, null, "Подшипник 6206-2Z для стиральной машины", "6206-2Z", 590, 6);
        Part(applianceParts, null, "Сальник 35×65×10/12", "SAL-35-65", 350, 6);
        Part(applianceParts, null, "Насос сливной Askoll 30 Вт", "M231XP", 1_490, 6);
        Part(applianceParts, "Bosch", "ТЭН 2000 Вт для Bosch", "00651721", 1_900, 6);
        Part(applianceParts, "LG", "ТЭН 1900 Вт для LG", "5301ER1000J", 1_700, 6);
        Part(applianceParts, null, "Щётки двигателя 5×13,5×36 (пара)", "BRUSH-5-135-36", 490, 3);
        Part(applianceParts, "Bosch", "Манжета люка Bosch Maxx", "00354135", 2_400, 6);
        Part(applianceParts, "LG", "Манжета люка LG", "MDS47123604", 2_200, 6);
        Part(applianceParts, "Samsung", "Замок люка (УБЛ) Samsung", "DC64-01538A", 1_300, 6);
        Part(applianceParts, null, "Ремень привода барабана 1270 J5", "1270-J5", 650, 3);
        Part(applianceParts, null, "Амортизатор барабана 100 Н (пара)", "SHOCK-100N", 1_100, 6);
        Part(applianceParts, "LG", "Фильтр сливного насоса LG", "5006ER3001A", 480, 3);
        Part(applianceParts, "Bosch", "Модуль управления Bosch Serie 4 (прошитый)", "00751812", 8_900, 6);

        Kkt(kkt, "АТОЛ", "ККТ АТОЛ 30Ф (без ФН)", "ATOL-30F", 19_900);
        Kkt(kkt, "АТОЛ", "ККТ АТОЛ 27Ф (без ФН)", "ATOL-27F", 24_900);
        Kkt(kkt, "АТОЛ", "ККТ АТОЛ Sigma 10 (без ФН)", "ATOL-SIGMA10", 27_900);
        Kkt(kkt, "АТОЛ", "ККТ АТОЛ 91Ф (без ФН)", "ATOL-91F", 14_900);
        Kkt(kkt, "Штрих-М", "ККТ Штрих-М-01Ф (без ФН)", "SHTRIH-M-01F", 24_500);
        Kkt(kkt, "Штрих-М", "ККТ Штрих-ON-LINE (без ФН)", "SHTRIH-ONLINE", 21_900);
        Kkt(kkt, "Штрих-М", "ККТ Штрих-Лайт-01Ф (без ФН)", "SHTRIH-LIGHT-01F", 18_900);
        Kkt(kkt, "Эвотор", "Смарт-терминал Эвотор 7.3 (без ФН)", "EVOTOR-7.3", 31_900);
        Kkt(kkt, "Эвотор", "Смарт-терминал Эвотор 5i (без ФН)", "EVOTOR-5I", 24_900);
        Kkt(kkt, "Эвотор", "Смарт-терминал Эвотор 10 (без ФН)", "EVOTOR-10", 35_900);
        Device(kkt, null, "Фискальный накопитель ФН-1.1М на 15 месяцев", "FN-1.1M-15", 8_900, 15);
        Device(kkt, null, "Фискальный накопитель ФН-1.1М на 36 месяцев", "FN-1.1M-36", 14_900, 36);
        Add(new ItemData(ItemKind.Stock, "Термолента 57 мм × 30 м", "TL-57-30", "рул", kkt, null, Money.FromRubles(60), false, false, true, false, null, null));

        Work(works, "Диагностика смартфона", 900, 14);
        Work(works, "Замена экрана смартфона", 1_500, 90);
        Work(works, "Замена аккумулятора смартфона", 900, 90);
        Work(works, "Замена разъёма зарядки", 1_200, 90);
        Work(works, "Замена задней крышки", 800, 30);
        Work(works, "Замена камеры смартфона", 1_200, 90);
        Work(works, "Восстановление после попадания влаги", 2_500, 30);
        Work(works, "Прошивка и восстановление ПО", 1_000, 30);
        Work(works, "Диагностика ноутбука", 1_000, 14);
        Work(works, "Чистка ноутбука с заменой термопасты", 2_500, 90);
        Work(works, "Замена клавиатуры ноутбука", 1_800, 90);
        Work(works, "Замена матрицы ноутбука", 2_200, 90);
        Work(works, "Ремонт материнской платы ноутбука", 5_500, 90);
        Work(works, "Установка ОС и драйверов", 1_500, 30);
        Work(works, "Диагностика стиральной машины", 1_200, 14);
        Work(works, "Замена подшипников барабана", 6_500, 180);
        Work(works, "Замена подшипника и сальника (один узел)", 4_500, 180);
        Work(works, "Замена ТЭНа", 2_500, 180);
        Work(works, "Замена сливного насоса", 2_200, 180);
        Work(works, "Замена щёток двигателя", 2_000, 90);
        Work(works, "Замена манжеты люка", 2_300, 90);
        Work(works, "Ремонт модуля управления", 4_500, 90);
        Work(works, "ТО-1 трактора Беларус", 6_500, 30);
        Work(works, "ТО-2 трактора Беларус", 12_000, 30);
        Work(works, "Регулировка клапанов двигателя Д-240/245", 4_500, 60);
        Work(works, "Замена сцепления МТЗ-80/82", 18_000, 180);
        Work(works, "Ремонт ТНВД", 15_000, 180);
        Work(works, "Диагностика гидросистемы трактора", 3_500, 14);
        Work(works, "Замена ремня вариатора комбайна", 5_500, 90);
        Work(works, "Замена фискального накопителя", 1_500, 30);
        Work(works, "Перерегистрация ККТ в ФНС", 2_000, 30);
        Work(works, "Обновление прошивки ККТ", 1_200, 30);
        Work(works, "Ремонт печатающего механизма ККТ", 3_500, 90);

        Service(services, "Доставка техники по Москве", null, 800);
        Service(services, "Доставка техники по Тамбову", null, 500);
        Service(services, "Выезд мастера по городу", null, 1_000);
        Service(services, "Выезд мастера за город", "км", 40);
        Service(services, "Вывоз крупногабаритной техники", null, 1_500);
        Service(services, "Срочный ремонт (надбавка)", null, 1_000);
        Service(services, "Хранение техники сверх 30 дней", "сут", 50);

        Expense(consumables, "Термопаста Arctic MX-4, 4 г", "шт", 750);
        Expense(consumables, "Изопропиловый спирт 99,7%", "л", 600);
        Expense(consumables, "Клей B-7000, 15 мл", "шт", 250);
        Expense(consumables, "Припой ПОС-61 с канифолью", "г", 2.5m);
        Expense(consumables, "Топливо на выезд (АИ-95)", "л", 62.5m);
        Expense(consumables, "Масло моторное М-10ДМ", "л", 180);

        foreach (var name in (string[])["Приёмка в ремонт", "Выдача из ремонта", "Отправка в сторонний СЦ", "Получение из стороннего СЦ", "Списание неремонтопригодной техники"])
        {
            Add(new ItemData(ItemKind.Operation, name, null, null, null, null, null, false, false, false, false, null, null));
        }

        // Original displays, batteries and charging ports for every phone fill the list up to 200.
        var spares = _phones.SelectMany(p => new (string Name, string Article, decimal Price, int Months)[]
        {
            ($"Дисплей (модуль) для {p.Model}", "LCD-" + p.Article, Round(p.Price * 0.3m), 3),
            ($"Аккумулятор для {p.Model}", "BAT-" + p.Article, Round(1_500 + (p.Price / 50)), 6),
            ($"Разъём зарядки (плата) для {p.Model}", "USB-" + p.Article, Round(600 + (p.Price / 150)), 3),
        }.Select(s => (p.Brand, s))).ToList();
        foreach (var (brand, s) in spares.Take(Count - Items.Count))
        {
            Part(phoneParts, brand, s.Name, s.Article, s.Price, s.Months);
        }

        if (Items.Count != Count)
        {
            throw new InvalidOperationException($"The demo nomenclature has {Items.Count} items, expected {Count}.");
        }
    }

    private void Phone(string brand, string model, string article, decimal price) => _phones.Add((brand, model, article, price));

    private Guid Group(string name, Guid? parent = null)
    {
        var group = ItemGroup.Create(name, parent);
        Groups.Add(group);
        return group.Id;
    }

    private Item Add(ItemData data)
    {
        var item = Item.Create(data);
        Items.Add(item);
        return item;
    }

    private Guid? Maker(string? brand) => brand is null ? null : _brands[brand];

    /// <summary>Goods with a serial number and a warranty card: phones, laptops, machines.</summary>
    private void Device(Guid group, string? brand, string name, string article, decimal price, int warrantyMonths) =>
        Add(new ItemData(ItemKind.Stock, name, article, null, group, Maker(brand), Money.FromRubles(price), true, true, true, false, warrantyMonths, null));

    private void Kkt(Guid group, string brand, string name, string article, decimal price) =>
        Add(new ItemData(ItemKind.Stock, name, article, null, group, Maker(brand), Money.FromRubles(price), true, true, true, true, 12, null));

    private void Part(Guid group, string? brand, string name, string article, decimal price, int warrantyMonths) =>
        Add(new ItemData(ItemKind.Stock, name, article, null, group, Maker(brand), Money.FromRubles(price), false, false, true, false, warrantyMonths, null));

    /// <summary>Works and services get the price-list codes a front desk quotes ("Р-012", "У-003").</summary>
    private void Work(Guid group, string name, decimal price, int warrantyDays) =>
        Add(new ItemData(ItemKind.Work, name, Code("Р", ++_works), null, group, null, Money.FromRubles(price), false, false, false, false, null, warrantyDays));

    private void Service(Guid group, string name, string? unit, decimal price) =>
        Add(new ItemData(ItemKind.Service, name, Code("У", ++_services), unit ?? "усл", group, null, Money.FromRubles(price), false, false, false, false, null, null));

    private static string Code(string prefix, int number) => prefix + "-" + number.ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    private void Expense(Guid group, string name, string unit, decimal price) =>
        Add(new ItemData(ItemKind.Expense, name, null, unit, group, null, Money.FromRubles(price), false, false, false, false, null, null));

    /// <summary>Prices of spare parts end in 90 rubles, as shops price them.</summary>
    private static decimal Round(decimal price) => (decimal.Floor(price / 100) * 100) + 90;
}
