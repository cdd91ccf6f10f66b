using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using ServiceCenter.Catalog.Resources;
using ServiceCenter.Data.Identity;
using ServiceCenter.SharedKernel.Validation;
using ServiceCenter.Ui.Api;

namespace ServiceCenter.Catalog.Features.Branches;

internal static class BranchesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/branches").WithTags("Branches").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async ([AsParameters] ListRequest list, ListBranches handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ListBranches.Query(list.ToQuery()), ct)))
            .WithName("ListBranches");

        group.MapGet("/export", async ([AsParameters] ListRequest list, ListBranches handler, IStringLocalizer<OrganisationResource> l, CancellationToken ct) =>
        {
            var rows = await handler.AllAsync(new ListBranches.Query(list.ToQuery()), ct);
            return TypedResults.File(XlsxExport.Write(rows, ExportColumns(l)), XlsxExport.ContentType, "branches.xlsx");
        });

        group.MapGet("/{id:guid}", async Task<Ok<BranchDto>> (Guid id, GetBranch handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, ct)));

        group.MapPost("/", async Task<Created<BranchDto>> (BranchInput input, SaveBranch handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/branches/{created.Id}", created);
        }).RequireAuthorization(Policies.ManageOrganisation);

        group.MapPut("/{id:guid}", async Task<Ok<BranchDto>> (Guid id, BranchInput input, SaveBranch handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(id, input, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);

        // DELETE archives: documents are numbered with the branch's prefix, so it is never hard-deleted.
        group.MapDelete("/{id:guid}", async Task<Ok<BranchDto>> (Guid id, int version, ArchiveBranch handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ArchiveAsync(id, version, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);

        group.MapPost("/{id:guid}/restore", async Task<Ok<BranchDto>> (Guid id, int version, ArchiveBranch handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RestoreAsync(id, version, ct)))
            .RequireAuthorization(Policies.ManageOrganisation);
    }

    internal static IReadOnlyList<ExportColumn<BranchRow>> ExportColumns(IStringLocalizer<OrganisationResource> l) =>
    [
        new(l["Branch.Name"], r => r.Name),
        new(l["Branch.Prefix"], r => r.Prefix),
        new(l["Branch.Address"], r => r.Address),
        new(l["Branch.TimeZone"], r => BranchTimeZones.DisplayName(r.TimeZone, l)),
        new(l["Branch.Phone"], r => r.Phone is null ? null : PhoneFormat.Display(r.Phone)),
        new(l["Branch.Warehouses"], r => r.Warehouses),
        new(l["Branch.Employees"], r => r.Employees),
        new(l["Common.Archived"], r => r.IsArchived ? l["Common.Yes"].Value : string.Empty),
    ];
}
