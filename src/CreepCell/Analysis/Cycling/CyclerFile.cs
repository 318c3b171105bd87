namespace CreepCell.Analysis.Cycling;

/// <summary>
/// Opens a cycler export and recognises its format: Neware layered CSV, or any record table (Neware
/// record export, Arbin xlsx, LAND CT2001A/LANHE xlsx or CSV with English or Chinese headers, plain CSV
/// with a <see cref="ColumnMapping"/>). Bad input raises <see cref="InputException"/> naming the row.
/// </summary>
public static class CyclerFile
{
    public static CyclerData Read(string path, ColumnMapping? mapping = null)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        return RawTableReader.IsSpreadsheet(path) ? ReadSpreadsheet(path, mapping) : ReadText(path, mapping);
    }

    static CyclerData ReadText(string path, ColumnMapping? mapping)
    {
        var lines = RawTableReader.ReadCsvLines(path);
        if (lines.Count == 0) throw new InputException(path, null, "the file is empty");
        if (mapping is null && NewareLayeredReader.Matches(lines)) return NewareLayeredReader.Read(path, lines);
        var rows = lines.Select(l => l.Cast<object?>().ToArray()).ToList();
        var table = RawTableReader.FindTable(path, rows, h => mapping is not null ? HasMapped(h, mapping) : RecordTableParser.LooksLikeRecords(h))
            ?? throw NoHeader(path, mapping);
        var records = RecordTableParser.Parse(table, mapping);
        return new CyclerData(path, FormatName(table.Headers, "CSV"), records, Array.Empty<TesterCycleSummary>());
    }

    static CyclerData ReadSpreadsheet(string path, ColumnMapping? mapping)
    {
        foreach (var (sheet, rows) in RawTableReader.ReadSheets(path))
        {
            var table = RawTableReader.FindTable($"{path} [{sheet}]", rows, h => mapping is not null ? HasMapped(h, mapping) : RecordTableParser.LooksLikeRecords(h));
            if (table is null) continue;
            var records = RecordTableParser.Parse(table, mapping);
            return new CyclerData(path, FormatName(table.Headers, "spreadsheet"), records, Array.Empty<TesterCycleSummary>());
        }
        throw NoHeader(path, mapping);
    }

    static bool HasMapped(string[] headers, ColumnMapping mapping) =>
        mapping.Entries.Values.All(m => headers.Any(h => string.Equals(h.Trim(), m.Header, StringComparison.OrdinalIgnoreCase)));

    static InputException NoHeader(string path, ColumnMapping? mapping) => new(path, "header",
        mapping is null
            ? "no header row with time, current and voltage columns was found in the first 60 rows (give the columns with --column ROLE=HEADER)"
            : $"no header row holds all mapped columns ({string.Join(", ", mapping.Entries.Values.Select(v => v.Header))})");

    static string FormatName(IReadOnlyList<string> headers, string container)
    {
        var n = headers.Select(ColumnRoles.Normalize).ToHashSet();
        if (n.Contains("testtime(s)") && n.Contains("cycleindex")) return $"Arbin {container}";
        if (n.Contains("testtime/sec") || n.Contains("测试时间/sec") || headers.Any(h => h.Contains("电流"))) return $"LAND {container}";
        if (n.Contains("cumulativetime") || n.Contains("totaltime")) return $"Neware record {container}";
        return $"generic {container}";
    }
}
