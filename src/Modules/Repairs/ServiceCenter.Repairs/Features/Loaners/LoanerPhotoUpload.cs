using FluentValidation;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using ServiceCenter.Repairs.Features.Photos;

namespace ServiceCenter.Repairs.Features.Loaners;

/// <summary>Stores the files a user picked as condition photos of a loan; a refused file is reported and the rest still saved.</summary>
internal static class LoanerPhotoUpload
{
    public static async Task<int> SaveAsync(LoanerPhotos photos, Guid issueId, string moment, IReadOnlyList<IBrowserFile>? files, ISnackbar snackbar)
    {
        var saved = 0;
        foreach (var file in files ?? [])
        {
            try
            {
                await using var stream = file.Size > PhotoImages.MaxBytes ? Stream.Null : file.OpenReadStream(PhotoImages.MaxBytes);
                await photos.AddAsync(issueId, new PhotoContent(stream, file.Name, file.ContentType, file.Size), moment, CancellationToken.None);
                saved++;
            }
            catch (ValidationException v)
            {
                snackbar.Add($"{file.Name}: {string.Join(" ", v.Errors.Select(e => e.ErrorMessage).Distinct())}", MudBlazor.Severity.Error);
            }
        }

        return saved;
    }
}
