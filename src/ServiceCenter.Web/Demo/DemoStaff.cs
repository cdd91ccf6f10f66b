using ServiceCenter.Data.Identity;

namespace ServiceCenter.Web.Demo;

/// <summary>One member of the demo staff: an employee with a user account.</summary>
internal sealed record DemoStaffMember(
    string FullName, string Login, bool Moscow, string Position, string[] Roles, string[] Skills, decimal HoursPerDay = 8)
{
    public string Email => Login + "@demo.local";

    /// <summary>"Новиков А. П." for warehouse names and lists.</summary>
    public string ShortName
    {
        get
        {
            var parts = FullName.Split(' ');
            return $"{parts[0]} {parts[1][0]}. {parts[2][0]}.";
        }
    }
}

/// <summary>Every role of DESIGN §5 is held by at least one person; technicians carry skills (WorkType items).</summary>
internal static class DemoStaff
{
    public const string Diagnostics = "Диагностика";
    public const string Phones = "Ремонт телефонов";
    public const string Appliances = "Ремонт бытовой техники";
    public const string Agro = "Ремонт сельхозтехники";
    public const string Kkt = "Обслуживание ККТ";

    public static readonly IReadOnlyList<DemoStaffMember> All =
    [
        new("Соколов Андрей Викторович", "sokolov", true, "Системный администратор", [Roles.Administrator], []),
        new("Морозова Елена Сергеевна", "morozova", true, "Руководитель сервисного центра", [Roles.Manager], []),
        new("Волкова Ирина Александровна", "volkova", true, "Приёмщик", [Roles.Receptionist], []),
        new("Лебедев Дмитрий Игоревич", "lebedev", true, "Инженер по ремонту цифровой техники", [Roles.Technician], [Diagnostics, Phones]),
        new("Козлов Сергей Николаевич", "kozlov", true, "Инженер по ремонту бытовой техники", [Roles.Technician], [Diagnostics, Appliances]),
        new("Новиков Алексей Павлович", "novikov", true, "Выездной инженер", [Roles.FieldTechnician], [Diagnostics, Appliances]),
        new("Павлов Максим Олегович", "pavlov", true, "Курьер", [Roles.Courier], []),
        new("Фёдорова Ольга Дмитриевна", "fedorova", true, "Оператор контакт-центра", [Roles.CallCentre], [], 6),
        new("Егоров Виктор Степанович", "egorov", true, "Кладовщик", [Roles.Storekeeper], []),
        new("Орлова Наталья Викторовна", "orlova", true, "Кассир", [Roles.Cashier], []),
        new("Зайцев Роман Евгеньевич", "zaitsev", true, "Инженер по ККТ", [Roles.KktSpecialist], [Diagnostics, Kkt]),
        new("Кузьмин Николай Андреевич", "kuzmin", false, "Руководитель филиала", [Roles.Manager], []),
        new("Белова Татьяна Юрьевна", "belova", false, "Приёмщик-кассир", [Roles.Receptionist, Roles.Cashier], []),
        new("Тарасов Игорь Валентинович", "tarasov", false, "Инженер по ремонту", [Roles.Technician], [Diagnostics, Phones, Appliances]),
        new("Григорьев Павел Сергеевич", "grigoriev", false, "Выездной механик по сельхозтехнике", [Roles.FieldTechnician], [Diagnostics, Agro]),
        new("Комаров Артём Владимирович", "komarov", false, "Кладовщик-экспедитор", [Roles.Storekeeper, Roles.Courier], []),
        new("Семёнов Денис Алексеевич", "semenov", false, "Инженер по ККТ", [Roles.KktSpecialist], [Diagnostics, Kkt]),
    ];
}
