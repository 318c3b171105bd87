using System.Globalization;
using System.Text.RegularExpressions;
using CreepCell.Io;

namespace CreepCell.Analysis.Voltammetry;

/// <summary>Small helpers shared by the voltammogram readers: numbers, units written in labels, scan rates.</summary>
internal static partial class CvText
{
    public static readonly Dimension ScanRateDimension = new(2, 1, -4, 0, 0, -1);

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static double Number(string text, string source, int line, string what)
    {
        if (!TryNumber(text, out double v))
            throw new InputException(source, $"line {line}", $"expected a number for {what}, got \"{text.Trim()}\" (truncated line?)");
        return v;
    }

    [GeneratedRegex(@"\(([^()]*)\)\s*$")]
    private static partial Regex TrailingParentheses();

    /// <summary>The unit written in brackets at the end of a label, "Scan Rate (V/s)" to "V/s"; null when there is none.</summary>
    public static string? UnitOfLabel(string label)
    {
        var m = TrailingParentheses().Match(label.Trim());
        return m.Success && m.Groups[1].Value.Trim().Length > 0 ? m.Groups[1].Value.Trim() : null;
    }

    /// <summary>A scan rate from a number and the unit the export wrote beside it; a missing unit is an error, never assumed.</summary>
    public static double ScanRate(string number, string? unit, string source, string location)
    {
        if (unit is null) throw new InputException(source, location, $"the scan rate \"{number.Trim()}\" has no unit (expected e.g. V/s or mV/s)");
        if (!TryNumber(number, out double x)) throw new InputException(source, location, $"expected a number for the scan rate, got \"{number.Trim()}\"");
        if (!Units.TryParseUnit(unit, out double factor, out var dim) || dim != ScanRateDimension)
            throw new InputException(source, location, $"\"{unit}\" is not a scan-rate unit (expected e.g. V/s or mV/s)");
        double v = x * factor;
        if (!(v > 0)) throw new InputException(source, location, $"the scan rate must be positive, got {number.Trim()} {unit}");
        return v;
    }

    /// <summary>A scan rate given on the command line as "50 mV/s"; a bare number is refused.</summary>
    public static double ScanRateOption(string text, string key)
    {
        string t = text.Trim();
        int split = 0;
        while (split < t.Length && (char.IsDigit(t[split]) || t[split] is '.' or '-' or '+' || ((t[split] is 'e' or 'E') && split + 1 < t.Length && (char.IsDigit(t[split + 1]) || t[split + 1] is '-' or '+')))) split++;
        string unit = t[split..].Trim();
        return ScanRate(t[..split], unit.Length == 0 ? null : unit, "command line", key);
    }
}
