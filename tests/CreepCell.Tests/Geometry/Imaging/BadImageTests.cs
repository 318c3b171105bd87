using CreepCell.Cli;
using CreepCell.Io;
using CreepCell.Tests.Analysis;
using CreepCell.Simulation;

namespace CreepCell.Tests.Geometry.Imaging;

/// <summary>Bad images and image keys fail with one message naming the file and key, before meshing.</summary>
public class BadImageTests
{
    static string Case(string micro) => $"""
        [microstructure]
        image = "{ImageFixtures.Electrode.Replace("\\", "/")}"
        {micro}
        [materials.NMC]
        youngs_modulus = "140 GPa"
        poisson_ratio = 0.3
        swelling = 0.05
        [materials.CBD]
        youngs_modulus = "1 GPa"
        poisson_ratio = 0.3
        [protocol]
        c_rate = 1
        cycles = 1
        """;

    const string Good = "pixel_size = \"0.39 um\"\nphases = { 0 = \"pore\", 85 = \"NMC\", 170 = \"CBD\" }\ncrop = [0, 0, 16, 16]";

    static InputException Bad(string micro) => Assert.Throws<InputException>(() =>
    {
        var def = CaseReader.Read("case.toml", Case(micro), Path.GetTempPath());
        CreepCell.Simulation.MeshFactory.Build(def.Mesh);
    });

    [Theory]
    [InlineData("pixel_size = \"0.39\"\nphases = { 0 = \"pore\", 85 = \"NMC\", 170 = \"CBD\" }", "microstructure.pixel_size", "unit")]
    [InlineData("pixel_size = 0.39e-6\nphases = { 0 = \"pore\", 85 = \"NMC\", 170 = \"CBD\" }", "microstructure.pixel_size", "unit")]
    [InlineData("pixel_size = \"0.39 um\"\nphases = { 0 = \"pore\", 85 = \"NMC\" }\ncrop = [0, 0, 16, 16]", "microstructure.phases", "170")]
    [InlineData("pixel_size = \"0.39 um\"\nphases = { 0 = \"pore\", 85 = \"NMC\", 170 = \"CBD\" }\ncrop = [250, 0, 16, 16]", "microstructure.crop", "outside")]
    [InlineData("pixel_size = \"0.39 um\"\nphases = { 0 = \"pore\", 85 = \"NMC\", 170 = \"CBD\" }\npage = 256", "microstructure.page", "256 page")]
    [InlineData("pixel_size = \"0.39 um\"\nphases = { 0 = \"pore\", 85 = \"NMC\", 170 = \"CBD\" }\ncrop = [0, 0, 2, 2]", "microstructure.image", "one phase only")]
    [InlineData(Good + "\ncoarsen = 3", "microstructure.coarsen", "blocks of 3")]
    [InlineData(Good + "\ncoarsen = 2\ncoarsen_rule = \"median\"", "microstructure.coarsen_rule", "\"area\", \"majority\"")]
    [InlineData(Good + "\nperiodic = \"yes\"", "microstructure.periodic", "true or false")]
    [InlineData(Good + "\nneck_ratio = 1.5", "microstructure.neck_ratio", "[0, 1)")]
    [InlineData("pixel_size = \"0.39 um\"\nphases = [\"pore\", \"NMC\", \"CBD\"]\nthresholds = [100]", "microstructure.thresholds", "2 grey levels")]
    [InlineData(Good + "\nside = \"10 um\"", "microstructure.side", "unknown key")]
    [InlineData(Good + "\nbonded = [\"binder\"]", "microstructure.bonded", "\"binder\" is not a phase of phases (NMC, CBD)")]
    [InlineData(Good + "\nbonded = [\"pore\"]", "microstructure.bonded", "pore space")]
    [InlineData(Good + "\nbonded = \"CBD\"", "microstructure.bonded", "list of phase names")]
    [InlineData(Good + "\nbonded = [\"CBD\", \"CBD\"]", "microstructure.bonded", "twice")]
    public void Fails_with_a_message_naming_the_key(string micro, string key, string words)
    {
        var e = Bad(micro);
        Assert.Contains("case.toml: " + key, e.Message);
        Assert.Contains(words, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_phase_without_material_is_named()
    {
        var e = Bad(Good.Replace("170 = \"CBD\"", "170 = \"binder\""));
        Assert.Contains("binder", e.Message);
    }

    [Fact]
    public void The_command_exits_2_and_writes_nothing()
    {
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-img-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string png = Path.Combine(dir, "rve.png");
            var (code, _, err) = CliRunner.Run("microstructure", "--image", ImageFixtures.Electrode, "--pixel-size", "0.39",
                "--phases", "0=pore,85=NMC,170=CBD", "--crop", "0,0,16,16", "--png", png);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("microstructure.pixel_size", err);
            Assert.Single(err.Trim().Split('\n'));
            Assert.False(File.Exists(png));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void The_command_writes_the_mesh_and_the_overlay()
    {
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-img-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string png = Path.Combine(dir, "rve.png"), msh = Path.Combine(dir, "rve.msh");
            int code = (int)typeof(ExitCodes).Assembly.EntryPoint!.Invoke(null, new object[] { new[] { "microstructure", "--image", ImageFixtures.Electrode,
                "--pixel-size", "0.390625 um", "--phases", "0=pore,85=NMC,170=CBD", "--page", "1", "--crop", "40,40,32,32", "--png", png, "--msh", msh } })!;
            Assert.Equal(ExitCodes.Ok, code);
            using var bmp = SkiaSharp.SKBitmap.Decode(png);
            Assert.Equal(32 * 16, bmp.Width); // enlarged 16 times, the most the overlay enlarges
            var mesh = CreepCell.Meshing.GmshReader.Read(msh, 1);
            Assert.Contains("NMC", mesh.RegionNames);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("[solver]\nremesh_angle = 10", "solver.remesh_angle")]
    [InlineData("[contact]\nenabled = false", "contact.enabled = false")]
    public void Bonded_bodies_refuse_remeshing_and_contact_off(string table, string words)
    {
        var e = Assert.Throws<InputException>(() => CaseReader.Read("case.toml", Case(Good + "\nbonded = [\"CBD\"]") + "\n" + table + "\n", Path.GetTempPath()));
        Assert.Contains("case.toml: microstructure.bonded", e.Message);
        Assert.Contains(words, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_run_with_a_bonded_phase_that_is_not_in_phases_exits_2_and_writes_nothing()
    {
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-img-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string file = Path.Combine(dir, "case.toml"), outDir = Path.Combine(dir, "out");
            File.WriteAllText(file, Case(Good + "\nbonded = [\"binder\"]"));
            var (code, _, err) = CliRunner.Run("run", file, "--out", outDir);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("case.toml: microstructure.bonded: \"binder\" is not a phase of phases (NMC, CBD)", err);
            Assert.Single(err.Trim().Split('\n'));
            Assert.False(Directory.Exists(outDir));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
