using MudBlazor;

namespace ServiceCenter.Web.Components.Layout;

/// <summary>The product's colours; fonts are the system's (no web fonts: the network may be closed).</summary>
internal static class Theme
{
    public static readonly MudTheme Instance = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565C0",
            Secondary = "#00897B",
            AppbarBackground = "#0D47A1",
            Background = "#F5F7FA",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64B5F6",
            Secondary = "#4DB6AC",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Segoe UI", "Roboto", "Liberation Sans", "DejaVu Sans", "Arial", "sans-serif"] },
        },
    };
}
