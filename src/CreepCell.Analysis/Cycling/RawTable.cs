using System.Data;
using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace CreepCell.Analysis.Cycling;

/// <summary>A header row and the data rows under it, each row keeping the line or sheet row it came from.</summary>
internal sealed record RawTable(string Source, IReadOnlyList<string> Headers, IReadOnlyList<RawRow> Rows);

/// <summary>One data row; a cell is a string (CSV) or a double, DateTime, TimeSpan, bool or string (spreadsheet).</summary>
internal sealed record RawRow(int Row, object?[] Cells);

/// <summary>Reads CSV text and .xls/.xlsx sheets into <see cref="RawTable"/>s.</summary>
internal static class RawTableReader
{
    static bool encodingsRegistered;

    /// <summary>True when the file name ends in .xls or .xlsx.</summary>
    public static bool IsSpreadsheet(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".xls" or ".xlsx" or ".xlsm";

    /// <summary>Every sheet of a workbook as a list of rows (no header detection yet).</summary>
    public static List<(string Sheet, List<object?[]> Rows)> ReadSheets(string path)
    {
        RegisterEncodings();
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var sheets = new List<(string, List<object?[]>)>();
            do
            {
                var rows = new List<object?[]>();
                while (reader.Read())
                {
                    var cells = new object?[reader.FieldCount];
                    for (int i = 0; i < cells.Length; i++) cells[i] = reader.GetValue(i);
                    rows.Add(cells);
                }
                sheets.Add((reader.Name, rows));
            } while (reader.NextResult());
            return sheets;
        }
        catch (Exception e) when (e is not InputException && e is not FileNotFoundException)
        {
            throw new InputException(path, null, $"cannot read it as a spreadsheet ({e.Message})");
        }
    }

    /// <summary>
    /// All lines of a text file split into fields; the delimiter is guessed from the first lines. Text
    /// that is not valid UTF-8 is read as GB18030, the code page Chinese Windows (and so LAND and Neware
    /// software there) writes CSV in.
    /// </summary>
    public static List<string[]> ReadCsvLines(string path)
    {
        var lines = ReadTextLines(path);
        char delimiter = GuessDelimiter(lines);
        return lines.Select(l => SplitCsv(l, delimiter)).ToList();
    }

    /// <summary>The lines of a text file, decoded as in <see cref="ReadCsvLines"/>, without splitting them.</summary>
    public static string[] ReadTextLines(string path)
    {
        var lines = Decode(File.ReadAllBytes(path)).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        return lines.Length > 0 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            RegisterEncodings();
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    static void RegisterEncodings()
    {
        if (encodingsRegistered) return;
        // Old .xls files and Chinese CSV exports use Windows code pages that .NET does not load by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        encodingsRegistered = true;
    }

    static char GuessDelimiter(string[] lines)
    {
        var head = lines.Take(20).ToArray();
        char[] candidates = { ',', '\t', ';' };
        return candidates.OrderByDescending(c => head.Sum(l => l.Count(ch => ch == c))).First();
    }

    /// <summary>Splits one CSV line, honouring double quotes.</summary>
    public static string[] SplitCsv(string line, char delimiter)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == delimiter) { fields.Add(sb.ToString().Trim()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString().Trim());
        return fields.ToArray();
    }

    /// <summary>
    /// Finds the header row (the first row for which <paramref name="isHeader"/> holds) in a list of rows,
    /// and returns the table under it. Row numbers are 1-based as a spreadsheet or text editor shows them.
    /// </summary>
    public static RawTable? FindTable(string source, IReadOnlyList<object?[]> rows, Func<string[], bool> isHeader)
    {
        for (int h = 0; h < Math.Min(rows.Count, 60); h++)
        {
            var headers = rows[h].Select(c => Convert.ToString(c, CultureInfo.InvariantCulture)?.Trim() ?? "").ToArray();
            if (!isHeader(headers)) continue;
            var data = new List<RawRow>();
            for (int r = h + 1; r < rows.Count; r++)
            {
                if (rows[r].All(c => c is null || (c is string s && s.Length == 0))) continue;
                data.Add(new RawRow(r + 1, rows[r]));
            }
            return new RawTable(source, headers, data);
        }
        return null;
    }
}
