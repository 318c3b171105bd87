namespace CreepCell.Analysis.Cycling;

/// <summary>Splits records into half cycles and groups them into cycles.</summary>
internal static class HalfCycles
{
    /// <summary>
    /// Half cycles in time order. A new half cycle starts when the direction changes, or when the
    /// export's cycle index changes.
    /// </summary>
    public static List<HalfCycle> Split(CyclerData data)
    {
        var result = new List<HalfCycle>();
        var current = new List<CyclerRecord>();
        var segments = new List<int>();
        StepKind dir = StepKind.Rest;
        int cycle = 0, segment = 0;
        foreach (var r in data.Records)
        {
            // A rest splits a half cycle into segments: no charge is integrated across it.
            if (r.Kind == StepKind.Rest) { segment++; continue; }
            if (current.Count > 0 && (r.Kind != dir || r.Cycle != cycle))
            {
                result.Add(Build(dir, cycle, current, segments));
                current = new List<CyclerRecord>();
                segments = new List<int>();
                segment++;
            }
            dir = r.Kind;
            cycle = r.Cycle;
            current.Add(r);
            segments.Add(segment);
        }
        if (current.Count > 0) result.Add(Build(dir, cycle, current, segments));
        return result;
    }

    static HalfCycle Build(StepKind dir, int cycle, List<CyclerRecord> records, List<int> segments)
    {
        double q = 0, e = 0;
        for (int k = 1; k < records.Count; k++)
        {
            if (segments[k] != segments[k - 1]) continue;
            var (dq, de) = HalfCycle.Increment(records[k - 1], records[k]);
            q += dq;
            e += de;
        }
        return new HalfCycle(dir, cycle, records, segments, q, e);
    }

    /// <summary>
    /// Cycles as (number, half cycles), numbered 1, 2, ... in time order. A cycle opens with a half cycle in
    /// the opening direction and takes the opposite one that follows. Without a cycle index in the export (all
    /// rows under one index, as in many Arbin files) the opening direction is the test's first; with one, each
    /// tester cycle is split the same way with its own first direction, so a tester cycle that holds two
    /// discharge-charge pairs (a rate change programmed inside one cycle) gives two cycles, never one summed.
    /// </summary>
    public static List<(int Number, List<HalfCycle> Halves)> Group(CyclerData data, List<HalfCycle> halves)
    {
        var cycles = new List<(int, List<HalfCycle>)>();
        var groups = data.HasCycleIndex ? halves.GroupBy(h => h.Cycle).Select(g => g.ToList()) : new[] { halves }.Where(h => h.Count > 0);
        foreach (var g in groups)
        {
            var opening = g[0].Direction;
            for (int k = 0; k < g.Count; k++)
            {
                if (k == 0 || (g[k].Direction == opening && g[k - 1].Direction != opening)) cycles.Add((cycles.Count + 1, new List<HalfCycle>()));
                cycles[^1].Item2.Add(g[k]);
            }
        }
        return cycles;
    }
}
