using System.Globalization;
using System.Text.Json;
using CreepCell.Analysis;
using CreepCell.Analysis.Cycling;
using CreepCell.Tests.Analysis.Cycling;
using ParquetSharp;

namespace CreepCell.Tests.Analysis;

/// <summary>The analysis tables written as Parquet, read back with Apache Arrow's C++ reader (ParquetSharp) against the CSV beside them.</summary>
public class CsvParquetTests
{
    /// <summary>Every column as text the way the CSV writes it: numbers in invariant "R" form, empty for a missing value.</summary>
    static (string[] Names, List<object?[]> Rows, IReadOnlyDictionary<string, string> Meta) Read(string path)
    {
        using var reader = new ParquetFileReader(path);
        var meta = reader.FileMetaData;
        var names = Enumerable.Range(0, meta.NumColumns).Select(i => meta.Schema.Column(i).Name).ToArray();
        using var group = reader.RowGroup(0);
        int n = checked((int)group.MetaData.NumRows);
        var columns = new object?[names.Length][];
        for (int j = 0; j < names.Length; j++)
        {
            using var column = group.Column(j);
            bool optional = column.ColumnDescriptor.MaxDefinitionLevel > 0;
            columns[j] = column.ColumnDescriptor.PhysicalType switch
            {
                PhysicalType.Double when optional => column.LogicalReader<double?>().ReadAll(n).Cast<object?>().ToArray(),
                PhysicalType.Double => column.LogicalReader<double>().ReadAll(n).Cast<object?>().ToArray(),
                PhysicalType.ByteArray => column.LogicalReader<string>().ReadAll(n).Cast<object?>().ToArray(),
                var t => throw new Xunit.Sdk.XunitException($"unexpected physical type {t} of {names[j]}"),
            };
        }
        return (names, Enumerable.Range(0, n).Select(r => columns.Select(c => c[r]).ToArray()).ToList(), meta.KeyValueMetadata);
    }

    internal static void AssertSameAsCsv(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath).Where(l => l.Length > 0).ToList();
        var header = RawTableReader.SplitCsv(lines[0], ',');
        var (names, rows, _) = Read(Path.ChangeExtension(csvPath, ".parquet"));
        Assert.Equal(header, names);
        Assert.Equal(lines.Count - 1, rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            var cells = RawTableReader.SplitCsv(lines[r + 1], ',');
            for (int j = 0; j < header.Length; j++)
            {
                string cell = j < cells.Length ? cells[j] : "";
                switch (rows[r][j])
                {
                    case null: Assert.Equal("", cell); break;
                    case double d: Assert.Equal(double.Parse(cell, CultureInfo.InvariantCulture), d); break;
                    case string s: Assert.Equal(cell, s); break;
                }
            }
        }
    }

    [Fact]
    public void MixedTableKeepsTextNumbersEmptiesAndUnits()
    {
        string dir = CyclingFixtures.TempDir();
        string csv = Path.Combine(dir, "t.csv");
        File.WriteAllText(csv, "indent,Pmax_mN,S_N_per_m,strain_rate_per_s,note\n\"Test, 1\",1.5,2e5,,a\nTest 2,2.25,3.5e5,0.05,\n");
        CsvParquet.Beside(csv);
        AssertSameAsCsv(csv);
        var (_, rows, meta) = Read(Path.ChangeExtension(csv, ".parquet"));
        Assert.Equal("Test, 1", rows[0][0]);
        Assert.Null(rows[0][3]);
        var units = JsonSerializer.Deserialize<Dictionary<string, string>>(meta["units"])!;
        Assert.Equal("mN", units["Pmax_mN"]);
        Assert.Equal("N/m", units["S_N_per_m"]);
        Assert.Equal("1/s", units["strain_rate_per_s"]);
        Assert.False(units.ContainsKey("indent"));
    }

    [Fact]
    public void CyclingAndIndentWriteParquetEqualToTheirCsv()
    {
        string dir = CyclingFixtures.TempDir();
        var (code, _, err) = CliRunner.Run("cycling", Path.Combine(AppContext.BaseDirectory, "Fixtures", "maccor", "maccor_001_cut.txt"), "--out", Path.Combine(dir, "cyc"));
        Assert.True(code == 0, err);
        AssertSameAsCsv(Path.Combine(dir, "cyc", "cycles.csv"));
        var (code2, _, err2) = CliRunner.Run("indent", Indentation.IndentFixtures.Example, "--out", Path.Combine(dir, "ind"), "--no-plots");
        Assert.True(code2 == 0, err2);
        AssertSameAsCsv(Path.Combine(dir, "ind", "indents.csv"));
        AssertSameAsCsv(Path.Combine(dir, "ind", "csm.csv"));
    }
}
