using ServiceCenter.Finance.Contracts;
using ServiceCenter.Finance.Domain;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Tests.Finance;

[Trait(Category.Name, Category.Unit)]
[Trait("Req", "REP-06")]
[Trait("Req", "ANL-04")]
public sealed class FinanceRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    [Fact]
    public void Post_Payment_WritesANegativeReceivableEntryForTheDocumentPaidFor()
    {
        var document = new DocumentRef("repair", Guid.NewGuid(), "МСК-2026-000123");

        var payment = Post(document, 1500.50m, PaymentKind.Payment);
        var entry = payment.LedgerEntry();

        payment.Status.ShouldBe(PaymentStatus.Posted);
        payment.Number.ShouldBe("МСК-П-2026-000007");
        entry.Direction.ShouldBe(SettlementDirection.Receivable);
        entry.AmountKopecks.ShouldBe(-150050);
        entry.DocumentId.ShouldBe(document.Id);
        entry.DocumentNumber.ShouldBe("МСК-2026-000123");
        entry.Source.ShouldBe(SettlementSource.Payment);
        entry.SourceId.ShouldBe(payment.Id);
        entry.At.ShouldBe(Now);
    }

    [Fact]
    public void Post_Prepayment_LowersTheReceivableLikeAPayment_AndARefundRaisesIt()
    {
        Post(Document(), 100, PaymentKind.Prepayment).LedgerEntry().AmountKopecks.ShouldBe(-10000);
        Post(Document(), 100, PaymentKind.Refund).LedgerEntry().AmountKopecks.ShouldBe(10000);
    }

    [Fact]
    public void Post_WithZeroAmount_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Post(Document(), 0, PaymentKind.Payment));
    }

    [Fact]
    public void DocumentType_CashAndCard_AreCashReceipts_BankIsABankPayment()
    {
        Payment.DocumentTypeOf(PaymentMethod.Cash).ShouldBe(PaymentDocumentType.CashReceipt);
        Payment.DocumentTypeOf(PaymentMethod.Card).ShouldBe(PaymentDocumentType.CashReceipt);
        Payment.DocumentTypeOf(PaymentMethod.Bank).ShouldBe(PaymentDocumentType.BankPayment);
    }

    [Fact]
    public void Cancel_Posted_MarksItCancelledMovesTheVersionAndReversesItsEntry()
    {
        var payment = Post(Document(), 700, PaymentKind.Refund);
        var original = payment.LedgerEntry();

        var reversal = payment.Cancel(1, new PaymentCancellation("  Ошибка кассира ", Now.AddHours(1), null, "Кассир"), "already");

        payment.Status.ShouldBe(PaymentStatus.Cancelled);
        payment.Version.ShouldBe(2);
        payment.CancelReason.ShouldBe("Ошибка кассира");
        payment.CancelledByName.ShouldBe("Кассир");
        reversal.Source.ShouldBe(SettlementSource.Reversal);
        reversal.SourceId.ShouldBe(payment.Id);
        reversal.AmountKopecks.ShouldBe(-original.AmountKopecks);
        reversal.At.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Cancel_WhenAlreadyCancelled_ThrowsTheAlreadyCancelledCode()
    {
        var payment = Post(Document(), 100, PaymentKind.Payment);
        payment.Cancel(1, new PaymentCancellation("Дубль", Now, null, null), "already");

        var error = Should.Throw<BusinessRuleException>(() => payment.Cancel(2, new PaymentCancellation("Ещё раз", Now, null, null), "Платёж уже отменён"));

        error.Code.ShouldBe("finance.payment_already_cancelled");
        error.Message.ShouldBe("Платёж уже отменён");
        payment.Version.ShouldBe(2);
    }

    [Fact]
    public void Cancel_WithStaleVersion_ThrowsConcurrencyAndChangesNothing()
    {
        var payment = Post(Document(), 100, PaymentKind.Payment);

        var error = Should.Throw<ConcurrencyException>(() => payment.Cancel(3, new PaymentCancellation("Дубль", Now, null, null), "already"));

        error.CurrentVersion.ShouldBe(1);
        payment.Status.ShouldBe(PaymentStatus.Posted);
    }

    [Fact]
    public void Accrual_WithALongReason_KeepsTheFirst500Characters()
    {
        var entry = SettlementEntry.Accrual(Guid.NewGuid(), Guid.NewGuid(), Document(), SettlementDirection.Payable, new Money(100), new string('я', 600), Now);

        entry.Reason!.Length.ShouldBe(500);
        entry.Source.ShouldBe(SettlementSource.Accrual);
        entry.AmountKopecks.ShouldBe(100);
    }

    [Fact]
    public void Ageing_WhenPaymentsCoverTheOldestDebtsFirst_LeavesTheNewestUnpaidPartsInTheirBuckets()
    {
        var lines = new[]
        {
            Debit(100, 3000),
            Debit(45, 2000),
            Debit(10, 1000),
            Credit(0, 3500),
        };

        var aged = Ageing.Of(lines, Today);

        aged.ShouldBe(new AgeingBuckets(1000, 1500, 0, 0));
        aged.Total.ShouldBe(2500);
    }

    [Fact]
    public void Ageing_AtTheBucketBoundaries_Puts30_60And90DaysInTheLowerBucket()
    {
        var lines = new[] { Debit(30, 1), Debit(31, 10), Debit(60, 100), Debit(61, 1000), Debit(90, 10000), Debit(91, 100000) };

        Ageing.Of(lines, Today).ShouldBe(new AgeingBuckets(1 + 0, 10 + 100, 1000 + 10000, 100000));
    }

    [Fact]
    public void Ageing_WhenPaidInAdvance_HasNoBuckets_AndTheAdvancePaysTheNextDebt()
    {
        Ageing.Of([Credit(50, 5000), Debit(40, 2000)], Today).ShouldBe(AgeingBuckets.None);

        Ageing.Of([Credit(50, 5000), Debit(40, 2000), Debit(5, 4000)], Today).ShouldBe(new AgeingBuckets(1000, 0, 0, 0));
    }

    [Fact]
    public void Ageing_WhenAPaymentIsCancelled_LeavesOutThePaymentAndItsReversal_SoTheDebtKeepsItsAge()
    {
        var payment = Guid.NewGuid();
        var lines = new[]
        {
            Debit(120, 3000),
            new LedgerLine(Now.AddDays(-100), -3000, SettlementSource.Payment, payment),
            new LedgerLine(Now.AddDays(-1), 3000, SettlementSource.Reversal, payment),
        };

        Ageing.Of(lines, Today).ShouldBe(new AgeingBuckets(0, 0, 0, 3000));
    }

    private static DocumentRef Document() => new("repair", Guid.NewGuid(), "Р-1");

    private static Payment Post(DocumentRef document, decimal rubles, PaymentKind kind) =>
        Payment.Post(
            new PaymentRequest(Guid.NewGuid(), Guid.NewGuid(), document, Money.FromRubles(rubles), PaymentMethod.Cash, kind, null),
            "МСК-П-2026-000007", Now, null, "Кассир");

    private static LedgerLine Debit(int daysAgo, long kopecks) =>
        new(Now.AddDays(-daysAgo), kopecks, SettlementSource.Accrual, Guid.NewGuid());

    private static LedgerLine Credit(int daysAgo, long kopecks) =>
        new(Now.AddDays(-daysAgo), -kopecks, SettlementSource.Payment, Guid.NewGuid());
}
