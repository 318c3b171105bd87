using System.Globalization;

namespace CreepCell.Analysis.Cycling;

/// <summary>
/// Maccor text exports (tab separated): the classic layout ("Rec#, Cyc#, Step, TestTime, StepTime,
/// Amp-hr, Watt-hr, Amps, Volts, State, ES, DPt Time", times as "0d 00:00:05" or in a "Test (Sec)"
/// column) and the layout with a settings block ("Rec, Cycle P, Cycle C, Step, TestTime, ..., Current [A],
/// Voltage [V], Md, ES, DPT Time"), whose numbers may carry a decimal comma. Maccor writes the current
/// as a magnitude or with either sign depending on the export settings, so the state column (C, D, R)
/// sets the sign. A bare TestTime number has no unit in the header; the unit (s, min or h) is the one
/// that makes the test time run with the DPt Time clock, and without that clock the file is refused.
/// </summary>
internal static class MaccorTextReader
{
    static readonly string[] RecordHeaders = { "Rec#", "Rec" };
    static readonly string[] StateHeaders = { "State", "Md" };
    static readonly (string Header, double Scale)[] CurrentHeaders = { ("Amps", 1), ("Current [A]", 1), ("mAmps", 1e-3), ("Current [mA]", 1e-3) };
    static readonly string[] VoltageHeaders = { "Volts", "Voltage [V]" };

    /// <summary>True when one of the first 30 lines is a Maccor column header.</summary>
    public static bool Matches(IReadOnlyList<string[]> lines) => HeaderIndex(lines) >= 0;

    static int HeaderIndex(IReadOnlyList<string[]> lines)
    {
        for (int i = 0; i < Math.Min(lines.Count, 30); i++)
        {
            var f = lines[i];
            if (f.Length > 8 && RecordHeaders.Contains(f[0]) && f.Contains("Step") && f.Any(h => StateHeaders.Contains(h))
                && f.Any(h => CurrentHeaders.Any(c => c.Header == h)) && f.Any(h => VoltageHeaders.Contains(h))) return i;
        }
        return -1;
    }

    public static CyclerData Read(string path, IReadOnlyList<string[]> lines)
    {
        int h = HeaderIndex(lines);
        var head = lines[h];
        int Col(params string[] names) => Array.FindIndex(head, x => names.Contains(x));
        int iTime = Col("Test (Sec)", "TestTime"), iState = Col(StateHeaders), iVolt = Col(VoltageHeaders), iStep = Col("Step");
        int iCycle = Col("Cyc#", "Cycle C"), iClock = Col("DPt Time", "DPT Time");
        int iCur = Col(CurrentHeaders.Select(c => c.Header).ToArray());
        double curScale = CurrentHeaders.First(c => c.Header == head[iCur]).Scale;
        if (iTime < 0) throw new InputException(path, $"line {h + 1}", "no TestTime or \"Test (Sec)\" column in the Maccor header");
        int width = new[] { iTime, iState, iVolt, iStep, iCycle, iCur }.Max() + 1;
        bool comma = UsesDecimalComma(lines, h, iVolt);
        var raw = new List<(int Line, string Time, double I, double V, int Cycle, int Step, char State, string? Clock)>();
        for (int i = h + 1; i < lines.Count; i++)
        {
            var f = lines[i];
            if (f.All(x => x.Length == 0)) continue;
            if (f.Length < width) throw new InputException(path, $"line {i + 1}", $"has {f.Length} fields, expected at least {width} (truncated line?)");
            string state = f[iState].Trim();
            raw.Add((i + 1, f[iTime], Number(f[iCur], comma, path, i + 1, head[iCur]) * curScale, Number(f[iVolt], comma, path, i + 1, head[iVolt]),
                iCycle >= 0 ? (int)Number(f[iCycle], comma, path, i + 1, head[iCycle]) : 1, (int)Number(f[iStep], comma, path, i + 1, "Step"),
                state.Length > 0 ? char.ToUpperInvariant(state[0]) : 'R', iClock >= 0 && iClock < f.Length ? f[iClock] : null));
        }
        if (raw.Count < 2) throw new InputException(path, null, "fewer than two data rows under the Maccor header");
        var times = Times(path, head[iTime], raw.Select(r => (r.Line, r.Time, r.Clock)).ToList(), comma);
        var records = new List<CyclerRecord>(raw.Count);
        for (int k = 0; k < raw.Count; k++)
        {
            var r = raw[k];
            if (k > 0 && times[k] < times[k - 1] - 1e-9) throw new InputException(path, $"line {r.Line}", "test time goes backwards");
            var (kind, current) = r.State switch
            {
                'C' => (StepKind.Charge, Math.Abs(r.I)),
                'D' => (StepKind.Discharge, -Math.Abs(r.I)),
                _ => (StepKind.Rest, 0.0),
            };
            records.Add(new CyclerRecord(r.Line, times[k], current, r.V, r.Cycle, r.Step, kind));
        }
        return new CyclerData(path, "Maccor text", records, Array.Empty<TesterCycleSummary>());
    }

    static bool UsesDecimalComma(IReadOnlyList<string[]> lines, int header, int iVolt)
    {
        for (int i = header + 1; i < Math.Min(lines.Count, header + 20); i++)
            if (iVolt < lines[i].Length && lines[i][iVolt].Length > 0) return lines[i][iVolt].Contains(',');
        return false;
    }

    static double Number(string text, bool comma, string path, int line, string column)
    {
        string t = comma ? text.Trim().Replace(',', '.') : text.Trim();
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new InputException(path, $"line {line}", $"expected a number in column \"{column}\", got \"{text.Trim()}\"");
        return v;
    }

    /// <summary>Test times in s: "Nd hh:mm:ss(.f)" text, seconds for "Test (Sec)", else a bare number whose unit the DPt Time clock decides.</summary>
    static double[] Times(string path, string header, List<(int Line, string Text, string? Clock)> rows, bool comma)
    {
        if (rows[0].Text.Contains(':'))
            return rows.Select(r => ColumnRoles.TryTime(r.Text.Trim().Replace("d ", "-"), 1, out double s) ? s
                : throw new InputException(path, $"line {r.Line}", $"expected a test time such as \"0d 01:02:03.5\" in column \"{header}\", got \"{r.Text.Trim()}\"")).ToArray();
        var values = rows.Select(r => Number(r.Text, comma, path, r.Line, header)).ToArray();
        if (header == "Test (Sec)") return values;
        double scale = UnitFromClock(path, rows, values);
        return values.Select(v => v * scale).ToArray();
    }

    static double UnitFromClock(string path, List<(int Line, string Text, string? Clock)> rows, double[] values)
    {
        string[] formats = { "M/d/yyyy h:mm:ss tt", "MM/dd/yyyy HH:mm:ss", "M/d/yyyy H:mm:ss", "dd/MM/yyyy HH:mm:ss" };
        DateTime? Parse(string? s) => s is not null && DateTime.TryParseExact(s.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var first = Parse(rows[0].Clock);
        var last = Parse(rows[^1].Clock);
        double span = values[^1] - values[0];
        if (first is not null && last is not null && span > 0)
        {
            double clock = (last.Value - first.Value).TotalSeconds;
            foreach (double unit in new[] { 1.0, 60.0, 3600.0 })
                if (Math.Abs(span * unit - clock) <= 0.02 * clock + 2) return unit;
        }
        throw new InputException(path, "TestTime", "the TestTime column has no unit and its span does not match the DPt Time clock in seconds, minutes or hours; export the test time as d hh:mm:ss or give the file as CSV with --column time=TestTime [unit]");
    }
}
