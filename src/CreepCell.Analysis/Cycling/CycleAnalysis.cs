namespace CreepCell.Analysis.Cycling;

/// <summary>Per-cycle capacities, energies, efficiency, retention, mean voltages and utilisation.</summary>
public static class CycleAnalysis
{
    public static List<CycleResult> Run(CyclerData data, CycleOptions options)
    {
        var halves = HalfCycles.Split(data);
        if (halves.Count == 0) throw new InputException(data.Source, null, "no charge or discharge records (every row is at rest)");
        var opening = halves[0].Direction;
        var groups = HalfCycles.Group(data, halves);
        var results = groups.Select(c => Summarize(c.Number, c.Halves, opening, options)).ToList();
        if (groups.Count > 1 && IsCutShort(groups[^1].Halves, groups[^2].Halves)) results[^1] = results[^1] with { Incomplete = true };
        var steps = StepTable.Build(data);
        results = results.Select(c =>
        {
            var (cc, cv) = StepTable.ChargeSplit(steps, c.StartTime, c.EndTime);
            return c with { ChargeCcC = cc, ChargeCvC = cv };
        }).ToList();
        return WithRetention(results, options, data.Source);
    }

    /// <summary>
    /// A last cycle is cut short when it lacks a half cycle the cycle before it has, or when its last half cycle
    /// stops away from the voltage where the same half of the cycle before stopped (its cut-off): more than
    /// 20 mV and 5 % of that cycle's voltage range.
    /// </summary>
    public static bool IsCutShort(List<HalfCycle> last, List<HalfCycle> previous)
    {
        if (previous.Select(h => h.Direction).Distinct().Any(d => last.All(h => h.Direction != d))) return true;
        var end = last[^1];
        var before = previous.LastOrDefault(h => h.Direction == end.Direction);
        if (before is null) return false;
        var volts = previous.SelectMany(h => h.Records).Select(r => r.Voltage).ToList();
        double tolerance = Math.Max(0.02, 0.05 * (volts.Max() - volts.Min()));
        return Math.Abs(end.Records[^1].Voltage - before.Records[^1].Voltage) > tolerance;
    }

    static CycleResult Summarize(int number, List<HalfCycle> halves, StepKind opening, CycleOptions o)
    {
        var ch = halves.Where(h => h.Direction == StepKind.Charge).ToList();
        var dc = halves.Where(h => h.Direction == StepKind.Discharge).ToList();
        double qc = ch.Sum(h => h.Coulombs), qd = dc.Sum(h => h.Coulombs);
        double ec = ch.Sum(h => h.Joules), ed = dc.Sum(h => h.Joules);
        var cell = o.Cell;
        double? perKg(double q) => cell.ActiveMassKg is double m ? q / m : null;
        double? perM2(double q) => cell.AreaM2 is double a ? q / a : null;
        double? utilization = cell.ActiveMassKg is double mm && cell.TheoreticalCoulombsPerKg is double qt
            ? (opening == StepKind.Discharge ? qd : qc) / mm / qt : null;
        return new CycleResult(number, qc, qd, ec, ed,
            qc > 0 ? ec / qc : null, qd > 0 ? ed / qd : null,
            MeanCurrent(ch), MeanCurrent(dc),
            Efficiency(qc, qd, opening, o.Efficiency), null, perKg(qc), perKg(qd), perM2(qc), perM2(qd), utilization,
            halves[0].StartTime, halves[^1].EndTime, halves[0].Cycle);
    }

    static double? MeanCurrent(List<HalfCycle> hs)
    {
        double t = hs.Sum(h => h.ActiveTime);
        return t > 0 ? hs.Sum(h => h.Coulombs) / t : null;
    }

    /// <summary>The Coulombic efficiency by the chosen convention, or null when either half is missing.</summary>
    public static double? Efficiency(double charge, double discharge, StepKind opening, EfficiencyConvention c)
    {
        if (charge <= 0 || discharge <= 0) return null;
        return c switch
        {
            EfficiencyConvention.DischargeOverCharge => discharge / charge,
            EfficiencyConvention.ChargeOverDischarge => charge / discharge,
            _ => opening == StepKind.Charge ? discharge / charge : charge / discharge,
        };
    }

    static List<CycleResult> WithRetention(List<CycleResult> results, CycleOptions o, string source)
    {
        var reference = results.FirstOrDefault(r => r.Cycle == o.ReferenceCycle)
            ?? throw new InputException(source, "--reference-cycle", $"cycle {o.ReferenceCycle} is not in the data (cycles {results[0].Cycle} to {results[^1].Cycle})");
        double q0 = o.RetentionOf == StepKind.Charge ? reference.ChargeC : reference.DischargeC;
        return results.Select(r =>
        {
            double q = o.RetentionOf == StepKind.Charge ? r.ChargeC : r.DischargeC;
            return r with { Retention = q0 > 0 && q > 0 ? q / q0 : null };
        }).ToList();
    }
}
