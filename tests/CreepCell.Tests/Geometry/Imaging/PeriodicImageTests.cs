using CreepCell.Cli;
using CreepCell.Geometry;
using CreepCell.Geometry.Imaging;
using CreepCell.Io;
using CreepCell.Io.Images;
using CreepCell.Simulation;
using CreepCell.Tests.Analysis;
using SkiaSharp;

namespace CreepCell.Tests.Geometry.Imaging;

/// <summary>
/// <c>periodic = true</c>: a body that touches itself through the periodic edge fails with one message
/// before meshing. The image is 40 x 30 pixels: a band of phase A over the full width on rows 10 to 14 (so
/// it holds both ends of five rows) and a disk of B inside (radius 4 px at (20, 23)). Without the key,
/// the same image is an RVE of two bodies, the band resting on the left and right rollers.
/// </summary>
public class PeriodicImageTests
{
    static readonly Dictionary<double, string> Labels = new() { [0] = "pore", [85] = "A", [170] = "B" };

    static GrayImage Band(bool vertical) => ImageFixtures.Draw(40, 30, new (Func<Vec2, bool>, float)[]
    {
        (vertical ? q => q.X >= 5 && q.X < 9 : q => q.Y >= 10 && q.Y < 15, 85), (ImageFixtures.Disk(20, 23, 4), 170),
    });

    const string Expected = "case.toml: microstructure.periodic: A body 0 touches itself through the periodic edge: it holds pixels (0, 10) " +
        "and (39, 10) of band.png on the left and right edges of the analysed region (5 matching rows), so the tiled image would join it to " +
        "its own copy; crop so that no body reaches across the region at the same row, or set periodic = false (the edges then hold rollers " +
        "and nothing is joined across them)";

    static string Case(string extra) => $"""
        [microstructure]
        image = "band.png"
        pixel_size = "0.1 um"
        phases = {"{"} 0 = "pore", 85 = "A", 170 = "B" {"}"}
        {extra}
        [materials.A]
        youngs_modulus = "140 GPa"
        poisson_ratio = 0.3
        swelling = 0.05
        [materials.B]
        youngs_modulus = "3 GPa"
        poisson_ratio = 0.3
        [protocol]
        lithiation = [[0, 0], ["1 h", 1]]
        """;

    static void WritePng(string path, GrayImage image)
    {
        using var bmp = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var bytes = image.Pixels.Select(v => (byte)v).ToArray();
        System.Runtime.InteropServices.Marshal.Copy(bytes, 0, bmp.GetPixels(), bytes.Length);
        using var data = SKImage.FromBitmap(bmp).Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    static void InFolder(Action<string> test)
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-periodic-").FullName;
        try
        {
            WritePng(Path.Combine(dir, "band.png"), Band(vertical: false));
            test(dir);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    static InputException Fails(string dir, string extra) => Assert.Throws<InputException>(() =>
        MeshFactory.Build(CaseReader.Read("case.toml", Case(extra), dir).Mesh));

    [Fact]
    public void A_band_across_a_periodic_image_fails_with_one_message_naming_the_key_the_body_and_the_pixels()
    {
        InFolder(dir => Assert.Equal(Expected, Fails(dir, "periodic = true").Message));
    }

    [Fact]
    public void The_pixels_are_those_of_the_image_under_a_crop()
    {
        InFolder(dir =>
        {
            string m = Fails(dir, "periodic = true\ncrop = [3, 2, 30, 26]").Message;
            Assert.Contains("pixels (3, 10) and (32, 10) of band.png", m);
            Assert.Contains("(5 matching rows)", m);
        });
    }

    [Fact]
    public void Without_periodic_the_band_rests_on_the_rollers_and_is_meshed()
    {
        InFolder(dir =>
        {
            var mesh = MeshFactory.Build(CaseReader.Read("case.toml", Case(""), dir).Mesh);
            Assert.Equal(2, new CreepCell.Contact.ContactBodies(mesh).BodyCount);
        });
    }

    [Fact]
    public void A_band_from_top_to_bottom_is_found_on_the_columns()
    {
        var (spec, map) = ImageFixtures.InMemory(Band(vertical: true), Labels, 0.1e-6, s => s with { Periodic = true });
        var e = Assert.Throws<InputException>(() => ImageMicrostructure.Build(spec, map));
        Assert.Contains("A body 0 touches itself through the periodic edge: it holds pixels (5, 0) and (5, 29) of synthetic on the top and bottom edges of the analysed region (4 matching columns)", e.Message);
        Assert.Contains("at the same column", e.Message);
    }

    [Fact]
    public void Two_bodies_meeting_across_the_periodic_edge_pass()
    {
        // halves of one particle cut by the left and right edges: two bodies, each on its roller
        var image = ImageFixtures.Draw(40, 30, new (Func<Vec2, bool>, float)[] { (ImageFixtures.Disk(0, 15, 6), 85), (ImageFixtures.Disk(40, 15, 6), 85) });
        var (spec, map) = ImageFixtures.InMemory(image, Labels, 0.1e-6, s => s with { Periodic = true });
        Assert.Equal(2, ImageMicrostructure.Build(spec, map).Bodies.Count);
    }

    [Fact]
    public void The_commands_exit_2_with_the_message_and_write_nothing()
    {
        InFolder(dir =>
        {
            string casePath = Path.Combine(dir, "case.toml");
            File.WriteAllText(casePath, Case("periodic = true"));
            string png = Path.Combine(dir, "rve.png"), msh = Path.Combine(dir, "rve.msh"), outDir = Path.Combine(dir, "out");
            var (code, _, err) = CliRunner.Run("microstructure", casePath, "--png", png, "--msh", msh);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal("error: " + Expected, err.Trim());
            (code, _, err) = CliRunner.Run("run", casePath, "--out", outDir, "--quiet");
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Single(err.Trim().Split('\n'));
            Assert.Contains("microstructure.periodic", err);
            Assert.Equal(new[] { "band.png", "case.toml" }, Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order().ToArray());
        });
    }
}
