namespace CreepCell.Analysis.Cycling;

/// <summary>
/// The step table: one row per run of records that share the tester's step index, cycle index and direction
/// (or, without a step index, per run of one direction between rests). A run of one direction is split
/// into its constant-current part and a constant-voltage tail, so a CC-CV step gives two rows with the same
/// tester step. The tail is CV when its voltage stays within <see cref="CvVoltageTolerance"/> of the step's
/// last voltage while the current falls below <see cref="CvCurrentDrop"/> of its value where the tail starts;
/// the first record of that tail (where the voltage reached the hold) ends the CC row and opens the CV row.
/// Charge is integrated by the same trapezoid rule as the half cycles: within a step, and across the boundary
/// between two steps of one direction and one cycle with no rest between them (that interval belongs to the
/// later step), so CC + CV of a half cycle equals the half cycle's charge.
/// </summary>
internal static class StepTable
{
    public const double CvVoltageTolerance = 0.005;
    public const double CvCurrentDrop = 0.9;

    public static List<StepResult> Build(CyclerData data)
    {
        var steps = new List<StepResult>();
        var r = data.Records;
        int start = 0;
        for (int k = 1; k <= r.Count; k++)
        {
            if (k < r.Count && SameRun(r[k - 1], r[k])) continue;
            AddRun(steps, r, start, k - 1);
            start = k;
        }
        return steps;
    }

    static bool SameRun(CyclerRecord a, CyclerRecord b) => a.Step == b.Step && a.Cycle == b.Cycle && a.Kind == b.Kind;

    static void AddRun(List<StepResult> steps, IReadOnlyList<CyclerRecord> r, int first, int last)
    {
        if (r[first].Kind == StepKind.Rest) { steps.Add(Make(steps, r, first, first, last, StepMode.Rest)); return; }
        var cc = r[first].Kind == StepKind.Charge ? StepMode.CcCharge : StepMode.CcDischarge;
        int tail = CvStart(r, first, last);
        if (tail > last) { steps.Add(Make(steps, r, Attached(r, first), first, last, cc)); return; }
        // The record where the voltage reached the hold ends the CC part and opens the CV part.
        if (tail > first) steps.Add(Make(steps, r, Attached(r, first), first, tail, cc));
        steps.Add(Make(steps, r, tail > first ? tail : Attached(r, first), tail > first ? tail + 1 : first, last, StepMode.Cv));
    }

    /// <summary>The first index of the constant-voltage tail of a run, or last + 1 when the run has none.</summary>
    static int CvStart(IReadOnlyList<CyclerRecord> r, int first, int last)
    {
        double vEnd = r[last].Voltage;
        int k = last;
        while (k > first && Math.Abs(r[k - 1].Voltage - vEnd) <= CvVoltageTolerance) k--;
        if (k == last) return last + 1;
        return Math.Abs(r[last].Current) < CvCurrentDrop * Math.Abs(r[k].Current) ? k : last + 1;
    }

    /// <summary>The record a step integrates from: the one before it when that one has the same direction and cycle (no rest between).</summary>
    static int Attached(IReadOnlyList<CyclerRecord> r, int first) =>
        first > 0 && r[first - 1].Kind == r[first].Kind && r[first - 1].Cycle == r[first].Cycle ? first - 1 : first;

    static StepResult Make(List<StepResult> steps, IReadOnlyList<CyclerRecord> r, int from, int first, int last, StepMode mode)
    {
        double q = 0;
        if (mode != StepMode.Rest)
            for (int k = from + 1; k <= last; k++) q += HalfCycle.Increment(r[k - 1], r[k]).Q;
        var a = r[from];
        return new StepResult(steps.Count + 1, r[first].Step, r[first].Cycle, mode, r[first].Kind,
            a.Time, r[last].Time, a.Voltage, r[last].Voltage, q);
    }

    /// <summary>Charge put in at constant current and at constant voltage between two times (s), both inclusive of the step start.</summary>
    public static (double Cc, double Cv) ChargeSplit(IEnumerable<StepResult> steps, double start, double end)
    {
        double cc = 0, cv = 0;
        foreach (var s in steps.Where(s => s.Direction == StepKind.Charge && s.EndTime >= start && s.EndTime <= end && s.EndTime > start))
            if (s.Mode == StepMode.Cv) cv += s.Coulombs; else cc += s.Coulombs;
        return (cc, cv);
    }
}
