namespace ServiceCenter.Bench;

internal enum DeviceKind
{
    Phone,
    Tablet,
    Laptop,
    Other,
}

/// <summary>What a shop sees at the front desk: models typed as free text, defects, condition and kit words.</summary>
internal static class RepairData
{
    public static readonly (string Model, DeviceKind Kind)[] Devices =
    [
        ("Apple iPhone 11", DeviceKind.Phone), ("Apple iPhone 12", DeviceKind.Phone), ("Apple iPhone 13 Pro", DeviceKind.Phone),
        ("Apple iPhone 14", DeviceKind.Phone), ("Apple iPhone 15 Pro Max", DeviceKind.Phone), ("Samsung Galaxy A52", DeviceKind.Phone),
        ("Samsung Galaxy S21", DeviceKind.Phone), ("Samsung Galaxy A34", DeviceKind.Phone), ("Xiaomi Redmi Note 10 Pro", DeviceKind.Phone),
        ("Xiaomi Redmi 9C", DeviceKind.Phone), ("Xiaomi 12T", DeviceKind.Phone), ("Honor 50", DeviceKind.Phone),
        ("Huawei P40 Lite", DeviceKind.Phone), ("Realme C35", DeviceKind.Phone), ("POCO X3 Pro", DeviceKind.Phone),
        ("Tecno Spark 10", DeviceKind.Phone),
        ("Apple iPad 9", DeviceKind.Tablet), ("Samsung Galaxy Tab A8", DeviceKind.Tablet), ("Lenovo Tab M10", DeviceKind.Tablet),
        ("Lenovo IdeaPad 3 15ITL6", DeviceKind.Laptop), ("ASUS VivoBook 15 X515", DeviceKind.Laptop), ("HP Pavilion 15-eg", DeviceKind.Laptop),
        ("Acer Aspire 5 A515-56", DeviceKind.Laptop), ("Apple MacBook Air M1", DeviceKind.Laptop), ("Huawei MateBook D15", DeviceKind.Laptop),
        ("MSI GF63 Thin", DeviceKind.Laptop), ("Dell Inspiron 3511", DeviceKind.Laptop),
        ("Sony PlayStation 5", DeviceKind.Other), ("Canon PIXMA G3411", DeviceKind.Other), ("HP LaserJet Pro M404dn", DeviceKind.Other),
        ("Samsung UE43AU7100U", DeviceKind.Other), ("LG 43UQ75006LF", DeviceKind.Other), ("Bosch GSR 120-LI", DeviceKind.Other),
        ("DeLonghi ECAM 22.110", DeviceKind.Other), ("Apple Watch Series 7", DeviceKind.Other), ("JBL Charge 5", DeviceKind.Other),
        ("Dyson V11", DeviceKind.Other), ("Xiaomi Mi Robot Vacuum", DeviceKind.Other),
    ];

    public static readonly string[] Defects =
    [
        "Не включается", "Разбит экран", "Не заряжается", "Быстро разряжается", "Нет изображения", "Не работает сенсор",
        "Залит жидкостью", "Не видит SIM-карту", "Не работает камера", "Шумит вентилятор, перегревается", "Не печатает",
        "Зажёвывает бумагу", "Нет звука", "Не ловит Wi-Fi", "Самопроизвольно перезагружается", "Не работает кнопка питания",
        "Треск в динамике", "Требуется чистка и замена термопасты", "Не загружается операционная система", "Протекает",
    ];

    public static readonly string?[] Conditions =
    [
        "Потёртости на корпусе", "Царапины на экране", "Скол в углу корпуса", "Без видимых повреждений", "Трещина задней крышки",
        "Следы вскрытия", null, null,
    ];

    public static readonly string?[] Kits =
    [
        "Без комплекта", "Зарядное устройство", "Чехол", "Зарядное устройство, кабель", "Коробка, документы", "SIM-карта", null, null,
    ];

    public static readonly string[] Fixes =
    [
        "Замена дисплейного модуля", "Замена аккумулятора", "Замена разъёма зарядки", "Чистка после залития", "Замена шлейфа",
        "Перепрошивка", "Замена термопасты, чистка системы охлаждения", "Замена кнопки питания", "Замена динамика",
        "Замена ролика подачи бумаги",
    ];

    private const string SerialAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    public static string Serial(Random random)
    {
        Span<char> s = stackalloc char[11];
        for (var i = 0; i < s.Length; i++)
        {
            s[i] = SerialAlphabet[random.Next(SerialAlphabet.Length)];
        }

        return new string(s);
    }

    /// <summary>15 digits, the last the Luhn check digit of the first 14 (the app refuses any other).</summary>
    public static string Imei(Random random)
    {
        Span<char> s = stackalloc char[15];
        s[0] = '3';
        s[1] = '5';
        for (var i = 2; i < 14; i++)
        {
            s[i] = (char)('0' + random.Next(10));
        }

        s[14] = (char)('0' + SharedKernel.Validation.Imei.CheckDigit(s[..14]));
        var imei = new string(s);
        return SharedKernel.Validation.Imei.IsValid(imei) ? imei : throw new InvalidOperationException($"Generated an invalid IMEI {imei}.");
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> list) => list[random.Next(list.Count)];
}
