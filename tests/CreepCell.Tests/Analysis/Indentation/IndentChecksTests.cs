using System.Globalization;
using CreepCell.Analysis.Indentation;
using CreepCell.Tests.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Indentation;

/// <summary>Skipped sheets, ideal area functions, frame calibrations and creep laws that used to pass without a word.</summary>
public class IndentChecksTests
{
    static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    static List<string[]> Sheet(IndentTest t, bool withLoad)
    {
        var rows = new List<string[]>
        {
            withLoad ? new[] { "Displacement Into Surface", "Load On Sample", "Time On Sample" } : new[] { "Displacement Into Surface", "Time On Sample" },
            withLoad ? new[] { "nm", "mN", "s" } : new[] { "nm", "s" },
        };
        for (int i = 0; i < t.Count; i++)
            rows.Add(withLoad ? new[] { R(t.Depth[i] * 1e9), R(t.Load[i] * 1e3), R(t.Time[i]) } : new[] { R(t.Depth[i] * 1e9), R(t.Time[i]) });
        return rows;
    }

    [Fact]
    public void G200SheetWithoutItsLoadColumnIsListedAsSkippedInFailuresCsv()
    {
        var test = SyntheticCurves.MultiCycle(150e9, 5e9, 1.5, new[] { 500e-9 });
        string dir = IndentFixtures.TempDir(), path = Path.Combine(dir, "two.xlsx");
        MiniWorkbook.Write(path, new[] { ("Test 001", Sheet(test, true)), ("Test 002", Sheet(test, false)) });
        var report = IndentAnalysis.Run(new[] { path }, new IndentJob());
        var indent = Assert.Single(report.Indents);
        Assert.Equal(150e9, Assert.Single(indent.Unloads).Modulus, 150e9 * 1e-3);
        var skipped = Assert.Single(report.Failures);
        Assert.Equal("Test 002", skipped.Indent);
        Assert.Contains("\"load on sample\"", skipped.Reason);
        IndentReportWriter.WriteAll(report, dir);
        Assert.Contains(File.ReadAllLines(Path.Combine(dir, "failures.csv")), l => l.StartsWith("Test 002,0,") && l.Contains("load on sample"));
    }

    [Fact]
    public void PopinWithoutAreaFunctionWarnsAndNamesTheDisagreementWithTheInstrument()
    {
        var report = IndentAnalysis.Run(new[] { IndentFixtures.Popin }, new IndentJob { CsmFrom = 300e-9 });
        Assert.Contains(report.Warnings, w => w.StartsWith("Popin.xls: no tip area function"));
        // Deeper than 300 nm the ideal area function gives E about half and H about a third of the instrument's.
        var w = Assert.Single(report.Warnings, w => w.Contains("instrument's own values"));
        var pts = report.Indents.SelectMany(i => i.Csm).Where(c => c.Depth >= 300e-9 && c.Depth <= 1800e-9 && c.InstrumentModulus > 0).ToList();
        double ratio = pts.Select(c => c.Modulus / c.InstrumentModulus).Order().ElementAt(pts.Count / 2);
        Assert.InRange(ratio, 0.4, 0.6);
        Assert.Contains($"CSM modulus is {(ratio - 1) * 100:+0;-0;0} %", w);
    }

    [Fact]
    public void CalibratedFrameThatDominatesTheComplianceIsWarned()
    {
        const double cf = 0.8e-9 / 1e-3;
        var tests = new[] { 0.9, 1.0, 1.1 }.Select(k => SyntheticCurves.MultiCycle(150e9, 5e9, 1.5, new[] { 400e-9 * k, 900e-9 * k, 1500e-9 * k }, 0, cf));
        var options = new IndentOptions();
        var raw = tests.SelectMany(t => OliverPharr.Analyze(t, options).Results).ToList();
        var frame = FrameCalibration.Estimate(raw, options, out _)!;
        var warnings = IndentChecks.FrameWarnings("synthetic.xlsx", frame, raw, idealArea: true).ToList();
        // Stiffest unload: the sample's S at hc = 1650 nm in series with the frame.
        double s = SyntheticCurves.Peak(150e9, 5e9, 1650e-9).S, share = cf / (1 / s + cf);
        Assert.Contains(warnings, w => w.Contains($"takes {share * 100:F0} % of the measured compliance"));
        Assert.Contains(warnings, w => w.Contains("ideal area function"));
        Assert.DoesNotContain(warnings, w => w.Contains("uncertain"));
    }

    [Fact]
    public void NegativeFrameCalibrationOnTungstenIsReportedAndNotApplied()
    {
        var report = IndentAnalysis.Run(new[] { IndentFixtures.Tungsten }, new IndentJob { CalibrateFrame = true });
        Assert.Empty(report.Frames);
        var f = Assert.Single(report.Failures, f => f.Reason.StartsWith("frame calibration"));
        Assert.Contains("is negative and was not applied", f.Reason);
        Assert.All(report.Indents, i => Assert.Equal(0, i.Options.FrameCompliance));
    }
}

/// <summary>The creep-law gate of --to-case, through the command line.</summary>
[Collection(ConsoleCaptureCollection.Name)]
public class IndentToCaseGateTests
{
    [Fact]
    public void HoldCreepTooUncertainIsNotWrittenToACaseWithoutForce()
    {
        // A 2 s transient on Example.xls gave n = 121.6 +- 95 and was written into the case.
        string dir = IndentFixtures.TempDir(), caseFile = Path.Combine(dir, "case.toml");
        string[] args = { "indent", IndentFixtures.Example, "--hold", "--hold-transient", "2 s", "--to-case", caseFile, "--out", Path.Combine(dir, "out"), "--no-plots" };
        var (code, _, err) = InProcessCli.Run(args);
        Assert.Equal(2, code);
        Assert.Contains("> 25 %", err);
        Assert.Contains("--force", err);
        Assert.False(File.Exists(caseFile));
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
        var (forced, _, err2) = InProcessCli.Run(args.Append("--force").ToArray());
        Assert.True(forced == 0, err2);
        Assert.Contains("[materials.measured.creep]", File.ReadAllText(caseFile));
    }
}

/// <summary>Two samples given together are summarised per file, never averaged into one number.</summary>
public class IndentPerFileTests
{
    static string WriteCsv(string dir, string name, double e)
    {
        var sb = new System.Text.StringBuilder("indent,time (s),load (mN),depth (nm)\n");
        foreach (var (label, hc) in new[] { ("a", 600e-9), ("b", 900e-9) })
        {
            var t = SyntheticCurves.MultiCycle(e, 5e9, 1.5, new[] { hc });
            for (int i = 0; i < t.Count; i++)
                sb.Append(string.Join(',', label, R(t.Time[i]), R(t.Load[i] * 1e3), R(t.Depth[i] * 1e9))).Append('\n');
        }
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void TwoFilesAreSummarisedAsTwoSamples()
    {
        string dir = IndentFixtures.TempDir();
        var paths = new[] { WriteCsv(dir, "soft.csv", 100e9), WriteCsv(dir, "stiff.csv", 300e9) };
        var report = IndentAnalysis.Run(paths, new IndentJob());
        Assert.Equal(4, report.Indents.Count);
        var perFile = report.PerFile();
        Assert.Equal(2, perFile.Count);
        Assert.Equal(100e9, perFile[0].CycleSummary().Single().Modulus.Mean, 100e9 * 1e-3);
        Assert.Equal(300e9, perFile[1].CycleSummary().Single().Modulus.Mean, 300e9 * 1e-3);
        IndentReportWriter.WriteAll(report, dir);
        var rows = File.ReadAllLines(Path.Combine(dir, "summary.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(new[] { "soft.csv", "stiff.csv" }, rows.Select(r => r[0]));
        Assert.Equal(300, double.Parse(rows[1][5], CultureInfo.InvariantCulture), 0.3);
    }
}

/// <summary>Outlying indents are rejected within their own file, with the reason in the failures.</summary>
public class IndentOutlierTests
{
    static string WriteCsv(string dir, string name, double[] moduli)
    {
        var sb = new System.Text.StringBuilder("indent,time (s),load (mN),depth (nm)\n");
        for (int k = 0; k < moduli.Length; k++)
        {
            var t = SyntheticCurves.MultiCycle(moduli[k], 5e9, 1.5, new[] { 800e-9 });
            for (int i = 0; i < t.Count; i++)
                sb.Append(string.Join(',', $"i{k + 1}", R(t.Time[i]), R(t.Load[i] * 1e3), R(t.Depth[i] * 1e9))).Append('\n');
        }
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void AnIndentFarFromItsFileMedianIsRejectedAndTheOtherSampleIsNotJudgedByIt()
    {
        string dir = IndentFixtures.TempDir();
        // Sample A: 98..102 GPa and one indent at 150 GPa; sample B: 290..310 GPa. Pooled, B would make A's spread huge.
        var a = WriteCsv(dir, "a.csv", new[] { 98e9, 99e9, 100e9, 101e9, 102e9, 150e9 });
        var b = WriteCsv(dir, "b.csv", new[] { 290e9, 295e9, 300e9, 305e9, 310e9 });
        var report = IndentAnalysis.Run(new[] { a, b }, new IndentJob());
        var reject = Assert.Single(report.Failures);
        Assert.Equal("a/i6", reject.Indent);
        // Median of A 100.5 GPa, MAD 1.5 GPa -> robust sigma 2.22 GPa; 150 GPa is (150 - 100.5)/2.22 = 22.3 of them away.
        Assert.Contains("E = 150 GPa", reject.Reason);
        Assert.Contains("22.3 robust standard deviations", reject.Reason);
        var perFile = report.PerFile();
        Assert.Equal(100e9, perFile[0].CycleSummary().Single().Modulus.Mean, 100e9 * 1e-3);
        Assert.Equal(5, perFile[0].Indents.Count);
        Assert.Equal(300e9, perFile[1].CycleSummary().Single().Modulus.Mean, 300e9 * 1e-3);
        // Off: all eleven kept, and sample A's mean includes the 150 GPa indent.
        var all = IndentAnalysis.Run(new[] { a, b }, new IndentJob { OutlierSigma = 0 });
        Assert.Empty(all.Failures);
        Assert.Equal(650e9 / 6, all.PerFile()[0].CycleSummary().Single().Modulus.Mean, 650e9 / 6 * 1e-3);
    }

    /// <summary>
    /// In a very uniform sample (99.8..100.2 GPa; median 100 GPa, robust sigma 0.22 GPa) an indent at 94 GPa
    /// is 27 robust standard deviations away but only 6 % off: within what tips and surfaces give, so it is
    /// kept; one at 85 GPa (15 % off) is rejected.
    /// </summary>
    [Fact]
    public void AnIndentLessThanTenPercentOffIsKeptHoweverTightTheSample()
    {
        string dir = IndentFixtures.TempDir();
        var tight = WriteCsv(dir, "tight.csv", new[] { 99.8e9, 99.9e9, 100e9, 100.1e9, 100.2e9, 94e9 });
        Assert.Empty(IndentAnalysis.Run(new[] { tight }, new IndentJob()).Failures);
        var far = WriteCsv(dir, "far.csv", new[] { 99.8e9, 99.9e9, 100e9, 100.1e9, 100.2e9, 85e9 });
        Assert.Equal("i6", Assert.Single(IndentAnalysis.Run(new[] { far }, new IndentJob()).Failures).Indent);
    }
}
