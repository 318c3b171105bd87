using System.Text.RegularExpressions;
using CreepCell.Io;

namespace CreepCell.Analysis.Energy;

/// <summary>
/// Reads quantities as <see cref="Units"/> does, also accepting the exponent written without a caret
/// as battery papers write it ("g/cm3", "mAh/cm2", "cm3/mol").
/// </summary>
internal static partial class Quantity
{
    public static readonly Dimension MolarVolume = new(3, 0, 0, 0, -1, 0);
    public static readonly Dimension MolarMass = new(0, 1, 0, 0, -1, 0);
    public static readonly Dimension ArealCharge = new(-2, 0, 1, 0, 0, 1);

    [GeneratedRegex(@"(?<=[a-zA-Zµμ])([23])(?![\d.])")]
    private static partial Regex BareExponent();

    public static double Parse(string text, Dimension expected, string source, string key) =>
        Units.Parse(Normalize(text), expected, source, key);

    public static bool TryParse(string text, Dimension expected, out double value, out string? error) =>
        Units.TryParse(Normalize(text), expected, out value, out error);

    /// <summary>"g/cm3" to "g/cm^3": a bare 2 or 3 after a unit letter is an exponent.</summary>
    public static string Normalize(string text)
    {
        int split = 0;
        text = text.Trim();
        while (split < text.Length && (char.IsDigit(text[split]) || text[split] is '.' or '-' or '+' or 'e' or 'E')) split++;
        return text[..split] + BareExponent().Replace(text[split..], "^$1");
    }
}
