using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace CreepCell.Io;

/// <summary>
/// The CSV tables of a run (history, cycles) as Apache Parquet files for pandas, polars, DuckDB or Arrow:
/// one row group, a column per CSV column with the same name, counts as INT64, everything else as DOUBLE
/// (optional where a row has no value, as an unfinished cycle's charged columns). The unit of every column
/// is in the file's key-value metadata under "units" (a JSON object), read from the column name's suffix.
/// </summary>
internal static class ParquetTables
{
    /// <summary>Columns that hold counts and are written as integers.</summary>
    static readonly HashSet<string> Counts = new() { "step", "cycle", "half_cycle", "newton_iterations", "remeshed_bodies" };

    public static void Write(string path, IReadOnlyList<string> columns, IReadOnlyList<double?[]> rows)
    {
        var fields = columns.Select((c, j) => Field(c, rows.Any(r => r[j] is null))).ToArray();
        using var ms = new MemoryStream();
        Task.Run(async () =>
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), ms, new ParquetOptions(), false, default);
            writer.CustomMetadata = new Dictionary<string, string>
            {
                ["units"] = JsonSerializer.Serialize(columns.Where(c => !Counts.Contains(c)).ToDictionary(c => c, Unit)),
                ["written_by"] = "CreepCell",
            };
            using var group = writer.CreateRowGroup();
            for (int j = 0; j < fields.Length; j++)
            {
                var column = rows.Select(r => r[j]).ToArray();
                if (Counts.Contains(columns[j])) await group.WriteAsync<long>(fields[j], column.Select(v => (long)v!.Value).ToArray());
                else if (fields[j].IsNullable) await group.WriteAsync<double>(fields[j], column);
                else await group.WriteAsync<double>(fields[j], column.Select(v => v!.Value).ToArray());
            }
        }).GetAwaiter().GetResult();
        AtomicFile.WriteAllBytes(path, ms.ToArray());
    }

    static DataField Field(string name, bool nullable) =>
        Counts.Contains(name) ? new DataField<long>(name, false) : new DataField<double>(name, nullable);

    /// <summary>The unit a column name ends in (SI; "1" for fractions, ratios and strains).</summary>
    public static string Unit(string column)
    {
        foreach (var (suffix, unit) in new[] { ("_Pa", "Pa"), ("_J_per_m2", "J/m2"), ("_m2", "m2"), ("_m", "m"), ("_s", "s"), ("_deg", "deg"), ("_mAh_g", "mAh/g") })
            if (column.EndsWith(suffix, StringComparison.Ordinal)) return unit;
        return "1";
    }
}
