using FluentValidation;
using Severity = MudBlazor.Severity;
using MudBlazor;
using ServiceCenter.SharedKernel.Domain;

namespace ServiceCenter.Ui.Components;

/// <summary>
/// Runs a card's save/archive action and turns the known failures into what the user sees:
/// field errors, a business-rule alert, or the "someone else changed it" warning with a reload.
/// </summary>
public static class CardActions
{
    /// <returns>True when the action succeeded.</returns>
    public static async Task<bool> RunAsync(
        Func<Task> action, FormErrors errors, ISnackbar snackbar, Microsoft.Extensions.Localization.IStringLocalizer ui, Func<Task>? reload = null)
    {
        errors.ClearAll();
        try
        {
            await action();
            snackbar.Add(ui["Common.Saved"], Severity.Success);
            return true;
        }
        catch (ValidationException v)
        {
            errors.Set(v);
            return false;
        }
        catch (ConcurrencyException)
        {
            snackbar.Add(ui["Common.ConcurrencyReload"], Severity.Warning, o =>
            {
                if (reload is not null)
                {
                    o.Action = ui["Common.Reload"];
                    o.OnClick = _ => reload();
                }

                o.RequireInteraction = true;
            });
            return false;
        }
        catch (BusinessRuleException b)
        {
            snackbar.Add(b.Message, Severity.Error, o => o.RequireInteraction = true);
            return false;
        }
    }
}
