using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// Elastic particles swelling by 98 % into each other and the walls of their box are pressed to about
/// 2.6 GPa: their tangent is indefinite there (the initial-stress term of a compressed body that only
/// frictionless contacts hold), and a Newton direction can fail to descend. Without the shifted solve
/// this lithiation took 78 steps with 27 cut-backs, 26 of them for such a direction; with it 29 steps and
/// 2 cut-backs, ending in the same state (mean von Mises 2.5866 against 2.5874 GPa).
/// </summary>
public class IndefiniteTangentTests
{
    const string Case = """
        temperature = "70 degC"
        [materials.Se]
        youngs_modulus = "10 GPa"
        poisson_ratio = 0.33
        swelling = 0.98
        [microstructure]
        side = "6.2 um"
        seed = 1
        edge_length = "0.25 um"
        min_gap = 0.02
        [microstructure.phases.Se]
        fraction = 0.6
        mean_diameter = "3 um"
        cv = 0.0
        [mesh]
        relative_element_size = 0.25
        order = 2
        [protocol]
        kind = "galvanostatic"
        c_rate = 1
        cycles = 1
        [solver]
        max_lithiation_step = 1.0
        """;

    [Fact]
    public void PressedParticlesReachFullLithiationWithoutADirectionThatFailsToDescend()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-indefinite-").FullName;
        try
        {
            var cutBacks = new List<string>();
            var def = CaseReader.Read("indefinite.toml", Case, dir);
            var runner = new CaseRunner(def, Path.Combine(dir, "out")) { CutBackLog = cutBacks.Add };
            var result = runner.Run();
            Assert.True(runner.Statistics.ShiftedIterations > 0, "the shifted solve was not needed: the case no longer tests it");
            Assert.DoesNotContain(cutBacks, c => c.Contains("does not descend"));
            Assert.True(cutBacks.Count <= 5, string.Join("\n", cutBacks));
            Assert.InRange(result.Steps, 1, 40);
            // full lithiation: the particles are pressed, as in the run without the shift
            var cycles = CreepCell.Io.Plots.HistoryRun.ReadCsv(Path.Combine(dir, "out", "cycles.csv"));
            double mean = cycles.Rows[0][cycles.Columns.ToList().IndexOf("full_vm_mean_Se_Pa")];
            Assert.InRange(mean, 2.55e9, 2.62e9);
        }
        finally { Directory.Delete(dir, true); }
    }
}
