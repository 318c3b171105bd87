namespace CreepCell.Simulation;

/// <summary>A step that could not converge after every allowed cut-back; a checkpoint of the last
/// converged state has been written.</summary>
public sealed class NotConvergedException(string message) : Exception(message);

/// <summary>A run stopped on request (SIGINT, SIGTERM) between two steps; a checkpoint of the last
/// converged step has been written.</summary>
public sealed class RunInterruptedException(string message, int step, double time) : Exception(message)
{
    public int Step { get; } = step;
    public double Time { get; } = time;
}

/// <summary>Where a run stands after a step, for progress displays.</summary>
public sealed record RunProgress(int Step, int Cycle, int Cycles, HalfCycle Half, double Time, double StartTime, double EndTime,
    double Lithiation, double StepSize, int Iterations, TimeSpan Elapsed)
{
    /// <summary>Fraction of simulated time done.</summary>
    public double Fraction => EndTime > StartTime ? (Time - StartTime) / (EndTime - StartTime) : 1;

    /// <summary>Simulated time where this process began (later than <see cref="StartTime"/> after a resume):
    /// the time left is extrapolated from the progress made since then.</summary>
    public double SessionStartTime { get; init; } = double.NaN;

    /// <summary>Cycle jumps taken so far and the length of the last one (cycles).</summary>
    public int Jumps { get; init; }
    public int LastJump { get; init; }

    /// <summary>", 3 cycle jumps (last 12 cycles)" when the run has jumped, else empty.</summary>
    public string JumpNote => Jumps > 0 ? $", {Jumps} cycle jump{(Jumps == 1 ? "" : "s")} (last {LastJump} cycles)" : "";

    public TimeSpan? Remaining
    {
        get
        {
            double from = double.IsNaN(SessionStartTime) ? StartTime : SessionStartTime;
            double done = EndTime > from ? (Time - from) / (EndTime - from) : 1;
            return done > 0 ? TimeSpan.FromSeconds(Elapsed.TotalSeconds * (1 - done) / done) : null;
        }
    }

    public override string ToString() =>
        $"step {Step}: cycle {Cycle}/{Cycles} {Half.ToString().ToLowerInvariant()}, t = {Time / 3600:F3} h, lithiation {Lithiation:F4}, " +
        $"dt = {StepSize:G4} s, {Iterations} Newton iterations{JumpNote}, {100 * Fraction:F1} % done" + (Remaining is { } r ? $", about {r.TotalSeconds:F0} s left" : "");
}

public sealed record SolverStatistics(int Unknowns, long NewtonIterations, double FactorSeconds, double AnalyzeSeconds, double ContactSeconds)
{
    /// <summary>Force evaluations (line-search trials included) and the time of their element loops.</summary>
    public long Evaluations { get; init; }
    public double AssemblySeconds { get; init; }
    /// <summary>Numeric factorizations and rejected line-search trials.</summary>
    public long Factorizations { get; init; }
    public long Backtracks { get; init; }
    /// <summary>Time of the per-step results (phase statistics, contact measures) and of field and picture output.</summary>
    public double RecordSeconds { get; init; }

    public static readonly SolverStatistics None = new(0, 0, 0, 0, 0);

    /// <summary>The counters of one problem (each problem that remeshing builds starts at zero).</summary>
    public static SolverStatistics Of(MechanicsProblem p) => new(p.FreeDofs, p.TotalIterations, p.FactorSeconds, p.AnalyzeSeconds, p.Contact?.SearchSeconds ?? 0)
    {
        Evaluations = p.Evaluations, AssemblySeconds = p.AssemblySeconds, Factorizations = p.Factorizations, Backtracks = p.Backtracks,
    };

    /// <summary>These counters followed by those of <paramref name="later"/> (size and iteration count are the later ones: a new problem carries the iterations).</summary>
    public SolverStatistics Then(SolverStatistics later) => new(later.Unknowns, later.NewtonIterations, FactorSeconds + later.FactorSeconds,
        AnalyzeSeconds + later.AnalyzeSeconds, ContactSeconds + later.ContactSeconds)
    {
        Evaluations = Evaluations + later.Evaluations, AssemblySeconds = AssemblySeconds + later.AssemblySeconds,
        Factorizations = Factorizations + later.Factorizations, Backtracks = Backtracks + later.Backtracks,
        RecordSeconds = RecordSeconds + later.RecordSeconds,
    };
}

public sealed record RunResult(int Steps, long NewtonIterations, double WallSeconds, string OutputDir, IReadOnlyList<string> Phases, PhaseStats[] Final)
{
    /// <summary>Per phase, the largest area fraction in badly distorted elements over all steps (history.csv distorted_area_P).</summary>
    public double[] LargestDistortedArea { get; init; } = Array.Empty<double>();
    /// <summary>Bodies remeshed over the run ([solver] remesh_angle); a body counts once per remeshing.</summary>
    public int RemeshedBodies { get; init; }
}
