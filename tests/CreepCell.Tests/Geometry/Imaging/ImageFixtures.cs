using CreepCell.Geometry;
using CreepCell.Geometry.Imaging;
using CreepCell.Io.Images;

namespace CreepCell.Tests.Geometry.Imaging;

/// <summary>Images for the image-to-RVE tests: shapes drawn by pixel-centre sampling, and the TauFactor electrode.</summary>
static class ImageFixtures
{
    /// <summary>The segmented NMC cathode of TauFactor (tldr-group/taufactor, docs/notebooks/electrode.tiff, MIT):
    /// 256 pages of 256 x 256, pore 0, NMC 85, binder 170, a 100 um box (0.390625 um per pixel).</summary>
    public static string Electrode => Path.Combine(AppContext.BaseDirectory, "Fixtures", "taufactor_electrode", "electrode.tiff");

    public const double ElectrodePixel = 100e-6 / 256;

    public static readonly Dictionary<double, string> ElectrodeLabels = new() { [0] = "pore", [85] = "NMC", [170] = "CBD" };

    /// <summary>The case tables of an NMC-binder image: NMC swelling by 5 % over an hour of lithiation, an
    /// elastic binder (the values of the image-rve bench, all assumed there).</summary>
    public const string NmcBinderMaterials = """
        [materials.NMC]
        youngs_modulus = "140 GPa"
        poisson_ratio = 0.3
        swelling = 0.05
        [materials.CBD]
        youngs_modulus = "3 GPa"
        poisson_ratio = 0.3
        [protocol]
        lithiation = [[0, 0], ["1 h", 1]]
        """;

    /// <summary>A labelled image: each pixel whose centre lies in a shape takes the shape's grey level (later shapes win).</summary>
    public static GrayImage Draw(int w, int h, IEnumerable<(Func<Vec2, bool> Inside, float Level)> shapes)
    {
        var list = shapes.ToList();
        var p = new float[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                var c = new Vec2(x + 0.5, y + 0.5);
                foreach (var (inside, level) in list) if (inside(c)) p[y * w + x] = level;
            }
        return new GrayImage(w, h, p, "synthetic");
    }

    public static Func<Vec2, bool> Disk(double cx, double cy, double r) => q => (q - new Vec2(cx, cy)).Length <= r;

    /// <summary>A convex polygon (counter-clockwise in image coordinates, y down).</summary>
    public static Func<Vec2, bool> Convex(Vec2[] v) => q =>
    {
        for (int k = 0; k < v.Length; k++)
            if (Vec2.Cross(v[(k + 1) % v.Length] - v[k], q - v[k]) < 0) return false;
        return true;
    };

    public static Vec2[] RegularPolygon(double cx, double cy, double r, int n, double phase) =>
        Enumerable.Range(0, n).Select(k => new Vec2(cx + r * Math.Cos(phase + 2 * Math.PI * k / n), cy + r * Math.Sin(phase + 2 * Math.PI * k / n))).ToArray();

    /// <summary>A phase map of an image held in memory (no file): labels 0 = pore and the given levels.</summary>
    public static (ImageSpec Spec, PhaseMap Map) InMemory(GrayImage image, Dictionary<double, string> labels, double pixel,
        Func<ImageSpec, ImageSpec>? edit = null)
    {
        var spec = new ImageSpec("synthetic", 0, pixel, null, labels, null, null, Source: "synthetic.toml");
        if (edit is not null) spec = edit(spec);
        var names = spec.PhaseNames;
        var phase = image.Pixels.Select(v => names.ToList().IndexOf(labels[v])).ToArray();
        return (spec, new PhaseMap(image.Width, image.Height, phase, names, pixel, image, Array.Empty<double>()));
    }
}
