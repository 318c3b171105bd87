namespace CreepCell.Analysis.Voltammetry;

/// <summary>
/// Gamry Framework .DTA text: "EXPLAIN" on the first line, tab-separated TAG lines (SCANRATE QUANT value
/// "Scan Rate (mV/s)", the unit taken from that label), then one or more "CURVEn TABLE" blocks, each a
/// header row (Pt, T, Vf, Im, ...), a unit row (#, s, V vs. Ref., A, ...) and tab-indented data rows.
/// </summary>
static class GamryDtaReader
{
    public static bool Matches(IReadOnlyList<string> lines) => lines.Count > 0 && lines[0].Trim() == "EXPLAIN";

    public static Voltammogram Read(string path, IReadOnlyList<string> lines)
    {
        double? rate = null;
        var points = new List<CvPoint>();
        bool anyCurve = false;
        for (int i = 0; i < lines.Count; i++)
        {
            var f = lines[i].Split('\t');
            if (f[0] == "SCANRATE" && f.Length >= 4)
                rate = CvText.ScanRate(f[2], CvText.UnitOfLabel(f[3].Replace("&", "")), path, $"line {i + 1}");
            else if (f[0].StartsWith("CURVE") && f.Length > 1 && f[1].Trim() == "TABLE")
            {
                anyCurve = true;
                i = ReadCurve(path, lines, i, points);
            }
        }
        if (!anyCurve) throw new InputException(path, "header", "no CURVE TABLE block with the data (truncated export?)");
        return new Voltammogram(path, "Gamry DTA", rate, rate is null ? "" : "export header", points);
    }

    /// <summary>Reads one table starting at its CURVE line; returns the index of its last line.</summary>
    static int ReadCurve(string path, IReadOnlyList<string> lines, int start, List<CvPoint> points)
    {
        if (start + 2 >= lines.Count) throw new InputException(path, $"line {start + 1}", "the curve table has no header and unit rows (truncated export?)");
        var names = lines[start + 1].Split('\t').Select(s => s.Trim()).ToArray();
        var units = lines[start + 2].Split('\t').Select(s => s.Trim()).ToArray();
        int ie = Column(path, start + 2, names, "Vf"), ii = Column(path, start + 2, names, "Im"), it = Array.IndexOf(names, "T");
        if (ii >= units.Length || units[ii] != "A") throw new InputException(path, $"line {start + 3}", $"expected the current Im in A, got \"{(ii < units.Length ? units[ii] : "")}\"");
        if (ie >= units.Length || !units[ie].StartsWith('V')) throw new InputException(path, $"line {start + 3}", $"expected the potential Vf in V, got \"{(ie < units.Length ? units[ie] : "")}\"");
        int i = start + 3;
        for (; i < lines.Count && lines[i].StartsWith('\t'); i++)
        {
            var f = lines[i].Split('\t');
            if (f.Length < names.Length)
                throw new InputException(path, $"line {i + 1}", $"has {f.Length} fields, expected {names.Length} (truncated line?)");
            double? t = it >= 0 ? CvText.Number(f[it], path, i + 1, "the time T") : null;
            points.Add(new CvPoint(i + 1, t, CvText.Number(f[ie], path, i + 1, "the potential Vf"), CvText.Number(f[ii], path, i + 1, "the current Im")));
        }
        return i - 1;
    }

    static int Column(string path, int line, string[] names, string name)
    {
        int k = Array.IndexOf(names, name);
        return k >= 0 ? k : throw new InputException(path, $"line {line}", $"no {name} column among: {string.Join(", ", names.Where(n => n.Length > 0))}");
    }
}
