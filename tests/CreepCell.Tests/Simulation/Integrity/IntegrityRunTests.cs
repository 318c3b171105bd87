using System.Globalization;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation.Integrity;

/// <summary>
/// One small cycle of non-creeping FeS (volume change 100 %) and MSe particles that touch as they swell
/// and come apart as they shrink: cycles.csv carries the integrity indicators, consistent with the contact
/// measures of the same rows, and the VTU of full lithiation the failure probability of each particle.
/// </summary>
public class IntegrityRunTests
{
    const string Case = """
        temperature = "70 degC"
        [materials.FeS]
        youngs_modulus = "100 GPa"
        poisson_ratio = 0.25
        swelling = 1.0
        [materials.MSe]
        youngs_modulus = "100 GPa"
        poisson_ratio = 0.25
        [microstructure]
        side = "4 um"
        seed = 1
        edge_length = "0.2 um"
        min_gap = 0.02
        [microstructure.phases.FeS]
        fraction = 0.38
        mean_diameter = "1.6 um"
        cv = 0.1
        [microstructure.phases.MSe]
        fraction = 0.38
        mean_diameter = "1.6 um"
        cv = 0.1
        [mesh]
        relative_element_size = 0.5
        order = 2
        [protocol]
        kind = "galvanostatic"
        c_rate = 1
        cycles = 1
        theta_end_first = 0.0
        theta_end = 0.0
        [boundary]
        kind = "symmetric"
        [contact]
        distance = "20 nm"
        [output]
        vtu = "ascii"
        """;

    [Fact]
    public void CyclesTableAndFieldsCarryFractureAndContactLoss()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-integrity-").FullName;
        try
        {
            new CaseRunner(CaseReader.Read("integrity.toml", Case, dir), Path.Combine(dir, "out")).Run();
            var lines = File.ReadAllLines(Path.Combine(dir, "out", "cycles.csv"));
            var header = lines[0].Split(',').ToList();
            var row = lines[1].Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            double Cell(string name) => row[header.IndexOf(name) is var i and >= 0 ? i : throw new Xunit.Sdk.XunitException($"no column {name}")];

            // swelling by 100 % presses the particles into one another: tension and failure at full lithiation only
            Assert.InRange(Cell("full_pf_mean_FeS"), 0.5, 1);
            Assert.True(Cell("full_sigma1_max_FeS_Pa") > 100 * Cell("charged_sigma1_max_FeS_Pa"));
            Assert.True(Cell("charged_pf_mean_FeS") < 1e-6);
            Assert.True(Cell("full_flaw_G_over_Gc_FeS") > 1);
            // the contact graph agrees with the contact measure: FeS touches MSe at full lithiation and nothing at charge
            Assert.True(Cell("full_contact_ratio_FeS_MSe") > 0);
            Assert.True(Cell("full_contacts_FeS_MSe") >= 1);
            Assert.Equal(0, Cell("charged_contact_ratio_FeS_MSe"));
            Assert.Equal(1, Cell("contact_loss_FeS_MSe"));

            var pf = VtuCells.At(Path.Combine(dir, "out"), Cell("full_time_s"), "failure_probability");
            Assert.All(pf, v => Assert.InRange(v, 0, 1));
            if (Cell("full_pf_mean_FeS") == 1 && Cell("full_pf_mean_MSe") == 1) Assert.All(pf, v => Assert.Equal(1, v));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
