using CreepCell.Io;
using CreepCell.Meshing;
using CreepCell.Meshing.Gmsh;
using CreepCell.Simulation;
using CreepCell.Tests.Contact;
using CreepCell.Tests.Io;

namespace CreepCell.Tests.Simulation.Transport;

/// <summary>
/// A run of two blocks meshed apart, between rollers: a swelling Se block (active, conducts electrons)
/// on the bottom and an MSE block (electrons and ions) above it, 20 nm apart. At full lithiation the Se
/// has closed the gap over the whole width, so electrons cross two joined conductors that fill the box
/// (sigma_eff / sigma0 = 1, tau = 1, but for discretization), ions do not cross (only the upper block conducts them), and all
/// the Se is connected (capacity estimate = 675 mAh/g). At the end of charge (no swelling left, elastic
/// blocks) the gap is open again: no electronic path, no connected Se, no capacity.
/// </summary>
public class TransportRunTests
{
    const string Case = """
        [mesh]
        file = "blocks.msh"
        unit = "1 um"
        [materials.Se]
        youngs_modulus = "10 GPa"
        poisson_ratio = 0.3
        swelling = 0.1
        active = true
        conducts = ["electrons"]
        [materials.MSE]
        youngs_modulus = "100 GPa"
        poisson_ratio = 0.3
        conducts = ["electrons", "ions"]
        [protocol]
        kind = "galvanostatic"
        c_rate = 1
        cycles = 1
        theta_end_first = 0.0
        [solver]
        max_lithiation_step = 0.25
        """;

    /// <summary>A new folder holding the two blocks meshed apart (blocks.msh).</summary>
    static string BlocksFolder(string prefix)
    {
        string root = Directory.CreateTempSubdirectory(prefix).FullName;
        var lower = StructuredMesh.Rectangle(2, 1, 4, 2, ElementType.Quad4, "Se");
        var upper = ContactKit.Shift(StructuredMesh.Rectangle(2, 1, 3, 2, ElementType.Quad4, "MSE"), 0, 1.02);
        GmshWriter.Write(Path.Combine(root, "blocks.msh"), MeshMerge.Combine(new[] { lower, upper }));
        return root;
    }

    /// <summary>Runs the case text on the blocks of root; returns the output folder.</summary>
    static string Run(string root, string text)
    {
        string outDir = Path.Combine(root, "out");
        new CaseRunner(CaseReader.Read("blocks.toml", text, root), outDir).Run();
        return outDir;
    }

    [Fact]
    public void CyclesReportConductionAndCapacityOfTheClosedAndReopenedGap()
    {
        string root = BlocksFolder("creepcell-transport-");
        string outDir = Run(root, Case);
        var (header, rows) = SmallRun.Csv(Path.Combine(outDir, "cycles.csv"));
        double Cell(string column) => rows[0][Array.IndexOf(header, column)] ?? double.NaN;
        Assert.Equal(1, Cell("full_active_connected"), 12);
        // 1 but for the links between the non-matching nodes of the two blocks (4 and 3 columns; about 1e-3,
        // ContactConductanceTests) and the barrier's gap (below dhat = 2 nm) that the contact bridges
        Assert.InRange(Cell("full_electronic_conductivity_relative"), 0.995, 1.005);
        Assert.InRange(Cell("full_electronic_tortuosity"), 0.995, 1.005);
        Assert.Equal(0, Cell("full_ionic_conductivity_relative"));
        Assert.Equal(675, Cell("full_capacity_estimate_mAh_g"), 9);
        Assert.Equal(0, Cell("charged_electronic_conductivity_relative"));
        Assert.Equal(0, Cell("charged_active_connected"));
        Assert.Equal(0, Cell("charged_capacity_estimate_mAh_g"));
        // history: the conduction columns are solved at the first row and at half-cycle ends and repeated in
        // between; the capacity estimate follows active_connected at every row
        var (h, hist) = SmallRun.Csv(Path.Combine(outDir, "history.csv"));
        int sigma = Array.IndexOf(h, "electronic_conductivity_relative"), time = Array.IndexOf(h, "time_s");
        double fullTime = Cell("full_time_s");
        Assert.All(hist.Where(r => r[time] < fullTime), r => Assert.Equal(hist[0][sigma], r[sigma]));
        Assert.All(hist, r => Assert.Equal(675 * r[Array.IndexOf(h, "active_connected")]!.Value, r[Array.IndexOf(h, "capacity_estimate_mAh_g")]!.Value, 9));
    }

    /// <summary>
    /// With the conductivity of every electron conductor given (Se 20 mS/cm = 2 S/m, MSE 8 S/m), the column
    /// is in S/m: at full lithiation the two joined blocks (1 um each) conduct in series,
    /// sigma = 2 um / (1 um / 2 S/m + 1 um / 8 S/m) = 3.2 S/m, but for the links and the barrier's gap.
    /// </summary>
    [Fact]
    public void GivenConductivitiesMakeTheColumnSiemensPerMetre()
    {
        string root = BlocksFolder("creepcell-transport-si-");
        string text = Case.Replace("conducts = [\"electrons\"]\n", "conducts = [\"electrons\"]\nelectronic_conductivity = \"20 mS/cm\"\n")
            .Replace("conducts = [\"electrons\", \"ions\"]\n", "conducts = [\"electrons\", \"ions\"]\nelectronic_conductivity = \"8 S/m\"\n");
        Assert.Equal(2, CaseReader.Read("blocks.toml", text, root).Materials["Se"].ElectronicConductivity!.Value, 12);
        string outDir = Run(root, text);
        var (header, rows) = SmallRun.Csv(Path.Combine(outDir, "cycles.csv"));
        Assert.DoesNotContain("full_electronic_conductivity_relative", header);
        Assert.Contains("full_ionic_conductivity_relative", header);
        double sigma = rows[0][Array.IndexOf(header, "full_electronic_conductivity_S_per_m")]!.Value;
        Assert.InRange(sigma, 3.2 * 0.99, 3.2 * 1.01);
        Directory.Delete(root, true);
    }

    /// <summary>
    /// The VTU fields electronic_path and ionic_path per particle: at full lithiation both blocks reach both
    /// sides; at the end of charge the Se block keeps its electronic path (it touches the collector) and
    /// loses its ionic one, and the MSE block keeps only its ionic path. The Se area with both paths is
    /// active_connected.
    /// </summary>
    [Fact]
    public void ParticlePathsInTheFieldsAgreeWithTheConnectedFraction()
    {
        string root = BlocksFolder("creepcell-transport-fields-");
        string outDir = Run(root, Case + "\n[output]\nvtu = \"ascii\"\n");
        var (header, rows) = SmallRun.Csv(Path.Combine(outDir, "cycles.csv"));
        double Cell(string column) => rows[0][Array.IndexOf(header, column)] ?? double.NaN;
        (double[] Se, double[] Mse) Paths(double time, string name)
        {
            var phase = VtuCells.At(outDir, time, "phase");
            var path = VtuCells.At(outDir, time, name);
            return (path.Where((_, e) => phase[e] == 0).ToArray(), path.Where((_, e) => phase[e] == 1).ToArray());
        }
        double full = Cell("full_time_s"), charged = VtuCells.Times(outDir).Max();
        Assert.Equal(Cell("charged_time_s"), charged, 1e-9 * charged);
        foreach (var field in new[] { "electronic_path", "ionic_path" })
        {
            var (se, mse) = Paths(full, field);
            Assert.All(se.Concat(mse), v => Assert.Equal(1, v));
        }
        Assert.Equal(1, Cell("full_active_connected"), 12);
        var (seE, mseE) = Paths(charged, "electronic_path");
        var (seI, mseI) = Paths(charged, "ionic_path");
        Assert.All(seE, v => Assert.Equal(1, v));
        Assert.All(seI, v => Assert.Equal(0, v));
        Assert.All(mseE, v => Assert.Equal(0, v));
        Assert.All(mseI, v => Assert.Equal(1, v));
        Assert.Equal(0, Cell("charged_active_connected"));
        Directory.Delete(root, true);
    }

    [Theory]
    [InlineData("[materials.MSE]\n", "[materials.MSE]\nionic_conductivity = \"1 S/m\"\nelectronic_conductivity = \"1 S/m\"\n", "materials.Se.electronic_conductivity")]
    [InlineData("conducts = [\"electrons\"]\n", "conducts = [\"electrons\"]\nionic_conductivity = \"1 S/m\"\n", "materials.Se.ionic_conductivity")]
    [InlineData("conducts = [\"electrons\"]\n", "conducts = [\"electrons\"]\nelectronic_conductivity = \"2 S\"\n", "materials.Se.electronic_conductivity")]
    public void ConductivitiesAreGivenForEveryConductorOfACarrierInSiemensPerMetre(string find, string replace, string key)
    {
        string text = Case.Replace(find, replace);
        Assert.NotEqual(Case, text);
        var e = Assert.Throws<InputException>(() => CaseReader.Read("blocks.toml", text, Path.GetTempPath()));
        Assert.Contains(key, e.Message);
    }
}
