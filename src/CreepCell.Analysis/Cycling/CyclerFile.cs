namespace CreepCell.Analysis.Cycling;

/// <summary>
/// Opens a cycler export and recognises its format: BioLogic .mpr and .mpt, Maccor text, Neware layered CSV, or any record table (Neware
/// record export, Arbin xlsx, LAND CT2001A/LANHE xlsx or CSV with English or Chinese headers, plain CSV
/// with a <see cref="ColumnMapping"/>). Bad input raises <see cref="InputException"/> naming the row.
/// </summary>
internal static class CyclerFile
{
    public static CyclerData Read(string path, ColumnMapping? mapping = null)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        if (mapping is null && BioLogicMprReader.Matches(path)) return BioLogicMprReader.Read(path);
        return RawTableReader.IsSpreadsheet(path) ? ReadSpreadsheet(path, mapping) : ReadText(path, mapping);
    }

    static CyclerData ReadText(string path, ColumnMapping? mapping)
    {
        var text = RawTableReader.ReadTextLines(path);
        if (text.Length == 0) throw new InputException(path, null, "the file is empty");
        if (mapping is null && BioLogicCyclingReader.Matches(text)) return BioLogicCyclingReader.Read(path, BioLogicCyclingReader.ReadLines(path));
        var lines = RawTableReader.ReadCsvLines(path);
        if (mapping is null && NewareLayeredReader.Matches(lines)) return NewareLayeredReader.Read(path, lines);
        if (mapping is null && MaccorTextReader.Matches(lines)) return MaccorTextReader.Read(path, lines);
        var rows = lines.Select(l => l.Cast<object?>().ToArray()).ToList();
        var table = RawTableReader.FindTable(path, rows, h => mapping is not null ? HasMapped(h, mapping) : RecordTableParser.LooksLikeRecords(h))
            ?? throw NoHeader(path, mapping);
        var records = RecordTableParser.Parse(table, mapping);
        return new CyclerData(path, FormatName(table.Headers, "CSV"), records, Array.Empty<TesterCycleSummary>());
    }

    /// <summary>
    /// The record table of a workbook. Sheets named like record sheets (record, detail, channel, 记录,
    /// 数据) are tried first; further sheets with the same header continue the records, as Arbin and
    /// Neware split long tests over several sheets.
    /// </summary>
    static CyclerData ReadSpreadsheet(string path, ColumnMapping? mapping)
    {
        var sheets = RawTableReader.ReadSheets(path).OrderBy(s => IsRecordSheetName(s.Sheet) ? 0 : 1).ToList();
        var records = new List<CyclerRecord>();
        IReadOnlyList<string>? headers = null;
        foreach (var (sheet, rows) in sheets)
        {
            var table = RawTableReader.FindTable($"{path} [{sheet}]", rows, h => mapping is not null ? HasMapped(h, mapping) : RecordTableParser.LooksLikeRecords(h));
            if (table is null || (headers is not null && !headers.SequenceEqual(table.Headers))) continue;
            var part = RecordTableParser.Parse(table, mapping);
            if (records.Count > 0 && part[0].Time < records[^1].Time)
                throw new InputException(table.Source, $"row {part[0].Row}", "this sheet starts before the previous sheet ends; sheets must continue one another in time");
            headers ??= table.Headers;
            records.AddRange(part);
        }
        if (headers is null) throw NoHeader(path, mapping);
        return new CyclerData(path, FormatName(headers, "spreadsheet"), records, Array.Empty<TesterCycleSummary>());
    }

    static bool IsRecordSheetName(string name)
    {
        string n = name.ToLowerInvariant();
        return n.Contains("record") || n.Contains("detail") || n.Contains("channel") || n.Contains("记录") || n.Contains("数据");
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
