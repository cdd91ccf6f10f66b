namespace ServiceCenter.Printing;

/// <summary>Paper size and margins of a form, in millimetres.</summary>
public sealed record PageSetup(double WidthMm, double HeightMm, double MarginLeftMm, double MarginTopMm, double MarginRightMm, double MarginBottomMm)
{
    /// <summary>A4 portrait with the wide left margin Russian paperwork is filed by.</summary>
    public static PageSetup A4 { get; } = new(210, 297, 20, 15, 10, 15);

    /// <summary>A thermal label such as the 58×40 mm repair order sticker.</summary>
    public static PageSetup Label(double widthMm, double heightMm, double marginMm = 2) =>
        new(widthMm, heightMm, marginMm, marginMm, marginMm, marginMm);

    /// <summary>Width between the side margins.</summary>
    public double ContentWidthMm => WidthMm - MarginLeftMm - MarginRightMm;
}

/// <summary>A rectangle in millimetres from the page's top-left corner (not from the margins).</summary>
public readonly record struct Box(double X, double Y, double Width, double Height);

/// <summary>Horizontal alignment of text or a barcode within its column or box.</summary>
public enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>What a text box does with text that does not fit.</summary>
public enum TextFit
{
    /// <summary>Smaller type, down to 4 pt; if even that does not fit, cut with an ellipsis.</summary>
    Shrink,

    /// <summary>Keep the size and cut the last visible line with an ellipsis.</summary>
    Ellipsis,
}

/// <summary>
/// One signature of a signature block: <c>Мастер ____________ / Иванов И. И. /</c>.
/// Without <paramref name="Name"/> a blank line is left for it; <paramref name="Caption"/> is the
/// small print under the line, such as "подпись".
/// </summary>
public sealed record Signature(string Position, string? Name = null, string? Caption = null);
