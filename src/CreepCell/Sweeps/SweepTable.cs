using System.Globalization;
using System.Text;
using CreepCell.Io;
using Parquet;
using Parquet.Schema;

namespace CreepCell.Sweeps;

/// <summary>
/// A table written as CSV (empty cells where there is no value; numbers with round-trip precision) and as
/// Parquet (doubles and strings, nullable), for spreadsheets, pandas and polars alike.
/// </summary>
public sealed record SweepTable(IReadOnlyList<TableColumn> Columns)
{
    public int Rows => Columns.Count == 0 ? 0 : Columns[0].Length;

    public TableColumn this[string name] => Columns.First(c => c.Name == name);

    public void WriteCsv(string path)
    {
        var sb = new StringBuilder(string.Join(',', Columns.Select(c => Csv.Cell(c.Name)))).Append('\n');
        for (int r = 0; r < Rows; r++)
        {
            sb.Append(string.Join(',', Columns.Select(c => c.Numbers is { } n
                ? n[r]?.ToString("R", CultureInfo.InvariantCulture) ?? ""
                : Csv.Cell(c.Text![r] ?? ""))));
            sb.Append('\n');
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    public void WriteParquet(string path)
    {
        var fields = Columns.Select(c => c.Numbers is null ? (DataField)new DataField<string>(c.Name) : new DataField<double?>(c.Name)).ToList();
        var schema = new ParquetSchema(fields.Cast<Field>());
        AtomicFile.Write(path, stream => WriteParquet(stream, schema, fields).GetAwaiter().GetResult());
    }

    async Task WriteParquet(Stream stream, ParquetSchema schema, List<DataField> fields)
    {
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        for (int i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Numbers is { } n) await group.WriteAsync<double>(fields[i], new ReadOnlyMemory<double?>(n));
            else await group.WriteAsync(fields[i], Columns[i].Text!);
        }
    }
}
