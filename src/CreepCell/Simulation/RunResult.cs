namespace CreepCell.Simulation;

/// <summary>What a finished run reports: steps, iterations, wall time, folder and the final phase statistics.</summary>
public sealed record RunResult(int Steps, long NewtonIterations, double WallSeconds, string OutputDir, IReadOnlyList<string> Phases, PhaseStats[] Final)
{
    /// <summary>Per phase, the largest area fraction in badly distorted elements over all steps (history.csv distorted_area_P).</summary>
    public double[] LargestDistortedArea { get; init; } = Array.Empty<double>();
    /// <summary>Bodies remeshed over the run ([solver] remesh_angle); a body counts once per remeshing.</summary>
    public int RemeshedBodies { get; init; }
    /// <summary>F33 - 1 at the end (0 in plane strain).</summary>
    public double OutOfPlaneStrain { get; init; }
    /// <summary>Per phase, the largest and the 1 % von Mises and largest principal stresses of the final state.</summary>
    public Integrity.PhasePeaks[] Peaks { get; init; } = Array.Empty<Integrity.PhasePeaks>();
    /// <summary>Reference positions (m) of the boundary points pressed with at least a quarter of the largest
    /// contact pressure at the end: where a new mesh should be fine ([mesh] refine_points).</summary>
    public Geometry.Vec2[] PressedSpots { get; init; } = Array.Empty<Geometry.Vec2>();
}
