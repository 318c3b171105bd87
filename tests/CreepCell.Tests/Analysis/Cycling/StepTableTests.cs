using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>The step table and the CC/CV split against the tester's per-step capacities and a closed-form CC-CV charge.</summary>
public class StepTableTests
{
    const double I0 = 1e-3, Tau = 1200, Hold = 3600;

    /// <summary>1 mA CC charge 3.0 to 4.2 V over 1 h, a 4.2 V hold with I = I0 exp(-t/tau) for 1 h, a rest, a 1 mA CC discharge.</summary>
    static CyclerData CcCv()
    {
        var pts = new List<(double, double, double)>();
        for (int k = 0; k <= 100; k++) pts.Add((36.0 * k, I0, 3.0 + 0.012 * k));
        for (int k = 1; k <= 400; k++) { double t = Hold * k / 400; pts.Add((3600 + t, I0 * Math.Exp(-t / Tau), 4.2)); }
        pts.Add((7300, 0, 4.1));
        for (int k = 0; k <= 100; k++) pts.Add((7400 + 30.0 * k, -I0, 4.1 - 0.011 * k));
        return CyclingFixtures.Synthetic(pts);
    }

    [Fact]
    public void CcCvChargeSplitsIntoTheClosedFormCcAndCvCapacities()
    {
        var steps = StepTable.Build(CcCv());
        Assert.Equal(new[] { StepMode.CcCharge, StepMode.Cv, StepMode.Rest, StepMode.CcDischarge }, steps.Select(s => s.Mode));
        double cv = I0 * Tau * (1 - Math.Exp(-Hold / Tau));
        Assert.Equal(I0 * 3600, steps[0].Coulombs, 1e-6);
        Assert.Equal(cv, steps[1].Coulombs, cv * 1e-4);
        Assert.Equal(I0 * 3000, steps[3].Coulombs, 1e-6);
        Assert.Equal(3600, steps[0].EndTime);
        Assert.Equal(3600, steps[1].StartTime);
        Assert.Equal(4.2, steps[1].StartVoltage, 1e-12);
        Assert.Equal(-I0, steps[3].MeanCurrent!.Value, 1e-9);
        Assert.Null(steps[2].MeanCurrent);

        var cycle = CycleAnalysis.Run(CcCv(), new CycleOptions(new CellInfo()))[0];
        Assert.Equal(I0 * 3600, cycle.ChargeCcC, 1e-6);
        Assert.Equal(cv, cycle.ChargeCvC, cv * 1e-4);
        Assert.Equal(cycle.ChargeC, cycle.ChargeCcC + cycle.ChargeCvC, 1e-9);
    }

    [Fact]
    public void NewareRecordStepCapacitiesMatchTheTesterPerStepValues()
    {
        var steps = StepTable.Build(CyclingFixtures.NewareRecordData);
        // Tester "Spec. Cap.(mAh/g)" at the last record of each step of tester cycles 1 and 3 (active mass 2.08 mg).
        var expected = new (int Cycle, int Step, StepMode Mode, double MAhPerG)[]
        {
            (1, 2, StepMode.CcDischarge, 2250.15), (1, 4, StepMode.CcDischarge, 135.49), (1, 6, StepMode.CcDischarge, 59.68), (1, 8, StepMode.CcCharge, 2042.95),
            (3, 2, StepMode.CcDischarge, 1937.40), (3, 8, StepMode.CcCharge, 2039.34), (3, 11, StepMode.CcDischarge, 1750.99), (3, 13, StepMode.CcCharge, 1727.37),
        };
        foreach (var e in expected)
        {
            var s = Assert.Single(steps, s => s.TesterCycle == e.Cycle && s.TesterStep == e.Step);
            Assert.Equal(e.Mode, s.Mode);
            Assert.Equal(e.MAhPerG, s.Coulombs / 2.08e-6 / 3600, e.MAhPerG * 5e-4);
        }
        Assert.All(steps.Where(s => s.TesterStep is 1 or 3 or 5 or 7 or 9), s => Assert.Equal(StepMode.Rest, s.Mode));
        // This cell has no CV hold: all charge is constant current.
        var cycles = CycleAnalysis.Run(CyclingFixtures.NewareRecordData, new CycleOptions(new CellInfo()));
        Assert.All(cycles, c => { Assert.Equal(0, c.ChargeCvC); Assert.Equal(c.ChargeC, c.ChargeCcC, 1e-9); });
    }

    [Fact]
    public void MaccorCcCvChargeMatchesTheTesterStepAmpHours()
    {
        var data = CyclerFile.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "maccor", "maccor_001_cut.txt"));
        var steps = StepTable.Build(data);
        // The tester's "Amp-hr" at the last record of step 2 (CC discharge), 4 (CC charge to 4.2 V) and 5 (4.2 V hold).
        foreach (var (step, mode, ah) in new[] { (2, StepMode.CcDischarge, 0.63781), (4, StepMode.CcCharge, 3.36871), (5, StepMode.Cv, 1.15388) })
        {
            var s = Assert.Single(steps, s => s.TesterStep == step);
            Assert.Equal(mode, s.Mode);
            Assert.Equal(ah * 3600, s.Coulombs, ah * 3600 * 2e-4);
        }
        var cycle = CycleAnalysis.Run(data, new CycleOptions(new CellInfo()))[0];
        Assert.Equal(3.36871 * 3600, cycle.ChargeCcC, 3.36871 * 3600 * 2e-4);
        Assert.Equal(1.15388 * 3600, cycle.ChargeCvC, 1.15388 * 3600 * 2e-4);
    }

    [Fact]
    public void StepsCsvHasOneRowPerStepWithKindAndSpecificCapacity()
    {
        var csv = CyclingReport.StepsCsv(StepTable.Build(CcCv()), 1e-6).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, csv.Length);
        var cc = csv[1].Split(',');
        Assert.Equal("CC charge", cc[3]);
        Assert.Equal(1.0, double.Parse(cc[9], System.Globalization.CultureInfo.InvariantCulture), 1e-6);
        Assert.Equal(1000.0, double.Parse(cc[10], System.Globalization.CultureInfo.InvariantCulture), 1e-3);
        Assert.Equal("", cc[1]);
        Assert.Equal("rest", csv[3].Split(',')[3]);
        Assert.DoesNotContain("NaN", string.Join("\n", csv));
    }
}
