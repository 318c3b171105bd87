using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// Contact runs stopped and resumed from their checkpoint continue bit for bit: the preset's first cycle
/// on an 8 um RVE, as it is and with remeshing ([solver] remesh_angle), whose checkpoint holds the new
/// mesh. The checkpoint also keeps the contact couplings and the kind of contact Hessian the next step
/// starts with, on which the round-off of the following solves depends. The same runs show what
/// remeshing is for: without it the flow distorts Se elements below 10 degrees in this first cycle,
/// with it none falls below 15.
/// </summary>
public class RemeshRunTests
{
    static CaseDefinition Case(string dir, int angle)
    {
        // the case text itself says it all: a resumed run reads it from the checkpoint
        string text = BuiltInCases.WithRemeshAngle(BuiltInCases.WithSide(BuiltInCases.Text("se-60mse"), 8), angle)
            .Replace("\ncycles = 20 ", "\ncycles = 1 ").Replace("[output]\n", "[output]\ncheckpoint_every = 5\n");
        Assert.Contains($"remesh_angle = {angle}", text);
        Assert.Contains("checkpoint_every = 5", text);
        var def = CaseReader.Read("se-60mse", text, dir);
        Assert.Equal(1, def.Protocol.CycleCount);
        Assert.Equal(angle, def.Solver.RemeshAngle);
        return def;
    }

    /// <summary>Runs the case whole and stopped at three quarters then resumed; returns the whole run, its
    /// solver counters, its history and the checkpoint resumed from.</summary>
    static (RunResult Whole, SolverStatistics Statistics, string[] History, Checkpoint.Saved Resumed) RunStopAndResume(int angle)
    {
        string root = Directory.CreateTempSubdirectory("creepcell-resume-").FullName;
        try
        {
            string reference = Path.Combine(root, "reference"), stopped = Path.Combine(root, "stopped");
            var wholeRunner = new CaseRunner(Case(reference, angle), reference);
            var whole = wholeRunner.Run();
            var expected = File.ReadAllLines(Path.Combine(reference, "history.csv"));
            using var cancel = new CancellationTokenSource();
            int stopAt = whole.Steps * 3 / 4;
            var runner = new CaseRunner(Case(stopped, angle), stopped, p => { if (p.Step >= stopAt) cancel.Cancel(); }) { Cancellation = cancel.Token };
            Assert.Throws<RunInterruptedException>(() => runner.Run());
            var saved = Checkpoint.Read(stopped);
            Assert.Equal(stopAt, saved.State.Step); // the stop writes a checkpoint of the last converged step
            CaseRunner.Resume(stopped).Run();
            var resumed = File.ReadAllLines(Path.Combine(stopped, "history.csv"));
            Assert.Equal(expected.Length, resumed.Length);
            for (int i = 0; i < expected.Length; i++)
                Assert.True(expected[i] == resumed[i], $"row {i} of {expected.Length} differs (checkpoint at step {saved.State.Step})");
            return (whole, wholeRunner.Statistics, expected, saved);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void AContactRunResumesFromItsCheckpointToTheSameHistory()
    {
        var (whole, _, history, saved) = RunStopAndResume(0);
        Assert.Equal(0, whole.RemeshedBodies);
        // what remeshing is for: the flow alone distorts some Se element below 10 degrees in this cycle (to 4.4)
        Assert.True(SmallestAngle(history, "Se") < 10);
        Assert.True(saved.Couplings.Coupled.Length > 0, "contact pairs should be coupled by then");
    }

    [Fact]
    public void ARemeshedRunResumesFromItsCheckpointToTheSameHistory()
    {
        var (whole, statistics, history, saved) = RunStopAndResume(20);
        Assert.True(saved.State.RemeshedBodies > 0, "the checkpoint should come after a remeshing");
        Assert.True(whole.RemeshedBodies >= saved.State.RemeshedBodies);
        // the counters add up over the problems that remeshing replaced: every Newton iteration evaluates the forces
        Assert.True(statistics.Evaluations >= whole.NewtonIterations, $"{statistics.Evaluations} evaluations for {whole.NewtonIterations} iterations");
        var header = history[0].Split(',');
        var last = history[^1].Split(',').Select(double.Parse).ToArray();
        double counted = last[Array.IndexOf(header, "remeshed_bodies")];
        Assert.InRange(counted, 1, whole.RemeshedBodies);
        Assert.True(last[Array.IndexOf(header, "max_penetration_m")] < 1e-9);
        Assert.True(last[Array.IndexOf(header, "min_angle_Se_deg")] > 0, "no turned-over Se element");
        // remeshed below 20 degrees after each step, no element falls far below that within one (18.9 measured)
        Assert.True(SmallestAngle(history, "Se") > 15);
    }

    static double SmallestAngle(string[] history, string phase)
    {
        int column = Array.IndexOf(history[0].Split(','), $"min_angle_{phase}_deg");
        return history.Skip(1).Min(row => double.Parse(row.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture));
    }
}
