using System.Globalization;
using System.Text.Json;
using CreepCell.Analysis.Cycling;
using CreepCell.Io;
using Parquet;
using Parquet.Schema;

namespace CreepCell.Analysis;

/// <summary>
/// An analysis CSV table as Apache Parquet beside it, in the conventions of <see cref="ParquetTables"/> (one row
/// group, the CSV's column names, the units in the key-value metadata under "units"): a column whose cells are
/// all numbers (or empty) is DOUBLE, optional where a cell is empty; any other column is a UTF-8 STRING. The
/// unit of a numeric column is the suffix of its name after the last underscore when that reads as a unit
/// ("Pmax_mN" is mN, "hc_nm" nm), else "1".
/// </summary>
internal static class CsvParquet
{
    /// <summary>Writes <paramref name="csvText"/> (a header line, then rows) to <paramref name="path"/>.</summary>
    public static void Write(string path, string csvText)
    {
        var lines = csvText.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var header = RawTableReader.SplitCsv(lines[0], ',');
        var rows = lines.Skip(1).Select(l => RawTableReader.SplitCsv(l, ',')).ToList();
        string Cell(string[] r, int j) => j < r.Length ? r[j] : "";
        var numeric = header.Select((name, j) => rows.All(r => Cell(r, j).Length == 0 || TryNumber(Cell(r, j), out _))).ToArray();
        var fields = header.Select((h, j) => numeric[j]
            ? (DataField)new DataField<double>(h, rows.Any(r => Cell(r, j).Length == 0))
            : new DataField<string>(h, true)).ToArray();
        using var ms = new MemoryStream();
        Task.Run(async () =>
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), ms, new ParquetOptions(), false, default);
            writer.CustomMetadata = new Dictionary<string, string>
            {
                ["units"] = JsonSerializer.Serialize(header.Where((name, j) => numeric[j]).ToDictionary(h => h, Unit)),
                ["written_by"] = "CreepCell",
            };
            using var group = writer.CreateRowGroup();
            for (int j = 0; j < fields.Length; j++)
            {
                int col = j;
                if (!numeric[j]) await group.WriteAsync(fields[j], (IReadOnlyCollection<string>)rows.Select(r => Cell(r, col)).ToArray());
                else if (fields[j].IsNullable) await group.WriteAsync<double>(fields[j], rows.Select(r => TryNumber(Cell(r, col), out double v) ? v : (double?)null).ToArray());
                else await group.WriteAsync<double>(fields[j], rows.Select(r => { TryNumber(Cell(r, col), out double v); return v; }).ToArray());
            }
        }).GetAwaiter().GetResult();
        AtomicFile.WriteAllBytes(path, ms.ToArray());
    }

    /// <summary>The CSV file's text written as Parquet under the same name with the .parquet extension.</summary>
    public static string Beside(string csvPath)
    {
        string path = Path.ChangeExtension(csvPath, ".parquet");
        Write(path, File.ReadAllText(csvPath));
        return path;
    }

    static bool TryNumber(string s, out double v) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v);

    /// <summary>
    /// The unit a column name ends in: "S_N_per_m" is N/m, "strain_rate_per_s" 1/s, "Pmax_mN" mN, "area_px" px;
    /// "1" when the last part does not read as a unit.
    /// </summary>
    public static string Unit(string column)
    {
        var parts = column.Split('_');
        int per = Array.LastIndexOf(parts, "per");
        string candidate = per > 0 && per == parts.Length - 2
            ? (per >= 2 && IsUnit(parts[per - 1]) ? parts[per - 1] : "1") + "/" + parts[^1]
            : parts.Length > 1 ? parts[^1].Replace("um2", "um^2").Replace("nm2", "nm^2") : "";
        if (candidate is "px" or "px^2") return candidate;
        return IsUnit(candidate) ? candidate : "1";
    }

    static bool IsUnit(string text) => text.Length > 0 && Units.TryParseUnit(text, out _, out _);
}
