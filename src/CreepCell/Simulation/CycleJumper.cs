using CreepCell.Materials;

namespace CreepCell.Simulation;

/// <summary>What a cycle end did to the run.</summary>
internal enum JumpOutcome { None, Jumped, Checked, TakenBack }

/// <summary>
/// Cycle jumping (Lemaitre and Doghri 1994; Cojocaru and Karlsson 2006) over a galvanostatic protocol.
/// At the end of each cycle computed in full it keeps a snapshot of the state and of the watched
/// quantities Q (contact ratios and fractions, porosity, phase mean stresses and creep strains, at full
/// lithiation and at the cycle's end). From three consecutive full cycles N-2, N-1, N it takes the trend
/// D = Q_N - Q_(N-1) and its change S = Q_N - 2 Q_(N-1) + Q_(N-2); a linear extrapolation over k cycles
/// is then off by about S k (k + 1) / 2, so the jump Delta N is the largest with that error within the
/// tolerance at the checking cycle k = Delta N + 1. The jump extrapolates the creep state of every
/// point and lands at the end of cycle N + Delta N with the displacements of cycle N; the first step
/// after it re-establishes equilibrium. The next cycle, computed in full, checks the jump against
/// Q_N + (Delta N + 1) D: outside the tolerance the run returns to cycle N and jumps half as far.
/// </summary>
internal sealed class CycleJumper
{
    readonly JumpSpec spec;
    readonly LithiationProtocol protocol;
    readonly double[] cycleEnd;
    readonly int[] watched;
    /// <summary>Per watched column: true for fractions (absolute tolerance), false for stresses and strains (relative).</summary>
    readonly bool[] fraction;

    static readonly string[] FractionColumns = { "contact_ratio_", "contact_fraction_", "surface_in_contact_", "porosity" };
    static readonly string[] RelativeColumns = { "vm_mean_", "p_mean_", "creep_mean_" };

    public CycleJumper(JumpSpec spec, LithiationProtocol protocol, IReadOnlyList<string> columns)
    {
        this.spec = spec;
        this.protocol = protocol;
        int cycles = protocol.CycleCount;
        cycleEnd = new double[cycles + 1];
        foreach (var s in protocol.Segments) cycleEnd[s.Cycle] = s.End;
        var picked = Enumerable.Range(0, columns.Count)
            .Where(i => FractionColumns.Concat(RelativeColumns).Any(p => columns[i].StartsWith(p, StringComparison.Ordinal))).ToArray();
        watched = picked;
        fraction = picked.Select(i => FractionColumns.Any(p => columns[i].StartsWith(p, StringComparison.Ordinal))).ToArray();
    }

    /// <summary>The time at the end of cycle c.</summary>
    public double CycleEnd(int c) => cycleEnd[c];

    /// <summary>Called after every accepted step; acts only at the end of a cycle.</summary>
    public JumpOutcome AfterStep(MechanicsProblem problem, StepState state)
    {
        int c = protocol.SegmentAt(state.Time).Cycle;
        if (!spec.Enabled || !Near(state.Time, cycleEnd[c])) return JumpOutcome.None;
        var jump = state.Jump;
        var q = Watched(state, c);
        if (q is null) return JumpOutcome.None;
        var outcome = JumpOutcome.None;
        // a cap halved by a rejected jump grows again by one per cycle computed in full
        if (!jump.Pending) jump.Cap = (int)Math.Min(spec.MaxCycles, (long)jump.Cap + 1);
        if (jump.Pending)
        {
            if (Error(q, jump.Predicted) > 1) return TakeBack(problem, state);
            jump.PendingFrom = null;
            jump.Recent.Clear();
            jump.Cap = Math.Min(spec.MaxCycles, 2 * Math.Max(jump.Cap, 2));
            outcome = JumpOutcome.Checked;
        }
        Remember(jump, Snapshot(c, q, problem, state));
        return TryJump(problem, state) ? JumpOutcome.Jumped : outcome;
    }

    /// <summary>Forget the snapshots (the mesh changed: their states no longer fit).</summary>
    public static void Forget(StepState state)
    {
        state.Jump.Recent.Clear();
        state.Jump.PendingFrom = null;
    }

    bool TryJump(MechanicsProblem problem, StepState state)
    {
        var jump = state.Jump;
        if (jump.Recent.Count < 3) return false;
        var (a, b, n) = (jump.Recent[0], jump.Recent[1], jump.Recent[2]);
        // the first cycle ends at its own residual (theta_end_first): the trend starts after it
        if (n.Cycle < spec.FirstAfter || a.Cycle < 2) return false;
        if (jump.Jumps.Count > 0 && n.Cycle - jump.Jumps[^1].To < spec.FullCyclesBetween) return false;
        int delta = JumpLength(a.Watched, b.Watched, n.Watched);
        // the cycle after the landing checks the jump, and the run must still hold it
        delta = Math.Min(Math.Min(delta, jump.Cap), protocol.CycleCount - n.Cycle - 1);
        if (delta < 2) return false;
        problem.Restore(n.U, Extrapolated(b.States, n.States, delta), problem.TotalIterations, problem.ContactHessianProjected);
        jump.PendingFrom = n;
        jump.Predicted = n.Watched.Select((v, i) => v + (delta + 1) * (v - b.Watched[i])).ToArray();
        jump.Jumps.Add((n.Cycle, n.Cycle + delta));
        state.Time = cycleEnd[n.Cycle + delta];
        return true;
    }

    /// <summary>The largest Delta N whose extrapolation error at the checking cycle, |S| (k + 1) k / 2 with
    /// k = Delta N + 1, stays within the tolerance for every watched quantity.</summary>
    int JumpLength(double[] q0, double[] q1, double[] q2)
    {
        double best = spec.MaxCycles;
        for (int i = 0; i < q2.Length; i++)
        {
            double s = Math.Abs(q2[i] - 2 * q1[i] + q0[i]);
            if (s == 0) continue;
            // (k + 1) k / 2 <= tol / s, solved for k
            double k = 0.5 * (Math.Sqrt(1 + 8 * Tolerance(i, q2[i]) / s) - 1);
            best = Math.Min(best, k - 1);
        }
        return (int)Math.Floor(best);
    }

    double Tolerance(int i, double value) => fraction[i % fraction.Length] ? spec.Tolerance : spec.Tolerance * Math.Max(Math.Abs(value), 1e-300);

    /// <summary>Largest |q - predicted| over its tolerance.</summary>
    double Error(double[] q, double[] predicted)
    {
        double worst = 0;
        for (int i = 0; i < q.Length; i++)
            worst = Math.Max(worst, Math.Abs(q[i] - predicted[i]) / Tolerance(i, predicted[i]));
        return worst;
    }

    JumpOutcome TakeBack(MechanicsProblem problem, StepState state)
    {
        var jump = state.Jump;
        int delta = jump.Jumps[^1].To - jump.Jumps[^1].From;
        Undo(problem, state);
        jump.Rejected++;
        jump.Cap = delta / 2;
        TryJump(problem, state);
        return JumpOutcome.TakenBack;
    }

    /// <summary>The state as far as it is checked: while a jump waits for its check, the rows after the
    /// cycle it started from are left out of what is written (a failed check takes them back).</summary>
    public static StepState Verified(StepState state)
    {
        if (state.Jump.PendingFrom is not { } from) return state;
        var view = new StepState
        {
            Time = from.Time, Step = from.Step, NextDt = from.NextDt, PreviousDt = from.PreviousDt,
            NewtonIterations = state.NewtonIterations, RemeshedBodies = state.RemeshedBodies,
            HistoryRows = state.HistoryRows.Take(from.HistoryRows).ToList(), FieldFiles = state.FieldFiles.Take(from.FieldFiles).ToList(),
        };
        view.Integrity.Rows.AddRange(state.Integrity.Rows.Where(r => r[0] <= from.Time));
        view.Jump.Jumps.AddRange(state.Jump.Jumps.Take(state.Jump.Jumps.Count - 1));
        return view;
    }

    /// <summary>Returns a run whose jump is not yet checked to the cycle the jump started from (when the
    /// check fails, and when a step after it cannot converge).</summary>
    public static void Undo(MechanicsProblem problem, StepState state)
    {
        var jump = state.Jump;
        if (jump.PendingFrom is not { } from) return;
        problem.Restore(from.U, from.States, problem.TotalIterations, problem.ContactHessianProjected);
        (state.Time, state.Step, state.NextDt, state.PreviousDt) = (from.Time, from.Step, from.NextDt, from.PreviousDt);
        state.NewtonIterations = problem.TotalIterations;
        state.HistoryRows.RemoveRange(from.HistoryRows, state.HistoryRows.Count - from.HistoryRows);
        state.FieldFiles.RemoveRange(from.FieldFiles, state.FieldFiles.Count - from.FieldFiles);
        state.Integrity.Rows.RemoveAll(r => r[0] > from.Time);
        jump.Jumps.RemoveAt(jump.Jumps.Count - 1);
        jump.PendingFrom = null;
    }

    static void Remember(CycleJumpState jump, CycleSnapshot s)
    {
        if (jump.Recent.Count > 0 && jump.Recent[^1].Cycle != s.Cycle - 1) jump.Recent.Clear();
        jump.Recent.Add(s);
        if (jump.Recent.Count > 3) jump.Recent.RemoveAt(0);
        // only the last two snapshots are extrapolated from or returned to
        if (jump.Recent.Count == 3 && !ReferenceEquals(jump.Recent[0], jump.PendingFrom)) { jump.Recent[0].U = Array.Empty<double>(); jump.Recent[0].States = Array.Empty<PointState>(); }
    }

    static CycleSnapshot Snapshot(int cycle, double[] q, MechanicsProblem problem, StepState state) => new()
    {
        Cycle = cycle, Watched = q, U = (double[])problem.U.Clone(), States = (PointState[])problem.States.Clone(),
        Time = state.Time, NextDt = state.NextDt, PreviousDt = state.PreviousDt, Step = state.Step,
        HistoryRows = state.HistoryRows.Count, FieldFiles = state.FieldFiles.Count,
    };

    /// <summary>The watched columns at full lithiation and at the end of cycle c; null if a row is missing.</summary>
    double[]? Watched(StepState state, int c)
    {
        var rows = state.HistoryRows;
        double fullEnd = protocol.HalfCycleEnd(c, HalfCycle.Lithiation);
        double[]? full = null;
        for (int r = rows.Count - 1; r >= 0 && rows[r][0] >= fullEnd * (1 - 1e-12); r--)
            if (Near(rows[r][0], fullEnd)) full = rows[r];
        if (full is null || rows.Count == 0) return null;
        var end = rows[^1];
        return watched.Select(i => full[i]).Concat(watched.Select(i => end[i])).ToArray();
    }

    /// <summary>States n + delta (n - previous): creep strains and the creep tensor Cc^-1 extrapolated, the
    /// tensor scaled back to the determinant it had (creep keeps the volume).</summary>
    static PointState[] Extrapolated(PointState[] previous, PointState[] n, int delta)
    {
        var result = new PointState[n.Length];
        for (int q = 0; q < n.Length; q++)
        {
            SymTensor c = n[q].CreepInverse, p = previous[q].CreepInverse;
            var x = new SymTensor(c.Xx + delta * (c.Xx - p.Xx), c.Yy + delta * (c.Yy - p.Yy), c.Xy + delta * (c.Xy - p.Xy), c.Zz + delta * (c.Zz - p.Zz));
            double ratio = Determinant(c) / Determinant(x);
            if (!(ratio > 0)) { result[q] = n[q]; continue; }
            double scale = Math.Cbrt(ratio);
            x = new SymTensor(scale * x.Xx, scale * x.Yy, scale * x.Xy, scale * x.Zz);
            double strain = n[q].CreepStrain + delta * (n[q].CreepStrain - previous[q].CreepStrain);
            result[q] = n[q] with { CreepInverse = x, CreepStrain = Math.Max(strain, n[q].CreepStrain) };
        }
        return result;
    }

    static double Determinant(SymTensor t) => (t.Xx * t.Yy - t.Xy * t.Xy) * t.Zz;

    static bool Near(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));
}
