using System.Globalization;

namespace CreepCell.Analysis.Cycling;

/// <summary>The quantities a record table must or may provide.</summary>
internal enum ColumnRole { Time, Current, Voltage, Cycle, Step, StepType }

/// <summary>Where one role sits in a table and the factor that brings its numbers to SI.</summary>
internal readonly record struct ColumnBinding(int Index, string Header, double Scale);

/// <summary>
/// Recognises cycler column headers in English and Chinese (LAND, Neware, Arbin, generic) and the unit
/// written in them ("Current(mA)", "电流/mA", "TestTime/Sec").
/// </summary>
internal static class ColumnRoles
{
    // Ordered by preference: the first keyword that matches any header wins, so "Total Time" beats a bare "Time".
    static readonly Dictionary<ColumnRole, string[]> Keywords = new()
    {
        [ColumnRole.Time] = new[] { "testtime", "totaltime", "cumulativetime", "测试时间", "总时间", "累计时间", "time" },
        [ColumnRole.Current] = new[] { "current", "电流", "i" },
        [ColumnRole.Voltage] = new[] { "voltage", "电压", "ewe", "u", "potential" },
        [ColumnRole.Cycle] = new[] { "cycleindex", "cycle", "循环序号", "循环号", "循环" },
        [ColumnRole.Step] = new[] { "stepindex", "工步序号", "工步号" },
        [ColumnRole.StepType] = new[] { "steptype", "state", "状态", "工步类型", "工作状态", "mode" },
    };

    /// <summary>Header text reduced to lower case without spaces, underscores, hyphens or dots.</summary>
    public static string Normalize(string header) =>
        new string(header.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '.')).ToArray()).ToLowerInvariant();

    /// <summary>Splits "current(ma)" or "电流/ma" into its name and unit parts (already normalised).</summary>
    public static (string Name, string Unit) SplitUnit(string normalized)
    {
        int p = normalized.IndexOf('(');
        if (p > 0 && normalized.EndsWith(')')) return (normalized[..p], normalized[(p + 1)..^1]);
        int s = normalized.IndexOf('/');
        if (s > 0) return (normalized[..s], normalized[(s + 1)..]);
        return (normalized, "");
    }

    /// <summary>Binds every role it can find; the mapping, when given, takes precedence.</summary>
    public static Dictionary<ColumnRole, ColumnBinding> Bind(IReadOnlyList<string> headers, ColumnMapping? mapping, string source)
    {
        var found = new Dictionary<ColumnRole, ColumnBinding>();
        var names = headers.Select(h => SplitUnit(Normalize(h))).ToArray();
        foreach (var (role, keywords) in Keywords)
        {
            if (mapping is not null && mapping.Entries.TryGetValue(role, out var m))
            {
                int idx = Array.FindIndex(headers.ToArray(), h => string.Equals(h.Trim(), m.Header, StringComparison.OrdinalIgnoreCase));
                if (idx < 0) throw new InputException(source, "header", $"no column named \"{m.Header}\" for {role.ToString().ToLowerInvariant()}; columns are: {string.Join(", ", headers)}");
                string unit = m.Unit ?? names[idx].Unit;
                found[role] = new ColumnBinding(idx, headers[idx], ScaleOf(role, Normalize(unit), source, headers[idx]));
                continue;
            }
            foreach (var k in keywords)
            {
                int idx = Array.FindIndex(names, n => n.Name == k);
                if (idx < 0) continue;
                found[role] = new ColumnBinding(idx, headers[idx], ScaleOf(role, names[idx].Unit, source, headers[idx]));
                break;
            }
        }
        return found;
    }

    static double ScaleOf(ColumnRole role, string unit, string source, string header)
    {
        double? s = role switch
        {
            // A clock-style unit such as "h:min:s.ms" means the cells are hh:mm:ss text, read as such.
            ColumnRole.Time => unit switch { "" or "s" or "sec" or "秒" => 1, "min" => 60, "h" or "hr" or "hour" => 3600, "ms" => 1e-3, _ when unit.Contains(':') => 1, _ => null },
            ColumnRole.Current => unit switch { "a" => 1, "" => 1, "ma" => 1e-3, "ua" or "μa" or "µa" => 1e-6, "na" => 1e-9, _ => null },
            ColumnRole.Voltage => unit switch { "v" or "" => 1, "mv" => 1e-3, _ => null },
            _ => 1,
        };
        return s ?? throw new InputException(source, "header", $"unknown unit \"{unit}\" in column \"{header}\" for {role.ToString().ToLowerInvariant()}");
    }

    /// <summary>Reads a step type text (English or Chinese, Neware/LAND/Arbin words) as a kind, or null.</summary>
    public static StepKind? KindOf(string text)
    {
        string t = text.Trim().ToLowerInvariant().Replace(" ", "").Replace("_", "");
        if (t.Length == 0) return null;
        if (t.Contains("dchg") || t.Contains("discharge") || t.Contains("放电") || t.StartsWith("dcc") || t.StartsWith("dcv") || t == "d") return StepKind.Discharge;
        if (t.Contains("chg") || t.Contains("charge") || t.Contains("充电") || t.StartsWith("ccc") || t.StartsWith("ccv") || t == "c") return StepKind.Charge;
        if (t.Contains("rest") || t.Contains("搁置") || t.Contains("静置") || t.Contains("ocv") || t.Contains("pause") || t == "r") return StepKind.Rest;
        return null;
    }

    /// <summary>Reads a time cell: seconds as a number (times the column scale), or "hh:mm:ss(.fff)" with hours past 24, or "d-hh:mm:ss".</summary>
    public static bool TryTime(object? cell, double scale, out double seconds)
    {
        seconds = 0;
        switch (cell)
        {
            case double d: seconds = d * scale; return double.IsFinite(seconds);
            case TimeSpan ts: seconds = ts.TotalSeconds; return true;
            case DateTime dt: seconds = dt.TimeOfDay.TotalSeconds + (dt.Date - new DateTime(1899, 12, 30)).TotalDays * 86400; return true;
        }
        string s = Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim() ?? "";
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) { seconds = v * scale; return double.IsFinite(seconds); }
        double days = 0;
        int dash = s.IndexOf('-');
        if (dash > 0 && int.TryParse(s[..dash], out int dd)) { days = dd; s = s[(dash + 1)..]; }
        var parts = s.Split(':');
        if (parts.Length is < 2 or > 3) return false;
        double total = 0;
        foreach (var p in parts)
        {
            if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || x < 0) return false;
            total = total * 60 + x;
        }
        if (parts.Length == 2) total *= 60;
        seconds = total + days * 86400;
        return true;
    }

    /// <summary>Reads a numeric cell (number or invariant-culture text).</summary>
    public static bool TryNumber(object? cell, out double value)
    {
        value = 0;
        if (cell is double d) { value = d; return double.IsFinite(d); }
        if (cell is int i) { value = i; return true; }
        string s = Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim() ?? "";
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
