using System.Globalization;
using System.Text;
using CreepCell.Io;
using ExcelDataReader;

namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Reads Keysight/Agilent G200 exports (.xls and .xlsx): one sheet per indent whose first row names the
/// columns (in any order) and whose second row gives their units; settings sheets give the tip area
/// coefficients, the sample Poisson ratio, the frame stiffness and the drift-correction flag.
/// </summary>
internal static class G200Reader
{
    static G200Reader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    enum Col { Depth, Load, Time, Stiffness, Hardness, Modulus, Marker }

    static readonly (Col Col, string[] Names, string DefaultUnit)[] Columns =
    {
        (Col.Depth, new[] { "displacement into surface", "depth" }, "nm"),
        (Col.Load, new[] { "load on sample", "load" }, "mN"),
        (Col.Time, new[] { "time on sample", "time" }, "s"),
        (Col.Stiffness, new[] { "harmonic contact stiffness" }, "N/m"),
        (Col.Hardness, new[] { "hardness" }, "GPa"),
        (Col.Modulus, new[] { "modulus" }, "GPa"),
        (Col.Marker, new[] { "segment", "markers" }, ""),
    };

    public static IndentFile Read(string path)
    {
        var sheets = ReadSheets(path);
        var tests = new List<IndentTest>();
        var skipped = new List<(string, string)>();
        foreach (var (name, rows) in sheets)
        {
            if (rows.Count == 0) continue;
            var map = MapColumns(rows[0]);
            var missing = new[] { Col.Depth, Col.Load, Col.Time }.Where(c => !map.ContainsKey(c)).ToList();
            // Two of the three columns make it a test sheet that lost one: list it as skipped, never drop it silently.
            if (missing.Count == 1) { skipped.Add((name, $"test sheet without a {ColumnName(missing[0])} column")); continue; }
            if (missing.Count > 0) continue;
            if (rows.Count < 3) { skipped.Add((name, "sheet has column headers but no data rows")); continue; }
            var test = ReadTest(path, name, rows, map);
            if (test.Count < 10) skipped.Add((name, $"only {test.Count} data rows"));
            else tests.Add(test);
        }
        if (tests.Count == 0 && skipped.Count == 0)
            throw new InputException(path, null, "no sheet with load, depth and time columns (expected G200 test sheets with headers such as \"Load On Sample\", \"Displacement Into Surface\", \"Time On Sample\")");
        return new IndentFile(path, tests, ReadSettings(sheets), skipped);
    }

    static string ColumnName(Col c) => $"\"{Columns.First(x => x.Col == c).Names[0]}\"";

    static List<(string Name, List<object?[]> Rows)> ReadSheets(string path)
    {
        var sheets = new List<(string, List<object?[]>)>();
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                var rows = new List<object?[]>();
                while (reader.Read())
                {
                    var cells = new object?[reader.FieldCount];
                    for (int c = 0; c < cells.Length; c++) cells[c] = reader.GetValue(c);
                    rows.Add(cells);
                }
                sheets.Add((reader.Name, rows));
            } while (reader.NextResult());
        }
        catch (Exception e) when (e is not InputException and not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InputException(path, null, $"cannot read the workbook ({e.GetType().Name}: {e.Message}); expected a complete .xls or .xlsx G200 export");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(path, null, "file not found");
        }
        return sheets;
    }

    static string Norm(object? cell) =>
        string.Join(' ', (cell?.ToString() ?? "").Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    static Dictionary<Col, int> MapColumns(object?[] header)
    {
        var map = new Dictionary<Col, int>();
        foreach (var (col, names, _) in Columns)
            foreach (var n in names)
            {
                int idx = Array.FindIndex(header, h => Norm(h) == n);
                if (idx >= 0) { map[col] = idx; break; }
            }
        return map;
    }

    static IndentTest ReadTest(string path, string sheet, List<object?[]> rows, Dictionary<Col, int> map)
    {
        var factors = new Dictionary<Col, double>();
        foreach (var (col, _, unit) in Columns)
        {
            if (col == Col.Marker || !map.TryGetValue(col, out int c)) continue;
            string u = c < rows[1].Length ? (rows[1][c]?.ToString() ?? "").Trim() : "";
            if (u.Length == 0) u = unit;
            if (!Units.TryParseUnit(u, out double f, out _))
                throw new InputException(path, $"sheet \"{sheet}\", row 2, column {c + 1}", $"unknown unit \"{u}\"");
            factors[col] = f;
        }
        var data = new Dictionary<Col, List<double>>();
        foreach (var col in factors.Keys) data[col] = new List<double>();
        var markers = new List<SegmentMarker>();
        for (int r = 2; r < rows.Count; r++)
        {
            var row = rows[r];
            if (IsBlank(row, map)) break;
            foreach (var (col, f) in factors)
            {
                double v = Number(row, map[col]);
                bool required = col is Col.Depth or Col.Load or Col.Time;
                if (required && !double.IsFinite(v))
                    throw new InputException(path, $"sheet \"{sheet}\", row {r + 1}", $"expected a number in column \"{rows[0][map[col]]}\"");
                data[col].Add(double.IsFinite(v) ? v * f : double.NaN);
            }
            if (map.TryGetValue(Col.Marker, out int mc) && mc < row.Length && row[mc] is string s && s.Trim().Length > 0)
                markers.Add(new SegmentMarker(data[Col.Depth].Count - 1, s.Trim()));
        }
        double[]? Opt(Col c) => data.TryGetValue(c, out var l) ? l.ToArray() : null;
        return new IndentTest(sheet, data[Col.Time].ToArray(), data[Col.Load].ToArray(), data[Col.Depth].ToArray(),
            Opt(Col.Stiffness), Opt(Col.Hardness), Opt(Col.Modulus), markers);
    }

    static bool IsBlank(object?[] row, Dictionary<Col, int> map) =>
        new[] { Col.Depth, Col.Load, Col.Time }.All(c => map[c] >= row.Length || row[map[c]] is null || row[map[c]] is string { Length: 0 });

    /// <summary>A finite number, or NaN for empty cells, text and the G200's 1.8e308 "no value".</summary>
    static double Number(object?[] row, int c)
    {
        if (c >= row.Length) return double.NaN;
        double v = row[c] switch
        {
            double d => d,
            float f => f,
            int i => i,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double p) => p,
            _ => double.NaN,
        };
        return Math.Abs(v) > 1e300 ? double.NaN : v;
    }

    static InstrumentSettings ReadSettings(List<(string Name, List<object?[]> Rows)> sheets)
    {
        double? poisson = null, frame = null;
        bool? drift = null;
        string? tip = null;
        var area = new SortedDictionary<int, double>();
        // Values edited after the test ("Post-Test Inputs", "Inputs Editable Post Test") win over the pre-test ones.
        foreach (var (_, rows) in sheets.OrderBy(sh => sh.Name.Contains("post", StringComparison.OrdinalIgnoreCase) ? 0 : 1))
        {
            if (rows.Count < 3) continue;
            var header = rows[0];
            for (int c = 0; c < header.Length; c++)
            {
                string h = Norm(header[c]);
                double v = FirstValue(rows, c);
                if (h.Contains("poisson") && poisson is null && double.IsFinite(v)) poisson = v;
                else if (h == "frame stiffness correction" && frame is null && double.IsFinite(v)) frame = v;
                else if ((h.StartsWith("drift correction?") || h == "perform drift correction") && drift is null && double.IsFinite(v)) drift = v != 0;
                else if (h == "tip name" && tip is null) tip = rows[2][c]?.ToString();
                else if (h.StartsWith("area coefficient ") && int.TryParse(h["area coefficient ".Length..], out int k) && double.IsFinite(v)) area.TryAdd(k, v);
            }
        }
        double[]? coeffs = area.Count > 0 && area.Keys.First() == 1 ? area.Values.ToArray() : null;
        return new InstrumentSettings(poisson, coeffs, frame, drift, tip);
    }

    static double FirstValue(List<object?[]> rows, int c)
    {
        for (int r = 1; r < rows.Count; r++)
        {
            double v = Number(rows[r], c);
            if (double.IsFinite(v)) return v;
        }
        return double.NaN;
    }
}
