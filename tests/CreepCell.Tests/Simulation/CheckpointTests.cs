using CreepCell.Tests.Analysis;

namespace CreepCell.Tests.Simulation;

/// <summary>Run-to-run reproducibility, the cycles table and a failed step of a creeping cycling case
/// (interruptions and resume: <see cref="RunInterruptionTests"/>).</summary>
public class CheckpointTests
{
    internal static readonly string CyclingCase = InclusionCase.Text(elementSize: "1.5 um", inclusionElementSize: "0.6 um", cycles: 3,
        maxLithiationStep: 0.02, more: "[output]\ncheckpoint_every = 4\n");

    static string WriteCase(string dir)
    {
        string file = Path.Combine(dir, "case.toml");
        File.WriteAllText(file, CyclingCase);
        return file;
    }


    [Fact]
    public void SameInputsGiveBitwiseIdenticalOutputsWhateverTheThreadCount()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-det-").FullName;
        string file = WriteCase(dir);
        var (c1, _, e1) = CliRunner.Run("run", file, "--out", Path.Combine(dir, "a"), "--quiet");
        Assert.True(c1 == 0, e1);
        var psi = CliRunner.Start("run", file, "--out", Path.Combine(dir, "b"), "--quiet", "--threads", "1");
        psi.WaitForExit();
        Assert.Equal(0, psi.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a", "history.csv")), File.ReadAllBytes(Path.Combine(dir, "b", "history.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a", "fields_00001.vtu".Replace("00001", LastField(dir, "a")))),
                     File.ReadAllBytes(Path.Combine(dir, "b", "fields_00001.vtu".Replace("00001", LastField(dir, "b")))));
    }

    static string LastField(string dir, string run) =>
        Directory.GetFiles(Path.Combine(dir, run), "fields_*.vtu").Select(Path.GetFileNameWithoutExtension).Max()!["fields_".Length..];

    [Fact]
    public void CyclesTableHoldsFullAndChargedValuesPerCycle()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-cyc-").FullName;
        var (code, _, err) = CliRunner.Run("run", WriteCase(dir), "--out", Path.Combine(dir, "o"), "--quiet");
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(Path.Combine(dir, "o", "cycles.csv"));
        Assert.Equal(4, lines.Length);
        var header = lines[0].Split(',');
        Assert.Equal("cycle", header[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        int full = Array.IndexOf(header, "full_lithiation"), charged = Array.IndexOf(header, "charged_lithiation");
        foreach (var r in rows)
        {
            Assert.Equal(1.0, double.Parse(r[full]), 1e-12);
            Assert.Equal(0.22, double.Parse(r[charged]), 1e-12);
        }
        // at 1 C a full lithiation lasts 1 h: cycle 1 is full at 3600 s, charged at 3600 + 0.78 * 3600 s
        Assert.Equal(3600, double.Parse(rows[0][Array.IndexOf(header, "full_time_s")]), 1e-6);
        Assert.Equal(3600 * 1.78, double.Parse(rows[0][Array.IndexOf(header, "charged_time_s")]), 1e-6);
        // creep relaxes the inclusion: its mean von Mises at full lithiation drops from cycle 1 to cycle 3
        int vm = Array.IndexOf(header, "full_vm_mean_Se_Pa");
        Assert.True(double.Parse(rows[2][vm]) < double.Parse(rows[0][vm]), "deviatoric stress in the creeping inclusion should relax");
    }

    [Fact]
    public void StepThatCannotConvergeStopsWithExitCodeThreeAMessageAndACheckpoint()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-fail-").FullName;
        string file = Path.Combine(dir, "case.toml");
        File.WriteAllText(file, CyclingCase.Replace("max_lithiation_step = 0.02", "max_lithiation_step = 0.02\nmax_iterations = 1\nmax_cutbacks = 2\ntolerance = 1e-14"));
        var (code, _, err) = CliRunner.Run("run", file, "--out", Path.Combine(dir, "o"), "--quiet");
        Assert.Equal(3, code);
        Assert.Contains("no convergence at t =", err);
        Assert.Contains("cycle 1", err);
        Assert.Contains("last residuals", err);
        Assert.True(File.Exists(Path.Combine(dir, "o", "checkpoint.bin")));
        foreach (var line in File.ReadAllLines(Path.Combine(dir, "o", "history.csv")).Skip(1))
            Assert.All(line.Split(','), v => Assert.True(double.IsFinite(double.Parse(v))));
    }
}
