using System.Globalization;

namespace CreepCell.Analysis.Cycling;

/// <summary>
/// Turns a record table (one row per sampled point: time, current, voltage, optionally cycle, step and
/// step type) into <see cref="CyclerRecord"/>s. Currents are made positive for charge: when a step
/// type says discharge, the current is taken as negative whatever sign the export wrote.
/// </summary>
internal static class RecordTableParser
{
    /// <summary>True when the headers carry time, current and voltage columns.</summary>
    public static bool LooksLikeRecords(string[] headers)
    {
        try
        {
            var b = ColumnRoles.Bind(headers, null, "");
            return b.ContainsKey(ColumnRole.Time) && b.ContainsKey(ColumnRole.Current) && b.ContainsKey(ColumnRole.Voltage);
        }
        catch (InputException)
        {
            return false;
        }
    }

    public static List<CyclerRecord> Parse(RawTable table, ColumnMapping? mapping)
    {
        var bind = ColumnRoles.Bind(table.Headers, mapping, table.Source);
        foreach (var need in new[] { ColumnRole.Time, ColumnRole.Current, ColumnRole.Voltage })
            if (!bind.ContainsKey(need))
                throw new InputException(table.Source, "header", $"no {need.ToString().ToLowerInvariant()} column found among: {string.Join(", ", table.Headers)} (give one with --column {need.ToString().ToLowerInvariant()}=HEADER)");
        int width = bind.Values.Max(b => b.Index) + 1;
        var records = new List<CyclerRecord>(table.Rows.Count);
        double lastTime = double.NegativeInfinity;
        foreach (var row in table.Rows)
        {
            if (row.Cells.Length < width)
                throw new InputException(table.Source, $"row {row.Row}", $"has {row.Cells.Length} fields, expected at least {width} (up to column \"{table.Headers[width - 1]}\"; truncated row?)");
            foreach (var need in new[] { ColumnRole.Time, ColumnRole.Current, ColumnRole.Voltage })
                if (Empty(row.Cells[bind[need].Index]))
                    throw new InputException(table.Source, $"row {row.Row}", $"no value in column \"{bind[need].Header}\" (truncated row?)");
            var rec = ParseRow(table, row, bind);
            if (rec.Time < lastTime - 1e-9)
                throw new InputException(table.Source, $"row {row.Row}", $"time goes backwards ({lastTime.ToString("G6", CultureInfo.InvariantCulture)} s to {rec.Time.ToString("G6", CultureInfo.InvariantCulture)} s)");
            lastTime = rec.Time;
            records.Add(rec);
        }
        if (records.Count < 2) throw new InputException(table.Source, null, "fewer than two data rows under the header");
        return bind.ContainsKey(ColumnRole.StepType) ? records : ClassifyBySign(records);
    }

    static bool Empty(object? c) => c is null || (c is string s && s.Trim().Length == 0);

    static CyclerRecord ParseRow(RawTable table, RawRow row, Dictionary<ColumnRole, ColumnBinding> bind)
    {
        var tb = bind[ColumnRole.Time];
        if (!ColumnRoles.TryTime(row.Cells[tb.Index], tb.Scale, out double t))
            throw Bad(table, row, tb, "a time (seconds or hh:mm:ss)");
        double current = Number(table, row, bind[ColumnRole.Current]);
        double voltage = Number(table, row, bind[ColumnRole.Voltage]);
        int cycle = bind.TryGetValue(ColumnRole.Cycle, out var cb) ? (int)Math.Round(Number(table, row, cb)) : 1;
        int step = bind.TryGetValue(ColumnRole.Step, out var sb) ? (int)Math.Round(Number(table, row, sb)) : 0;
        StepKind? kind = null;
        if (bind.TryGetValue(ColumnRole.StepType, out var kb))
            kind = ColumnRoles.KindOf(Convert.ToString(row.Cells[kb.Index], CultureInfo.InvariantCulture) ?? "");
        if (kind == StepKind.Discharge) current = -Math.Abs(current);
        else if (kind == StepKind.Charge) current = Math.Abs(current);
        return new CyclerRecord(row.Row, t, current, voltage, cycle, step, kind ?? KindFromCurrent(current));
    }

    static double Number(RawTable table, RawRow row, ColumnBinding b)
    {
        if (!ColumnRoles.TryNumber(row.Cells[b.Index], out double v)) throw Bad(table, row, b, "a number");
        return v * b.Scale;
    }

    static InputException Bad(RawTable table, RawRow row, ColumnBinding b, string what) =>
        new(table.Source, $"row {row.Row}", $"expected {what} in column \"{b.Header}\", got \"{Convert.ToString(row.Cells[b.Index], CultureInfo.InvariantCulture)}\"");

    /// <summary>
    /// Without a step type, half cycles come from the sign of the current; currents below 0.1 % of the
    /// largest one in the file count as rest, so that instrument offset during open circuit is not charge.
    /// </summary>
    public static List<CyclerRecord> ClassifyBySign(List<CyclerRecord> records)
    {
        double max = records.Max(r => Math.Abs(r.Current));
        double threshold = 1e-3 * max;
        return records.Select(r => r with { Kind = KindFromCurrent(r.Current, threshold) }).ToList();
    }

    static StepKind KindFromCurrent(double current, double threshold = 0) =>
        current > threshold ? StepKind.Charge : current < -threshold ? StepKind.Discharge : StepKind.Rest;
}
