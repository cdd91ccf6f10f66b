using System.Text.Json;
using ServiceCenter.Repairs.Domain;

namespace ServiceCenter.Repairs.Features.LoanerFund;

/// <summary><c>POST /api/v1/loaner-units</c>: a serial-tracked item's unit into a loaner-fund warehouse (the user's only one when omitted).</summary>
public sealed record RegisterUnitInput(Guid? ItemId, string? SerialNumber, Guid? WarehouseId);

/// <param name="State">available | issued | inCheck | writtenOff.</param>
public sealed record LoanerUnitDto(Guid Id, Guid ItemId, string ItemName, string SerialNumber, Guid WarehouseId, string State, int Version);

/// <summary><c>POST /api/v1/loaner-units/{id}/check</c>: the unit passed its check and is lent again.</summary>
public sealed record CheckInput(string? Note, int Version);

/// <summary><c>POST /api/v1/loaner-units/{id}/write-off</c>: out of the fund for good.</summary>
public sealed record WriteOffInput(string? Reason, int Version);

/// <summary>The open loan of a unit as the fund list shows it.</summary>
/// <param name="OverdueDays">Days past the expected return (branch's local date), 0 when not overdue.</param>
public sealed record LoanerListIssue(
    Guid Id, string Number, Guid RepairId, string RepairNumber, string ClientName, string? ClientPhone, DateTime IssuedAt, DateOnly ExpectedReturnOn,
    int OverdueDays, decimal Deposit);

public sealed record LoanerRow(
    Guid UnitId, Guid ItemId, string ItemName, string SerialNumber, Guid WarehouseId, string WarehouseName, Guid BranchId, string State, LoanerListIssue? Issue)
{
    public bool Overdue => Issue is { OverdueDays: > 0 };
}

/// <summary>Units per state for the list's chips (overdue is part of issued).</summary>
public sealed record LoanerCounts(int All, int Available, int Issued, int Overdue, int InCheck, int WrittenOff);

public sealed record LoanerList(IReadOnlyList<LoanerRow> Items, int Total, LoanerCounts Counts);

/// <summary>One loan of a unit on its card.</summary>
public sealed record LoanerLoanDto(
    Guid Id, string Number, Guid RepairId, string RepairNumber, string ClientName, DateTime IssuedAt, string? IssuedByName, DateOnly ExpectedReturnOn,
    DateTime? ReturnedAt, string? ReturnedByName, decimal Deposit, decimal Charge, decimal Refund, string? IssueCondition, string? ReturnCondition, bool Damaged,
    int OverdueDays);

/// <param name="Kind">registered | issued | returned | checkPassed | writtenOff | restored | moved.</param>
public sealed record LoanerEventDto(Guid Id, string Kind, DateTime At, Guid? IssueId, string? DocumentNumber, string? UserName, string? Comment);

/// <summary><c>GET /api/v1/loaner-units/{id}</c>: the unit, its open loan, every loan and its history (newest first).</summary>
public sealed record LoanerUnitCardDto(
    Guid Id, Guid ItemId, string ItemName, string SerialNumber, Guid BranchId, string? BranchName, Guid WarehouseId, string WarehouseName, string State,
    DateTime RegisteredAt, string? Note, int Version, LoanerLoanDto? CurrentLoan, IReadOnlyList<LoanerLoanDto> Loans, IReadOnlyList<LoanerEventDto> Events);

/// <summary>How states and event kinds read in the API: camelCase, as the list's <c>state=</c> filter takes them.</summary>
public static class LoanerNames
{
    public const string Overdue = "overdue";

    public static string Of(LoanerState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    public static string Of(LoanerEventKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
