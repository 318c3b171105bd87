using System.Globalization;

namespace CreepCell.Analysis.Cycling;

/// <summary>
/// BioLogic EC-Lab / BT-Lab text export (.mpt) of a cycling technique (GCPL, Modulo Bat, or any technique
/// with time, current and potential): "EC-Lab ASCII FILE" or "BT-Lab ASCII FILE", "Nb header lines : N"
/// (the column header is line N), then tab-separated columns. The current is &lt;I&gt;/mA or I/mA (A, mA,
/// uA), positive for oxidation of the working electrode, read as charge; the potential is Ewe/V or Ecell/V;
/// "cycle number" and "Ns" give the cycle and step when present. EC-Lab writes the decimal separator of the
/// Windows locale, so a decimal comma is read as a point.
/// </summary>
internal static class BioLogicCyclingReader
{
    public static bool Matches(IReadOnlyList<string> lines) => lines.Count > 0 &&
        (lines[0].StartsWith("EC-Lab ASCII FILE", StringComparison.OrdinalIgnoreCase) || lines[0].StartsWith("BT-Lab ASCII FILE", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The lines of an export: UTF-8 when valid, else Windows-1252, the code page EC-Lab writes "µA" and "°C" in
    /// (read as GB18030 like other CSV, a "µ" would swallow the letter after it).
    /// </summary>
    public static string[] ReadLines(string path)
    {
        var bytes = File.ReadAllBytes(path);
        string text;
        try { text = new System.Text.UTF8Encoding(false, true).GetString(bytes); }
        catch (System.Text.DecoderFallbackException) { text = System.Text.Encoding.Latin1.GetString(bytes); }
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        return lines.Length > 0 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    static readonly Dictionary<string, double> CurrentUnits = new() { ["A"] = 1, ["mA"] = 1e-3, ["uA"] = 1e-6, ["µA"] = 1e-6 };
    static readonly Dictionary<string, double> VoltageUnits = new() { ["V"] = 1, ["mV"] = 1e-3 };

    public static CyclerData Read(string path, IReadOnlyList<string> lines)
    {
        int h = BioLogicHeader.LineOfColumnNames(path, lines);
        var names = lines[h].Split('\t').Select(s => s.Trim()).ToArray();
        var (iI, sI) = Column(path, h, names, n => n.StartsWith("<I>/") || n.StartsWith("I/"), "<I> or I", CurrentUnits);
        var (iV, sV) = Column(path, h, names, n => n.StartsWith("Ewe/") || n.StartsWith("Ecell/"), "Ewe or Ecell", VoltageUnits);
        int iT = Array.IndexOf(names, "time/s");
        if (iT < 0) throw new InputException(path, $"line {h + 1}", "no time/s column (export the time in seconds)");
        int iCycle = Array.IndexOf(names, "cycle number"), iStep = Array.IndexOf(names, "Ns");
        int width = new[] { iI, iV, iT, iCycle, iStep }.Max() + 1;
        var records = new List<CyclerRecord>();
        double last = double.NegativeInfinity;
        for (int i = h + 1; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var f = lines[i].Replace(',', '.').Split('\t');
            if (f.Length < width) throw new InputException(path, $"line {i + 1}", $"has {f.Length} fields, expected at least {width} (truncated line?)");
            double t = Number(f[iT], path, i + 1, "time/s");
            if (t < last - 1e-9) throw new InputException(path, $"line {i + 1}", "time/s goes backwards");
            last = t;
            int cycle = iCycle >= 0 ? (int)Math.Round(Number(f[iCycle], path, i + 1, "cycle number")) : 1;
            int step = iStep >= 0 ? (int)Math.Round(Number(f[iStep], path, i + 1, "Ns")) : 0;
            records.Add(new CyclerRecord(i + 1, t, Number(f[iI], path, i + 1, names[iI]) * sI, Number(f[iV], path, i + 1, names[iV]) * sV, cycle, step, StepKind.Rest));
        }
        if (records.Count < 2) throw new InputException(path, null, "fewer than two data lines under the header");
        string format = lines[0].StartsWith("BT", StringComparison.OrdinalIgnoreCase) ? "BioLogic BT-Lab text" : "BioLogic EC-Lab text";
        return new CyclerData(path, format, RecordTableParser.ClassifyBySign(records), Array.Empty<TesterCycleSummary>());
    }

    static double Number(string text, string path, int line, string what)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new InputException(path, $"line {line}", $"expected a number for {what}, got \"{text.Trim()}\" (truncated line?)");
        return v;
    }

    static (int Index, double Scale) Column(string path, int header, string[] names, Func<string, bool> match, string what, Dictionary<string, double> units)
    {
        int k = Array.FindIndex(names, n => match(n));
        if (k < 0) throw new InputException(path, $"line {header + 1}", $"no {what} column among: {string.Join(", ", names.Where(n => n.Length > 0))}");
        string unit = names[k][(names[k].IndexOf('/') + 1)..];
        return units.TryGetValue(unit, out double s) ? (k, s) : throw new InputException(path, $"line {header + 1}", $"unknown unit \"{unit}\" in column \"{names[k]}\"");
    }
}
