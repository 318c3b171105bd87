namespace CreepCell.Analysis.Voltammetry;

/// <summary>
/// BioLogic EC-Lab text export (.mpt): "EC-Lab ASCII FILE", "Nb header lines : N" (the column header is
/// line N), the settings with "dE/dt" and "dE/dt unit", then tab-separated columns such as time/s, Ewe/V,
/// &lt;I&gt;/mA or I/mA. EC-Lab writes the decimal separator of the Windows locale, so a decimal comma is read as a point.
/// </summary>
static class BioLogicTextReader
{
    public static bool Matches(IReadOnlyList<string> lines) => lines.Count > 0 && lines[0].StartsWith("EC-Lab ASCII FILE", StringComparison.OrdinalIgnoreCase);

    public static Voltammogram Read(string path, IReadOnlyList<string> lines)
    {
        int header = BioLogicHeader.LineOfColumnNames(path, lines);
        double? rate = ScanRate(path, lines, header);
        var names = lines[header].Split('\t').Select(s => s.Trim()).ToArray();
        var (ie, eScale) = Column(path, header, names, n => n.StartsWith("Ewe/"), "Ewe", new() { ["V"] = 1, ["mV"] = 1e-3 });
        var (ii, iScale) = Column(path, header, names, n => n.StartsWith("<I>/") || n.StartsWith("I/"), "<I> or I",
            new() { ["A"] = 1, ["mA"] = 1e-3, ["uA"] = 1e-6, ["µA"] = 1e-6 });
        int it = Array.FindIndex(names, n => n == "time/s");
        int width = Math.Max(ie, Math.Max(ii, it)) + 1;
        var points = new List<CvPoint>();
        for (int i = header + 1; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var f = lines[i].Replace(',', '.').Split('\t');
            if (f.Length < width) throw new InputException(path, $"line {i + 1}", $"has {f.Length} fields, expected at least {width} (truncated line?)");
            double? t = it >= 0 ? CvText.Number(f[it], path, i + 1, "time/s") : null;
            points.Add(new CvPoint(i + 1, t, CvText.Number(f[ie], path, i + 1, names[ie]) * eScale, CvText.Number(f[ii], path, i + 1, names[ii]) * iScale));
        }
        return new Voltammogram(path, "BioLogic EC-Lab text", rate, rate is null ? "" : "export header", points);
    }

    static double? ScanRate(string path, IReadOnlyList<string> lines, int header)
    {
        string? value = null, unit = null;
        int at = 0;
        for (int i = 0; i < header; i++)
        {
            string l = lines[i];
            if (l.StartsWith("dE/dt unit")) unit = l["dE/dt unit".Length..].Trim();
            else if (l.StartsWith("dE/dt ")) { value = l["dE/dt".Length..].Trim().Replace(',', '.'); at = i + 1; }
        }
        if (value is null) return null;
        // With linked techniques the line holds one value per technique; the first is the voltammetry's own.
        var first = value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return CvText.ScanRate(first, unit?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), path, $"line {at}");
    }

    static (int Index, double Scale) Column(string path, int header, string[] names, Func<string, bool> match, string what, Dictionary<string, double> units)
    {
        int k = Array.FindIndex(names, n => match(n));
        if (k < 0) throw new InputException(path, $"line {header + 1}", $"no {what} column among: {string.Join(", ", names.Where(n => n.Length > 0))}");
        string unit = names[k][(names[k].IndexOf('/') + 1)..];
        return units.TryGetValue(unit, out double s) ? (k, s) : throw new InputException(path, $"line {header + 1}", $"unknown unit \"{unit}\" in column \"{names[k]}\"");
    }
}
