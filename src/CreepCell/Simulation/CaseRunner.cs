using System.Diagnostics;
using CreepCell.Io;

namespace CreepCell.Simulation;

/// <summary>
/// One run as a pipeline: case -> <see cref="Model"/> -> accepted steps (<see cref="Stepper"/>), each
/// observed by the <see cref="RunRecorder"/> and possibly remeshed (<see cref="Remesher"/>) -> results.
/// Everything that can be wrong with the input is checked before the output folder is touched.
/// </summary>
public sealed class CaseRunner
{
    readonly CaseDefinition def;
    readonly string outDir;
    readonly Action<RunProgress>? progress;
    readonly Checkpoint.Saved? resumeFrom;

    public CaseRunner(CaseDefinition definition, string outputDir, Action<RunProgress>? progress = null)
        : this(definition, outputDir, progress, null) { }

    internal CaseRunner(CaseDefinition definition, string outputDir, Action<RunProgress>? progress, Checkpoint.Saved? resumeFrom)
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

    /// <summary>Asked before every step; true makes the step fail as one whose cut-backs are exhausted. The
    /// tests use it to reach the paths of a failed step (a jump taken back, a run that stops) on cases
    /// small enough to run in seconds, whose steps all converge.</summary>
    internal Func<StepState, bool>? FailStepIf { get; init; }

    /// <summary>Receives the reason and residuals of every cut-back (null: not told).</summary>
    public Action<string>? CutBackLog { get; set; }

    /// <summary>A resumed run whose checkpoint is already at the end of its protocol: there is nothing to do.</summary>
    public bool IsComplete => resumeFrom is { } saved && saved.State.Time >= def.Protocol.EndTime * (1 - 1e-15);

    /// <summary>The steps already done by the run this one resumes (0 for a new run).</summary>
    public int ResumedStep => resumeFrom?.State.Step ?? 0;

    /// <summary>File names (with * wildcards) of everything a run writes into its output folder.</summary>
    public static readonly IReadOnlyList<string> OutputPatterns = new[]
    {
        "history.csv", "cycles.csv", "history.parquet", "cycles.parquet", "summary.json", "fields.pvd", "fields_*.vtu",
        XdmfSeries.XdmfName, XdmfSeries.H5Pattern, Checkpoint.FileName, "map_*.png", FailurePicture.FileName, LongHorizonPlots.Pattern, "report.html",
    };

    /// <summary>The folder the run writes into.</summary>
    public string OutputDir => outDir;

    /// <summary>The run's [solver] remesh_angle (degrees; 0: no remeshing).</summary>
    public double RemeshAngle => def.Solver.RemeshAngle;

    /// <summary>Where the solver time went so far, for benchmarks and reports.</summary>
    public SolverStatistics Statistics => problem is null ? retired : retired.Then(SolverStatistics.Of(problem)) with { RecordSeconds = recordSeconds };

    Model model = null!;
    MechanicsProblem? problem;
    RunRecorder recorder = null!;
    StepState state = new();
    /// <summary>The counters of the problems that remeshing replaced.</summary>
    SolverStatistics retired = SolverStatistics.None;
    double recordSeconds;
    CycleJumper? jumper;
    readonly Stopwatch wall = new(), sinceCheckpoint = new();

    public RunResult Run()
    {
        var clock = Stopwatch.StartNew();
        wall.Restart();
        var asMeshed = resumeFrom is null ? MeshFactory.Build(def.Mesh) : null;
        Use(Model.Build(def, resumeFrom?.Mesh ?? asMeshed!, resumeFrom?.Frame));
        var remesher = new Remesher(def, asMeshed);
        state = resumeFrom is { } saved ? Restored(saved) : Start();
        Directory.CreateDirectory(outDir);
        if (resumeFrom is null) recorder.WriteFields(state, problem!, 0);
        var stepper = new Stepper(def) { Cancellation = Cancellation, CutBackLog = CutBackLog };
        if (def.Jump.Enabled)
            jumper = new CycleJumper(def.Jump, def.Protocol, recorder.Columns) { Settle = (p, t, from) => stepper.Settle(model, p, t, from.U, from.States) };
        double sessionStart = state.Time;
        try
        {
            sinceCheckpoint.Restart();
            while (!stepper.Finished(state))
            {
                if (TryAdvance(stepper) is { } step) Observe(step, remesher, sessionStart);
            }
        }
        catch (OperationCanceledException)
        {
            SaveCheckpoint();
            throw new RunInterruptedException($"interrupted after step {state.Step} (t = {state.Time:G8} s); a checkpoint of that step is in {outDir}", state.Step, state.Time);
        }
        catch (NotConvergedException e)
        {
            FailurePicture.Write(outDir, model.Mesh, problem!, state.Time);
            SaveCheckpoint();
            throw new NotConvergedException($"{e.Message}. A checkpoint of the last converged state is in {outDir}");
        }
        return Finish(clock);
    }

    /// <summary>The next accepted step, or null when a step after a cycle jump did not converge: the jump is
    /// then taken back and the run goes on from the cycle it started from, jumping at most half as far.</summary>
    AcceptedStep? TryAdvance(Stepper stepper)
    {
        try
        {
            if (FailStepIf?.Invoke(state) == true) throw new NotConvergedException($"step {state.Step + 1} failed on request");
            return stepper.Advance(model, problem!, state);
        }
        catch (NotConvergedException e) when (jumper is not null && state.Jump.Pending)
        {
            jumper.TakeBackUnconverged(problem!, state, e.Message);
            return null;
        }
    }

    /// <summary>The model and a problem of it at rest, with its recorder.</summary>
    void Use(Model m, MechanicsProblem? p = null)
    {
        model = m;
        problem = p ?? m.NewProblem(def.Solver);
        recorder = new RunRecorder(def, m, outDir);
    }

    StepState Start() => new()
    {
        Time = def.Protocol.StartTime,
        NextDt = def.Protocol.NextBreakpoint(def.Protocol.StartTime) - def.Protocol.StartTime,
    };

    StepState Restored(Checkpoint.Saved saved)
    {
        problem!.Restore(saved.U, saved.States, saved.State.NewtonIterations, saved.ProjectHessian, saved.Stretch);
        problem.Contact?.RestoreCouplings(saved.Couplings.Coupled, saved.Couplings.Pending);
        return saved.State;
    }

    /// <summary>After an accepted step: record it, write what is due, jump cycles or remesh, report, checkpoint.
    /// Nothing is written while a cycle jump waits for its check: a failed check takes those steps back.</summary>
    void Observe(AcceptedStep step, Remesher remesher, double sessionStart)
    {
        var recordClock = Stopwatch.StartNew();
        recorder.Record(state, problem!, step.Iterations);
        if (!state.Jump.Pending) WriteDueFields();
        recordSeconds += recordClock.Elapsed.TotalSeconds;
        if (jumper?.AfterStep(problem!, state) is JumpOutcome.Jumped or JumpOutcome.TakenBack) { Report(step, sessionStart); return; }
        if (!state.Jump.Pending && remesher.Remesh(model, problem!, state) is { } remeshed)
        {
            retired = retired.Then(SolverStatistics.Of(problem!));
            problem!.Dispose();
            Use(remeshed.Model, remeshed.Problem);
            CycleJumper.Carry(state, remeshed.Snapshots);
        }
        Report(step, sessionStart);
        if (!state.Jump.Pending && (state.Step % def.Output.CheckpointEvery == 0 || sinceCheckpoint.Elapsed.TotalMinutes >= def.Output.CheckpointMinutes))
            SaveCheckpoint();
    }

    void WriteDueFields()
    {
        if (def.Protocol.IsBreakpoint(state.Time) || (def.Output.FieldsEvery > 0 && state.Step % def.Output.FieldsEvery == 0))
            recorder.WriteFields(state, problem!, state.Step);
        recorder.WriteMapsIfFullLithiation(state, problem!);
    }

    RunResult Finish(Stopwatch clock)
    {
        recorder.WriteTables(state);
        var final = PhaseStatistics.Compute(model.Mesh, problem!.Assembler.PointOffsets, problem.Responses, problem.States);
        var result = new RunResult(state.Step, problem.TotalIterations, clock.Elapsed.TotalSeconds, outDir, model.Mesh.RegionNames, final)
        {
            LargestDistortedArea = recorder.LargestDistortedArea(state),
            RemeshedBodies = state.RemeshedBodies,
            OutOfPlaneStrain = problem.Stretch - 1,
            Peaks = Integrity.PeakStresses.Compute(model.Mesh, problem.Assembler, problem.Responses, problem.U),
            PressedSpots = model.Contact is { } contact
                ? Remesher.PressedNodes(contact, problem.U, model.Mesh).Select(n => model.Mesh.Nodes[n]).ToArray() : Array.Empty<Geometry.Vec2>(),
        };
        recorder.WriteSummary(result);
        SaveCheckpoint();
        return result;
    }

    void Report(AcceptedStep step, double sessionStart)
    {
        if (progress is null) return;
        var seg = def.Protocol.SegmentAt(state.Time);
        progress(new RunProgress(state.Step, seg.Cycle, def.Protocol.CycleCount, seg.Half, state.Time, def.Protocol.StartTime,
            def.Protocol.EndTime, def.Protocol.ThetaAt(state.Time), step.Dt, step.Iterations, wall.Elapsed)
        {
            SessionStartTime = sessionStart,
            Jumps = state.Jump.Jumps.Count,
            LastJump = state.Jump.Jumps.Count > 0 ? state.Jump.Jumps[^1].To - state.Jump.Jumps[^1].From : 0,
        });
    }

    /// <summary>The complete state into the checkpoint; the tables get only what a cycle jump's check has passed.</summary>
    void SaveCheckpoint()
    {
        Checkpoint.Write(outDir, def, state, problem!.U, problem.States, model.Particles,
            problem.Contact?.CouplingState() ?? (Array.Empty<long>(), Array.Empty<long>()), problem.ContactHessianProjected, problem.Stretch, model.Frame);
        recorder.WriteTables(CycleJumper.Verified(state));
        sinceCheckpoint.Restart();
    }
}
