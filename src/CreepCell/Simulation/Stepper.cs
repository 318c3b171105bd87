using CreepCell.Fem;
using CreepCell.Materials;

namespace CreepCell.Simulation;

/// <summary>A step that passed every check and was committed.</summary>
internal readonly record struct AcceptedStep(int Iterations, double Dt);

/// <summary>
/// Time, step size, cut-backs and the accept rule of a run. A step is committed only after every check
/// (convergence, finite values, no overlapping solids, creep increment) has passed on the state that
/// will be committed; the recorder only ever sees accepted states.
/// </summary>
internal sealed class Stepper
{
    readonly CaseDefinition def;
    readonly NewtonOptions options;

    public Stepper(CaseDefinition def)
    {
        this.def = def;
        options = NewtonOptions.From(def.Solver);
    }

    /// <summary>Checked before every attempt of a step.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Receives the reason and residuals of every cut-back (null: not told).</summary>
    public Action<string>? CutBackLog { get; init; }

    /// <summary>The state has reached the end of the protocol.</summary>
    public bool Finished(StepState state) => state.Time >= def.Protocol.EndTime * (1 - 1e-15);

    /// <summary>Solves, checks and commits the next step from <paramref name="state"/>, landing on every
    /// breakpoint of the protocol, and advances the state and its next step size.</summary>
    public AcceptedStep Advance(Model model, MechanicsProblem problem, StepState state)
    {
        double t = state.Time;
        double target = LimitByLithiation(t, Math.Min(t + state.NextDt, def.Protocol.NextBreakpoint(t)));
        var (result, creep) = SolveWithCutbacks(model, problem, t, ref target);
        double dt = target - t;
        problem.Commit();
        state.PreviousDt = dt;
        state.Time = target;
        state.Step++;
        state.NewtonIterations = problem.TotalIterations;
        state.NextDt = StepController.Next(dt, result.Iterations, creep, def.Solver);
        return new AcceptedStep(result.Iterations, dt);
    }

    /// <summary>Equilibrium at time t, without creep or drag (a zero time step), for the creep states a cycle
    /// jump landed with. The jump moves every point's creep state over many cycles at once, so the state it
    /// lands in is far from equilibrium; the first step of the next cycle would have to find that equilibrium
    /// and creep at the same time, and its line search stagnates. When the direct solve fails, the states
    /// are moved from those of the last cycle computed in full (<paramref name="fromStates"/>, in equilibrium
    /// at <paramref name="fromU"/>) towards the landed ones in shares that grow while the solves converge.
    /// Returns the number of solves, or 0 if no equilibrium was found (the problem is then left as it was).</summary>
    public int Settle(Model model, MechanicsProblem problem, double t, double[] fromU, PointState[] fromStates)
    {
        var load = new LoadState(def.Protocol.ThetaAt(t), 0, def.Temperature);
        if (SolveAndCommit(model, problem, load)) return 1;
        int solves = SettleInShares(model, problem, load, fromU, fromStates);
        return solves > 0 ? solves + 1 : 0;
    }

    /// <summary>The continuation of <see cref="Settle"/>: from the snapshot's equilibrium to the landed
    /// states in growing shares. Returns the solves, or 0 with the problem back at the landing.</summary>
    internal int SettleInShares(Model model, MechanicsProblem problem, LoadState load, double[] fromU, PointState[] fromStates)
    {
        var landedU = (double[])problem.U.Clone();
        var landed = (PointState[])problem.States.Clone();
        double reached = 0, share = 0.5;
        int solves = 0;
        Move(problem, fromU, fromStates);
        while (reached < 1)
        {
            if (share < MinSettleShare)
            {
                Move(problem, landedU, landed);
                return 0;
            }
            double next = Math.Min(1, reached + share);
            Move(problem, problem.U, CycleStateExtrapolation.Between(fromStates, landed, next));
            solves++;
            if (SolveAndCommit(model, problem, load)) (reached, share) = (next, 2 * share);
            else share /= 4;
        }
        return solves;
    }

    /// <summary>Smallest share of a landing's state change a settling solve tries.</summary>
    const double MinSettleShare = 1.0 / 256;

    bool SolveAndCommit(Model model, MechanicsProblem problem, LoadState load)
    {
        var result = Check(model, problem, problem.SolveStep(load, 1, options));
        if (result.Converged) problem.Commit();
        return result.Converged;
    }

    static void Move(MechanicsProblem problem, double[] u, PointState[] states) =>
        problem.Restore(u, states, problem.TotalIterations, problem.ContactHessianProjected, problem.Stretch);

    double LimitByLithiation(double t, double target)
    {
        double theta = def.Protocol.ThetaAt(t), next = def.Protocol.ThetaAt(target);
        double limit = def.Solver.MaxLithiationStep;
        if (Math.Abs(next - theta) <= limit * (1 + 1e-12)) return target;
        return t + (target - t) * limit / Math.Abs(next - theta);
    }

    /// <summary>Solves the step to <paramref name="target"/>; on failure (or far too much creep in one
    /// step) retries with a shorter step, at most MaxCutbacks times. Returns the accepted solve and its
    /// creep increment measure.</summary>
    (NewtonResult Result, double Creep) SolveWithCutbacks(Model model, MechanicsProblem problem, double t, ref double target)
    {
        var start = (double[])problem.U.Clone();
        double startStretch = problem.Stretch;
        for (int cut = 0; ; cut++)
        {
            Array.Copy(start, problem.U, start.Length);
            problem.Stretch = startStretch;
            Cancellation.ThrowIfCancellationRequested();
            var load = new LoadState(def.Protocol.ThetaAt(target), target - t, def.Temperature);
            var result = Check(model, problem, problem.SolveStep(load, 1, options));
            double creep = result.Converged ? StepController.CreepIncrementMeasure(problem.Responses) : 0;
            if (result.Converged && (!StepController.TooMuchCreep(creep, def.Solver) || target - t <= def.Solver.MinStep)) return (result, creep);
            CutBackLog?.Invoke(CutBackReport(result, target, t));
            if (cut >= def.Solver.MaxCutbacks)
            {
                Array.Copy(start, problem.U, start.Length);
                problem.Stretch = startStretch;
                var seg = def.Protocol.SegmentAt(target);
                throw new NotConvergedException($"no convergence at t = {target:G8} s (cycle {seg.Cycle}, {seg.Half}, lithiation {load.Theta:F5}) " +
                    $"after {cut} cut-backs: {result.Failure ?? "creep increment too large"}; last residuals " +
                    $"{string.Join(", ", result.ResidualNorms.TakeLast(4).Select(r => r.ToString("E3")))}");
            }
            double shrink = result.Converged ? Math.Clamp(def.Solver.MaxCreepIncrement / creep, 0.1, 0.5) : 0.25;
            target = t + Math.Max(shrink * (target - t), Math.Min(def.Solver.MinStep, target - t));
        }
    }

    /// <summary>A converged solve that fails a check on the state it would commit counts as not converged.</summary>
    static NewtonResult Check(Model model, MechanicsProblem problem, NewtonResult result)
    {
        if (result.Converged && !problem.TrialIsFinite())
            return result with { Converged = false, Failure = "non-finite displacements or stresses" };
        if (result.Converged && model.SolidsOverlap(problem))
            return result with { Converged = false, Failure = "the solids overlap (more area than the box): elements folded over one another where the mesh is too coarse for the creep flow" };
        return result;
    }

    static string CutBackReport(NewtonResult result, double target, double t) =>
        $"cut-back at t = {target:G8} (dt {target - t:G4}): {result.Failure ?? "creep"}; reference {result.Reference:E2}; " +
        $"steps {string.Join(" ", result.StepLengths.Select(a => a.ToString("G2")))}; residuals {string.Join(", ", result.ResidualNorms.Select(r => r.ToString("E2")))}";
}
