using CreepCell.Geometry.Imaging;
using CreepCell.Io.Images;
using CreepCell.Meshing;
using CreepCell.Simulation.Transport;
using CreepCell.Tests.Geometry.Imaging;

namespace CreepCell.Tests.Simulation.Transport;

/// <summary>
/// The finite-element conduction on an image RVE against TauFactor's pixel scheme on the same pixels: the pore
/// phase of the 32 x 32 top-left crop of page 128 of the TauFactor electrode, top to bottom. The two solve
/// different discrete geometries of one staircase: the pixel scheme the staircase itself (one unknown per
/// pixel), the image RVE its smoothed outlines, which cut the staircase's corners by about a pixel. Splitting
/// every pixel m x m (m = 4, 8, 16) keeps the staircase and brings both to its continuum: the pixel values fall,
/// the finite-element values rise, their gap shrinks about 2.5 times per halving, and the Aitken extrapolations
/// of the two sequences agree.
/// </summary>
public class ImageTortuosityTests
{
    static readonly Dictionary<double, string> PoresConduct = new() { [0] = "electrolyte", [85] = "pore", [170] = "pore" };

    [Fact]
    public void Finite_elements_and_pixel_finite_volumes_converge_to_one_tortuosity_factor_on_an_electrode_crop()
    {
        var spec = new ImageSpec(ImageFixtures.Electrode, 128, ImageFixtures.ElectrodePixel, new PixelRect(0, 0, 32, 32), PoresConduct,
            null, null, MinArea: 1, NeckRatio: 0, Source: "electrode.toml");
        var map = ImageMicrostructure.Build(spec).Map;
        int w = map.Width, h = map.Height;
        var phase = map.Phase.Select(p => map.Names[p] == "electrolyte").ToArray();
        var splits = new[] { 4, 8, 16 };
        var pixel = splits.Select(m => PixelConduction.TopToBottom(PixelConduction.Refine(phase, w, h, m), w * m, h * m)!.TortuosityFactor).ToArray();
        var fe = splits.Select(m =>
        {
            var rve = ImageMicrostructure.Build(spec with { PixelSize = map.PixelSize / m }, map.Split(m));
            var mesh = ImageBodyMesh.Build(rve, new ParticleMeshOptions { ElementSize = 0.5 * ImageFixtures.ElectrodePixel, SecondOrder = true });
            var r = Solve(mesh, rve.Width, rve.Height);
            Assert.Equal(phase.Count(p => p) / (double)(w * h), r.ConductingFraction, 1e-3);
            return r.Tortuosity;
        }).ToArray();
        for (int k = 0; k < splits.Length; k++) Assert.True(fe[k] < pixel[k], $"split {splits[k]}: FE {fe[k]} below pixels {pixel[k]}");
        for (int k = 1; k < splits.Length; k++)
        {
            Assert.True(pixel[k] < pixel[k - 1] && fe[k] > fe[k - 1]);
            Assert.True(pixel[k] - fe[k] < 0.5 * (pixel[k - 1] - fe[k - 1]), "the gap at least halves per halving of the pixel");
        }
        // measured: 3.0956 (pixels) and 3.0961 (FE); the tolerance, 0.3 %, is a third of the last FE correction (0.8 %)
        double pixelLimit = Aitken(pixel), feLimit = Aitken(fe);
        Assert.InRange(feLimit / pixelLimit, 0.997, 1.003);
        Assert.InRange(pixelLimit, fe[^1], pixel[^1]);
    }

    /// <summary>The limit of a sequence whose corrections shrink geometrically, from its last three terms.</summary>
    static double Aitken(double[] x)
    {
        double d1 = x[^2] - x[^3], d2 = x[^1] - x[^2];
        return x[^1] - d2 * d2 / (d2 - d1);
    }

    /// <summary>Top-to-bottom conduction at rest, sigma0 = 1 in the electrolyte, the box's top and bottom as collectors.</summary>
    internal static ConductionResult Solve(Mesh mesh, double width, double height)
    {
        var sigma = mesh.RegionNames.Select(n => n == "electrolyte" ? 1.0 : 0).ToArray();
        var top = mesh.Nodes.Select(p => Math.Abs(p.Y - height) < 1e-9 * height).ToArray();
        var bottom = mesh.Nodes.Select(p => Math.Abs(p.Y) < 1e-9 * height).ToArray();
        return Conduction.Solve(mesh, new double[2 * mesh.NodeCount], sigma, Array.Empty<ConductanceLink>(), top, bottom, width, height);
    }
}
