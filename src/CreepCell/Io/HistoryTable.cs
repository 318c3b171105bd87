using System.Globalization;
using System.Text;

namespace CreepCell.Io;

/// <summary>Rows of history.csv: fixed columns then named values; written atomically as a whole.</summary>
internal sealed class HistoryTable
{
    readonly List<string> columns;
    readonly List<double[]> rows = new();

    public HistoryTable(IEnumerable<string> columns) => this.columns = columns.ToList();

    public IReadOnlyList<string> Columns => columns;
    public IReadOnlyList<double[]> Rows => rows;

    public void Add(double[] row)
    {
        if (row.Length != columns.Count) throw new ArgumentException("row length differs from the header");
        foreach (double v in row)
            if (!double.IsFinite(v)) throw new InvalidOperationException("non-finite value in history: " + string.Join(",", row));
        rows.Add(row);
    }

    public void Write(string path)
    {
        var sb = new StringBuilder(string.Join(',', columns)).Append('\n');
        foreach (var r in rows) sb.Append(string.Join(',', r.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        AtomicFile.WriteAllText(path, sb.ToString());
    }
}
