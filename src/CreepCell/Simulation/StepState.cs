using CreepCell.Materials;

namespace CreepCell.Simulation;

/// <summary>Everything the stepping loop carries from one step to the next: with the problem's U and
/// States it is the complete state of a run, saved in checkpoints.</summary>
internal sealed class StepState
{
    public double Time;
    public int Step;
    public double NextDt;
    public double PreviousDt;
    public long NewtonIterations;
    /// <summary>Bodies remeshed so far (a body counts once per remeshing).</summary>
    public int RemeshedBodies;
    /// <summary>Steps to wait before the next remeshing, after one whose new boundary was not admissible.</summary>
    public int RemeshPause;
    public List<double[]> HistoryRows = new();
    public List<(double Time, string File)> FieldFiles = new();
    /// <summary>Cycle jumping: recent full cycles, a jump waiting for its check, the jumps taken.</summary>
    public CycleJumpState Jump = new();
    /// <summary>Fracture and contact-loss indicators at the ends of lithiation and charge (docs/integrity.md).</summary>
    public Integrity.IntegrityLog Integrity = new();
}

/// <summary>Adaptive time step: it doubles after every solve under 15 Newton iterations and halves after
/// a longer one; while anything creeps, the creep-strain increment of the last step bounds it against
/// its target.</summary>
internal static class StepController
{
    public static double Next(double dt, int iterations, double creepIncrement, SolverSpec s)
    {
        // With contact the iteration count does not say how hard a step was: the barrier's linear tails
        // take 5-14 iterations at any step size, and steps held there stopped growing at a quarter of the
        // creep target (docs/performance.md, "Steps set by the creep increment").
        double factor = iterations >= 15 ? 0.5 : 2;
        if (creepIncrement > 0) factor = Math.Min(factor, Math.Clamp(0.9 * s.MaxCreepIncrement / creepIncrement, 0.25, 2));
        double next = dt * factor;
        if (s.MaxStep > 0) next = Math.Min(next, s.MaxStep);
        return Math.Max(next, s.MinStep);
    }

    /// <summary>A step whose creep increment is far above target is repeated with a shorter step.</summary>
    public static bool TooMuchCreep(double creepIncrement, SolverSpec s) => creepIncrement > 2 * s.MaxCreepIncrement;

    /// <summary>
    /// Area-weighted mean equivalent creep-strain increment over the points that creep. The mean, not
    /// the maximum: stress singularities at fresh contacts creep without bound for high n and would
    /// otherwise stall the steps, while the implicit update stays stable there for any step.
    /// </summary>
    public static double CreepIncrementMeasure(PointResponse[] responses)
    {
        double sum = 0, area = 0;
        foreach (var r in responses)
        {
            if (r.CreepIncrement <= 0) continue;
            sum += r.Area * r.CreepIncrement;
            area += r.Area;
        }
        return area > 0 ? sum / area : 0;
    }
}
