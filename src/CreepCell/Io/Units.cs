using System.Globalization;

namespace CreepCell.Io;

/// <summary>
/// Parses quantities given as an SI number or a string "value unit" ("10 GPa", "2 um", "10 h",
/// "70 degC", "1e-5 1/s", "50 kJ/mol") into SI. Units combine with '*', '/', '.' and '^'
/// ("mAh/g", "W/(m K)" is not supported; write "W/m/K").
/// </summary>
public static class Units
{
    static readonly Dictionary<string, (double Factor, Dimension Dim)> Base = new()
    {
        ["m"] = (1, Dimension.Length),
        ["g"] = (1e-3, Dimension.Mass),
        ["t"] = (1e3, Dimension.Mass),
        ["s"] = (1, Dimension.Time),
        ["min"] = (60, Dimension.Time),
        ["h"] = (3600, Dimension.Time),
        ["d"] = (86400, Dimension.Time),
        ["K"] = (1, Dimension.Temperature),
        ["mol"] = (1, new Dimension(0, 0, 0, 0, 1, 0)),
        ["Pa"] = (1, Dimension.Pressure),
        ["bar"] = (1e5, Dimension.Pressure),
        ["N"] = (1, Dimension.Force),
        ["J"] = (1, Dimension.Energy),
        ["Wh"] = (3600, Dimension.Energy),
        ["W"] = (1, new Dimension(2, 1, -3, 0, 0, 0)),
        ["A"] = (1, Dimension.Current),
        ["Ah"] = (3600, Dimension.Charge),
        ["C"] = (1, Dimension.Charge),
        ["V"] = (1, Dimension.Voltage),
        ["L"] = (1e-3, new Dimension(3, 0, 0, 0, 0, 0)),
        ["S"] = (1, new Dimension(-2, -1, 3, 0, 0, 2)),
        ["ohm"] = (1, new Dimension(2, 1, -3, 0, 0, -2)),
        ["eV"] = (1.602176634e-19, Dimension.Energy),
    };

    static readonly (string Prefix, double Factor)[] Prefixes =
    {
        ("G", 1e9), ("M", 1e6), ("k", 1e3), ("c", 1e-2), ("m", 1e-3), ("u", 1e-6), ("µ", 1e-6), ("μ", 1e-6), ("n", 1e-9), ("p", 1e-12), ("T", 1e12),
    };

    /// <summary>Parse a quantity text into SI, checking its dimension.</summary>
    public static double Parse(string text, Dimension expected, string source, string key)
    {
        if (!TryParse(text, expected, out double value, out string? error))
            throw new InputException(source, key, error!);
        return value;
    }

    public static bool TryParse(string text, Dimension expected, out double value, out string? error)
    {
        value = double.NaN;
        text = text.Trim();
        int split = 0;
        while (split < text.Length && !char.IsWhiteSpace(text[split]) && !IsUnitStart(text, split)) split++;
        string num = text[..split];
        string unit = text[split..].Trim();
        if (!double.TryParse(num, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !double.IsFinite(x))
        {
            error = $"expected a finite number with an optional unit of {expected}, got \"{text}\"";
            return false;
        }
        if (unit is "degC" or "°C" or "C" && expected == Dimension.Temperature)
        {
            value = x + 273.15;
            error = null;
            return true;
        }
        if (unit.Length == 0)
        {
            value = x;
            error = null;
            return true;
        }
        if (!TryParseUnit(unit, out double factor, out Dimension dim))
        {
            error = $"unknown unit \"{unit}\" in \"{text}\" (expected a unit of {expected})";
            return false;
        }
        if (dim != expected)
        {
            error = $"unit \"{unit}\" has dimension {dim}, expected {expected}";
            return false;
        }
        value = x * factor;
        error = null;
        return true;
    }

    static bool IsUnitStart(string t, int i)
    {
        char c = t[i];
        if (char.IsLetter(c) && c != 'e' && c != 'E') return true;
        if ((c == 'e' || c == 'E') && (i + 1 >= t.Length || !(char.IsDigit(t[i + 1]) || t[i + 1] == '-' || t[i + 1] == '+'))) return true;
        return c == '/' || c == '°' || c == 'µ' || c == 'μ';
    }

    /// <summary>Parse a unit expression such as "kJ/mol", "1/s", "mAh/g", "m^2".</summary>
    public static bool TryParseUnit(string unit, out double factor, out Dimension dim)
    {
        factor = 1;
        dim = Dimension.None;
        int sign = 1;
        int i = 0;
        while (i < unit.Length)
        {
            char c = unit[i];
            if (c == '/') { sign = -1; i++; continue; }
            if (c == '*' || c == '.' || c == ' ') { sign = sign == -1 && c == ' ' ? -1 : 1; i++; continue; }
            int start = i;
            while (i < unit.Length && unit[i] is not ('/' or '*' or '.' or ' ' or '^')) i++;
            string token = unit[start..i];
            int exponent = 1;
            if (i < unit.Length && unit[i] == '^')
            {
                int es = ++i;
                while (i < unit.Length && (char.IsDigit(unit[i]) || unit[i] == '-')) i++;
                if (!int.TryParse(unit[es..i], out exponent)) return false;
            }
            if (token == "1") { continue; }
            if (!TryToken(token, out double f, out Dimension d)) return false;
            factor *= Math.Pow(f, sign * exponent);
            dim += (sign * exponent) * d;
        }
        return true;
    }

    static bool TryToken(string token, out double factor, out Dimension dim)
    {
        if (Base.TryGetValue(token, out var b)) { (factor, dim) = b; return true; }
        foreach (var (p, f) in Prefixes)
        {
            if (token.Length > p.Length && token.StartsWith(p, StringComparison.Ordinal) && Base.TryGetValue(token[p.Length..], out var bb))
            {
                factor = f * bb.Factor;
                dim = bb.Dim;
                return true;
            }
        }
        factor = double.NaN;
        dim = Dimension.None;
        return false;
    }
}
