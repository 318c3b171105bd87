using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>Capacities integrated from the records against the numbers the testers computed themselves.</summary>
public class TesterAgreementTests
{
    static readonly CycleOptions Plain = new(new CellInfo());

    [Fact]
    public void NewareLayeredCapacitiesAndEnergiesMatchTheTesterCycleSummary()
    {
        var data = CyclerFile.Read(CyclingFixtures.NewareLayered);
        Assert.Equal("Neware layered CSV", data.Format);
        Assert.Equal(20, data.TesterSummary.Count);
        var cycles = CycleAnalysis.Run(data, Plain);
        Assert.Equal(20, cycles.Count);
        foreach (var (c, t) in cycles.Zip(data.TesterSummary))
        {
            Assert.Equal(t.Cycle, c.Cycle);
            // The tester rounds to 0.01 mAh; the first interval of each step differs by up to ~0.1 mAh
            // between the trapezoid rule and the tester's own sum, hence 0.25 mAh on 330 mAh.
            Assert.InRange(c.ChargeC - t.ChargeCoulombs, -0.25 * 3.6, 0.25 * 3.6);
            Assert.InRange(c.DischargeC - t.DischargeCoulombs, -0.25 * 3.6, 0.25 * 3.6);
            Assert.InRange(c.ChargeJ / t.ChargeJoules, 0.995, 1.005);
            Assert.InRange(c.DischargeJ / t.DischargeJoules, 0.998, 1.002);
        }
        // Full cycles: within 0.1 % of the tester; the efficiency (discharge over charge for this cell,
        // which charges first) within 0.1 percentage point of the tester's "Chg.-DChg. Eff(%)".
        foreach (var (c, t) in cycles.Zip(data.TesterSummary).Skip(1))
        {
            Assert.InRange(c.DischargeC / t.DischargeCoulombs, 0.999, 1.001);
            Assert.InRange(c.ChargeC / t.ChargeCoulombs, 0.999, 1.001);
            Assert.InRange(c.CoulombicEfficiency!.Value - t.DischargeCoulombs / t.ChargeCoulombs, -0.001, 0.001);
        }
    }

    [Fact]
    public void NewareRecordSpecificCapacitiesMatchTheTesterColumns()
    {
        var data = CyclerFile.Read(CyclingFixtures.NewareRecord);
        Assert.Equal("Neware record CSV", data.Format);
        var cycles = CycleAnalysis.Run(data, new CycleOptions(new CellInfo(ActiveMassKg: 2.08e-6)));
        // Tester cycle 3 holds two discharge-charge pairs (0.25 mA, then 1 mA): two cycles, five in all.
        Assert.Equal(5, cycles.Count);
        // Tester values at the end of each step of cycle 1 (three discharge steps, one charge step), in mAh/g.
        double discharge = 2250.15 + 135.49 + 59.68, charge = 2042.95;
        Assert.Equal(discharge, cycles[0].DischargeCPerKg!.Value / 3600, discharge * 5e-4);
        Assert.Equal(charge, cycles[0].ChargeCPerKg!.Value / 3600, charge * 5e-4);
        // This half cell discharges first, so out/in is charge over discharge.
        Assert.Equal(charge / discharge, cycles[0].CoulombicEfficiency!.Value, 1e-3);
    }

    [Fact]
    public void NewareRecordTesterCycleWithTwoCurrentsGivesTwoCyclesWithTheTesterStepCapacities()
    {
        var data = CyclingFixtures.NewareRecordData;
        var cycles = CycleAnalysis.Run(data, new CycleOptions(new CellInfo(ActiveMassKg: 2.08e-6, TheoreticalCoulombsPerKg: 3579 * 3600.0)));
        Assert.Equal(new[] { 1, 2, 3, 3, 4 }, cycles.Select(c => c.TesterCycle));
        // Tester "DChg./Chg. Spec. Cap.(mAh/g)" at the end of steps 2, 4, 6, 8 and of steps 11, 13 of tester cycle 3.
        double d1 = 1937.40 + 92.29 + 53.09, c1 = 2039.34, d2 = 1750.99, c2 = 1727.37;
        Assert.Equal(d1, cycles[2].DischargeCPerKg!.Value / 3600, d1 * 5e-4);
        Assert.Equal(c1, cycles[2].ChargeCPerKg!.Value / 3600, c1 * 5e-4);
        Assert.Equal(d2, cycles[3].DischargeCPerKg!.Value / 3600, d2 * 5e-4);
        Assert.Equal(c2, cycles[3].ChargeCPerKg!.Value / 3600, c2 * 5e-4);
        // Summed, tester cycle 3 gave 3833.7 mAh/g, above Si's 3579 mAh/g; split, no cycle exceeds it.
        Assert.All(cycles, c => Assert.True(c.DischargeCPerKg < 3579 * 3600.0));
        Assert.DoesNotContain(CycleChecks.Warnings(cycles, new CellInfo(2.08e-6, null, 3579 * 3600.0)), w => w.Contains("exceeds the theoretical"));
    }

    [Fact]
    public void ArbinHalfCyclesSplitByCurrentSignMatchTheRunningTotals()
    {
        var data = CyclerFile.Read(CyclingFixtures.Arbin);
        Assert.Equal("Arbin spreadsheet", data.Format);
        Assert.False(data.HasCycleIndex);
        var cycles = CycleAnalysis.Run(data, Plain);
        Assert.Equal(2, cycles.Count);
        // Discharge_Capacity(Ah) and Charge_Capacity(Ah) running totals at the ends of the half cycles.
        Assert.Equal(5.7980408892e-3 * 3600, cycles[0].DischargeC, 5.798e-3 * 3600 * 5e-4);
        Assert.Equal(5.6981095113e-3 * 3600, cycles[0].ChargeC, 5.698e-3 * 3600 * 5e-4);
        Assert.Equal((1.1054897681e-2 - 5.7980702259e-3) * 3600, cycles[1].DischargeC, 5.257e-3 * 3600 * 5e-4);
        Assert.Equal(0.9123, cycles[0].ChargeJ / 3.6, 0.9123 * 2e-3);
    }
}
