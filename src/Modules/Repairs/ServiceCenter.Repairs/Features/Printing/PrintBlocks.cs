using System.Globalization;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Printing;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.Printing;

/// <summary>What every repair-side form prints the same way: our requisites, phones, amounts.</summary>
internal static class PrintBlocks
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>
    /// Our side of a form: organisation (ИНН, ОГРН), the branch's address and phone (else the organisation's), and any rows
    /// the form adds below them (the other party); <paramref name="role"/> names our side ("Исполнитель" by default).
    /// </summary>
    public static PdfForm Requisites(
        this PdfForm form, IStringLocalizer<PrintResource> p, OrganisationInfo? organisation, BranchInfo? branch, string? role = null,
        IEnumerable<(string Label, string? Value)>? more = null, double labelWidthMm = 50)
    {
        (string, string?)[] rows =
        [
            (role ?? p["Print.Executor"], organisation is null ? null : p["Print.ExecutorLine", organisation.Name, organisation.Inn ?? "—", organisation.Ogrn ?? "—"].Value),
            (p["Print.Address"], branch?.Address ?? organisation?.Address),
            (p["Print.Phone"], Phone(branch?.Phone ?? organisation?.Phone)),
            .. more ?? [],
        ];
        return form.Fields(rows, labelWidthMm, size: 9).Rule();
    }

    public static string? Phone(string? e164) => e164 is null ? null : SharedKernel.Validation.PhoneFormat.Display(e164);

    public static string Amount(decimal amount) => amount.ToString("N2", Ru);
}
