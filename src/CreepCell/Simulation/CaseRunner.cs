using System.Diagnostics;
using System.Text.Json;
using CreepCell.Fem;
using CreepCell.Io;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Sparse;

namespace CreepCell.Simulation;

/// <summary>A step that could not converge after every allowed cut-back.</summary>
public sealed class NotConvergedException(string message) : Exception(message);

public sealed record RunResult(int Steps, long NewtonIterations, double WallSeconds, string OutputDir, IReadOnlyList<string> Phases, PhaseStats[] Final);

/// <summary>
/// The pipeline of a run, one method per phase: case -> mesh -> model -> stepping (solve, commit,
/// record) -> results. Everything that can be wrong with the input is checked before the output
/// folder is touched.
/// </summary>
public sealed class CaseRunner
{
    readonly CaseDefinition def;
    readonly string outDir;
    readonly Action<string>? progress;
    Mesh mesh = null!;
    MechanicsProblem problem = null!;
    HistoryTable history = null!;
    readonly List<(double, string)> fieldFiles = new();

    public CaseRunner(CaseDefinition definition, string outputDir, Action<string>? progress = null)
    {
        def = definition;
        outDir = outputDir;
        this.progress = progress;
    }

    public RunResult Run()
    {
        var clock = Stopwatch.StartNew();
        Setup();
        Directory.CreateDirectory(outDir);
        int steps = Step();
        history.Write(Path.Combine(outDir, "history.csv"));
        VtuWriter.WritePvd(Path.Combine(outDir, "fields.pvd"), fieldFiles);
        var final = Stats();
        var result = new RunResult(steps, problem.TotalIterations, clock.Elapsed.TotalSeconds, outDir, mesh.RegionNames, final);
        WriteSummary(result);
        return result;
    }

    /// <summary>Mesh, materials per region, constraints and the mechanics problem.</summary>
    void Setup()
    {
        mesh = MeshFactory.Build(def.Mesh);
        var materials = new Material[mesh.RegionNames.Length];
        for (int r = 0; r < materials.Length; r++)
        {
            if (!def.Materials.TryGetValue(mesh.RegionNames[r], out var m))
                throw new InputException(def.Source, "materials", $"the mesh has phase \"{mesh.RegionNames[r]}\" but there is no [materials.{mesh.RegionNames[r]}]");
            materials[r] = m;
        }
        var dofs = new DofMap(mesh.NodeCount, Boundary.Rollers(mesh));
        var solver = def.Solver.LinearSolver == "dense" ? new DenseSolver() : SparseSolvers.Create(def.Solver.LinearSolver, indefinite: true);
        problem = new MechanicsProblem(mesh, materials, dofs, new double[dofs.DofCount], def.Solver.Fbar, solver);
        var columns = new List<string> { "time_s", "step", "lithiation", "newton_iterations" };
        foreach (var name in mesh.RegionNames)
            columns.AddRange(new[] { $"vm_mean_{name}_Pa", $"vm_max_{name}_Pa", $"p_mean_{name}_Pa", $"area_{name}_m2", $"creep_mean_{name}" });
        history = new HistoryTable(columns);
    }

    /// <summary>Steps from the start to the end of the protocol, landing on every breakpoint.</summary>
    int Step()
    {
        var protocol = def.Protocol;
        double t = protocol.StartTime, theta = protocol.ThetaAt(t);
        double dt = protocol.NextBreakpoint(t) - t;
        var options = new NewtonOptions { MaxIterations = def.Solver.MaxIterations, RelativeTolerance = def.Solver.Tolerance };
        var previousU = (double[])problem.U.Clone();
        double previousDt = 0;
        int step = 0;
        WriteFields(step, t);
        while (t < protocol.EndTime * (1 - 1e-15))
        {
            double target = Math.Min(t + dt, protocol.NextBreakpoint(t));
            double nextTheta = protocol.ThetaAt(target);
            if (Math.Abs(nextTheta - theta) > def.Solver.MaxLithiationStep * (1 + 1e-12))
            {
                target = t + (target - t) * def.Solver.MaxLithiationStep / Math.Abs(nextTheta - theta);
                nextTheta = protocol.ThetaAt(target);
            }
            var result = SolveWithCutbacks(ref target, t, theta, previousU, previousDt, options);
            previousDt = target - t;
            Array.Copy(problem.U, previousU, previousU.Length);
            problem.Commit();
            t = target;
            theta = protocol.ThetaAt(t);
            step++;
            Record(t, step, theta, result.Iterations);
            progress?.Invoke($"step {step}: t = {t:G6} s, lithiation {theta:F4}, {result.Iterations} Newton iterations");
            bool breakpoint = protocol.Breakpoints.Any(b => Math.Abs(b - t) <= 1e-12 * Math.Max(1, Math.Abs(b)));
            if (breakpoint || (def.Output.FieldsEvery > 0 && step % def.Output.FieldsEvery == 0)) WriteFields(step, t);
            dt = result.Iterations <= 4 ? 2 * previousDt : previousDt;
        }
        return step;
    }

    NewtonResult SolveWithCutbacks(ref double target, double t, double theta, double[] previousU, double previousDt, NewtonOptions options)
    {
        var start = (double[])problem.U.Clone();
        for (int cut = 0; ; cut++)
        {
            Predict(start, previousU, previousDt, target - t);
            var load = new LoadState(def.Protocol.ThetaAt(target), target - t, def.Temperature);
            var result = problem.SolveStep(load, 1, options);
            if (result.Converged) return result;
            if (cut >= def.Solver.MaxCutbacks)
                throw new NotConvergedException($"no convergence at t = {target:G8} s (lithiation {load.Theta:F5}) after {cut} cut-backs: " +
                    $"{result.Failure}; last residuals {string.Join(", ", result.ResidualNorms.TakeLast(4).Select(r => r.ToString("E3")))}");
            target = t + 0.25 * (target - t);
        }
    }

    /// <summary>Linear extrapolation of the displacement from the last step: a better Newton start.</summary>
    void Predict(double[] start, double[] previousU, double previousDt, double dt)
    {
        double f = previousDt > 0 ? dt / previousDt : 0;
        for (int i = 0; i < start.Length; i++) problem.U[i] = start[i] + f * (start[i] - previousU[i]);
    }

    PhaseStats[] Stats() => PhaseStatistics.Compute(mesh, problem.Assembler.PointOffsets, problem.Responses, problem.States);

    void Record(double t, int step, double theta, int iterations)
    {
        var row = new List<double> { t, step, theta, iterations };
        foreach (var s in Stats()) row.AddRange(new[] { s.VonMisesMean, s.VonMisesMax, s.PressureMean, s.Area, s.CreepMean });
        history.Add(row.ToArray());
    }

    void WriteFields(int step, double t)
    {
        string name = $"fields_{step:D5}.vtu";
        VtuWriter.Write(Path.Combine(outDir, name), mesh, problem.U, problem.Assembler.PointOffsets, problem.Responses, problem.States);
        fieldFiles.Add((t, name));
    }

    void WriteSummary(RunResult r)
    {
        var summary = new
        {
            software = "CreepCell",
            version = typeof(CaseRunner).Assembly.GetName().Version?.ToString(),
            case_file = def.Source,
            mesh = new { nodes = mesh.NodeCount, elements = mesh.ElementCount, dofs = problem.FreeDofs, phases = mesh.RegionNames },
            materials = def.Materials.Values.Select(m => new
            {
                name = m.Name, youngs_modulus_Pa = m.YoungsModulus, poisson_ratio = m.PoissonRatio, swelling = m.Swelling,
                creep = m.Creep is { } c ? new { A_per_s = c.A, n = c.N, sigma_ref_Pa = c.SigmaRef, activation_energy_J_per_mol = c.ActivationEnergy, reference_temperature_K = c.ReferenceTemperature } : null,
            }),
            protocol = def.Protocol.Points.Select(p => new[] { p.Time, p.Theta }),
            temperature_K = def.Temperature,
            boundary = def.Boundary.Kind,
            solver = def.Solver,
            steps = r.Steps,
            newton_iterations = r.NewtonIterations,
            wall_time_s = r.WallSeconds,
            final = mesh.RegionNames.Select((n, i) => new
            {
                phase = n, vm_mean_Pa = r.Final[i].VonMisesMean, vm_max_Pa = r.Final[i].VonMisesMax,
                p_mean_Pa = r.Final[i].PressureMean, area_m2 = r.Final[i].Area, creep_mean = r.Final[i].CreepMean,
            }),
        };
        AtomicFile.WriteAllText(Path.Combine(outDir, "summary.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
    }
}

/// <summary>Boundary conditions of the RVE.</summary>
public static class Boundary
{
    /// <summary>"symmetric": rollers on the four sides of the bounding box (normal displacement zero).</summary>
    public static IEnumerable<(int Dof, double Value)> Rollers(Mesh mesh)
    {
        var (lo, hi) = mesh.BoundingBox();
        double tol = 1e-9 * Math.Max(hi.X - lo.X, hi.Y - lo.Y);
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            var p = mesh.Nodes[n];
            if (Math.Abs(p.X - lo.X) < tol || Math.Abs(p.X - hi.X) < tol) yield return (2 * n, 0);
            if (Math.Abs(p.Y - lo.Y) < tol || Math.Abs(p.Y - hi.Y) < tol) yield return (2 * n + 1, 0);
        }
    }
}
