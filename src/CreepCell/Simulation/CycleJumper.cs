using CreepCell.Contact;
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
/// point and lands at the end of cycle N + Delta N with the displacements of cycle N, settled into
/// equilibrium there (<see cref="Settle"/>). The next cycle, computed in full, checks the jump against
/// Q_N + (Delta N + 1) D: outside the tolerance the run returns to cycle N and jumps half as far.
/// </summary>
internal sealed partial class CycleJumper
{
    readonly JumpSpec spec;
    readonly LithiationProtocol protocol;
    readonly double[] cycleEnd;
    readonly int[] watched;
    /// <summary>Per watched column: true for fractions (absolute tolerance), false for stresses and strains (relative).</summary>
    readonly bool[] fraction;
    /// <summary>Per watched column, how the fitted rule compares it and over which variable (<see cref="FittedJumpRule"/>).</summary>
    readonly WatchedKind[] kinds;

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
        kinds = picked.Select(i => FittedJumpRule.KindOf(columns[i])).ToArray();
    }

    /// <summary>Finds the equilibrium of a landing at the given time from the snapshot its jump starts from;
    /// returns the solves it took, 0 if it found none (null: the first step after the jump finds it).</summary>
    public Func<MechanicsProblem, double, CycleSnapshot, int>? Settle { get; init; }

    /// <summary>Jumps shortened after a landing without equilibrium before the cycle is computed in full.</summary>
    const int LandingRetries = 2;

    /// <summary>The time at the end of cycle c.</summary>
    public double CycleEnd(int c) => cycleEnd[c];

    /// <summary>Called after every accepted step; notes the contacts at full lithiation and acts at the end of a cycle.</summary>
    public JumpOutcome AfterStep(MechanicsProblem problem, StepState state)
    {
        int c = protocol.SegmentAt(state.Time).Cycle;
        if (!spec.Enabled) return JumpOutcome.None;
        var jump = state.Jump;
        if (Near(state.Time, protocol.HalfCycleEnd(c, HalfCycle.Lithiation))) jump.FullPairs = ContactPairs(problem);
        if (!Near(state.Time, cycleEnd[c])) return JumpOutcome.None;
        var q = Watched(state, c);
        if (q is null) return JumpOutcome.None;
        var outcome = JumpOutcome.None;
        // a cap halved by a rejected jump grows again by one per cycle computed in full
        if (!jump.Pending) jump.Cap = (int)Math.Min(spec.MaxCycles, (long)jump.Cap + 1);
        if (jump.Pending)
        {
            if (!Passes(jump, c, q)) return TakeBack(problem, state);
            jump.PendingFrom = null;
            jump.Cap = Math.Min(spec.MaxCycles, 2 * Math.Max(jump.Cap, 2));
            outcome = JumpOutcome.Checked;
        }
        Remember(jump, Snapshot(c, q, problem, state), spec.FirstAfter);
        return TryJump(problem, state) ? JumpOutcome.Jumped : outcome;
    }

    /// <summary>Takes the snapshots to the mesh a remeshing made (no jump waits for its check while a run remeshes).</summary>
    public static void Carry(StepState state, SnapshotCarrier carrier)
    {
        foreach (var s in state.Jump.Recent)
        {
            s.U = carrier.Displacements(s.U);
            s.States = carrier.States(s.States);
            s.Pairs = carrier.Pairs(s.Pairs);
        }
        state.Jump.FullPairs = carrier.Pairs(state.Jump.FullPairs);
    }

    bool TryJump(MechanicsProblem problem, StepState state)
    {
        var jump = state.Jump;
        if (jump.Recent.Count < 3) return false;
        var n = jump.Recent[^1];
        if (n.Cycle < spec.FirstAfter) return false;
        if (jump.Jumps.Count > 0 && n.Cycle - jump.Jumps[^1].To < spec.FullCyclesBetween) return false;
        // the cycle after the landing checks the jump, and the run must still hold it
        int room = Math.Min(jump.Cap, protocol.CycleCount - n.Cycle - 1);
        bool scatters = FittedJumpRule.Scatters(jump.ThirdSquares, jump.Quadruples, n.Watched, kinds, spec.Tolerance);
        var plan = LandedPlan(problem, jump, n, room, scatters);
        if (plan is null) return false;
        jump.PendingFrom = n;
        (jump.Predicted, jump.Band) = (plan.Predicted, plan.Band);
        jump.Jumps.Add((n.Cycle, n.Cycle + plan.Length));
        string settled = settleSolves switch { 0 => "", 1 => ", landed in equilibrium", _ => $", landed in equilibrium in {settleSolves} solves" };
        jump.Log.Add($"cycle {n.Cycle}: jump {plan.Length} cycles on the {(scatters ? "fitted trend" : "last three cycles")}{settled}");
        state.Time = cycleEnd[n.Cycle + plan.Length];
        return true;
    }

    sealed record Plan(int Length, PointState[] States, double[] Predicted, double[] Band)
    {
        /// <summary>The displacements to land with (null: those of the last cycle).</summary>
        public double[]? U { get; init; }
    }

    /// <summary>A smooth run: the trend and change of its last three consecutive cycles.</summary>
    Plan? ChordPlan(List<CycleSnapshot> recent, int room)
    {
        var (a, b, n) = (recent[^3], recent[^2], recent[^1]);
        if (b.Cycle != n.Cycle - 1 || a.Cycle != n.Cycle - 2) return null;
        int delta = Math.Min(JumpLength(a.Watched, b.Watched, n.Watched), room);
        if (delta < 2) return null;
        var predicted = n.Watched.Select((v, i) => v + (delta + 1) * (v - b.Watched[i])).ToArray();
        var band = predicted.Select((p, i) => Tolerance(i, p)).ToArray();
        return new Plan(delta, CycleStateExtrapolation.Chord(b.States, n.States, delta), predicted, band);
    }

    /// <summary>A scattering run: trends fitted over the last cycles computed in full (<see cref="FittedJumpRule"/>).</summary>
    Plan? FittedPlan(MechanicsProblem problem, List<CycleSnapshot> recent, int room)
    {
        if (recent.Count < FittedJumpRule.MinCycles) return null;
        var chosen = FittedJumpRule.Choose(recent.Select(s => s.Cycle).ToArray(), recent.Select(s => s.Watched).ToArray(), kinds, spec.Tolerance, room);
        if (chosen is null) return null;
        int landing = recent[^1].Cycle + chosen.Length;
        var states = CycleStateExtrapolation.Fitted(recent, landing);
        return new Plan(chosen.Length, states, chosen.Predicted, chosen.Band) { U = CycleLanding.Displacements(problem, recent, landing) };
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

    /// <summary>Whether the checking cycle lies within the band of every watched quantity and made no
    /// contact between particles that none of the cycles the jump was based on had (a new contact changes
    /// the topology the trend was fitted on).</summary>
    bool Passes(CycleJumpState jump, int cycle, double[] q)
    {
        int worst = -1;
        double ratio = 0;
        for (int i = 0; i < q.Length; i++)
        {
            double r = Math.Abs(q[i] - jump.Predicted[i]) / jump.Band[i];
            if (r > ratio) (worst, ratio) = (i, r);
        }
        var known = jump.Recent.SelectMany(s => s.Pairs).ToHashSet();
        int added = jump.FullPairs.Count(p => !known.Contains(p));
        bool passes = ratio <= 1 && added == 0;
        jump.Log.Add($"cycle {cycle}: check {(passes ? "passed" : "failed")}, largest deviation {ratio:F2} of its band (quantity {worst}), {added} new contacts");
        return passes;
    }

    JumpOutcome TakeBack(MechanicsProblem problem, StepState state)
    {
        var jump = state.Jump;
        int delta = jump.Jumps[^1].To - jump.Jumps[^1].From;
        ReturnToStart(problem, state);
        jump.Rejected++;
        // a failed check of the shortest jump would be tried again at the next cycle on nearly the same
        // window; the window is renewed first (each failed check costs a cycle computed and thrown away)
        jump.Cap = delta / 2 >= 2 ? delta / 2 : delta / 2 - spec.FullCyclesBetween;
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
        view.Jump.Log.AddRange(state.Jump.Log);
        return view;
    }

    /// <summary>Returns a run whose jump is not yet checked to the cycle the jump started from when a step
    /// after it cannot converge. The next jump is at most half as long, and the cap that grows back by one
    /// per cycle computed in full starts <see cref="JumpSpec.FullCyclesBetween"/> lower: a landing that
    /// failed is not tried again, a cycle later, at nearly the same length (each failure costs every
    /// cut-back of a step).</summary>
    void Undo(MechanicsProblem problem, StepState state, string? why = null)
    {
        var jump = state.Jump;
        if (jump.PendingFrom is not { } from) return;
        int delta = jump.Jumps[^1].To - jump.Jumps[^1].From;
        ReturnToStart(problem, state);
        jump.Rejected++;
        jump.Cap = delta / 2 - spec.FullCyclesBetween;
        string next = jump.Cap >= 2 ? $"the next jump at most {jump.Cap} cycles" : $"no jump before {2 - jump.Cap} more cycles computed in full";
        jump.Log.Add($"cycle {from.Cycle}: a step after the jump of {delta} cycles did not converge{(why is null ? "" : $" ({why})")}; taken back, {next}");
    }

    /// <summary>A step after a jump not yet checked did not converge: the run returns to the cycle the jump
    /// started from and jumps again at most half as far (or computes the next cycles in full).</summary>
    public void TakeBackUnconverged(MechanicsProblem problem, StepState state, string why)
    {
        Undo(problem, state, why);
        TryJump(problem, state);
    }

    /// <summary>Returns a run whose jump is not yet checked to the cycle the jump started from.</summary>
    static void ReturnToStart(MechanicsProblem problem, StepState state)
    {
        var jump = state.Jump;
        if (jump.PendingFrom is not { } from) return;
        problem.Restore(from.U, from.States, problem.TotalIterations, problem.ContactHessianProjected, from.Stretch);
        (state.Time, state.Step, state.NextDt, state.PreviousDt) = (from.Time, from.Step, from.NextDt, from.PreviousDt);
        state.NewtonIterations = problem.TotalIterations;
        state.HistoryRows.RemoveRange(from.HistoryRows, state.HistoryRows.Count - from.HistoryRows);
        state.FieldFiles.RemoveRange(from.FieldFiles, state.FieldFiles.Count - from.FieldFiles);
        state.Integrity.Rows.RemoveAll(r => r[0] > from.Time);
        jump.Jumps.RemoveAt(jump.Jumps.Count - 1);
        jump.PendingFrom = null;
    }

    /// <summary>Adds a cycle computed in full to the window of the last ones (the first cycle, which ends at its
    /// own residual, is left out), and the scatter of the last four when they are consecutive. Every
    /// snapshot keeps its displacements and states: a fitted jump moves both along their trends.</summary>
    static void Remember(CycleJumpState jump, CycleSnapshot s, int firstAfter)
    {
        if (s.Cycle < 2) return;
        var recent = jump.Recent;
        recent.Add(s);
        if (recent.Count > FittedJumpRule.WindowCycles) recent.RemoveAt(0);
        // the first cycles settle from the start: their change is transient, not scatter
        if (recent.Count >= 4 && recent[^4].Cycle == s.Cycle - 3 && recent[^4].Cycle >= firstAfter)
        {
            if (jump.ThirdSquares.Length != s.Watched.Length) jump.ThirdSquares = new double[s.Watched.Length];
            FittedJumpRule.AddThirdDifferences(jump.ThirdSquares, recent[^4].Watched, recent[^3].Watched, recent[^2].Watched, s.Watched);
            jump.Quadruples++;
        }
    }

    static CycleSnapshot Snapshot(int cycle, double[] q, MechanicsProblem problem, StepState state) => new()
    {
        Cycle = cycle, Watched = q, U = (double[])problem.U.Clone(), Stretch = problem.Stretch, States = (PointState[])problem.States.Clone(),
        Time = state.Time, NextDt = state.NextDt, PreviousDt = state.PreviousDt, Step = state.Step,
        HistoryRows = state.HistoryRows.Count, FieldFiles = state.FieldFiles.Count, Pairs = state.Jump.FullPairs,
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

    /// <summary>The pairs of particles in contact (<see cref="ContactGraph"/>), as sorted numbers.</summary>
    static long[] ContactPairs(MechanicsProblem problem)
    {
        if (problem.Contact is not { } contact) return Array.Empty<long>();
        var graph = ContactGraph.Build(contact, problem.U);
        return graph.Edges.Select(e => (long)e.A * graph.BodyCount + e.B).Order().ToArray();
    }

    static bool Near(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));
}
