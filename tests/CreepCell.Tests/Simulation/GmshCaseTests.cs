using System.Globalization;
using CreepCell.Io;
using CreepCell.Simulation;
using Xunit.Abstractions;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// A run whose mesh comes from a Gmsh file (unit square, inclusion of radius 0.25 at the centre,
/// physical surfaces "matrix" and "inclusion"), through the whole pipeline: phases of history.csv,
/// the inclusion stress against closed forms, and the [mesh] unit scaling.
/// </summary>
public class GmshCaseTests(ITestOutputHelper output)
{
    const double Beta = 0.003, Ei = 10e9, Nui = 0.3, Em = 100e9, Num = 0.25, Radius = 0.25;

    static string Case(string file, string unit) => $"""
        [mesh]
        file = "{file}"
        unit = "{unit}"
        [materials.inclusion]
        youngs_modulus = "10 GPa"
        poisson_ratio = {Nui}
        swelling = {Beta}
        [materials.matrix]
        youngs_modulus = "100 GPa"
        poisson_ratio = {Num}
        [protocol]
        lithiation = [[0, 0.0], ["1 h", 1.0]]
        [solver]
        max_lithiation_step = 0.5
        tolerance = 1e-10
        """;

    static Dictionary<string, double> LastRow(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var head = lines[0].Split(',');
        var last = lines[^1].Split(',');
        return head.Select((h, i) => (h, v: double.Parse(last[i], CultureInfo.InvariantCulture))).ToDictionary(x => x.h, x => x.v);
    }

    static (RunResult Result, Dictionary<string, double> Row) Run(string file, string unit)
    {
        string fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "gmsh");
        var def = CaseReader.Read("gmsh-case.toml", Case(file, unit), fixtures);
        string outDir = Path.Combine(Directory.CreateTempSubdirectory("creepcell-gmsh-").FullName, "out");
        var result = new CaseRunner(def, outDir).Run();
        return (result, LastRow(Path.Combine(outDir, "history.csv")));
    }

    /// <summary>
    /// In-plane strain A of the inclusion for a matrix shell of area fraction f = a^2 / b^2 held at
    /// u_r(b) = 0 (composite cylinder, plane strain; f = 0 is Eshelby's infinite matrix):
    /// A = (1 - f) 3 K_I eps0 / (2 ((lambda_I + mu_I)(1 - f) + (lambda_M + mu_M) f + mu_M)).
    /// Stresses as in <see cref="CreepCell.Tests.Fem.EshelbyInclusionTests"/>.
    /// </summary>
    static (double VonMises, double Pressure) ClosedForm(double f)
    {
        double eps0 = Math.Log(1 + Beta) / 3;
        double ki = Ei / (3 * (1 - 2 * Nui)), mi = Ei / (2 * (1 + Nui)), li = ki - 2 * mi / 3;
        double km = Em / (3 * (1 - 2 * Num)), mm = Em / (2 * (1 + Num)), lm = km - 2 * mm / 3;
        double a = (1 - f) * 3 * ki * eps0 / (2 * ((li + mi) * (1 - f) + (lm + mm) * f + mm));
        double srr = 2 * (li + mi) * a - 3 * ki * eps0, szz = 2 * li * a - 3 * ki * eps0;
        return (Math.Abs(srr - szz), -(2 * srr + szz) / 3);
    }

    [Theory]
    [InlineData("square_tri6_v41.msh")]
    [InlineData("square_quad9_v22.msh")]
    public void GmshCaseRunsWithItsPhasesAndTheInclusionStressOfTheClosedForm(string file)
    {
        var (result, row) = Run(file, "1 um");
        Assert.Equal(new[] { "inclusion", "matrix" }, result.Phases.OrderBy(x => x).ToArray());
        Assert.Equal(2, result.Steps);
        Assert.Equal(1.0, row["lithiation"]);
        foreach (var phase in result.Phases)
            foreach (var column in new[] { $"vm_mean_{phase}_Pa", $"vm_max_{phase}_Pa", $"p_mean_{phase}_Pa", $"area_{phase}_m2", $"creep_mean_{phase}" })
                Assert.True(double.IsFinite(row[column]), column);

        // areas in m^2: the file's unit square at 1 um, the box kept by the rollers
        double total = row["area_inclusion_m2"] + row["area_matrix_m2"];
        Assert.True(Math.Abs(total - 1e-12) < 1e-6 * 1e-12, $"total area {total}");
        double expectedInclusion = Math.PI * Radius * Radius * 1e-12;
        Assert.True(Math.Abs(row["area_inclusion_m2"] - expectedInclusion) < 0.02 * expectedInclusion, $"inclusion area {row["area_inclusion_m2"]}");

        // the square cell with rollers is close to a composite cylinder of the same area (f = pi a^2)
        var (vm, p) = ClosedForm(Math.PI * Radius * Radius);
        var (vmInfinite, pInfinite) = ClosedForm(0);
        double vmRun = row["vm_mean_inclusion_Pa"], pRun = row["p_mean_inclusion_Pa"];
        output.WriteLine($"{file}: von Mises {vmRun:E4} (cell {vm:E4}, infinite matrix {vmInfinite:E4}); pressure {pRun:E4} (cell {p:E4}, infinite {pInfinite:E4})");
        Assert.True(Math.Abs(vmRun - vm) < 0.05 * vm, $"von Mises {vmRun} vs {vm}");
        Assert.True(Math.Abs(pRun - p) < 0.05 * p, $"pressure {pRun} vs {p}");
        // Eshelby's infinite matrix, loosely: the rollers add pressure and take away shear
        Assert.True(pRun > pInfinite && pRun < 1.1 * pInfinite, $"pressure {pRun} vs infinite matrix {pInfinite}");
        Assert.True(vmRun < vmInfinite, $"von Mises {vmRun} vs infinite matrix {vmInfinite}");
    }

    [Fact]
    public void MeshUnitScalesAreasButNotStresses()
    {
        var (_, micro) = Run("square_tri6_v22.msh", "1 um");
        var (_, milli) = Run("square_tri6_v22.msh", "1 mm");
        Assert.True(Math.Abs(milli["area_inclusion_m2"] / micro["area_inclusion_m2"] - 1e6) < 1e-6 * 1e6);
        Assert.True(Math.Abs(milli["vm_mean_inclusion_Pa"] / micro["vm_mean_inclusion_Pa"] - 1) < 1e-6);
        Assert.True(Math.Abs(milli["p_mean_matrix_Pa"] / micro["p_mean_matrix_Pa"] - 1) < 1e-6);
    }
}
