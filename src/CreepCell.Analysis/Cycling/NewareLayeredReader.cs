namespace CreepCell.Analysis.Cycling;

/// <summary>
/// Reads the Neware "layered" CSV export: three header lines (cycle, step, record), then cycle rows
/// (first field = cycle index, with the tester's per-cycle capacities and energies), step rows (first
/// field empty; step index, number and type) and record rows (first two fields empty). The first step
/// of a cycle may share the cycle's line, appended after the cycle fields.
/// </summary>
internal static class NewareLayeredReader
{
    /// <summary>True for the first three lines of a layered export.</summary>
    public static bool Matches(IReadOnlyList<string[]> lines) =>
        lines.Count >= 3 && ColumnRoles.Normalize(lines[0][0]) == "cycleindex"
        && lines[1].Length > 1 && lines[1][0].Length == 0 && ColumnRoles.Normalize(lines[1][1]) == "stepindex"
        && lines[2].Length > 2 && lines[2][0].Length == 0 && lines[2][1].Length == 0;

    public static CyclerData Read(string source, IReadOnlyList<string[]> lines)
    {
        var cycleHead = lines[0];
        var stepHead = lines[1].Skip(1).ToArray();
        var recordHead = lines[2].Skip(2).ToArray();
        var recordTable = new List<RawRow>();
        var summary = new List<TesterCycleSummary>();
        var stepOfRow = new List<(int Cycle, int Step, StepKind? Kind)>();
        int cycle = 0, step = 0;
        StepKind? kind = null;
        int typeCol = Array.FindIndex(stepHead, h => ColumnRoles.Normalize(h) == "steptype");
        int stepCol = Array.FindIndex(stepHead, h => ColumnRoles.Normalize(h) == "stepnumber");
        if (typeCol < 0 || stepCol < 0) throw new InputException(source, "line 2", "expected \"Step Number\" and \"Step Type\" in the step header");
        for (int i = 3; i < lines.Count; i++)
        {
            var f = lines[i];
            int row = i + 1;
            if (f.All(x => x.Length == 0)) continue;
            if (f[0].Length > 0)
            {
                cycle = ParseInt(source, row, f[0], cycleHead[0]);
                summary.Add(ReadSummary(source, row, f, cycleHead, cycle));
                if (f.Length > cycleHead.Length) (step, kind) = ReadStep(source, row, f[cycleHead.Length..], stepCol - 1, typeCol - 1, stepHead);
            }
            else if (f.Length > 1 && f[1].Length > 0)
            {
                (step, kind) = ReadStep(source, row, f[1..], stepCol, typeCol, stepHead);
            }
            else
            {
                if (cycle == 0) throw new InputException(source, $"row {row}", "record row before any cycle row");
                recordTable.Add(new RawRow(row, f.Skip(2).Cast<object?>().ToArray()));
                stepOfRow.Add((cycle, step, kind));
            }
        }
        var table = new RawTable(source, recordHead, recordTable);
        var records = RecordTableParser.Parse(table, null);
        for (int k = 0; k < records.Count; k++)
        {
            var (c, s, kd) = stepOfRow[k];
            double i = kd == StepKind.Discharge ? -Math.Abs(records[k].Current) : kd == StepKind.Charge ? Math.Abs(records[k].Current) : records[k].Current;
            records[k] = records[k] with { Cycle = c, Step = s, Current = i, Kind = kd ?? records[k].Kind };
        }
        return new CyclerData(source, "Neware layered CSV", records, summary);
    }

    static (int Step, StepKind? Kind) ReadStep(string source, int row, string[] f, int stepCol, int typeCol, string[] head)
    {
        if (f.Length <= Math.Max(stepCol, typeCol))
            throw new InputException(source, $"row {row}", $"step row has {f.Length} fields, expected at least {Math.Max(stepCol, typeCol) + 1} (truncated?)");
        int step = ParseInt(source, row, f[stepCol], head[stepCol]);
        return (step, ColumnRoles.KindOf(f[typeCol]));
    }

    static TesterCycleSummary ReadSummary(string source, int row, string[] f, string[] head, int cycle)
    {
        double Get(string name, double scale)
        {
            int idx = Array.FindIndex(head, h => ColumnRoles.Normalize(h) == name);
            if (idx < 0) throw new InputException(source, "line 1", $"the cycle header has no \"{name}\" column");
            if (idx >= f.Length || !ColumnRoles.TryNumber(f[idx], out double v))
                throw new InputException(source, $"row {row}", $"expected a number in cycle column \"{head[idx]}\", got \"{(idx < f.Length ? f[idx] : "")}\"");
            return v * scale;
        }
        return new TesterCycleSummary(cycle, Get("chgcap(ah)", 3600), Get("dchgcap(ah)", 3600), Get("chgenergy(wh)", 3600), Get("dchgenergy(wh)", 3600));
    }

    static int ParseInt(string source, int row, string text, string column) =>
        int.TryParse(text, out int v) ? v : throw new InputException(source, $"row {row}", $"expected an integer in \"{column}\", got \"{text}\"");
}
