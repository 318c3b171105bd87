using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CreepCell.Tests.Analysis;
using ParquetSharp;

namespace CreepCell.Tests.Io;

/// <summary>The output tests share one run (a collection fixture runs it once).</summary>
[CollectionDefinition(Name)]
public sealed class SmallRunCollection : ICollectionFixture<SmallRun>
{
    public const string Name = "small run";
}

/// <summary>One small creeping two-cycle run through the command line, shared by the output tests.</summary>
public sealed class SmallRun
{
    public static readonly string Case = CreepCell.Tests.Simulation.InclusionCase.Text();

    public string Dir { get; }
    public string CaseFile { get; }
    public (int Code, string Out, string Err) Result { get; }

    public SmallRun()
    {
        string root = Directory.CreateTempSubdirectory("creepcell-outputs-").FullName;
        CaseFile = Path.Combine(root, "case.toml");
        File.WriteAllText(CaseFile, Case);
        Dir = Path.Combine(root, "out");
        Result = CliRunner.Run("run", CaseFile, "--out", Dir, "--quiet", "--json");
    }

    /// <summary>A CSV file as its header and rows of nullable numbers (an empty cell is null).</summary>
    public static (string[] Header, double?[][] Rows) Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        return (lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',').Select(c => c.Length == 0 ? (double?)null : double.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToArray());
    }
}

/// <summary>
/// history and cycles as Parquet read by Apache Arrow's C++ reader (ParquetSharp) equal the CSV files
/// value for value, with the units in the metadata; summary.json carries the provenance with the case's
/// SHA-256 and only snake_case keys.
/// </summary>
[Collection(SmallRunCollection.Name)]
public class RunOutputsTests(SmallRun run)
{
    static (string[] Names, double?[][] Rows, IReadOnlyDictionary<string, string> Meta) ReadParquet(string path)
    {
        using var reader = new ParquetFileReader(path);
        var meta = reader.FileMetaData;
        var names = Enumerable.Range(0, meta.NumColumns).Select(i => meta.Schema.Column(i).Name).ToArray();
        using var group = reader.RowGroup(0);
        int rows = checked((int)group.MetaData.NumRows);
        var columns = new double?[names.Length][];
        for (int j = 0; j < names.Length; j++)
        {
            using var column = group.Column(j);
            bool optional = column.ColumnDescriptor.MaxDefinitionLevel > 0;
            columns[j] = column.ColumnDescriptor.PhysicalType switch
            {
                PhysicalType.Int64 => column.LogicalReader<long>().ReadAll(rows).Select(v => (double?)v).ToArray(),
                PhysicalType.Double when optional => column.LogicalReader<double?>().ReadAll(rows),
                PhysicalType.Double => column.LogicalReader<double>().ReadAll(rows).Select(v => (double?)v).ToArray(),
                var t => throw new Xunit.Sdk.XunitException($"unexpected physical type {t} of {names[j]}"),
            };
        }
        var table = Enumerable.Range(0, rows).Select(r => columns.Select(c => c[r]).ToArray()).ToArray();
        return (names, table, meta.KeyValueMetadata);
    }

    [Theory]
    [InlineData("history")]
    [InlineData("cycles")]
    public void ParquetEqualsCsvValueForValue(string table)
    {
        Assert.True(run.Result.Code == 0, run.Result.Err);
        var (header, csv) = SmallRun.Csv(Path.Combine(run.Dir, table + ".csv"));
        var (names, rows, meta) = ReadParquet(Path.Combine(run.Dir, table + ".parquet"));
        Assert.Equal(header, names);
        Assert.Equal(csv.Length, rows.Length);
        Assert.True(rows.Length >= 2, "two cycles give at least two rows");
        for (int r = 0; r < rows.Length; r++) Assert.Equal(csv[r], rows[r]);
        var units = JsonSerializer.Deserialize<Dictionary<string, string>>(meta["units"])!;
        string vm = header.First(h => h.Contains("vm_mean_Se_Pa"));
        Assert.Equal("Pa", units[vm]);
        Assert.Equal("s", units[header.First(h => h.EndsWith("time_s"))]);
    }

    [Fact]
    public void SummaryHoldsProvenanceAndOnlySnakeCaseKeys()
    {
        Assert.True(run.Result.Code == 0, run.Result.Err);
        // run --json prints summary.json and nothing else on stdout
        Assert.Equal(File.ReadAllText(Path.Combine(run.Dir, "summary.json")).Trim(), run.Result.Out.Trim());
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Dir, "summary.json")));
        var root = doc.RootElement;
        var keys = new List<string>();
        void Collect(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object) foreach (var p in e.EnumerateObject()) { keys.Add(p.Name); Collect(p.Value); }
            else if (e.ValueKind == JsonValueKind.Array) foreach (var x in e.EnumerateArray()) Collect(x);
        }
        Collect(root);
        Assert.Empty(keys.Where(k => Regex.IsMatch(k, "[a-z][A-Z]|^[A-Z][a-z]+$")));
        Assert.Contains("max_iterations", keys);

        var c = root.GetProperty("case");
        Assert.Equal(SmallRun.Case, c.GetProperty("text").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(SmallRun.Case))), c.GetProperty("sha256").GetString());
        var p = root.GetProperty("provenance");
        Assert.Contains("run " + run.CaseFile, p.GetProperty("command_line").GetString());
        var started = DateTimeOffset.Parse(p.GetProperty("started").GetString()!, CultureInfo.InvariantCulture);
        var finished = DateTimeOffset.Parse(p.GetProperty("finished").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange((finished - started).TotalSeconds, 0, 600);
        Assert.Equal(root.GetProperty("wall_time_s").GetDouble(), (finished - started).TotalSeconds, 1.0);
        Assert.Equal(Environment.MachineName, p.GetProperty("machine").GetString());
        Assert.Equal(Environment.ProcessorCount, p.GetProperty("threads").GetInt32());
        if (p.GetProperty("commit").GetString() is { } commit) Assert.Matches("^[0-9a-f]{40}$", commit);
    }
}
