namespace CreepCell.Analysis.Cycling;

/// <summary>
/// One file's line of a batch summary (SI: C). The last cycle is the last complete one (an incomplete last
/// cycle is left out); retention is its retention; the mean Coulombic efficiency is over the complete cycles that have one.
/// </summary>
internal sealed record FileSummary(string File, string Folder, int Cycles, double FirstDischargeC, double LastDischargeC,
    double? FirstDischargeCPerKg, double? LastDischargeCPerKg, double? Retention, double? MeanEfficiency, bool LastIncomplete)
{
    public static FileSummary Of(string file, string folder, IReadOnlyList<CycleResult> cycles)
    {
        var complete = cycles.Where(c => !c.Incomplete).ToList();
        var first = cycles[0];
        var last = complete.Count > 0 ? complete[^1] : cycles[^1];
        var ce = complete.Where(c => c.CoulombicEfficiency is not null).Select(c => c.CoulombicEfficiency!.Value).ToList();
        return new FileSummary(file, folder, cycles.Count, first.DischargeC, last.DischargeC, first.DischargeCPerKg, last.DischargeCPerKg,
            last.Retention, ce.Count > 0 ? ce.Average() : null, cycles[^1].Incomplete);
    }
}
