using System.Globalization;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// Cycle jumping against the same run computed cycle by cycle: a creeping Se inclusion in a stiff
/// matrix, cycled at 1 C, whose creep strain ratchets up by the same amount every cycle while its
/// stresses settle. The jumped run must reproduce the full one at every cycle it computes, compute far
/// fewer cycles, and resume from a checkpoint taken while a jump waits for its check to the same bytes.
/// </summary>
public class CycleJumpTests
{
    const int Cycles = 40;

    /// <summary>The inclusion case with a larger box, a slower creep (n = 2) and a full charge every cycle.</summary>
    static string Text(bool jump, double tolerance = 0.005) => InclusionCase.Text(sideUm: 20, elementSize: "10 um", inclusionElementSize: "4 um",
        radiusUm: 4, swelling: 0.2, creepRate: "1e-6 1/s", n: 2, cycles: Cycles, thetaEnd: 0, maxLithiationStep: 0.25,
        more: $"[protocol.jump]\nenabled = {(jump ? "true" : "false")}\ntolerance = {tolerance.ToString(CultureInfo.InvariantCulture)}\n[output]\ncheckpoint_every = 7\n");

    static Dictionary<int, Dictionary<string, double>> Run(string text, string dir, out CaseRunner runner)
    {
        runner = new CaseRunner(CaseReader.Read("jump.toml", text, dir), dir);
        runner.Run();
        return CycleTable(dir);
    }

    static Dictionary<int, Dictionary<string, double>> CycleTable(string dir)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, "cycles.csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            c => (int)double.Parse(c[0], CultureInfo.InvariantCulture),
            c => header.Zip(c).Where(p => p.Second != "").ToDictionary(p => p.First, p => double.Parse(p.Second, CultureInfo.InvariantCulture)));
    }

    /// <summary>Largest relative difference of the watched stresses and strains over the cycles both runs computed.</summary>
    static double WorstDifference(Dictionary<int, Dictionary<string, double>> jumped, Dictionary<int, Dictionary<string, double>> full)
    {
        double worst = 0;
        foreach (var (cycle, row) in jumped)
            foreach (var (key, value) in row.Where(p => p.Key.Contains("vm_mean") || p.Key.Contains("p_mean") || p.Key.Contains("creep_mean")))
            {
                double reference = full[cycle][key];
                // a phase that does not creep has a mean creep strain of exactly 0 in both runs
                worst = Math.Max(worst, reference == 0 ? Math.Abs(value) : Math.Abs(value - reference) / Math.Abs(reference));
            }
        return worst;
    }

    [Fact]
    public void AJumpedRunReproducesTheFullRunWithFewerCycles()
    {
        string root = Directory.CreateTempSubdirectory("creepcell-jump-").FullName;
        try
        {
            var full = Run(Text(jump: false), Path.Combine(root, "full"), out _);
            var jumped = Run(Text(jump: true), Path.Combine(root, "jumped"), out _);
            Assert.Equal(Cycles, full.Count);
            Assert.Contains(Cycles, jumped.Keys);
            // the creep strain grows every cycle: the jumps must carry it, not only the settled stresses
            Assert.True(full[Cycles]["charged_creep_mean_Se"] > 5 * full[5]["charged_creep_mean_Se"]);
            int skipped = jumped.Values.Sum(r => (int)r["cycles_jumped_before"]);
            Assert.Equal(Cycles, jumped.Count + skipped);
            // the saving itself is measured on long runs in bench/ (docs/long-horizon.md); here: jumps were taken
            Assert.True(skipped > 0 && jumped.Count < Cycles, $"{jumped.Count} of {Cycles} cycles computed in full");
            // the long-horizon plots come with jumping only
            foreach (var name in new[] { "long_horizon_contact.png", "long_horizon_stress.png" })
            {
                Assert.False(File.Exists(Path.Combine(root, "full", name)));
                var png = File.ReadAllBytes(Path.Combine(root, "jumped", name));
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4).ToArray());
            }
            // within the tolerance (0.5 %) at every computed cycle, the last one included
            Assert.True(WorstDifference(jumped, full) < 0.005, $"worst relative difference {WorstDifference(jumped, full):E3}");
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void ARunStoppedWhileAJumpWaitsForItsCheckResumesToTheSameBytes()
    {
        string root = Directory.CreateTempSubdirectory("creepcell-jump-resume-").FullName;
        try
        {
            string whole = Path.Combine(root, "whole"), stopped = Path.Combine(root, "stopped");
            Run(Text(jump: true), whole, out _);
            var saved = Checkpoint.Read(whole);
            var (from, to) = saved.State.Jump.Jumps[0];
            // stop in the middle of the cycle that checks the first jump
            int stopAt = saved.State.HistoryRows.FindIndex(r => r[2] == to + 1) + 2;
            using var cancel = new CancellationTokenSource();
            var def = CaseReader.Read("jump.toml", Text(jump: true), stopped);
            var runner = new CaseRunner(def, stopped, p => { if (p.Step >= stopAt) cancel.Cancel(); }) { Cancellation = cancel.Token };
            Assert.Throws<RunInterruptedException>(() => runner.Run());
            var mid = Checkpoint.Read(stopped);
            Assert.True(mid.State.Jump.Pending, $"stopped at step {mid.State.Step}, jump {from} -> {to}");
            // the tables hold only checked rows: none after the cycle the jump started from
            var written = CycleTable(stopped);
            Assert.Equal(from, written.Keys.Max());
            CaseRunner.Resume(stopped).Run();
            Assert.Equal(File.ReadAllText(Path.Combine(whole, "history.csv")), File.ReadAllText(Path.Combine(stopped, "history.csv")));
            Assert.Equal(File.ReadAllText(Path.Combine(whole, "cycles.csv")), File.ReadAllText(Path.Combine(stopped, "cycles.csv")));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void AStepThatFailsAfterAJumpTakesTheJumpBackAndTheRunGoesOn()
    {
        string root = Directory.CreateTempSubdirectory("creepcell-jump-fail-").FullName;
        try
        {
            // the first step after the first jump fails as if its cut-backs were exhausted
            bool failed = false;
            var def = CaseReader.Read("jump.toml", Text(jump: true), root);
            var runner = new CaseRunner(def, root) { FailStepIf = s => !failed && s.Jump.Pending && (failed = true) };
            runner.Run();
            Assert.True(failed);
            var log = File.ReadAllLines(Path.Combine(root, "jumps.txt"));
            int at = Array.FindIndex(log, l => l.Contains("did not converge (step"));
            Assert.True(at > 0, string.Join("\n", log));
            var taken = System.Text.RegularExpressions.Regex.Match(log[at], @"^cycle (\d+): a step after the jump of (\d+) cycles did not converge .*; taken back, no jump before (\d+) more cycles computed in full$");
            Assert.True(taken.Success, log[at]);
            int from = int.Parse(taken.Groups[1].Value), delta = int.Parse(taken.Groups[2].Value);
            Assert.Equal($"cycle {from}: jump {delta} cycles", string.Join(' ', log[at - 1].Split(' ').Take(5)));
            // a failed landing of 4 cycles leaves a cap of 4 / 2 - full_cycles_between (3) = -1, which grows by one
            // per cycle computed in full: no jump of at least 2 cycles before 3 more cycles, and none longer than the cap then
            int wait = int.Parse(taken.Groups[3].Value);
            Assert.Equal(delta / 2 - def.Jump.FullCyclesBetween, 2 - wait);
            var next = log.Skip(at + 1).Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^cycle (\d+): jump (\d+) cycles")).FirstOrDefault(m => m.Success);
            Assert.NotNull(next);
            int after = int.Parse(next!.Groups[1].Value) - from;
            Assert.True(after >= wait, $"{log[at]} / next: {next.Value}");
            Assert.InRange(int.Parse(next.Groups[2].Value), 2, 2 + after - wait);
            // the run still ends at the last cycle, every cycle computed or jumped over once
            var table = CycleTable(root);
            Assert.Equal(Cycles, table.Keys.Max());
            Assert.Equal(Cycles, table.Count + table.Values.Sum(r => (int)r["cycles_jumped_before"]));
            var saved = Checkpoint.Read(root);
            Assert.DoesNotContain(saved.State.Jump.Jumps, j => j.From == from && j.To == from + delta);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void AStepThatFailsWithNoJumpWaitingStopsTheRunWithACheckpoint()
    {
        string root = Directory.CreateTempSubdirectory("creepcell-jump-stop-").FullName;
        try
        {
            var def = CaseReader.Read("jump.toml", Text(jump: true), root);
            var runner = new CaseRunner(def, root) { FailStepIf = s => s.Step == 9 };
            var e = Assert.Throws<NotConvergedException>(() => runner.Run());
            Assert.Contains("step 10 failed on request", e.Message);
            Assert.Contains("checkpoint of the last converged state", e.Message);
            Assert.Equal(9, Checkpoint.Read(root).State.Step);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Theory]
    [InlineData("tolerance = 0", "protocol.jump.tolerance")]
    [InlineData("max_cycles = 1", "protocol.jump.max_cycles")]
    [InlineData("first_after = 2", "protocol.jump.first_after")]
    public void BadJumpSettingsNameTheirKey(string line, string key)
    {
        string text = Text(jump: true).Replace("tolerance = 0.005", line);
        var e = Assert.Throws<InputException>(() => CaseReader.Read("jump.toml", text, Path.GetTempPath()));
        Assert.Contains(key, e.Message);
    }

    [Fact]
    public void JumpingIsOnByDefaultOnlyForLongGalvanostaticProtocols()
    {
        string Without(int cycles) => InclusionCase.Text(cycles: cycles);
        Assert.DoesNotContain("[protocol.jump]", Without(10));
        Assert.False(CaseReader.Read("a.toml", Without(JumpSpec.DefaultFromCycles), Path.GetTempPath()).Jump.Enabled);
        Assert.True(CaseReader.Read("a.toml", Without(JumpSpec.DefaultFromCycles + 1), Path.GetTempPath()).Jump.Enabled);
        string table = Text(jump: true).Replace("kind = \"galvanostatic\"\nc_rate = 1\n", "lithiation = [[0, 0.0], [\"1 h\", 1.0], [\"2 h\", 0.0]]\n")
            .Replace($"cycles = {Cycles}\ntheta_end_first = 0\ntheta_end = 0\n", "");
        Assert.DoesNotContain("c_rate", table);
        var e = Assert.Throws<InputException>(() => CaseReader.Read("a.toml", table, Path.GetTempPath()));
        Assert.Contains("galvanostatic", e.Message);
    }
}
