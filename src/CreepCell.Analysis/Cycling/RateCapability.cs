namespace CreepCell.Analysis.Cycling;

/// <summary>
/// Rate-capability summary: consecutive cycles whose mean current (of the half cycle the test opened
/// with, else the other) stays within a relative tolerance of the block's first cycle form one block.
/// The C-rate is the current over the nominal capacity (A over Ah, 1/h) when one is given.
/// </summary>
internal static class RateCapability
{
    public static List<RateBlock> Blocks(IReadOnlyList<CycleResult> cycles, double? nominalCoulombs, double tolerance = 0.05)
    {
        var blocks = new List<RateBlock>();
        var group = new List<CycleResult>();
        double blockCurrent = 0;
        foreach (var c in cycles)
        {
            double? i = c.DischargeCurrent ?? c.ChargeCurrent;
            if (i is null) continue;
            if (group.Count > 0 && Math.Abs(i.Value - blockCurrent) > tolerance * blockCurrent)
            {
                blocks.Add(Close(group, blockCurrent, nominalCoulombs));
                group = new List<CycleResult>();
            }
            if (group.Count == 0) blockCurrent = i.Value;
            group.Add(c);
        }
        if (group.Count > 0) blocks.Add(Close(group, blockCurrent, nominalCoulombs));
        return blocks;
    }

    static RateBlock Close(List<CycleResult> g, double current, double? nominal)
    {
        var ce = g.Where(c => c.CoulombicEfficiency is not null).Select(c => c.CoulombicEfficiency!.Value).ToList();
        return new RateBlock(g[0].Cycle, g[^1].Cycle, current, nominal is double q && q > 0 ? current * 3600 / q : null,
            g.Average(c => c.ChargeC), g.Average(c => c.DischargeC), ce.Count > 0 ? ce.Average() : null);
    }
}
