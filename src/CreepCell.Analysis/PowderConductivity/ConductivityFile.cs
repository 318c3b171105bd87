using System.Globalization;
using CreepCell.Analysis.Cycling;
using CreepCell.Analysis.Energy;
using CreepCell.Io;

namespace CreepCell.Analysis.PowderConductivity;

/// <summary>
/// Reads a powder-conductivity table: a CSV (comma, semicolon or tab) with one row per pressure step and
/// a header naming each column with its unit in brackets, e.g. "powder, pressure [MPa], thickness [mm],
/// resistance [mohm]". Columns: powder (text; one powder when absent), pressure or load, thickness or
/// density (of the compact), mass, resistance or sheet_resistance, rcf (no unit), true_density, fraction
/// (volume fraction of the conducting phase, 0-1 or with %). A dimensional column without a unit is refused.
/// </summary>
internal static class ConductivityFile
{
    static readonly Dimension Resistance = new(2, 1, -3, 0, 0, -2);

    static readonly Dictionary<string, Dimension?> Known = new()
    {
        ["powder"] = null, ["pressure"] = Dimension.Pressure, ["load"] = Dimension.Force, ["thickness"] = Dimension.Length,
        ["density"] = Dimension.Density, ["mass"] = Dimension.Mass, ["resistance"] = Resistance, ["sheet_resistance"] = Resistance,
        ["rcf"] = Dimension.None, ["true_density"] = Dimension.Density, ["fraction"] = Dimension.None,
    };

    public static List<PowderStep> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        var lines = RawTableReader.ReadCsvLines(path);
        int h = lines.FindIndex(l => l.Any(f => f.Length > 0));
        if (h < 0) throw new InputException(path, null, "the file is empty");
        var columns = Header(path, lines[h]);
        foreach (var need in new[] { ("pressure", "load"), ("thickness", "density"), ("resistance", "sheet_resistance") })
            if (!columns.ContainsKey(need.Item1) && !columns.ContainsKey(need.Item2))
                throw new InputException(path, "header", $"no {need.Item1} or {need.Item2} column (columns are: {string.Join(", ", lines[h])})");
        var steps = new List<PowderStep>();
        for (int r = h + 1; r < lines.Count; r++)
            if (lines[r].Any(f => f.Length > 0)) steps.Add(Row(path, r + 1, lines[r], columns));
        if (steps.Count == 0) throw new InputException(path, null, "no data rows under the header");
        return steps;
    }

    static Dictionary<string, (int Index, double Scale, bool Percent)> Header(string path, string[] header)
    {
        var map = new Dictionary<string, (int, double, bool)>();
        for (int k = 0; k < header.Length; k++)
        {
            var (name, unit) = SplitHeader(header[k]);
            if (name.Length == 0) continue;
            if (!Known.TryGetValue(name, out var dim))
                throw new InputException(path, "header", $"unknown column \"{header[k]}\"; expected {string.Join(", ", Known.Keys)} with units in brackets");
            if (map.ContainsKey(name)) throw new InputException(path, "header", $"column \"{name}\" appears twice");
            map[name] = (k, Scale(path, header[k], name, unit, dim), unit == "%");
        }
        return map;
    }

    static (string Name, string? Unit) SplitHeader(string h)
    {
        h = h.Trim();
        int b = h.IndexOfAny(new[] { '[', '(' });
        if (b < 0) return (h.ToLowerInvariant().Replace(' ', '_'), null);
        char close = h[b] == '[' ? ']' : ')';
        int e = h.IndexOf(close, b);
        string unit = (e > b ? h[(b + 1)..e] : h[(b + 1)..]).Trim();
        return (h[..b].Trim().ToLowerInvariant().Replace(' ', '_'), unit.Length == 0 ? null : unit);
    }

    static double Scale(string path, string header, string name, string? unit, Dimension? dim)
    {
        if (dim is null) return 1;
        if (dim == Dimension.None)
        {
            if (unit is null || (unit == "%" && name == "fraction")) return unit == "%" ? 0.01 : 1;
            throw new InputException(path, "header", $"column \"{header}\" takes no unit{(name == "fraction" ? " (or %)" : "")}");
        }
        if (unit is null) throw new InputException(path, "header", $"column \"{header}\" has no unit; write it in brackets, e.g. \"{name} [{Example(name)}]\"");
        string u = name == "sheet_resistance" && unit.EndsWith("/sq") ? unit[..^3] : unit;
        if (!Quantity.TryParse("1 " + u, dim.Value, out double factor, out string? error))
            throw new InputException(path, "header", $"column \"{header}\": {error}");
        return factor;
    }

    static string Example(string name) => name switch
    {
        "pressure" => "MPa", "load" => "kN", "thickness" => "mm", "mass" => "mg", "density" or "true_density" => "g/cm3", _ => "ohm",
    };

    static PowderStep Row(string path, int line, string[] f, Dictionary<string, (int Index, double Scale, bool Percent)> c)
    {
        string where = $"line {line}";
        double? Get(string name)
        {
            if (!c.TryGetValue(name, out var col)) return null;
            if (col.Index >= f.Length || f[col.Index].Trim().Length == 0)
                throw new InputException(path, where, $"no value in column \"{name}\" (truncated row?)");
            if (!double.TryParse(f[col.Index].Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                throw new InputException(path, where, $"expected a number in column \"{name}\", got \"{f[col.Index]}\"");
            return v * col.Scale;
        }
        string powder = c.TryGetValue("powder", out var pc) ? (pc.Index < f.Length ? f[pc.Index].Trim() : "") : "sample";
        if (powder.Length == 0) throw new InputException(path, where, "no powder name (truncated row?)");
        var step = new PowderStep(line, powder, Get("pressure"), Get("load"), Get("thickness"), Get("density"), Get("mass"),
            Get("resistance"), Get("sheet_resistance"), Get("rcf"), Get("true_density"), Get("fraction"));
        Check(path, where, step);
        return step;
    }

    static void Check(string path, string where, PowderStep s)
    {
        void Positive(double? v, string name) { if (v is double x && !(x > 0)) throw new InputException(path, where, $"{name} must be positive, got {x:G6} (in SI)"); }
        Positive(s.Resistance, "resistance");
        Positive(s.SheetResistance, "sheet resistance");
        Positive(s.Pressure, "pressure");
        Positive(s.Load, "load");
        Positive(s.Thickness, "thickness");
        Positive(s.CompactDensity, "density");
        Positive(s.Mass, "mass");
        Positive(s.Rcf, "rcf");
        Positive(s.TrueDensity, "true density");
        if (s.Fraction is double f && f is < 0 or > 1) throw new InputException(path, where, $"fraction must lie in 0-1 (or 0-100 %), got {f:G6}");
    }
}
