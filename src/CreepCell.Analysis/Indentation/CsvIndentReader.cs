using System.Globalization;
using CreepCell.Io;

namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Plain CSV indentation data: a header row, then time, load, depth and optionally harmonic contact
/// stiffness. Columns are found by name ("time", "load", "depth", "stiffness", with an optional unit in
/// brackets such as "load (mN)"), or by a mapping role=header given by the user. Without a unit in the
/// header: s, mN, nm and N/m. One indent per file, or several when an "indent" column labels the rows.
/// </summary>
internal static class CsvIndentReader
{
    public static readonly IReadOnlyDictionary<string, string> DefaultUnits = new Dictionary<string, string>
    {
        ["time"] = "s", ["load"] = "mN", ["depth"] = "nm", ["stiffness"] = "N/m",
    };

    public static IndentFile Read(string path, IReadOnlyDictionary<string, string>? mapping = null)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new InputException(path, null, $"cannot read the file: {e.Message}"); }
        int headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (headerLine < 0) throw new InputException(path, null, "empty file; expected a header row with time, load and depth columns");
        char sep = lines[headerLine].Contains(';') && !lines[headerLine].Contains(',') ? ';' : lines[headerLine].Contains('\t') && !lines[headerLine].Contains(',') ? '\t' : ',';
        string[] header = lines[headerLine].Split(sep).Select(h => h.Trim().Trim('"')).ToArray();
        var cols = new Dictionary<string, (int Index, double Factor)>();
        foreach (var role in DefaultUnits.Keys)
        {
            int idx = FindColumn(header, role, mapping);
            if (idx < 0)
            {
                if (role == "stiffness") continue;
                throw new InputException(path, "line " + (headerLine + 1), $"no \"{role}\" column among [{string.Join(", ", header)}]; name it or map it (e.g. --columns {role}=\"My {role} header\")");
            }
            cols[role] = (idx, UnitFactor(path, header[idx], role));
        }
        int labelCol = FindColumn(header, IndentRole, mapping);
        string name = Path.GetFileNameWithoutExtension(path);
        var groups = new List<(string Label, Dictionary<string, List<double>> Data)>();
        for (int i = headerLine + 1; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            string[] cells = line.Split(sep);
            string label = labelCol >= 0 && labelCol < cells.Length ? cells[labelCol].Trim().Trim('"') : name;
            if (groups.Count == 0 || groups[^1].Label != label) groups.Add((label, cols.Keys.ToDictionary(k => k, _ => new List<double>())));
            var data = groups[^1].Data;
            foreach (var (role, (idx, f)) in cols)
            {
                if (idx >= cells.Length || !double.TryParse(cells[idx].Trim().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                {
                    if (role == "stiffness") { data[role].Add(double.NaN); continue; }
                    throw new InputException(path, $"line {i + 1}", $"expected a number in column \"{header[idx]}\" ({role}), got \"{(idx < cells.Length ? cells[idx] : "")}\" (row has {cells.Length} of {header.Length} fields)");
                }
                data[role].Add(v * f);
            }
        }
        if (groups.Count == 0) groups.Add((name, cols.Keys.ToDictionary(k => k, _ => new List<double>())));
        if (groups.Select(g => g.Label).Distinct().Count() != groups.Count)
            throw new InputException(path, "column \"" + header[labelCol] + "\"", "the rows of each indent must be consecutive");
        var tests = new List<IndentTest>();
        var skipped = new List<(string, string)>();
        foreach (var (label, data) in groups)
        {
            if (data["time"].Count < 10) { skipped.Add((label, $"only {data["time"].Count} data rows")); continue; }
            tests.Add(new IndentTest(label, data["time"].ToArray(), data["load"].ToArray(), data["depth"].ToArray(),
                data.TryGetValue("stiffness", out var st) ? st.ToArray() : null, null, null, Array.Empty<SegmentMarker>()));
        }
        return new IndentFile(path, tests, new InstrumentSettings(null, null, null, null, null), skipped);
    }

    const string IndentRole = "indent";

    static int FindColumn(string[] header, string role, IReadOnlyDictionary<string, string>? mapping)
    {
        if (mapping != null && mapping.TryGetValue(role, out var wanted))
            return Array.FindIndex(header, h => string.Equals(h, wanted, StringComparison.OrdinalIgnoreCase));
        return Array.FindIndex(header, h => BaseName(h).Equals(role, StringComparison.OrdinalIgnoreCase)
            || BaseName(h).StartsWith(role + "_", StringComparison.OrdinalIgnoreCase));
    }

    static string BaseName(string h)
    {
        int b = h.IndexOfAny(new[] { '(', '[' });
        return (b >= 0 ? h[..b] : h).Trim();
    }

    /// <summary>Unit from "(mN)", "[mN]" or a "_mN" suffix in the header, else the role's default.</summary>
    static double UnitFactor(string path, string header, string role)
    {
        string unit = DefaultUnits[role];
        int b = header.IndexOfAny(new[] { '(', '[' });
        if (b >= 0) unit = header[(b + 1)..].TrimEnd(')', ']').Trim();
        else if (header.Contains('_')) unit = header[(header.LastIndexOf('_') + 1)..];
        if (!Units.TryParseUnit(unit, out double f, out _))
            throw new InputException(path, $"column \"{header}\"", $"unknown unit \"{unit}\" (expected e.g. {DefaultUnits[role]})");
        return f;
    }

    /// <summary>Parses "time=t,load=P (mN),depth=h" into a role-to-header map.</summary>
    public static Dictionary<string, string> ParseMapping(string text, string source)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=');
            string role = eq > 0 ? part[..eq].Trim().ToLowerInvariant() : "";
            if (eq <= 0 || !(DefaultUnits.ContainsKey(role) || role == IndentRole))
                throw new InputException(source, "--columns", $"expected role=header pairs with roles {string.Join(", ", DefaultUnits.Keys)}, {IndentRole}, got \"{part}\"");
            map[role] = part[(eq + 1)..].Trim();
        }
        return map;
    }
}
