using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data.Identity;
using ServiceCenter.SharedKernel.Validation;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Catalog.Features.Employees;

internal static class EmployeesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/employees").WithTags("Employees").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async ([AsParameters] ListRequest list, Guid? branchId, ListEmployees handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ListEmployees.Query(list.ToQuery(), branchId), ct)))
            .WithName("ListEmployees");

        group.MapGet("/export", async ([AsParameters] ListRequest list, Guid? branchId, ListEmployees handler, IStringLocalizer<OrganisationResource> l, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(new ListEmployees.Query(list.ToQuery(), branchId), ct);
            return TypedResults.File(XlsxExport.Write(rows, ExportColumns(l)), XlsxExport.ContentType, "employees.xlsx");
        });

        // The users an employee card may be linked to (the card's picker).
        group.MapGet("/user-options", async (ListEmployees handler, CancellationToken ct) => TypedResults.Ok(await handler.UsersAsync(ct)))
            .RequireAuthorization(Policies.ManageOrganisation);

        group.MapGet("/{id:guid}", async Task<Ok<EmployeeDto>> (Guid id, GetEmployee handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));

        group.MapPost("/", async Task<Created<EmployeeDto>> (EmployeeInput input, SaveEmployee handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/employees/{created.Id}", created);
        }).RequireAuthorization(Policies.ManageOrganisation);

        group.MapPut("/{id:guid}", async Task<Ok<EmployeeDto>> (Guid id, EmployeeInput input, SaveEmployee handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);

        // DELETE archives: work orders and stock will name the employee, so he is never hard-deleted.
        group.MapDelete("/{id:guid}", async Task<Ok<EmployeeDto>> (Guid id, int version, ArchiveEmployee handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ArchiveAsync(id, version, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);

        group.MapPost("/{id:guid}/restore", async Task<Ok<EmployeeDto>> (Guid id, int version, ArchiveEmployee handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RestoreAsync(id, version, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);
    }

    internal static IReadOnlyList<ExportColumn<EmployeeRow>> ExportColumns(IStringLocalizer<OrganisationResource> l) =>
    [
        new(l["Employee.FullName"], r => r.FullName),
        new(l["Employee.Branch"], r => r.BranchName),
        new(l["Employee.Position"], r => r.Position),
        new(l["Employee.Phone"], r => r.Phone is null ? null : PhoneFormat.Display(r.Phone)),
        new(l["Employee.Email"], r => r.Email),
        new(l["Employee.User"], r => r.UserEmail),
        new(l["Employee.Roles"], r => string.Join(", ", r.Roles.Select(x => RoleName(l, x)))),
        new(l["Employee.HoursPerDay"], r => r.HoursPerDay),
        new(l["Common.Archived"], r => r.IsArchived ? l["Common.Yes"].Value : string.Empty),
    ];

    internal static string RoleName(IStringLocalizer<OrganisationResource> l, string role)
    {
        var name = l[$"UserRole.{role}"];
        return name.ResourceNotFound ? role : name.Value;
    }
}
