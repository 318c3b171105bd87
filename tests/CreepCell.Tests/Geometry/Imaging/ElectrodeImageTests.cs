using CreepCell.Geometry.Imaging;
using CreepCell.Io.Images;
using CreepCell.Meshing;

namespace CreepCell.Tests.Geometry.Imaging;

/// <summary>
/// A 64 x 64 crop of page 2 of the TauFactor electrode (pore, NMC, binder) meshed body by body: the
/// meshed area of every phase matches its pixel count within 0.5 %.
/// </summary>
public class ElectrodeImageTests
{
    static ImageSpec Spec(int minArea) => new(ImageFixtures.Electrode, 2, ImageFixtures.ElectrodePixel, new PixelRect(96, 96, 64, 64),
        ImageFixtures.ElectrodeLabels, null, null, MinArea: minArea, Source: "electrode.toml");

    [Fact]
    public void Meshed_phase_fractions_match_the_pixel_counts()
    {
        var rve = ImageMicrostructure.Build(Spec(minArea: 1));
        var mesh = ImageBodyMesh.Build(rve, new ParticleMeshOptions { RelativeSize = 0.25, SecondOrder = false });
        var areas = MeshQuality.RegionAreas(mesh);
        double box = rve.Width * rve.Height;
        Assert.Empty(rve.Report.Islands);
        foreach (var p in rve.Report.Phases.Where(p => p.Name != "pore"))
        {
            double pixels = (double)p.ImagePixels / rve.PixelCount;
            double meshed = areas[Array.IndexOf(mesh.RegionNames, p.Name)] / box;
            Assert.InRange(meshed / pixels, 0.995, 1.005);
        }
        Assert.Equal(rve.Bodies.Count, new CreepCell.Contact.ContactBodies(mesh).BodyCount);
    }

    [Fact]
    public void Islands_are_merged_and_reported_and_every_body_keeps_its_pixels()
    {
        var rve = ImageMicrostructure.Build(Spec(minArea: 10));
        long merged = rve.Report.Islands.Sum(m => m.Pixels);
        Assert.True(merged > 0);
        foreach (var p in rve.Report.Phases)
        {
            long gained = rve.Report.Islands.Where(m => m.Into == p.Name).Sum(m => m.Pixels);
            long lost = rve.Report.Islands.Where(m => m.From == p.Name).Sum(m => m.Pixels);
            Assert.Equal(p.ImagePixels + gained - lost, p.Pixels);
        }
        double px2 = rve.Map.PixelSize * rve.Map.PixelSize;
        foreach (var b in rve.Bodies) Assert.InRange(b.Area / px2, 0.97 * b.Pixels, b.Pixels * (1 + 1e-9));
        Assert.All(rve.Bodies, b => Assert.True(b.Pixels >= 10));
    }
}
