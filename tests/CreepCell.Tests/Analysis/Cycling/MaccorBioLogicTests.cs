using System.Globalization;
using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>
/// Maccor text and BioLogic .mpt exports read against the numbers the instruments wrote themselves:
/// Maccor's step capacity (Amp-hr, Cap. [Ah]) and clock (DPt Time), EC-Lab's (Q-Qo) charge, and the record
/// counts stated by BEEP's tests. Fixture sources are in Fixtures/maccor/README.md and Fixtures/cv/SOURCES.md.
/// </summary>
public class MaccorBioLogicTests
{
    static string Maccor(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "maccor", name);

    /// <summary>Column <paramref name="col"/> (0-based) of the last data line of each step, read from the file by plain splitting.</summary>
    static Dictionary<int, double> TesterStepEnds(string path, int headerLine, int stepCol, int col)
    {
        var ends = new Dictionary<int, double>();
        foreach (var line in File.ReadLines(path).Skip(headerLine))
        {
            var f = line.Split('\t');
            if (f.Length <= Math.Max(stepCol, col)) continue;
            ends[int.Parse(f[stepCol], CultureInfo.InvariantCulture)] = double.Parse(f[col], CultureInfo.InvariantCulture);
        }
        return ends;
    }

    [Fact]
    public void MaccorClassicLayoutCapacitiesMatchTheTesterAmpHours()
    {
        string path = Maccor("maccor_001_cut.txt");
        var data = CyclerFile.Read(path);
        Assert.Equal("Maccor text", data.Format);
        Assert.Equal(1116, data.Records.Count);
        // Step 2 is a 0.5 A discharge (unsigned in the file, state D); steps 4 and 5 the CC and CV charge.
        Assert.All(data.Records.Where(r => r.Step == 2), r => Assert.True(r.Current < 0 && r.Kind == StepKind.Discharge));
        var ends = TesterStepEnds(path, 4, 2, 5);
        var cycles = CycleAnalysis.Run(data, new CycleOptions(new CellInfo()));
        Assert.Single(cycles);
        // The tester writes 5 decimals of Ah; 20 s sampling, so the trapezoid rule agrees to 0.05 %.
        Assert.Equal(ends[2], cycles[0].DischargeC / 3600, ends[2] * 5e-4);
        Assert.Equal(ends[4] + ends[5], cycles[0].ChargeC / 3600, (ends[4] + ends[5]) * 5e-4);
        // "0d 08:19:33.73" of the last line, as d hh:mm:ss.
        Assert.Equal(8 * 3600 + 19 * 60 + 33.7299995422363, data.Records[^1].Time, 1e-6);
    }

    [Fact]
    public void MaccorExportWithSecondsColumnGivesBeepsRecordCountAndTheTesterCharge()
    {
        string path = Maccor("PredictionDiagnostics_000151_test.052");
        var data = CyclerFile.Read(path);
        // BEEP's test_cyclerpaths.py: raw_data.shape == (333, 44) for this file.
        Assert.Equal(333, data.Records.Count);
        Assert.All(data.Records, r => Assert.Equal(StepKind.Discharge, r.Kind));
        var lines = File.ReadLines(path).Skip(2).Select(l => l.Split('\t')).Where(f => f.Length > 5).ToList();
        double tester = double.Parse(lines[^1][5], CultureInfo.InvariantCulture) - double.Parse(lines[0][5], CultureInfo.InvariantCulture);
        double integrated = 0;
        for (int k = 1; k < data.Records.Count; k++)
            integrated += HalfCycle.Increment(data.Records[k - 1], data.Records[k]).Q;
        Assert.Equal(tester, integrated / 3600, tester * 1e-3);
        Assert.Equal(769270.57 - 769267.24, data.Records[^1].Time - data.Records[0].Time, 1e-6);
    }

    [Fact]
    public void MaccorLayoutWithSettingsBlockAndDecimalCommaReadsMinutesFromTheClock()
    {
        // The public file ends inside its last line; the copy without that line is read.
        var lines = File.ReadAllLines(Maccor("maccor_two.txt"));
        string path = Path.Combine(CyclingFixtures.TempDir(), "maccor_two_whole_lines.txt");
        File.WriteAllLines(path, lines[..^1]);
        var data = CyclerFile.Read(path);
        Assert.Equal("Maccor text", data.Format);
        Assert.Equal(213, data.Records.Count);
        // TestTime counts 0..212 while DPT Time runs 11:23:46 to 14:55:46, one minute per line: minutes.
        Assert.Equal(212 * 60.0, data.Records[^1].Time - data.Records[0].Time, 1e-6);
        Assert.Equal(0.1490, data.Records[^1].Voltage, 1e-12);
        Assert.All(data.Records, r => Assert.Equal(StepKind.Rest, r.Kind));
    }

    [Fact]
    public void MaccorExportCutInsideItsLastLineIsRefusedNamingThatLine()
    {
        var e = Assert.Throws<InputException>(() => CyclerFile.Read(Maccor("maccor_two.txt")));
        Assert.Contains("line 229", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void MaccorBareTestTimeWithoutAClockIsRefused()
    {
        var lines = File.ReadAllLines(Maccor("maccor_two.txt"))[..^1];
        // Blank out DPT Time (column 13): the unit of TestTime can no longer be told.
        var cut = lines.Select((l, i) => i < 16 ? l : string.Join('\t', l.Split('\t').Select((f, k) => k == 12 ? "" : f)));
        string path = Path.Combine(CyclingFixtures.TempDir(), "noclock.txt");
        File.WriteAllLines(path, cut);
        var e = Assert.Throws<InputException>(() => CyclerFile.Read(path));
        Assert.Contains("TestTime", e.Message);
    }

    [Fact]
    public void EcLabTextExportChargeMatchesTheInstrumentQColumn()
    {
        // Real EC-Lab export with a decimal comma (ixdat, MIT): the integral of <I> over time/s must give
        // the change of the instrument's own (Q-Qo)/C column.
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "cv", "Pt_poly_cv_CUT.mpt");
        var data = CyclerFile.Read(path);
        Assert.Equal("BioLogic EC-Lab text", data.Format);
        var rows = File.ReadLines(path).Skip(73).Select(l => l.Replace(',', '.').Split('\t')).Where(f => f.Length > 11).ToList();
        Assert.Equal(rows.Count, data.Records.Count);
        // The charge that flowed either way (the net charge of a voltammogram is a small difference): the
        // instrument sums finer internal samples, the trapezoid rule over the 0.67 s records agrees within 1 %.
        double instrument = 0, integrated = 0;
        for (int k = 1; k < rows.Count; k++)
        {
            instrument += Math.Abs(double.Parse(rows[k][11], CultureInfo.InvariantCulture) - double.Parse(rows[k - 1][11], CultureInfo.InvariantCulture));
            integrated += Math.Abs(0.5 * (data.Records[k - 1].Current + data.Records[k].Current) * (data.Records[k].Time - data.Records[k - 1].Time));
        }
        Assert.Equal(instrument, integrated, instrument * 0.02);
    }

    [Fact]
    public void GcplTextExportGivesTheClosedFormCapacities()
    {
        // EC-Lab GCPL layout with a decimal comma: 1 h at +2 mA to 4.2 V, 10 min rest, 1.5 h at -1 mA.
        string path = Path.Combine(CyclingFixtures.TempDir(), "gcpl.mpt");
        var body = new List<string>();
        for (int s = 0; s <= 3600; s += 60) body.Add(Line(s, 1, 3.6 + 0.6 * s / 3600, 2.0, 0));
        for (int s = 3660; s <= 4200; s += 60) body.Add(Line(s, 0, 4.1, 0, 0));
        for (int s = 4260; s <= 4200 + 5400; s += 60) body.Add(Line(s, 2, 4.0 - 0.5 * (s - 4200) / 5400.0, -1.0, 0));
        var header = new[] { "EC-Lab ASCII FILE", "Nb header lines : 5", "", "Galvanostatic Cycling with Potential Limitation",
            "mode\tox/red\tNs\ttime/s\tEwe/V\t<I>/mA\tcycle number" };
        File.WriteAllLines(path, header.Concat(body));
        var data = CyclerFile.Read(path);
        var cycles = CycleAnalysis.Run(data, new CycleOptions(new CellInfo()));
        Assert.Single(cycles);
        // 2 mA for 3600 s = 7.2 C; the discharge starts at 4260 s (first record after the rest) so 1 mA for 5340 s.
        Assert.Equal(7.2, cycles[0].ChargeC, 1e-9);
        Assert.Equal(5.34, cycles[0].DischargeC, 1e-9);
    }

    [Fact]
    public void EcLabExportInWindows1252WithMicroampereCurrentIsRead()
    {
        // "µA" as EC-Lab writes it on Windows: the single byte 0xB5.
        string path = Path.Combine(CyclingFixtures.TempDir(), "ua.mpt");
        var text = string.Join("\r\n", "EC-Lab ASCII FILE", "Nb header lines : 4", "", "time/s\tEwe/V\t<I>/µA",
            "0\t3.0\t500", "3600\t3.5\t500", "3660\t3.4\t0", "3720\t3.4\t-500", "7320\t3.0\t-500") + "\r\n";
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(text));
        var cycles = CycleAnalysis.Run(CyclerFile.Read(path), new CycleOptions(new CellInfo()));
        // 0.5 mA for 1 h = 1.8 C each way.
        Assert.Equal(1.8, cycles[0].ChargeC, 1e-9);
        Assert.Equal(1.8, cycles[0].DischargeC, 1e-9);
    }

    static string Line(double t, int ns, double v, double mA, int cycle) =>
        string.Join('\t', "1", mA > 0 ? "1" : "0", ns.ToString(CultureInfo.InvariantCulture), F(t), F(v), F(mA), F(cycle));

    static string F(double x) => x.ToString("E6", CultureInfo.InvariantCulture).Replace('.', ',');
}
