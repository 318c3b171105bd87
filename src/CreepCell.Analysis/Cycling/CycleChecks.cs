namespace CreepCell.Analysis.Cycling;

/// <summary>Results that are physically doubtful or cut short, as warnings to print beside the table.</summary>
internal static class CycleChecks
{
    public static List<string> Warnings(IReadOnlyList<CycleResult> cycles, CellInfo cell)
    {
        var warnings = new List<string>();
        var last = cycles[^1];
        if (last.Incomplete)
            warnings.Add($"cycle {last.Cycle} (tester cycle {last.TesterCycle}) is incomplete: the export ends before it reached the cut-off of the cycle before it; its capacity, efficiency and retention are not those of a full cycle");
        if (cell.TheoreticalCoulombsPerKg is double qt)
            foreach (var c in cycles)
            {
                double? most = new[] { c.ChargeCPerKg, c.DischargeCPerKg }.Max();
                if (most is double q && q > qt)
                    warnings.Add($"cycle {c.Cycle}: specific capacity {q / 3600:F1} mAh/g exceeds the theoretical {qt / 3600:F1} mAh/g; check the active mass, the cycle split and the material");
            }
        return warnings;
    }
}
