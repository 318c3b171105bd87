using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>Incomplete last cycles, capacities above the theoretical one, and GITT pulses outside the method's validity.</summary>
public class CycleChecksTests
{
    [Fact]
    public void NewareRecordLastCycleCutInItsChargeIsIncomplete()
    {
        var cycles = CycleAnalysis.Run(CyclingFixtures.NewareRecordData, new CycleOptions(new CellInfo()));
        // The export stops at 0.4251 V in the 1 mA charge whose previous run reached 1.0 V.
        Assert.True(cycles[^1].Incomplete);
        Assert.All(cycles.SkipLast(1), c => Assert.False(c.Incomplete));
        Assert.Contains(CycleChecks.Warnings(cycles, new CellInfo()), w => w.Contains($"cycle {cycles[^1].Cycle} (tester cycle 4) is incomplete"));
    }

    [Fact]
    public void ArbinFinalChargeStubIsIncomplete()
    {
        var cycles = CycleAnalysis.Run(CyclingFixtures.ArbinData, new CycleOptions(new CellInfo()));
        Assert.Equal(2, cycles.Count);
        Assert.Equal(0.0047, cycles[1].ChargeC / 3.6, 1e-4);
        Assert.True(cycles[1].Incomplete);
        Assert.False(cycles[0].Incomplete);
    }

    [Fact]
    public void NewareLayeredExportEndsWithACompleteCycle()
    {
        var cycles = CycleAnalysis.Run(CyclerFile.Read(CyclingFixtures.NewareLayered), new CycleOptions(new CellInfo()));
        Assert.All(cycles, c => Assert.False(c.Incomplete));
    }

    [Fact]
    public void NewareExportCutInsideUnusedColumnsFlagsThePartialLastCycle()
    {
        // Up to 300 records into the charge of tester cycle 2 (line 4773 opens it), the last line cut after the voltage.
        var lines = File.ReadAllLines(CyclingFixtures.NewareRecord).Take(4773 + 300).ToList();
        lines[^1] = string.Join(',', lines[^1].Split(',').Take(9));
        string path = Path.Combine(CyclingFixtures.TempDir(), "cut.csv");
        File.WriteAllLines(path, lines);
        var cycles = CycleAnalysis.Run(CyclerFile.Read(path), new CycleOptions(new CellInfo()));
        Assert.Equal(2, cycles.Count);
        Assert.True(cycles[1].Incomplete);
    }

    [Fact]
    public void SpecificCapacityAboveTheTheoreticalOneIsWarned()
    {
        var cell = new CellInfo(2.08e-6, null, 2000 * 3600.0);
        var cycles = CycleAnalysis.Run(CyclingFixtures.NewareRecordData, new CycleOptions(cell));
        var warnings = CycleChecks.Warnings(cycles, cell);
        // Cycles 1-3 discharge 2445, 2100 and 2083 mAh/g (tester: 2445.32, 2100.20, 2082.78), cycle 3 charges 2039 mAh/g.
        Assert.Equal(3, warnings.Count(w => w.Contains("exceeds the theoretical 2000.0 mAh/g")));
        Assert.Contains(warnings, w => w.StartsWith("cycle 1: specific capacity 2445.3 mAh/g"));
    }

    [Fact]
    public void GittOnPlainConstantCurrentStepsRejectsEveryPulseWithItsReason()
    {
        var data = CyclingFixtures.NewareRecordData;
        var pulses = Gitt.Analyze(data, new GittInputs(12.06e-6, 28.09e-3, 2.08e-6, 1e-4));
        Assert.NotEmpty(pulses);
        Assert.All(pulses, p => Assert.False(p.IsValid));
        // The first pulse is the 19 h discharge of cycle 1, far from E linear in sqrt(t).
        Assert.True(pulses[0].LinearityR2 < 0.6);
        Assert.Contains("sqrt(t)", pulses[0].Rejection);
        Assert.Contains("D_m2_s", CyclingReport.GittCsv(pulses));
        Assert.All(CyclingReport.GittCsv(pulses).Split('\n').Skip(1).Where(l => l.Length > 0), l => Assert.EndsWith(",0", l));
    }

    [Fact]
    public void DqDvRangeKeepsTheBinsInsideTheWindow()
    {
        var curve = new DqDvCurve(1, StepKind.Discharge, new[] { 0.1, 0.2, 0.3, 0.4, 0.5 }, new[] { 1.0, 2, 3, 4, 5 });
        var inside = DifferentialCapacity.Within(curve, 0.15, 0.4);
        Assert.Equal(new[] { 0.2, 0.3, 0.4 }, inside.Voltage);
        Assert.Equal(new[] { 2.0, 3, 4 }, inside.DqDv);
    }
}
