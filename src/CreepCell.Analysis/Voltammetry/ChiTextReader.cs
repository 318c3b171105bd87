namespace CreepCell.Analysis.Voltammetry;

/// <summary>
/// CH Instruments text export (CHI 600/700 series "Save As Text"): a date line, the technique, "File:",
/// "Instrument Model:", then "Key (unit) = value" parameters (Init E, High E, Low E, Init P/N, Scan
/// Rate (V/s), Segment, Sample Interval, Quiet Time, Sensitivity), an optional "Results:" block with the
/// instrument's own peaks, and the data under "Potential/V, Current/A[, Charge/C][, Time/s]"; some
/// versions separate segments with "Segment N:" lines, which are skipped.
/// </summary>
static class ChiTextReader
{
    public static bool Matches(IReadOnlyList<string> lines) =>
        lines.Take(40).Any(l => l.StartsWith("Instrument Model:", StringComparison.OrdinalIgnoreCase) && l.Contains("CHI", StringComparison.OrdinalIgnoreCase));

    public static Voltammogram Read(string path, IReadOnlyList<string> lines)
    {
        string technique = lines.Take(5).FirstOrDefault(l => l.Contains("Voltammetry", StringComparison.OrdinalIgnoreCase) || l.Contains("Sweep", StringComparison.OrdinalIgnoreCase)) ?? "";
        if (technique.Length == 0)
        {
            string named = lines.Count > 1 ? lines[1].Trim() : "";
            throw new InputException(path, "line 2", $"this CHI export is \"{named}\", not a cyclic or linear-sweep voltammogram");
        }
        double? rate = null;
        int header = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            string l = lines[i].Trim();
            if (l.StartsWith("Potential/V", StringComparison.OrdinalIgnoreCase)) { header = i; break; }
            int eq = l.IndexOf('=');
            if (eq > 0 && l[..eq].Trim().StartsWith("Scan Rate", StringComparison.OrdinalIgnoreCase))
                rate = CvText.ScanRate(l[(eq + 1)..], CvText.UnitOfLabel(l[..eq]), path, $"line {i + 1}");
        }
        if (header < 0) throw new InputException(path, "header", "no \"Potential/V, Current/A\" line above the data (truncated export?)");
        var columns = lines[header].Split(',').Select(c => c.Trim()).ToArray();
        int ie = 0;
        int ii = Array.FindIndex(columns, c => c.StartsWith("Current/", StringComparison.OrdinalIgnoreCase));
        if (ii < 0) throw new InputException(path, $"line {header + 1}", $"no Current/A column among: {string.Join(", ", columns)}");
        if (!columns[ii].Equals("Current/A", StringComparison.OrdinalIgnoreCase))
            throw new InputException(path, $"line {header + 1}", $"expected the current in A (\"Current/A\"), got \"{columns[ii]}\"");
        int it = Array.FindIndex(columns, c => c.Equals("Time/s", StringComparison.OrdinalIgnoreCase));
        var points = new List<CvPoint>();
        for (int i = header + 1; i < lines.Count; i++)
        {
            string l = lines[i].Trim();
            if (l.Length == 0 || l.StartsWith("Segment", StringComparison.OrdinalIgnoreCase)) continue;
            var f = l.Split(',');
            if (f.Length != columns.Length)
                throw new InputException(path, $"line {i + 1}", $"has {f.Length} fields, expected {columns.Length} ({string.Join(", ", columns)}; truncated line?)");
            double e = CvText.Number(f[ie], path, i + 1, "the potential");
            double c = CvText.Number(f[ii], path, i + 1, "the current");
            double? t = it >= 0 ? CvText.Number(f[it], path, i + 1, "the time") : null;
            points.Add(new CvPoint(i + 1, t, e, c));
        }
        return new Voltammogram(path, "CH Instruments text", rate, rate is null ? "" : "export header", points);
    }
}
