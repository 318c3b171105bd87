namespace CreepCell.Simulation;

/// <summary>
/// The [solver] table of a case: Newton and linear solver, time steps and cut-backs, threads, remeshing
/// and the size limit. Each value is checked by <see cref="Problems"/>, so every way of making a case
/// (file, overrides, code) meets the same rules.
/// </summary>
public sealed record SolverSpec
{
    /// <summary>The values a case gets for keys it does not set.</summary>
    public static readonly SolverSpec Defaults = new();

    public int MaxIterations { get; init; } = 25;
    public double Tolerance { get; init; } = 1e-6;
    public string LinearSolver { get; init; } = "builtin";
    public bool Fbar { get; init; } = true;
    /// <summary>Largest change of lithiation in one step.</summary>
    public double MaxLithiationStep { get; init; } = 0.05;
    public int MaxCutbacks { get; init; } = 8;
    /// <summary>Target mean equivalent creep-strain increment of a step (over the creeping points); steps adapt to it.</summary>
    public double MaxCreepIncrement { get; init; } = 2e-3;
    /// <summary>Bounds of the time step (s); 0 = none.</summary>
    public double MaxStep { get; init; }
    public double MinStep { get; init; } = 1e-6;
    /// <summary>Threads for assembly and factorization; 0 = all cores. Results are identical for any count.</summary>
    public int Threads { get; init; }
    /// <summary>A body with a deformed corner angle below this (degrees) is remeshed after a step; 0 = never.</summary>
    public double RemeshAngle { get; init; }
    /// <summary>Largest model (displacement unknowns) a generated mesh may make; estimated before meshing.</summary>
    public int MaxUnknowns { get; init; } = (int)CreepCell.Meshing.SizeEstimate.DefaultMaxUnknowns;
    /// <summary>Plane strain (F33 = 1) or generalized plane strain (F33 one unknown, a given net out-of-plane stress).</summary>
    public OutOfPlane OutOfPlane { get; init; } = OutOfPlane.PlaneStrain;

    /// <summary>Every value outside its range, as (case key, what was expected), in the order of the keys.</summary>
    public IEnumerable<(string Key, string Expected)> Problems()
    {
        if (MaxUnknowns < 1) yield return ("max_unknowns", "expected a positive count of unknowns");
        if (!(RemeshAngle >= 0 && RemeshAngle < 25)) yield return ("remesh_angle", "expected an angle in degrees from 0 (no remeshing) to below 25 (new meshes keep 28)");
        if (LinearSolver == "cholmod" && !CreepCell.Sparse.CholmodSolver.IsAvailable)
            yield return ("linear_solver", "\"cholmod\" needs the SuiteSparse CHOLMOD library (libcholmod.so), which is not installed (apt-get install libsuitesparse-dev); use \"builtin\"");
        if (Threads < 0) yield return ("threads", "expected 0 (all cores) or a positive count");
        if (!(MaxCreepIncrement > 0)) yield return ("max_creep_increment", "expected a positive strain");
        if (MaxStep < 0) yield return ("max_step", "expected a non-negative time (0: no bound)");
        if (!(MinStep > 0)) yield return ("min_step", "expected a positive time");
        if (MaxIterations < 1) yield return ("max_iterations", "expected at least 1");
        if (!(Tolerance > 0 && Tolerance < 1)) yield return ("tolerance", "expected a value in (0, 1)");
        if (!(MaxLithiationStep > 0 && MaxLithiationStep <= 1)) yield return ("max_lithiation_step", "expected a value in (0, 1]");
        if (MaxCutbacks < 0) yield return ("max_cutbacks", "expected a non-negative integer");
        if (!double.IsFinite(OutOfPlane.Stress)) yield return ("out_of_plane_stress", "expected a finite stress");
        else if (!OutOfPlane.Generalized && OutOfPlane.Stress != 0)
            yield return ("out_of_plane_stress", $"a given out-of-plane stress needs out_of_plane = \"{OutOfPlane.GeneralizedName}\" (plane strain fixes F33 = 1 instead)");
    }
}
