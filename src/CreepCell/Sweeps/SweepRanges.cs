using System.Globalization;
using System.Text.RegularExpressions;
using CreepCell.Io;
using Tomlyn.Model;

namespace CreepCell.Sweeps;

/// <summary>Reads [sample.ranges] entries and converts values written with units to SI.</summary>
internal static class SweepRanges
{
    static readonly Regex Number = new(@"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?");

    /// <summary>KEY = { from = ..., to = ..., scale = "linear" | "log" }. Both ends carry the same unit, or
    /// none; a key the case writes with a unit must be given one here too.</summary>
    internal static SweepRange Read(string file, string key, object value, TomlTable baseModel)
    {
        string where = "sample.ranges." + key;
        CaseOverrides.CheckKey(key, file, where);
        if (value is not TomlTable t || !t.ContainsKey("from") || !t.ContainsKey("to"))
            throw new InputException(file, where, "expected { from = ..., to = ... } (add scale = \"log\" for a logarithmic range)");
        var s = new TomlSection(file, where, t);
        var (from, fromUnit, fromFactor) = Bound(s, "from");
        var (to, toUnit, _) = Bound(s, "to");
        bool log = s.Choice("scale", "linear", "linear", "log") == "log";
        s.RejectUnknownKeys();
        if (fromUnit != toUnit) throw new InputException(file, where, $"from and to need the same unit, got \"{fromUnit}\" and \"{toUnit}\"");
        if (fromUnit.Length == 0 && BaseValue(baseModel, key) is string written && SiValue(written, out _, out string unit) is not null && unit.Length > 0)
            throw new InputException(file, where, $"the range has no unit but the case writes this key with one (\"{written}\"); write from and to with a unit");
        if (!(to > from)) throw new InputException(file, where, "expected from < to");
        if (log && !(from > 0)) throw new InputException(file, where, "a logarithmic range needs positive ends");
        return new SweepRange(key, from, to, log, fromUnit, fromFactor);
    }

    static (double Si, string Unit, double Factor) Bound(TomlSection s, string key)
    {
        object raw = s.RequiredValue(key);
        if (raw is long l) return (l, "", 1);
        if (raw is double d && double.IsFinite(d)) return (d, "", 1);
        if (raw is string text && SiValue(text, out double factor, out string unit) is double si) return (si, unit, factor);
        throw new InputException(s.File, s.Key(key), $"expected a number or a quantity with a unit (\"10 GPa\"), got {TomlSection.Describe(raw)}");
    }

    /// <summary>A quantity text in SI whatever its dimension ("10 GPa" -> 1e10, "70 degC" -> 343.15), with the
    /// unit's factor and the unit as written; null if it is not one.</summary>
    public static double? SiValue(string text, out double factor, out string unit)
    {
        factor = 1;
        unit = "";
        var m = Number.Match(text);
        if (!m.Success) return null;
        unit = text[m.Length..].Trim();
        if (unit is "degC" or "°C") return Units.TryParse(text, Dimension.Temperature, out double k, out _) ? k : null;
        if (unit.Length > 0 && !Units.TryParseUnit(unit, out factor, out _)) return null;
        return double.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x) ? x * factor : null;
    }

    /// <summary>The SI number of a value as written in a case (a number, or a string with a unit); null otherwise.</summary>
    public static double? SiValue(object value) => value switch
    {
        long l => l,
        double d => double.IsFinite(d) ? d : null,
        bool b => b ? 1 : 0,
        string s => SiValue(s, out _, out _),
        _ => null,
    };

    static object? BaseValue(TomlTable model, string key)
    {
        object? node = model;
        foreach (var part in key.Split('.'))
        {
            if (node is not TomlTable t || !t.TryGetValue(part, out node)) return null;
        }
        return node;
    }

    /// <summary>A sampled value as the case would read it: in the unit of the range (temperatures given in
    /// degC are written in K).</summary>
    public static object Written(SweepRange r, double si)
    {
        if (r.Unit.Length == 0) return si;
        if (r.Unit is "degC" or "°C") return $"{si.ToString("R", CultureInfo.InvariantCulture)} K";
        return $"{(si / r.UnitFactor).ToString("R", CultureInfo.InvariantCulture)} {r.Unit}";
    }
}
