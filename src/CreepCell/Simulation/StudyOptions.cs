namespace CreepCell.Simulation;

/// <param name="OutDir">the study's folder: a sweep folder (<see cref="StudySweep"/>).</param>
/// <param name="Threads">threads per run, as the executor gives them (recorded in study.json; the results do not depend on it).</param>
/// <param name="SideMicrometres">RVE side replacing the presets' (smaller boxes run much faster).</param>
/// <param name="Seeds">packing seeds replacing the presets' own; with several, every preset runs once per
/// seed and the comparison gives the mean and the spread over the seeds.</param>
/// <param name="RemeshAngle">[solver] remesh_angle for every run (degrees; 0: no remeshing). The study
/// remeshes below 10 degrees by default, as the presets do: over 20 cycles the particles' meshes otherwise
/// distort (docs/simulation.md, "Remeshing"), and the trends of Fig. 4 hang on it.</param>
public sealed record StudyOptions(string OutDir, IReadOnlyList<string> Presets, int? Cycles = null, int Threads = 0,
    double? SideMicrometres = null, IReadOnlyList<int>? Seeds = null, double RemeshAngle = StudyOptions.DefaultRemeshAngle)
{
    public const double DefaultRemeshAngle = 10;
}
