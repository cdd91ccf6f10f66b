using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using ServiceCenter.Catalog.Contracts;
using ServiceCenter.Data;
using ServiceCenter.Data.Notifications;
using ServiceCenter.Repairs.Domain;
using ServiceCenter.Repairs.Resources;

namespace ServiceCenter.Repairs.Features.LoanerFund;

/// <summary>
/// Overdue reminders (LOAN-02): each loan still out after its expected return (the branch's local date) whose reminder
/// has not gone out gets one platform notification to the user who issued it — unit, client, phone, order, expected
/// date, a link to the order — and is marked reminded, so it is never told twice.
/// </summary>
public sealed class LoanerReminders(
    IDbContextFactory<AppDbContext> dbFactory, ICatalogReader catalog, TimeProvider clock, IStringLocalizer<LoanerFundResource> l)
{
    /// <summary>Shop texts go out in Russian (a background pass has no request culture).</summary>
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>One pass; returns how many loans were reminded of.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Russian;
        try
        {
            return await PassAsync(ct);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private async Task<int> PassAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // No branch's today is more than a day past UTC's: loans expected before UTC today + 1 are the candidates.
        var horizon = DateOnly.FromDateTime(now).AddDays(1);
        var candidates = await db.Set<LoanerIssue>()
            .Where(i => i.ReturnedAt == null && i.ReminderSentAt == null && i.ExpectedReturnOn < horizon)
            .OrderBy(i => i.ExpectedReturnOn).ThenBy(i => i.Id).Take(500).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var calendar = await LoanerCalendar.LoadAsync(db, catalog, clock, candidates.Select(i => i.BranchId), ct);
        var due = candidates.Where(i => calendar.OverdueDays(i) > 0).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var unitIds = due.Select(i => i.UnitId).Distinct().ToList();
        var units = await db.Set<LoanerUnit>().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var repairIds = due.Select(i => i.RepairId).Distinct().ToList();
        var phones = await db.Set<RepairOrder>().AsNoTracking().Where(o => repairIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ClientPhone, ct);
        foreach (var issue in due)
        {
            if (issue.IssuedBy is { } userId)
            {
                var unit = units.GetValueOrDefault(issue.UnitId);
                var text = l["Reminder.Text",
                    unit is null ? "—" : $"{unit.ItemName} {unit.SerialNumber}",
                    issue.ClientName,
                    phones.GetValueOrDefault(issue.RepairId) ?? "—",
                    issue.RepairNumber,
                    issue.ExpectedReturnOn.ToString("d", Russian),
                    calendar.OverdueDays(issue)].Value;
                NotificationStore.Add(db, userId, text, $"/repairs/{issue.RepairId}", now);
            }

            issue.MarkReminded(now);
        }

        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}

/// <summary>Runs <see cref="LoanerReminders.RunOnceAsync"/> every 15 minutes.</summary>
internal sealed partial class LoanerReminderWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LoanerReminderWorker> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<LoanerReminders>().RunOnceAsync(stoppingToken);
                if (sent > 0)
                {
                    LogSent(sent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may not be migrated yet at start-up; the next tick tries again.
                LogFailed(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaner reminders sent: {Count}")]
    private partial void LogSent(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loaner reminder pass failed")]
    private partial void LogFailed(Exception ex);
}
