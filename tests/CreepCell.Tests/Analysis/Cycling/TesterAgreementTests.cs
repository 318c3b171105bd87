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
        Assert.Equal(4, cycles.Count);
        // Tester values at the end of each step of cycle 1 (three discharge steps, one charge step), in mAh/g.
        double discharge = 2250.15 + 135.49 + 59.68, charge = 2042.95;
        Assert.Equal(discharge, cycles[0].DischargeCPerKg!.Value / 3600, discharge * 5e-4);
        Assert.Equal(charge, cycles[0].ChargeCPerKg!.Value / 3600, charge * 5e-4);
        // This half cell discharges first, so out/in is charge over discharge.
        Assert.Equal(charge / discharge, cycles[0].CoulombicEfficiency!.Value, 1e-3);
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
