using System.Globalization;
using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// A run under generalized plane strain: F33 in the checkpoint (bit for bit, format version 9), a run
/// interrupted and resumed that gives the uninterrupted history, and the out-of-plane columns.
/// </summary>
public class GeneralizedPlaneStrainRunTests
{
    static readonly string Case = InclusionCase.Text(elementSize: "2.5 um", inclusionElementSize: "1 um", cycles: 2,
        more: "out_of_plane = \"generalized_plane_strain\"\n[output]\ncheckpoint_every = 3\n");

    static CaseDefinition Definition(string dir) => CaseReader.Read(Path.Combine(dir, "case.toml"), Case, dir);

    [Fact]
    public void CheckpointKeepsTheStretchBitForBit()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-gps-ck-").FullName;
        var def = Definition(dir);
        Assert.True(def.Solver.OutOfPlane.Generalized);
        var mesh = MeshFactory.Build(def.Mesh);
        var model = Model.Build(def, mesh);
        using var problem = model.NewProblem(def.Solver);
        const double stretch = 1.0123456789012345;
        Checkpoint.Write(dir, def, new StepState { Time = 10, Step = 3 }, problem.U, problem.States, mesh,
            (Array.Empty<long>(), Array.Empty<long>()), true, stretch);
        var saved = Checkpoint.Read(dir);
        Assert.Equal(BitConverter.DoubleToInt64Bits(stretch), BitConverter.DoubleToInt64Bits(saved.Stretch));
        problem.Restore(saved.U, saved.States, 0, saved.ProjectHessian, saved.Stretch);
        Assert.Equal(stretch, problem.Stretch);
    }

    [Fact]
    public void CheckpointOfTheFormerVersionIsRefusedWithTheVersionMessage()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-gps-v8-").FullName;
        var def = Definition(dir);
        var mesh = MeshFactory.Build(def.Mesh);
        using var problem = Model.Build(def, mesh).NewProblem(def.Solver);
        Checkpoint.Write(dir, def, new StepState(), problem.U, problem.States, mesh, (Array.Empty<long>(), Array.Empty<long>()), true, 1.01);
        string file = Path.Combine(dir, Checkpoint.FileName);
        var bytes = File.ReadAllBytes(file);
        bytes["CREEPCELL-CHECKPOINT".Length + 1] = 8;
        File.WriteAllBytes(file, bytes);
        var e = Assert.Throws<InputException>(() => Checkpoint.Read(dir));
        Assert.Contains("format version 8", e.Message);
        Assert.Contains("reads version 9 only", e.Message);
    }

    [Fact]
    public void InterruptedRunResumesToTheUninterruptedHistory()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-gps-run-").FullName;
        var def = Definition(dir);
        string whole = Path.Combine(dir, "whole"), cut = Path.Combine(dir, "cut");
        var result = new CaseRunner(def, whole).Run();
        using (var cts = new CancellationTokenSource())
        {
            var runner = new CaseRunner(def, cut, p => { if (p.Step >= 7) cts.Cancel(); }) { Cancellation = cts.Token };
            Assert.Throws<RunInterruptedException>(() => runner.Run());
        }
        Assert.False(File.Exists(Path.Combine(cut, "summary.json")));
        CaseRunner.Resume(cut).Run();
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "history.csv")), File.ReadAllBytes(Path.Combine(cut, "history.csv")));

        var lines = File.ReadAllLines(Path.Combine(whole, "history.csv"));
        var header = lines[0].Split(',');
        int strain = Array.IndexOf(header, "out_of_plane_strain"), stress = Array.IndexOf(header, "out_of_plane_stress_Pa");
        int theta = Array.IndexOf(header, "lithiation"), vm = Array.IndexOf(header, "vm_mean_Se_Pa");
        Assert.True(strain > 0 && stress == strain + 1, "the out-of-plane columns come last");
        foreach (var row in lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()))
        {
            // the swelling inclusion stretches the model along z, and the net out-of-plane force stays zero
            if (row[theta] > 0.1) Assert.True(row[strain] > 0, $"F33 - 1 = {row[strain]} at lithiation {row[theta]}");
            Assert.InRange(Math.Abs(row[stress]), 0, 1e-4 * row[vm] + 1);
        }
        Assert.Contains("\"final_strain\"", File.ReadAllText(Path.Combine(whole, "summary.json")));
        Assert.NotEqual(0, result.OutOfPlaneStrain);
    }
}
