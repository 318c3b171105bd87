using CreepCell.Geometry;
using CreepCell.Io;
using CreepCell.Simulation;
using SkiaSharp;

namespace CreepCell.Tests.Geometry.Imaging;

/// <summary>
/// `creepcell run` on an image case: a PNG of two NMC disks (radius 16 px of 0.1 um, centres 30 px apart,
/// so they touch over a neck of 2 x 5.6 px) in pore. The watershed makes them two bodies; swelling by 5 %
/// through a full lithiation presses them together, so at full lithiation they touch over at least the
/// neck they shared in the image. Elastic and without creep, the lithiation is taken in one step (16
/// Newton iterations).
/// </summary>
public class ImageRunTests
{
    const string Case = """
        [microstructure]
        image = "disks.png"
        pixel_size = "0.1 um"
        phases = { 0 = "pore", 255 = "NMC" }
        [mesh]
        relative_element_size = 0.25
        order = 1
        [materials.NMC]
        youngs_modulus = "140 GPa"
        poisson_ratio = 0.3
        swelling = 0.05
        [protocol]
        lithiation = [[0, 0], ["1 h", 1]]
        [solver]
        max_lithiation_step = 1
        """;

    static void WritePng(string path)
    {
        var image = ImageFixtures.Draw(80, 44, new (Func<Vec2, bool>, float)[] { (ImageFixtures.Disk(24, 22, 16), 255), (ImageFixtures.Disk(54, 22, 16), 255) });
        using var bmp = new SKBitmap(new SKImageInfo(80, 44, SKColorType.Gray8, SKAlphaType.Opaque));
        var bytes = image.Pixels.Select(v => (byte)v).ToArray();
        System.Runtime.InteropServices.Marshal.Copy(bytes, 0, bmp.GetPixels(), bytes.Length);
        using var data = SKImage.FromBitmap(bmp).Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    [Fact]
    public void Swelling_particles_split_from_one_region_press_on_each_other_through_a_full_lithiation()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-image-run-").FullName;
        try
        {
            WritePng(Path.Combine(dir, "disks.png"));
            var def = CaseReader.Read("case.toml", Case, dir);
            var result = new CaseRunner(def, Path.Combine(dir, "out")).Run();
            var rows = File.ReadAllLines(Path.Combine(dir, "out", "history.csv"));
            var head = rows[0].Split(',');
            var last = rows[^1].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(1.0, last[Array.IndexOf(head, "lithiation")], 12);
            double ratio = last[Array.IndexOf(head, "contact_ratio_NMC_NMC")];
            // the neck of 11.1 px against the arcs of the two outlines, 2 (2 pi 16 - 2 x 16 asin(5.6 / 16)) px long
            double half = Math.Sqrt(16 * 16 - 15 * 15), neck = 2 * half, perimeter = 2 * (2 * Math.PI * 16 - 2 * 16 * Math.Asin(half / 16));
            Assert.InRange(ratio, 2 * neck / (perimeter + 2 * neck) * 0.9, 0.5);
            Assert.True(last[Array.IndexOf(head, "min_gap_m")] > 0);
            Assert.True(result.Final[0].VonMisesMean > 0);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
