using CreepCell.Analysis.Pores;
using CreepCell.Io.Images;

namespace CreepCell.Tests.Analysis.Pores;

/// <summary>Volume fractions and connected porosity of a synthetic z-stack: cylinders through the stack and
/// isolated spheres, in a solid of two gray levels.</summary>
public class PoreStackTests
{
    const int W = 80, H = 64, D = 40;
    const double R = 7;
    static readonly (double X, double Y)[] Cylinders = { (20.3, 18.6), (58.7, 44.2) };
    static readonly (double X, double Y, double Z, double R)[] Spheres = { (55.2, 16.4, 20.1, 6), (20.5, 46.3, 12.7, 5) };

    /// <summary>Pores at 40, the left half of the solid at 120 and the right half at 200; returns the slices and
    /// the voxel counts of cylinders, spheres and the dark solid.</summary>
    public static (List<GrayImage> Slices, long Cyl, long Sph, long Mid) Stack()
    {
        var slices = new List<GrayImage>();
        long cyl = 0, sph = 0, mid = 0;
        for (int z = 0; z < D; z++)
        {
            var px = new float[W * H];
            for (int y = 0; y < H; y++)
                for (int x = 0; x < W; x++)
                {
                    bool inCyl = Cylinders.Any(c => (x - c.X) * (x - c.X) + (y - c.Y) * (y - c.Y) <= R * R);
                    bool inSph = !inCyl && Spheres.Any(s => (x - s.X) * (x - s.X) + (y - s.Y) * (y - s.Y) + (z - s.Z) * (z - s.Z) <= s.R * s.R);
                    if (inCyl) cyl++;
                    else if (inSph) sph++;
                    else if (x < W / 2) mid++;
                    px[y * W + x] = inCyl || inSph ? 40 : x < W / 2 ? 120 : 200;
                }
            slices.Add(new GrayImage(W, H, px, $"slice {z}"));
        }
        return (slices, cyl, sph, mid);
    }

    [Fact]
    public void CylindersThroughTheStackAreConnectedAndSpheresAreNot()
    {
        var (slices, cyl, sph, mid) = Stack();
        double total = (double)W * H * D;
        var r = PoreStack.Analyze(slices, new SegmentationOptions(Classes: 3), 10e-9);
        Assert.Equal((cyl + sph) / total, r.Porosity, 12);
        Assert.Equal(cyl / total, r.ConnectedPorosity, 12);
        Assert.Equal(cyl / (double)(cyl + sph), r.ConnectedFractionOfPores, 12);
        Assert.Equal(4, r.PoreClusters);
        Assert.Equal(2, r.SpanningClusters);
        // Closed forms: 2 pi R^2 / A for the cylinders, 4/3 pi r^3 per sphere, within the pixel error.
        double cylinders = 2 * Math.PI * R * R / (W * H);
        Assert.Equal(cylinders, r.ConnectedPorosity, cylinders * 0.03);
        double spheres = Spheres.Sum(s => 4.0 / 3 * Math.PI * s.R * s.R * s.R) / total;
        Assert.Equal(cylinders + spheres, r.Porosity, (cylinders + spheres) * 0.03);
        Assert.Equal(new[] { (cyl + sph) / total, mid / total, 1 - (cyl + sph + mid) / total }, r.ClassFractions, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    [InlineData(0, 0, 1)]
    public void ColumnsMeetingOnlyAtAnEdgeAreNotConnected(int dx, int dy, int spanning)
    {
        // A 1-pixel column from the top to slice 5 and one shifted by (dx, dy) from slice 5 to the bottom:
        // side by side in slice 5 they share a face, diagonal they share only an edge, which 6-connectivity
        // does not join.
        var slices = new List<GrayImage>();
        for (int z = 0; z < 10; z++)
        {
            var px = Enumerable.Repeat(200f, 8 * 8).ToArray();
            if (z <= 5) px[3 * 8 + 3] = 40;
            if (z >= 5) px[(3 + dy) * 8 + 3 + dx] = 40;
            slices.Add(new GrayImage(8, 8, px));
        }
        var r = PoreStack.Analyze(slices, new SegmentationOptions(Threshold: 100));
        Assert.Equal(spanning, r.SpanningClusters);
        Assert.Equal(spanning == 1 ? 1 : 2, r.PoreClusters);
        int voxels = dx == 0 && dy == 0 ? 10 : 11;
        Assert.Equal(spanning * voxels / 640.0, r.ConnectedPorosity, 12);
    }

    [Fact]
    public void TwoClassOtsuCountsTheDarkSolidAsPore()
    {
        var (slices, cyl, sph, mid) = Stack();
        var r = PoreStack.Analyze(slices, new SegmentationOptions());
        Assert.Equal((cyl + sph + mid) / ((double)W * H * D), r.Porosity, 12);
    }

    [Fact]
    public void SlicesOfDifferentSizesAreBadInput()
    {
        var (slices, _, _, _) = Stack();
        slices.Add(new GrayImage(W, H - 1, new float[W * (H - 1)], "odd.tif"));
        var e = Assert.Throws<CreepCell.InputException>(() => PoreStack.Analyze(slices, new SegmentationOptions()));
        Assert.Contains("odd.tif", e.Message);
    }
}

/// <summary>`creepcell pores --stack` on a multi-page TIFF and on a folder of slices.</summary>
public sealed class PoreStackCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("creepcell-stack-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    static int Cli(params string[] args) =>
        (int)typeof(CreepCell.Cli.ExitCodes).Assembly.EntryPoint!.Invoke(null, new object[] { args.Prepend("pores").ToArray() })!;

    static ushort[] Page(GrayImage s) => s.Pixels.Select(v => (ushort)v).ToArray();

    [Fact]
    public void Stack_of_a_multi_page_tiff_writes_fractions_and_connected_porosity()
    {
        var (slices, cyl, sph, mid) = PoreStackTests.Stack();
        string tif = Path.Combine(_dir, "stack.tif"), outDir = Path.Combine(_dir, "out");
        ImageDecoderTests.WriteTiff(tif, slices.Select(Page).ToArray(), slices[0].Width, slices[0].Height);
        Assert.Equal(0, Cli(tif, "--stack", "--classes", "3", "--voxel", "10 nm", "--out", outDir));
        var lines = File.ReadAllLines(Path.Combine(outDir, StackReport.FileName)).Select(l => l.Split(',')).ToList();
        double Col(string name) => double.Parse(lines[1][Array.IndexOf(lines[0], name)], System.Globalization.CultureInfo.InvariantCulture);
        double total = slices.Count * (double)slices[0].Pixels.Length;
        Assert.Equal(cyl / total, Col("connected_porosity"), 12);
        Assert.Equal((cyl + sph) / total, Col("porosity"), 12);
        Assert.Equal(mid / total, Col("class1_fraction"), 12);
        // 10 nm voxels: 1e-6 um^3 each.
        Assert.Equal(cyl * 1e-6, Col("connected_pore_volume_um3"), 9);
    }

    [Fact]
    public void Folder_slices_of_different_sizes_and_a_voxel_without_stack_are_bad_input()
    {
        string folder = Path.Combine(_dir, "slices"), outDir = Path.Combine(_dir, "bad");
        Directory.CreateDirectory(folder);
        ImageDecoderTests.WriteTiff(Path.Combine(folder, "z000.tif"), new[] { new ushort[] { 0, 9, 9, 0 } }, 2, 2);
        ImageDecoderTests.WriteTiff(Path.Combine(folder, "z001.tif"), new[] { new ushort[] { 0, 9, 9, 0, 0, 9 } }, 3, 2);
        Assert.Equal(2, Cli(folder, "--stack", "--out", outDir));
        Assert.False(Directory.Exists(outDir));
        Assert.Equal(2, Cli(Path.Combine(folder, "z000.tif"), "--voxel", "10 nm", "--out", outDir));
        Assert.Equal(2, Cli(folder, "--stack", "--voxel", "10", "--out", outDir));
        Assert.Equal(2, Cli(Path.Combine(folder, "z000.tif"), "--stack", "--max-drift", "3", "--out", outDir));
        Assert.Equal(2, Cli(Path.Combine(folder, "z000.tif"), "--stack", "--exclude-edge-pores", "--out", outDir));
        Assert.False(Directory.Exists(outDir));
    }
}
