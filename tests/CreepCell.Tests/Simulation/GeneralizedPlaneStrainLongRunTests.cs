using System.Globalization;
using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// The out-of-plane stretch F33 of generalized plane strain through the two operations that replace the
/// state wholesale: a cycle jump (F33 stays that of the last cycle computed in full, then equilibrium is
/// found again) and a remeshing (F33 carried to the new mesh). Either way the net out-of-plane force
/// must stay zero, and a jumped run must follow the stretch of the run computed cycle by cycle.
/// </summary>
public class GeneralizedPlaneStrainLongRunTests
{
    const string Generalized = "out_of_plane = \"generalized_plane_strain\"\n";

    static List<Dictionary<string, double>> Table(string path) => File.ReadAllLines(path) is var lines
        ? lines.Skip(1).Select(l => lines[0].Split(',').Zip(l.Split(',')).Where(p => p.Second != "")
            .ToDictionary(p => p.First, p => double.Parse(p.Second, CultureInfo.InvariantCulture))).ToList()
        : new();

    /// <summary>Every row's net out-of-plane stress is zero to the Newton tolerance: within 1e-3 of the phase's
    /// in-plane mean stress (converged steps leave up to about 1e-4 of it; plane strain would hold tens of
    /// percent of it along z).</summary>
    static void AssertNoOutOfPlaneForce(IEnumerable<Dictionary<string, double>> rows, string vmColumn)
    {
        foreach (var row in rows)
            Assert.True(Math.Abs(row["out_of_plane_stress_Pa"]) <= 1e-3 * row[vmColumn] + 1,
                $"sigma_zz = {row["out_of_plane_stress_Pa"]} Pa at t = {row["time_s"]} s");
    }

    [Fact]
    public void AJumpedRunFollowsTheStretchOfTheFullRun()
    {
        const int cycles = 40;
        string Text(bool jump) => InclusionCase.Text(sideUm: 20, elementSize: "10 um", inclusionElementSize: "4 um",
            radiusUm: 4, swelling: 0.2, creepRate: "1e-6 1/s", n: 2, cycles: cycles, thetaEnd: 0, maxLithiationStep: 0.25,
            more: Generalized + $"[protocol.jump]\nenabled = {(jump ? "true" : "false")}\ntolerance = 0.005\n");
        string root = Directory.CreateTempSubdirectory("creepcell-gps-jump-").FullName;
        try
        {
            var tables = new[] { false, true }.Select(jump =>
            {
                string dir = Path.Combine(root, jump ? "jumped" : "full");
                new CaseRunner(CaseReader.Read("jump.toml", Text(jump), dir), dir).Run();
                AssertNoOutOfPlaneForce(Table(Path.Combine(dir, "history.csv")), "vm_mean_Se_Pa");
                return Table(Path.Combine(dir, "cycles.csv")).ToDictionary(r => (int)r["cycle"]);
            }).ToArray();
            var (full, jumped) = (tables[0], tables[1]);
            Assert.Equal(cycles, full.Count);
            Assert.True(jumped.Count < cycles, $"{jumped.Count} of {cycles} cycles computed in full");
            // the stretch grows with the creep of the inclusion; the jumps must carry it within the tolerance
            Assert.True(full[cycles]["full_out_of_plane_strain"] > 0);
            foreach (var (cycle, row) in jumped)
                foreach (var key in new[] { "full_out_of_plane_strain", "charged_out_of_plane_strain" })
                {
                    double expected = full[cycle][key], got = row[key];
                    Assert.True(Math.Abs(got - expected) <= 0.005 * Math.Abs(full[cycle]["full_out_of_plane_strain"]),
                        $"{key} at cycle {cycle}: {got:E6} jumped, {expected:E6} full");
                }
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void ARemeshedRunKeepsTheOutOfPlaneForceZero()
    {
        string root = Directory.CreateTempSubdirectory("creepcell-gps-remesh-").FullName;
        try
        {
            string text = BuiltInCases.WithRemeshAngle(BuiltInCases.WithSide(BuiltInCases.Text("se-60mse"), 8), 10)
                .Replace("\ncycles = 20 ", "\ncycles = 1 ").Replace("[solver]\n", "[solver]\n" + Generalized);
            var def = CaseReader.Read("se-60mse", text, root);
            Assert.True(def.Solver.OutOfPlane.Generalized);
            var result = new CaseRunner(def, root).Run();
            Assert.True(result.RemeshedBodies > 0, "the first cycle remeshes distorted Se bodies");
            var rows = Table(Path.Combine(root, "history.csv"));
            AssertNoOutOfPlaneForce(rows, "vm_mean_MSe_Pa");
            // the framework holds the swelling cell's length along z: stretched at full lithiation
            Assert.True(rows.Max(r => r["out_of_plane_strain"]) > 1e-3);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
