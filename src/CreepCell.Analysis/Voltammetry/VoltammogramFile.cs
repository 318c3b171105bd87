using System.Globalization;
using System.Text;
using CreepCell.Analysis.Cycling;

namespace CreepCell.Analysis.Voltammetry;

/// <summary>
/// Opens a voltammogram export and recognises its format from the content: CH Instruments text, Gamry
/// DTA, BioLogic EC-Lab text, or a plain CSV whose potential and current columns are found by the cycling
/// reader's column roles (or given with a <see cref="ColumnMapping"/>).
/// </summary>
internal static class VoltammogramFile
{
    public static Voltammogram Read(string path, ColumnMapping? mapping = null)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        var lines = Decode(File.ReadAllBytes(path)).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        if (lines.Count == 0) throw new InputException(path, null, "the file is empty");
        Voltammogram v;
        if (mapping is null && ChiTextReader.Matches(lines)) v = ChiTextReader.Read(path, lines);
        else if (mapping is null && GamryDtaReader.Matches(lines)) v = GamryDtaReader.Read(path, lines);
        else if (mapping is null && BioLogicTextReader.Matches(lines)) v = BioLogicTextReader.Read(path, lines);
        else v = ReadCsv(path, mapping);
        if (v.Points.Count < 10) throw new InputException(path, null, $"only {v.Points.Count} data rows; a voltammogram needs at least 10 (truncated file?)");
        return v;
    }

    // EC-Lab writes Windows-1252 ("cm²"); strict UTF-8 first, then Latin-1, which reads any byte.
    static string Decode(byte[] bytes)
    {
        try { return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF'); }
        catch (DecoderFallbackException) { return Encoding.Latin1.GetString(bytes); }
    }

    static Voltammogram ReadCsv(string path, ColumnMapping? mapping)
    {
        var rows = RawTableReader.ReadCsvLines(path).Select(l => l.Cast<object?>().ToArray()).ToList();
        var table = RawTableReader.FindTable(path, rows, h => HasPotentialAndCurrent(h, mapping))
            ?? throw new InputException(path, "header", mapping is null
                ? "not a CHI, Gamry or BioLogic export, and no header row with potential and current columns was found in the first 60 rows (give them with --column voltage=HEADER [V] --column current=HEADER [A])"
                : $"no header row holds all mapped columns ({string.Join(", ", mapping.Entries.Values.Select(e => e.Header))})");
        var bind = ColumnRoles.Bind(table.Headers, mapping, path);
        var e = bind[ColumnRole.Voltage];
        var c = bind[ColumnRole.Current];
        ColumnBinding? t = bind.TryGetValue(ColumnRole.Time, out var tb) ? tb : null;
        int width = new[] { e.Index, c.Index, t?.Index ?? 0 }.Max() + 1;
        var points = new List<CvPoint>();
        foreach (var row in table.Rows)
        {
            if (row.Cells.Length < width)
                throw new InputException(path, $"row {row.Row}", $"has {row.Cells.Length} fields, expected at least {width} (truncated row?)");
            double? time = null;
            if (t is ColumnBinding tt)
                time = ColumnRoles.TryTime(row.Cells[tt.Index], tt.Scale, out double s) ? s : throw Bad(path, row, tt, "a time");
            points.Add(new CvPoint(row.Row, time, Cell(path, row, e), Cell(path, row, c)));
        }
        return new Voltammogram(path, "CSV", null, "", points);
    }

    static bool HasPotentialAndCurrent(string[] headers, ColumnMapping? mapping)
    {
        try
        {
            var b = ColumnRoles.Bind(headers, mapping, "");
            return b.ContainsKey(ColumnRole.Voltage) && b.ContainsKey(ColumnRole.Current);
        }
        catch (InputException) { return false; }
    }

    static double Cell(string path, RawRow row, ColumnBinding b) =>
        ColumnRoles.TryNumber(row.Cells[b.Index], out double v) ? v * b.Scale : throw Bad(path, row, b, "a number");

    static InputException Bad(string path, RawRow row, ColumnBinding b, string what) =>
        new(path, $"row {row.Row}", $"expected {what} in column \"{b.Header}\", got \"{Convert.ToString(row.Cells[b.Index], CultureInfo.InvariantCulture)}\" (truncated row?)");
}
