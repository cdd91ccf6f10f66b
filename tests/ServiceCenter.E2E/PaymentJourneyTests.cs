using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceCenter.Catalog.Domain;
using ServiceCenter.Data;
using ServiceCenter.Finance.Contracts;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.E2E;

[Trait("Req", "REP-06")]
[Trait("Req", "ANL-04")]
public sealed class PaymentJourneyTests(E2EHost host) : IClassFixture<E2EHost>
{
    [Fact]
    public async Task Cashier_FindsAPayment_CancelsItWithAReason_AndSeesTheDebtBackInSettlements()
    {
        var (number, client) = await ArrangeAsync();
        var page = await host.SignInAsync();

        // The journal lists the payment; its number opens the card.
        await page.GotoAsync(host.BaseUrl + "/payments");
        await E2EHost.WaitInteractiveAsync(page);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await row.GetByText(client).WaitForAsync();
        await row.GetByText("Наличные").WaitForAsync();
        await Shot(page, "payments-list");
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/payments/", StringComparison.Ordinal));
        await E2EHost.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Кассовый документ " + number }).WaitForAsync();
        (await page.GetByLabel("Документ", new() { Exact = true }).InputValueAsync()).ShouldBe("Заказ на ремонт Р-000555");
        (await page.GetByLabel("Способ оплаты").InputValueAsync()).ShouldBe("Наличные");

        // Cancelling asks for a reason first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Отменить платёж" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Отменить платёж" }).ClickAsync();
        await dialog.GetByText("Укажите причину отмены").WaitForAsync();
        await dialog.GetByLabel("Причина отмены").FillAsync("Пробит дважды");
        await Shot(page, "payment-cancel-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Отменить платёж" }).ClickAsync();
        await page.GetByText("Причина: Пробит дважды").WaitForAsync();
        (await page.GetByRole(AriaRole.Button, new() { Name = "Отменить платёж" }).CountAsync()).ShouldBe(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "История" }).ClickAsync();
        // Newest first: the cancellation, then the posting.
        var status = page.GetByRole(AriaRole.Tabpanel).GetByRole(AriaRole.Row).Filter(new() { HasText = "Статус" }).First;
        await status.GetByRole(AriaRole.Cell, new() { Name = "Проведён" }).WaitForAsync();
        await status.GetByRole(AriaRole.Cell, new() { Name = "Отменён" }).WaitForAsync();
        await Shot(page, "payment-cancelled");

        // The settlements report shows what the client owes again; a click opens his entries.
        await page.GotoAsync(host.BaseUrl + "/settlements");
        await E2EHost.WaitInteractiveAsync(page);
        var debt = page.GetByRole(AriaRole.Row).Filter(new() { HasText = client });
        await debt.GetByText("Дебиторская (нам должны)").WaitForAsync();
        await Shot(page, "settlements");
        await page.GetByRole(AriaRole.Link, new() { Name = client }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/settlements/", StringComparison.Ordinal));
        await E2EHost.WaitInteractiveAsync(page);
        // The statement names the document in its open-documents table (a link) and above its entries.
        await page.GetByRole(AriaRole.Link, new() { Name = "Заказ на ремонт Р-000555" }).WaitForAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "Пробит дважды" }).WaitForAsync();
        await Shot(page, "settlements-statement");
    }

    /// <summary>A branch, a client, the repair's total accrued and a cash payment, written the way the Repairs module writes them.</summary>
    private async Task<(string Number, string Client)> ArrangeAsync()
    {
        using var scope = host.Services.CreateScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var branch = Branch.Create(new BranchData("Филиал платежей", "ПЛТ", null, "Europe/Moscow", null, null));
        var client = Counterparty.Create(
            new CounterpartyData(CounterpartyKind.Person, "Платёжкин Павел", null, null, null, CounterpartyRoles.Client, [], [], false, null, null, null, null),
            DateTime.UtcNow);
        db.AddRange(branch, client);
        await db.SaveChangesAsync();

        var repair = new DocumentRef("repair", Guid.CreateVersion7(), "Р-000555");
        await using var tx = await db.Database.BeginTransactionAsync();
        var payment = await scope.ServiceProvider.GetRequiredService<IPayments>().RecordAsync(
            db, new PaymentRequest(branch.Id, client.Id, repair, Money.FromRubles(2500), PaymentMethod.Cash, PaymentKind.Payment, "Оплата при выдаче"), CancellationToken.None);
        scope.ServiceProvider.GetRequiredService<ISettlements>().Accrue(db, branch.Id, client.Id, repair, Money.FromRubles(2500), "Ремонт выдан");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return (payment.Number, client.Name);
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(E2EHost.ScreenshotDirectory, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
}
