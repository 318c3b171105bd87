using System.Globalization;

namespace CreepCell.Io.Plots;

/// <summary>One run's history (history.csv): column names and rows of finite numbers (or, when
/// allowed, NaN for a missing value), and the name the run carries in plot legends.</summary>
internal sealed class HistoryRun
{
    /// <param name="allowMissing">accept NaN as a missing value (plots leave such points out); infinities never.</param>
    public HistoryRun(string name, IReadOnlyList<string> columns, IReadOnlyList<double[]> rows, string source = "history", bool allowMissing = false)
    {
        Name = name;
        Columns = columns;
        Rows = rows;
        Source = source;
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != columns.Count)
                throw new ArgumentException($"{source}: row {r + 1} has {rows[r].Length} values, the header has {columns.Count}");
            for (int c = 0; c < columns.Count; c++)
                if (!double.IsFinite(rows[r][c]) && !(allowMissing && double.IsNaN(rows[r][c])))
                    throw new ArgumentException($"{source}: row {r + 1}, column {columns[c]} is {rows[r][c]}; plots need finite values");
        }
    }

    public string Name { get; }
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<double[]> Rows { get; }
    /// <summary>Where the rows came from (a file name), for error messages.</summary>
    public string Source { get; }

    public static HistoryRun FromTable(string name, HistoryTable table) => new(name, table.Columns, table.Rows);

    /// <summary>The values of one column; <see cref="InputException"/> names the run's source when it is missing.</summary>
    public double[] Column(string column)
    {
        int c = Columns.ToList().IndexOf(column);
        if (c < 0)
            throw new InputException(Source, column, $"no such column; the history has: {string.Join(", ", Columns)}");
        return Rows.Select(r => r[c]).ToArray();
    }

    /// <summary>Reads a comma-separated history with one header line (as written by <see cref="HistoryTable"/>).
    /// Without a name the run is named after the folder that holds the file (its output folder).</summary>
    /// <param name="allowEmpty">read empty cells as missing (NaN), as in the end-of-charge columns of
    /// cycles.csv for a cycle that a stopped run did not finish.</param>
    public static HistoryRun ReadCsv(string path, string? name = null, bool allowEmpty = false)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "history file not found");
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        if (lines.Length == 0) throw new InputException(path, "line 1", "expected a header line of column names");
        var columns = lines[0].Split(',').Select(s => s.Trim()).ToArray();
        var rows = new List<double[]>();
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != columns.Length)
                throw new InputException(path, $"line {i + 1}", $"expected {columns.Length} values as in the header, found {cells.Length}");
            var row = new double[cells.Length];
            for (int c = 0; c < cells.Length; c++)
                if (allowEmpty && cells[c].Trim().Length == 0) row[c] = double.NaN;
                else if (!double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out row[c]) || !double.IsFinite(row[c]))
                    throw new InputException(path, $"line {i + 1}, column {columns[c]}", $"expected a finite number, found '{cells[c].Trim()}'");
            rows.Add(row);
        }
        return new HistoryRun(name ?? Path.GetFileNameWithoutExtension(Path.GetDirectoryName(Path.GetFullPath(path)) ?? path),
            columns, rows, path, allowEmpty);
    }
}
