using System.Runtime.InteropServices;
using CreepCell.Tests.Analysis;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// A run stopped by SIGINT, SIGTERM or SIGKILL and resumed gives the history of an uninterrupted run;
/// a finished run resumed changes no byte; a damaged checkpoint is refused. The moment of each
/// interruption is set by the checkpoint files the run writes, observed as they appear.
/// </summary>
public class RunInterruptionTests(RunInterruptionTests.ReferenceRun reference) : IClassFixture<RunInterruptionTests.ReferenceRun>
{
    /// <summary>One uninterrupted run of the case, shared by the tests (each works on its own copy).</summary>
    public sealed class ReferenceRun
    {
        public string Case { get; }
        public string Dir { get; }
        public string[] History { get; }
        public string Cycles { get; }

        public ReferenceRun()
        {
            string root = Directory.CreateTempSubdirectory("creepcell-stop-").FullName;
            Case = Path.Combine(root, "case.toml");
            File.WriteAllText(Case, CheckpointTests.CyclingCase);
            Dir = Path.Combine(root, "reference");
            var (code, _, err) = CliRunner.Run("run", Case, "--out", Dir, "--quiet");
            Assert.True(code == 0, err);
            History = File.ReadAllLines(Path.Combine(Dir, "history.csv"));
            Cycles = File.ReadAllText(Path.Combine(Dir, "cycles.csv"));
        }

        /// <summary>A copy of the finished run's folder.</summary>
        public string Copy()
        {
            string copy = Directory.CreateTempSubdirectory("creepcell-done-").FullName;
            foreach (var f in Directory.GetFiles(Dir)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
            return copy;
        }
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "signal")]
    static extern IntPtr SetSignal(int signal, IntPtr handler);

    static readonly IntPtr Default = 0, Ignored = 1;

    /// <summary>
    /// A test run started in the background by a non-interactive shell ignores SIGINT, and its children
    /// inherit that: the run then keeps the ignored disposition (as POSIX programs do, and the .NET runtime
    /// installs no handler for it) and finishes normally. The test process gives SIGINT back its default
    /// action, so that its runs receive it; a handler it already had is left in place.
    /// </summary>
    static void UnignoreInterrupt()
    {
        var previous = SetSignal(SigInt, Default);
        if (previous != Ignored) SetSignal(SigInt, previous);
    }

    const int SigInt = 2, SigTerm = 15;

    static string[] History(string outDir) => File.ReadAllLines(Path.Combine(outDir, "history.csv"));

    /// <summary>Starts a run and returns once its <paramref name="count"/>-th checkpoint has been written
    /// (the file polled on this thread).</summary>
    static System.Diagnostics.Process StartAndWaitForCheckpoints(string file, string outDir, int count)
    {
        Directory.CreateDirectory(outDir);
        UnignoreInterrupt();
        string checkpoint = Path.Combine(outDir, CreepCell.Simulation.Checkpoint.FileName);
        var p = CliRunner.Start("run", file, "--out", outDir, "--quiet");
        var last = DateTime.MinValue;
        for (int seen = 0; seen < count;)
        {
            // a run that writes no checkpoint ends, and that fails here
            Assert.False(p.HasExited, "the run ended before it could be interrupted");
            var written = File.Exists(checkpoint) ? File.GetLastWriteTimeUtc(checkpoint) : DateTime.MinValue;
            if (written != last) (seen, last) = (seen + 1, written);
            else Thread.Sleep(5);
        }
        Assert.False(p.HasExited, "the run ended before it could be interrupted");
        return p;
    }

    void AssertResumesToReference(string outDir)
    {
        Assert.False(File.Exists(Path.Combine(outDir, "summary.json")), "an interrupted run must not have finished");
        var (code, _, err) = CliRunner.Run("run", "--resume", outDir, "--quiet");
        Assert.True(code == 0, err);
        Assert.Equal(reference.History, History(outDir));
        Assert.Equal(reference.Cycles, File.ReadAllText(Path.Combine(outDir, "cycles.csv")));
        Assert.Empty(Directory.GetFiles(outDir, ".*.tmp"));
    }

    [Theory]
    [InlineData(SigInt, 130)]
    [InlineData(SigTerm, 143)]
    public void SignalWritesACheckpointExitsWithTheShellCodeAndSaysHowToResume(int signal, int exitCode)
    {
        string stopped = Path.Combine(Directory.CreateTempSubdirectory("creepcell-stop-").FullName, "stopped");
        using var p = StartAndWaitForCheckpoints(reference.Case, stopped, 1);
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.Equal(0, kill(p.Id, signal));
        p.WaitForExit();
        Assert.Equal(exitCode, p.ExitCode);
        Assert.Contains($"creepcell run --resume {stopped}", stderr.Result);
        Assert.Empty(Directory.GetFiles(stopped, ".*.tmp"));
        AssertResumesToReference(stopped);
    }

    [Fact]
    public void RunKilledAfterItsSecondCheckpointAndResumedGivesTheSameHistory()
    {
        string killed = Path.Combine(Directory.CreateTempSubdirectory("creepcell-kill-").FullName, "killed");
        using (var p = StartAndWaitForCheckpoints(reference.Case, killed, 2))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        AssertResumesToReference(killed);
    }

    [Fact]
    public void ResumingAFinishedRunChangesNoByte()
    {
        string done = reference.Copy();
        var before = Directory.GetFiles(done).ToDictionary(f => f, File.ReadAllBytes);
        var (code, stdout, err) = CliRunner.Run("run", "--resume", done);
        Assert.True(code == 0, err);
        Assert.Contains("is complete", stdout);
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(done).Order());
        foreach (var (f, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(f));
    }

    [Theory]
    [InlineData("flip", "checksum does not match")]
    [InlineData("truncate", "truncated or damaged")]
    [InlineData("version", "format version 3")]
    public void DamagedCheckpointIsRefusedWithExitCodeTwo(string damage, string message)
    {
        string done = reference.Copy();
        string ckpt = Path.Combine(done, "checkpoint.bin");
        var bytes = File.ReadAllBytes(ckpt);
        int header = "CREEPCELL-CHECKPOINT".Length + 1;
        switch (damage)
        {
            case "flip": bytes[bytes.Length / 2] ^= 0x10; break;
            case "truncate": bytes = bytes[..(bytes.Length - 100)]; break;
            case "version": bytes[header] = 3; break;
        }
        File.WriteAllBytes(ckpt, bytes);
        var history = File.ReadAllBytes(Path.Combine(done, "history.csv"));
        var (code, _, err) = CliRunner.Run("run", "--resume", done);
        Assert.Equal(2, code);
        Assert.Contains(message, err);
        Assert.Contains("checkpoint.bin", err);
        Assert.DoesNotContain("   at ", err);
        Assert.Equal(history, File.ReadAllBytes(Path.Combine(done, "history.csv")));
    }
}
