using CreepCell.Geometry.Packing;

namespace CreepCell.Tests.Geometry.Packing;

public class PackingDrawingTests
{
    [Fact]
    public void Svg_has_one_polygon_per_particle_and_the_legend()
    {
        var packing = PackingCases.Get("SeMse1");
        string svg = PackingDrawing.ToSvg(packing, 400);
        Assert.StartsWith("<svg", svg);
        Assert.Equal(packing.Particles.Count, svg.Split("<polygon").Length - 1);
        Assert.Contains("Se 35.6 %", svg);
        Assert.Contains("pores 24.7 %", svg);
    }

    [Fact]
    public void Png_is_written_atomically_with_a_png_signature()
    {
        var packing = PackingCases.Get("ThreePhase");
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-packing-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(dir, "rve.png");
            PackingDrawing.WritePng(packing, path, 300);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
            Assert.Single(Directory.GetFiles(dir));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
