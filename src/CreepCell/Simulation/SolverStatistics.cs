namespace CreepCell.Simulation;

/// <summary>Where the solver time of a run went: unknowns, iterations, factorization, analysis and contact time, evaluations.</summary>
public sealed record SolverStatistics(int Unknowns, long NewtonIterations, double FactorSeconds, double AnalyzeSeconds, double ContactSeconds)
{
    /// <summary>Force evaluations (line-search trials included) and the time of their element loops.</summary>
    public long Evaluations { get; init; }
    public double AssemblySeconds { get; init; }
    /// <summary>Numeric factorizations and rejected line-search trials.</summary>
    public long Factorizations { get; init; }
    public long Backtracks { get; init; }
    /// <summary>Newton iterations solved with a raised diagonal after a direction that did not descend.</summary>
    public long ShiftedIterations { get; init; }
    /// <summary>Time of the per-step results (phase statistics, contact measures) and of field and picture output.</summary>
    public double RecordSeconds { get; init; }

    public static readonly SolverStatistics None = new(0, 0, 0, 0, 0);

    /// <summary>The counters of one problem (each problem that remeshing builds starts at zero).</summary>
    internal static SolverStatistics Of(MechanicsProblem p) => new(p.FreeDofs, p.TotalIterations, p.FactorSeconds, p.AnalyzeSeconds, p.Contact?.SearchSeconds ?? 0)
    {
        Evaluations = p.Evaluations, AssemblySeconds = p.AssemblySeconds, Factorizations = p.Factorizations, Backtracks = p.Backtracks,
        ShiftedIterations = p.ShiftedIterations,
    };

    /// <summary>These counters followed by those of <paramref name="later"/> (size and iteration count are the later ones: a new problem carries the iterations).</summary>
    public SolverStatistics Then(SolverStatistics later) => new(later.Unknowns, later.NewtonIterations, FactorSeconds + later.FactorSeconds,
        AnalyzeSeconds + later.AnalyzeSeconds, ContactSeconds + later.ContactSeconds)
    {
        Evaluations = Evaluations + later.Evaluations, AssemblySeconds = AssemblySeconds + later.AssemblySeconds,
        Factorizations = Factorizations + later.Factorizations, Backtracks = Backtracks + later.Backtracks,
        ShiftedIterations = ShiftedIterations + later.ShiftedIterations,
        RecordSeconds = RecordSeconds + later.RecordSeconds,
    };
}
