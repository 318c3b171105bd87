using System.Diagnostics;
using CreepCell.Fem;
using CreepCell.Io;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Sparse;

namespace CreepCell.Simulation;

/// <summary>
/// The pipeline of a run, one method per phase: case -> mesh -> model -> stepping (solve, commit,
/// record, checkpoint) -> results. Everything that can be wrong with the input is checked before the
/// output folder is touched.
/// </summary>
public sealed class CaseRunner
{
    readonly CaseDefinition def;
    readonly string outDir;
    readonly Action<RunProgress>? progress;
    readonly Stopwatch wall = new();
    readonly Checkpoint.Saved? resumeFrom;
    Mesh mesh = null!;
    MechanicsProblem problem = null!;
    RunRecorder recorder = null!;
    StepState state = new();
    readonly Stopwatch sinceCheckpoint = new();

    public CaseRunner(CaseDefinition definition, string outputDir, Action<RunProgress>? progress = null, Checkpoint.Saved? resumeFrom = null)
    {
        def = definition;
        outDir = outputDir;
        this.progress = progress;
        this.resumeFrom = resumeFrom;
    }

    /// <summary>Continues the run whose checkpoint is in <paramref name="outDir"/>.</summary>
    public static CaseRunner Resume(string outDir, Action<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        var saved = Checkpoint.Read(outDir);
        AtomicFile.RemoveLeftovers(outDir);
        var def = CaseReader.Read(saved.Source, saved.Text, saved.BaseDirectory);
        return new CaseRunner(def, outDir, progress, saved) { Cancellation = cancellation };
    }

    /// <summary>Checked before every attempt of a step; a cancelled run writes a checkpoint of the last
    /// converged step and throws <see cref="RunInterruptedException"/>.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>A resumed run whose checkpoint is already at the end of its protocol: there is nothing to do.</summary>
    public bool IsComplete => resumeFrom is { } saved && saved.State.Time >= def.Protocol.EndTime * (1 - 1e-15);

    /// <summary>The steps already done by the run this one resumes (0 for a new run).</summary>
    public int ResumedStep => resumeFrom?.State.Step ?? 0;

    /// <summary>File names (with * wildcards) of everything a run writes into its output folder.</summary>
    public static readonly IReadOnlyList<string> OutputPatterns = new[]
    {
        "history.csv", "cycles.csv", "history.parquet", "cycles.parquet", "summary.json", "fields.pvd", "fields_*.vtu",
        XdmfSeries.XdmfName, XdmfSeries.H5Name, Checkpoint.FileName, "map_*.png", "last_converged_creep_strain.png", "report.html",
    };

    /// <summary>The folder the run writes into.</summary>
    public string OutputDir => outDir;

    /// <summary>The run's [solver] remesh_angle (degrees; 0: no remeshing).</summary>
    public double RemeshAngle => def.Solver.RemeshAngle;

    /// <summary>Where the solver time went so far, for benchmarks and reports.</summary>
    public SolverStatistics Statistics => new(problem?.FreeDofs ?? 0, problem?.TotalIterations ?? 0, retired.FactorSeconds + (problem?.FactorSeconds ?? 0),
        retired.AnalyzeSeconds + (problem?.AnalyzeSeconds ?? 0), retired.ContactSeconds + (problem?.Contact?.SearchSeconds ?? 0))
    {
        Evaluations = retired.Evaluations + (problem?.Evaluations ?? 0), AssemblySeconds = retired.AssemblySeconds + (problem?.AssemblySeconds ?? 0),
        RecordSeconds = recordSeconds,
        Factorizations = retired.Factorizations + (problem?.Factorizations ?? 0), Backtracks = retired.Backtracks + (problem?.Backtracks ?? 0),
    };
    double recordSeconds;

    /// <summary>The counters of the problems that remeshing replaced (each rebuilt problem starts at zero).</summary>
    SolverStatistics retired = new(0, 0, 0, 0, 0);

    void Retire(MechanicsProblem p)
    {
        retired = retired with
        {
            FactorSeconds = retired.FactorSeconds + p.FactorSeconds, AnalyzeSeconds = retired.AnalyzeSeconds + p.AnalyzeSeconds,
            ContactSeconds = retired.ContactSeconds + (p.Contact?.SearchSeconds ?? 0),
            Evaluations = retired.Evaluations + p.Evaluations, AssemblySeconds = retired.AssemblySeconds + p.AssemblySeconds,
            Factorizations = retired.Factorizations + p.Factorizations, Backtracks = retired.Backtracks + p.Backtracks,
        };
        p.Dispose();
    }

    public RunResult Run()
    {
        var clock = Stopwatch.StartNew();
        wall.Restart();
        Setup();
        Directory.CreateDirectory(outDir);
        if (resumeFrom is null) recorder.WriteFields(state, problem, 0);
        sessionStartTime = state.Time;
        try
        {
            StepToEnd();
        }
        catch (OperationCanceledException)
        {
            SaveCheckpoint();
            throw new RunInterruptedException($"interrupted after step {state.Step} (t = {state.Time:G8} s); a checkpoint of that step is in {outDir}", state.Step, state.Time);
        }
        catch (NotConvergedException)
        {
            FailureMap();
            SaveCheckpoint();
            recorder.WriteTables(state);
            throw;
        }
        recorder.WriteTables(state);
        var final = PhaseStatistics.Compute(mesh, problem.Assembler.PointOffsets, problem.Responses, problem.States);
        var result = new RunResult(state.Step, problem.TotalIterations, clock.Elapsed.TotalSeconds, outDir, mesh.RegionNames, final)
        {
            LargestDistortedArea = recorder.LargestDistortedArea(state),
            RemeshedBodies = state.RemeshedBodies,
        };
        recorder.WriteSummary(result);
        SaveCheckpoint();
        return result;
    }

    /// <summary>Mesh, materials per region, constraints, the mechanics problem; restored state on resume.</summary>
    void Setup()
    {
        BuildModel(resumeFrom?.Mesh ?? MeshFactory.Build(def.Mesh));
        if (resumeFrom is null && def.Solver.RemeshAngle > 0) meshSizes = MeshSizes(bodiesMesh);
        if (resumeFrom is { } saved)
        {
            state = saved.State;
            problem.Restore(saved.U, saved.States, state.NewtonIterations);
            if (problem.Contact is { } contact)
            {
                contact.RestoreCouplings(saved.Couplings.Coupled, saved.Couplings.Pending);
                contact.ProjectHessian = saved.ProjectHessian;
            }
        }
        else
        {
            state = new StepState
            {
                Time = def.Protocol.StartTime,
                NextDt = def.Protocol.NextBreakpoint(def.Protocol.StartTime) - def.Protocol.StartTime,
            };
        }
    }

    /// <summary>The mesh of the particles (no plate node), as meshed or as last remeshed.</summary>
    Mesh bodiesMesh = null!;

    /// <summary>Materials per region, the stack plate, constraints, contact, the mechanics problem and the recorder for a mesh.</summary>
    void BuildModel(Mesh particles)
    {
        bodiesMesh = particles;
        mesh = particles;
        var materials = new Material[mesh.RegionNames.Length];
        for (int r = 0; r < materials.Length; r++)
        {
            if (!def.Materials.TryGetValue(mesh.RegionNames[r], out var m))
                throw new InputException(def.Source, "materials", $"the mesh has phase \"{mesh.RegionNames[r]}\" but there is no [materials.{mesh.RegionNames[r]}]");
            materials[r] = m;
        }
        CreepCell.Contact.StackPlate? plate = null;
        if (def.Boundary.StackPressure is { } pressure) (mesh, plate) = CreepCell.Contact.StackPlate.Attach(mesh, pressure);
        var dofs = new DofMap(mesh.NodeCount, Boundary.Rollers(mesh, plate));
        ISymmetricSolver solver = def.Solver.LinearSolver switch
        {
            "dense" => new DenseSolver(),
            "builtin" => new SupernodalLdlSolver(positiveDefinite: false, threads: def.Solver.Threads),
            _ => SparseSolvers.Create(def.Solver.LinearSolver, indefinite: true),
        };
        var contact = CreepCell.Contact.ContactModel.Create(mesh, materials, def.Contact, plate);
        if (contact is null) FloatingBodies.Reject(mesh, dofs, def.Source);
        var load = new double[dofs.DofCount];
        if (plate is not null) load[plate.Dof] = -plate.Pressure * plate.Width;
        problem = new MechanicsProblem(mesh, materials, dofs, load, def.Solver.Fbar, solver, contact);
        problem.Assembler.MaxThreads = def.Solver.Threads > 0 ? def.Solver.Threads : -1;
        recorder = new RunRecorder(def, mesh, outDir, contact);
    }

    /// <summary>
    /// Bodies with an element whose deformed corner angle fell below [solver] remesh_angle get a new mesh
    /// of their deformed shape (<see cref="BodyRemesher"/>), with their state carried over
    /// (<see cref="StateTransfer"/>); the model is then built anew on the spliced mesh.
    /// </summary>
    void RemeshDistortedBodies()
    {
        if (def.Solver.RemeshAngle <= 0) return;
        if (state.RemeshPause > 0) { state.RemeshPause--; return; }
        var (replacements, carried) = NewBodyMeshes(def.Solver.RemeshAngle);
        if (replacements.Count == 0) return;
        var spliced = MeshSplice.Replace(bodiesMesh, replacements);
        var old = (mesh, bodiesMesh, problem, recorder);
        BuildModel(spliced.Mesh);
        problem.Restore(CarriedDisplacements(spliced, old.problem), CarriedStates(spliced, old.problem, carried), old.problem.TotalIterations);
        if (!Admissible())
        {
            // a new boundary point came to lie on or inside another body: keep the old mesh for a while
            Retire(problem);
            (mesh, bodiesMesh, problem, recorder) = old;
            state.RemeshPause = 10;
            return;
        }
        Retire(old.problem);
        state.RemeshedBodies += replacements.Count;
    }

    /// <summary>New meshes of the bodies distorted below <paramref name="limit"/> degrees, and their carried states.</summary>
    (List<(IReadOnlyList<int> Elements, Mesh Body)> Replacements, List<PointState[]> Carried) NewBodyMeshes(double limit)
    {
        meshSizes ??= MeshSizes(MeshFactory.Build(def.Mesh)); // a resumed run's mesh may be remeshed
        var u = problem.U;
        var replacements = new List<(IReadOnlyList<int> Elements, Mesh Body)>();
        var carried = new List<PointState[]>();
        foreach (var body in BodyRemesher.Bodies(bodiesMesh))
        {
            var angles = body.Select(e => MeshQuality.DeformedMinAngle(mesh, e, u)).ToArray();
            if (angles.Min() >= limit) continue;
            var (boundaryEdge, interiorEdge) = meshSizes[mesh.Region[body[0]]];
            var fresh = BodyRemesher.Remesh(mesh, u, body, boundaryEdge, interiorEdge, RemeshMinAngle)
                ?? BodyRemesher.Remesh(mesh, u, body, 0.5 * boundaryEdge, interiorEdge, RemeshMinAngle);
            if (fresh is null || !Better(MeshQuality.MinAngles(fresh), angles, limit)) continue;
            replacements.Add((body, fresh));
            carried.Add(StateTransfer.ToNewMesh(problem.Assembler, mesh, u, problem.States, body, fresh));
        }
        return (replacements, carried);
    }

    /// <summary>Kept nodes and the plate keep their displacements; a new body starts at zero in its new reference.</summary>
    double[] CarriedDisplacements(SplicedMesh spliced, MechanicsProblem old)
    {
        var u = new double[problem.U.Length];
        for (int n = 0; n < spliced.NodeMap.Length; n++)
        {
            int m = spliced.NodeMap[n];
            if (m < 0) continue;
            u[2 * m] = old.U[2 * n];
            u[2 * m + 1] = old.U[2 * n + 1];
        }
        if (old.Contact?.Plate is { } oldPlate && problem.Contact?.Plate is { } plate) u[plate.Dof] = old.U[oldPlate.Dof];
        return u;
    }

    /// <summary>Kept elements keep their point states; the new bodies' elements, appended last, take the carried ones.</summary>
    PointState[] CarriedStates(SplicedMesh spliced, MechanicsProblem old, List<PointState[]> carried)
    {
        var states = new PointState[problem.Assembler.PointCount];
        int[] from = old.Assembler.PointOffsets, to = problem.Assembler.PointOffsets;
        for (int e = 0; e < spliced.ElementMap.Length; e++)
        {
            int f = spliced.ElementMap[e];
            if (f >= 0) Array.Copy(old.States, from[e], states, to[f], from[e + 1] - from[e]);
        }
        int next = states.Length - carried.Sum(c => c.Length);
        foreach (var block in carried) { Array.Copy(block, 0, states, next, block.Length); next += block.Length; }
        return states;
    }

    /// <summary>Per region, the median boundary edge and the longest edge of the mesh as the case makes it:
    /// the sizes every new body mesh keeps (measured on the remeshed mesh they would drift).</summary>
    (double Boundary, double Longest)[]? meshSizes;

    static (double Boundary, double Longest)[] MeshSizes(Mesh original)
    {
        var bodies = BodyRemesher.Bodies(original);
        return Enumerable.Range(0, original.RegionNames.Length).Select(r =>
        {
            var sizes = bodies.Where(b => original.Region[b[0]] == r).Select(b => BodyRemesher.ReferenceEdges(original, b)).ToList();
            return sizes.Count == 0 ? (0.0, 0.0) : (sizes.Select(s => s.Boundary).Order().ElementAt(sizes.Count / 2), sizes.Max(s => s.Longest));
        }).ToArray();
    }

    /// <summary>No boundary point on or inside another body (the barrier would be infinite there).</summary>
    bool Admissible() => problem.Contact is not { } contact || CreepCell.Contact.ContactMeasure.Measure(contact, problem.U, mesh.RegionNames).MinGap > 0;

    /// <summary>
    /// A new body mesh is taken when it has fewer elements with an angle below the limit, or raises the
    /// smallest angle by 2 degrees. A sharp corner of the outline bounds the angles of any new mesh:
    /// remeshing such a body again and again would only crowd ever smaller elements into that corner.
    /// </summary>
    static bool Better(double[] fresh, double[] old, double limit) =>
        fresh.Count(a => a < limit) < old.Count(a => a < limit) || fresh.Min() >= old.Min() + 2;

    /// <summary>Smallest angle asked of a new body mesh (that of the particle meshes).</summary>
    const double RemeshMinAngle = 28;

    /// <summary>Steps to the end of the protocol, landing on every breakpoint.</summary>
    void StepToEnd()
    {
        var protocol = def.Protocol;
        var options = new NewtonOptions { MaxIterations = def.Solver.MaxIterations, RelativeTolerance = def.Solver.Tolerance };
        sinceCheckpoint.Restart();
        while (state.Time < protocol.EndTime * (1 - 1e-15))
        {
            double t = state.Time;
            double target = LimitByLithiation(t, Math.Min(t + state.NextDt, protocol.NextBreakpoint(t)));
            var result = SolveWithCutbacks(ref target, options);
            double creep = StepController.CreepIncrementMeasure(problem.Responses);
            double dt = target - t;
            problem.Commit();
            state.PreviousDt = dt;
            state.Time = target;
            state.Step++;
            state.NewtonIterations = problem.TotalIterations;
            state.NextDt = StepController.Next(dt, result.Iterations, creep, def.Solver);
            var recordClock = Stopwatch.StartNew();
            recorder.Record(state, problem, result.Iterations);
            if (protocol.IsBreakpoint(state.Time) || (def.Output.FieldsEvery > 0 && state.Step % def.Output.FieldsEvery == 0))
                recorder.WriteFields(state, problem, state.Step);
            recorder.WriteMapsIfFullLithiation(state, problem);
            recordSeconds += recordClock.Elapsed.TotalSeconds;
            RemeshDistortedBodies();
            Report(result.Iterations, dt);
            if (state.Step % def.Output.CheckpointEvery == 0 || sinceCheckpoint.Elapsed.TotalMinutes >= def.Output.CheckpointMinutes)
                SaveCheckpoint();
        }
    }

    double LimitByLithiation(double t, double target)
    {
        double theta = def.Protocol.ThetaAt(t), next = def.Protocol.ThetaAt(target);
        double limit = def.Solver.MaxLithiationStep;
        if (Math.Abs(next - theta) <= limit * (1 + 1e-12)) return target;
        return t + (target - t) * limit / Math.Abs(next - theta);
    }

    /// <summary>Solves the step to <paramref name="target"/>; on failure (or far too much creep in one
    /// step) retries with a quarter of the step, at most MaxCutbacks times.</summary>
    NewtonResult SolveWithCutbacks(ref double target, NewtonOptions options)
    {
        double t = state.Time;
        var start = (double[])problem.U.Clone();
        for (int cut = 0; ; cut++)
        {
            Array.Copy(start, problem.U, start.Length);
            Cancellation.ThrowIfCancellationRequested();
            var load = new LoadState(def.Protocol.ThetaAt(target), target - t, def.Temperature);
            var result = problem.SolveStep(load, 1, options);
            // every check on the state that will be committed, before it is: the recorder must never
            // meet a state it has to reject after the commit
            if (result.Converged && !problem.TrialIsFinite())
                result = result with { Converged = false, Failure = "non-finite displacements or stresses" };
            if (result.Converged && recorder.SolidsOverlap(problem))
                result = result with { Converged = false, Failure = "the solids overlap (more area than the box): elements folded over one another where the mesh is too coarse for the creep flow" };
            double creep = result.Converged ? StepController.CreepIncrementMeasure(problem.Responses) : 0;
            bool accept = result.Converged && (!StepController.TooMuchCreep(creep, def.Solver) || target - t <= def.Solver.MinStep);
            if (accept) return result;
            if (Environment.GetEnvironmentVariable("CREEPCELL_DEBUG") == "1")
                Console.Error.WriteLine($"cut-back at t = {target:G8} (dt {target - t:G4}): {result.Failure ?? "creep"}; reference {result.Reference:E2}; steps {string.Join(" ", result.StepLengths.Select(a => a.ToString("G2")))}; residuals {string.Join(", ", result.ResidualNorms.Select(r => r.ToString("E2")))}");
            if (cut >= def.Solver.MaxCutbacks)
            {
                Array.Copy(start, problem.U, start.Length);
                var seg = def.Protocol.SegmentAt(target);
                throw new NotConvergedException($"no convergence at t = {target:G8} s (cycle {seg.Cycle}, {seg.Half}, lithiation {load.Theta:F5}) " +
                    $"after {cut} cut-backs: {result.Failure ?? "creep increment too large"}; last residuals " +
                    $"{string.Join(", ", result.ResidualNorms.TakeLast(4).Select(r => r.ToString("E3")))}. A checkpoint of the last converged state is in {outDir}");
            }
            double shrink = result.Converged ? Math.Clamp(def.Solver.MaxCreepIncrement / creep, 0.1, 0.5) : 0.25;
            target = t + Math.Max(shrink * (target - t), Math.Min(def.Solver.MinStep, target - t));
        }
    }

    double sessionStartTime;

    void Report(int iterations, double dt)
    {
        if (progress is null) return;
        var seg = def.Protocol.SegmentAt(state.Time);
        progress(new RunProgress(state.Step, seg.Cycle, def.Protocol.CycleCount, seg.Half, state.Time, def.Protocol.StartTime,
            def.Protocol.EndTime, def.Protocol.ThetaAt(state.Time), dt, iterations, wall.Elapsed) { SessionStartTime = sessionStartTime });
    }

    /// <summary>The deformed shape and creep strain of the last converged state, to see where a step failed.</summary>
    void FailureMap()
    {
        var creep = new double[mesh.ElementCount];
        var off = problem.Assembler.PointOffsets;
        for (int e = 0; e < creep.Length; e++)
        {
            for (int q = off[e]; q < off[e + 1]; q++) creep[e] = Math.Max(creep[e], problem.States[q].CreepStrain);
        }
        CreepCell.Io.Plots.FieldMap.Write(Path.Combine(outDir, "last_converged_creep_strain.png"), mesh, problem.U, creep,
            $"largest equivalent creep strain per element, last converged state (t = {state.Time:G6} s)", "-");
    }

    void SaveCheckpoint()
    {
        Checkpoint.Write(outDir, def, state, problem.U, problem.States, bodiesMesh,
            problem.Contact?.CouplingState() ?? (Array.Empty<long>(), Array.Empty<long>()), problem.Contact?.ProjectHessian ?? true);
        recorder.WriteTables(state);
        sinceCheckpoint.Restart();
    }
}
