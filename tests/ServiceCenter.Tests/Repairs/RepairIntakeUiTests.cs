using FluentValidation;
using FluentValidation.Results;
using ServiceCenter.Repairs.Features;
using ServiceCenter.Repairs.Features.Intake;

namespace ServiceCenter.Tests.Repairs;

/// <summary>The pure parts of the intake assistant and the repair search (WIZ-01, REP-08).</summary>
[Trait(Category.Name, Category.Unit)]
[Trait("Req", "WIZ-01")]
public sealed class RepairIntakeUiTests
{
    [Fact]
    public void Distribute_BatchErrors_GoBesideTheirDeviceAndTheClient()
    {
        List<DeviceForm> devices = [new(), new(), new()];
        var errors = new ValidationException([
            new ValidationFailure("devices[2].imei", "IMEI неверен"),
            new ValidationFailure("devices[1].defect", "Опишите неисправность"),
            new ValidationFailure("counterpartyId", "Выберите клиента"),
            new ValidationFailure("branchId", "Филиал не найден"),
        ]);

        var (client, general, first) = IntakeErrors.Distribute(errors, devices, batch: true);

        client.ShouldBe(["Выберите клиента"]);
        general.ShouldBe(["Филиал не найден"]);
        first.ShouldBe(1);
        devices[0].Errors.Any.ShouldBeFalse();
        devices[1].Errors.Text("defect").ShouldBe("Опишите неисправность");
        devices[2].Errors.Text("imei").ShouldBe("IMEI неверен");
    }

    [Fact]
    public void Distribute_ASingleIntakesFieldErrors_BelongToItsOnlyDevice()
    {
        List<DeviceForm> devices = [new()];

        var (client, general, first) = IntakeErrors.Distribute(new ValidationException([new ValidationFailure("model", "Выберите модель")]), devices, batch: false);

        client.ShouldBeEmpty();
        general.ShouldBeEmpty();
        first.ShouldBe(0);
        devices[0].Errors.Text("model").ShouldBe("Выберите модель");
    }

    [Theory]
    [InlineData("8 (916) 555-12", "891655512", "791655512")]
    [InlineData("+7 916 555", "7916555", null)]
    [InlineData("80001234", "80001234", "70001234")]
    [InlineData("916555", "916555", null)]
    public void SearchTerms_APhoneTypedAnyWay_MatchesTheStoredForm(string typed, string term, string? alternative)
    {
        RepairSearch.Terms(typed).ShouldBe([(term, alternative)]);
    }

    [Fact]
    public void SearchTerms_Words_AreNormalizedAndAllMustMatch()
    {
        RepairSearch.Terms("Пётр  iphone").Select(t => t.Term).ShouldBe(["ПЕТР", "IPHONE"]);
    }
}
