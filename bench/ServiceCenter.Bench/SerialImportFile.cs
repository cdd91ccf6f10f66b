using System.Globalization;
using System.Text;

namespace ServiceCenter.Bench;

/// <summary>
/// The file of <c>--suite serial-import</c>: a CSV as a distributor's export looks (UTF-8 without a byte order mark,
/// <c>;</c>-separated, a header row): random 12-character serials (so the unique index is filled in random order,
/// not appended to), a valid IMEI on 70 % of rows, 200 articles, a characteristic, a sale date in the last two years,
/// the seller's ИНН, a buyer's name on a fifth of the rows, warranty months on a third. Seeded: the same file every run.
/// </summary>
internal static class SerialImportFile
{
    public const string Header = "Серийный номер;IMEI;Артикул;Характеристика;Дата продажи;Продавец;Покупатель;Гарантия, мес";
    public const int Items = 200;
    public const int Buyers = 50;

    private static readonly string[] Characteristics = ["Чёрный", "Белый", "Серебристый", "Синий 128 ГБ", "Графит 256 ГБ", ""];
    private const string SerialAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    public static string Article(int i) => $"BENCH-{i:D4}";

    public static string BuyerName(int i) => $"Покупатель Бенчмарков {i:D3}";

    /// <summary>Writes <paramref name="rows"/> rows; returns the file's size in bytes.</summary>
    public static long Write(string path, int rows, IReadOnlyList<string> sellerInns, DateOnly today, int seed = 20261128)
    {
        var random = new Random(seed);
        // Serials as numbers in base 34 (12 digits fit a long): the generator's own memory stays small.
        var seen = new HashSet<long>(rows);
        var serial = new char[12];
        var line = new StringBuilder(160);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write(Header);
            writer.Write('\n');
            for (var r = 0; r < rows; r++)
            {
                long code;
                do
                {
                    code = 0;
                    for (var i = 0; i < serial.Length; i++)
                    {
                        var digit = random.Next(SerialAlphabet.Length);
                        serial[i] = SerialAlphabet[digit];
                        code = (code * SerialAlphabet.Length) + digit;
                    }
                }
                while (!seen.Add(code));

                line.Clear();
                line.Append(serial).Append(';');
                if (random.Next(10) < 7)
                {
                    line.Append(Imei(random));
                }

                line.Append(';').Append(Article(random.Next(Items))).Append(';');
                line.Append(Characteristics[random.Next(Characteristics.Length)]).Append(';');
                line.Append(today.AddDays(-1 - random.Next(730)).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)).Append(';');
                line.Append(sellerInns[random.Next(sellerInns.Count)]).Append(';');
                if (random.Next(5) == 0)
                {
                    line.Append(BuyerName(random.Next(Buyers)));
                }

                line.Append(';');
                if (random.Next(3) == 0)
                {
                    line.Append(random.Next(2) == 0 ? "12" : "24");
                }

                writer.Write(line);
                writer.Write('\n');
            }
        }

        return new FileInfo(path).Length;
    }

    private static string Imei(Random random)
    {
        var body = "35" + random.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        return body + ServiceCenter.SharedKernel.Validation.Imei.CheckDigit(body).ToString(CultureInfo.InvariantCulture);
    }
}
