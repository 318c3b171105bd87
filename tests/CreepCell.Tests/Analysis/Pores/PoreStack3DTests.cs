using CreepCell.Analysis.Pores;
using CreepCell.Io.Images;

namespace CreepCell.Tests.Analysis.Pores;

/// <summary>
/// Pores in 3D: the exact distance transform, the 3D watershed splitting two overlapping spheres at their common
/// disk, per-pore volume, equivalent diameter and surface area against the closed forms of a sphere, and the
/// geometric tortuosity of straight channels (1) and of a staircase channel (its shortest path in closed form).
/// </summary>
public class PoreStack3DTests
{
    static bool[] Volume(int w, int h, int d, Func<int, int, int, bool> pore)
    {
        var m = new bool[w * h * d];
        for (int z = 0; z < d; z++) for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) m[(z * h + y) * w + x] = pore(x, y, z);
        return m;
    }

    static bool InSphere(int x, int y, int z, double cx, double cy, double cz, double r) =>
        (x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz) <= r * r;

    [Fact]
    public void TheDistanceTransformIsExactAgainstBruteForce()
    {
        const int w = 9, h = 7, d = 6;
        var rng = new Random(3);
        var background = Enumerable.Range(0, w * h * d).Select(_ => rng.NextDouble() < 0.08).ToArray();
        var dist = DistanceTransform3D.Euclidean(background, w, h, d);
        for (int i = 0; i < dist.Length; i++)
        {
            int x = i % w, y = i / w % h, z = i / (w * h);
            double best = double.PositiveInfinity;
            for (int j = 0; j < dist.Length; j++)
                if (background[j])
                {
                    int bx = j % w, by = j / w % h, bz = j / (w * h);
                    best = Math.Min(best, Math.Sqrt((x - bx) * (x - bx) + (y - by) * (y - by) + (z - bz) * (z - bz)));
                }
            Assert.Equal(best, dist[i], 12);
        }
    }

    [Fact]
    public void TwoOverlappingSpheresAreSplitAtTheirCommonDisk()
    {
        // Radius 9 voxels, centres 13 apart along x: one cluster, a neck of radius sqrt(81 - 42.25) = 6.2.
        const int w = 44, h = 26, d = 26;
        var mask = Volume(w, h, d, (x, y, z) => InSphere(x, y, z, 15.3, 12.6, 12.4, 9) || InSphere(x, y, z, 28.3, 12.6, 12.4, 9));
        var labels = Watershed.Split3D(mask, w, h, d, 2);
        var pores = PoreShape3D.Measure(labels, w, h, d);
        Assert.Equal(2, pores.Count);
        Assert.All(labels.Select((l, i) => (l, i)), t => Assert.Equal(mask[t.i], t.l > 0));
        // Every voxel lies on the side of the divide (the plane x = 21.8) of its own pore's centre.
        var left = pores.OrderBy(p => p.X).First().Label;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 0) continue;
            double x = i % w;
            if (Math.Abs(x - 21.8) > 1) Assert.Equal(x < 21.8, labels[i] == left);
        }
        Assert.Equal(mask.Count(m => m), pores.Sum(p => p.Voxels));
        Assert.Single(PoreShape3D.Measure(mask.Select(m => m ? 1 : 0).ToArray(), w, h, d)); // unsplit: one pore
    }

    [Theory]
    [InlineData(6.0)]
    [InlineData(10.0)]
    [InlineData(14.0)]
    public void ASphereHasItsVolumeDiameterAndSurface(double r)
    {
        int n = (int)(2 * r) + 6;
        double c = n / 2.0 - 0.3;
        var labels = Volume(n, n, n, (x, y, z) => InSphere(x, y, z, c, c + 0.1, c - 0.2, r)).Select(m => m ? 1 : 0).ToArray();
        var p = Assert.Single(PoreShape3D.Measure(labels, n, n, n));
        Assert.Equal(4.0 / 3 * Math.PI * r * r * r, p.Voxels, 0.03 * 4.0 / 3 * Math.PI * r * r * r);
        Assert.Equal(2 * r, p.EquivalentDiameter, 0.01 * 2 * r);
        Assert.Equal(4 * Math.PI * r * r, p.SurfaceArea, 0.05 * 4 * Math.PI * r * r);
        Assert.Equal(1, p.Sphericity, 0.05);
        Assert.Equal(c, p.X, 0.05);
        Assert.False(p.TouchesBorder);
    }

    [Fact]
    public void AnAxisAlignedBoxHasTwoThirdsOfItsSurface()
    {
        // The documented bias of the face-count estimate for faces on the grid: 2/3 of 2 (ab + bc + ca).
        var labels = Volume(12, 10, 9, (x, y, z) => x is >= 2 and < 9 && y is >= 2 and < 7 && z is >= 1 and < 5).Select(m => m ? 1 : 0).ToArray();
        var p = Assert.Single(PoreShape3D.Measure(labels, 12, 10, 9));
        Assert.Equal(7 * 5 * 4, p.Voxels);
        Assert.Equal(2.0 / 3 * 2 * (7 * 5 + 5 * 4 + 4 * 7), p.SurfaceArea, 1e-12);
    }

    [Fact]
    public void StraightChannelsHaveTortuosityOne()
    {
        var (slices, _, _, _) = PoreStackTests.Stack();
        var r = PoreStack.Analyze(slices, new SegmentationOptions(Classes: 3));
        Assert.NotNull(r.Tortuosity);
        Assert.Equal(1.0, r.Tortuosity!.Tau, 12);
        Assert.Equal(4, r.Pores.Count);
        Assert.Equal(2, r.Pores.Count(p => p.TouchesBorder));
    }

    /// <summary>
    /// A two-voxel staircase in the x-z plane (voxels x = z and x = z + 1) from z = 0 to d - 1: the outlet voxel
    /// x = d - 1 is reached by one straight step and d - 2 diagonal ones, x = d by d - 1 diagonal ones, so
    /// tau = ((d - 2) sqrt 2 + 1 + (d - 1) sqrt 2) / (2 (d - 1)).
    /// </summary>
    [Fact]
    public void AStaircaseChannelHasItsClosedFormTortuosity()
    {
        const int d = 20, w = d + 2, h = 5;
        var phase = Volume(w, h, d, (x, y, z) => y == 2 && (x == z || x == z + 1));
        var t = Tortuosity.AlongZ(phase, w, h, d);
        Assert.NotNull(t);
        double expected = ((d - 2) * Math.Sqrt(2) + 1 + (d - 1) * Math.Sqrt(2)) / (2.0 * (d - 1));
        Assert.Equal(expected, t!.Tau, 12);
        Assert.Equal(2, t.OutletVoxels);
        Assert.Null(Tortuosity.AlongZ(Volume(w, h, d, (x, y, z) => z != 7), w, h, d));
    }

    [Fact]
    public void TheStackSplitsTouchingSpheresWithTheWatershed()
    {
        const int w = 44, h = 26, d = 26;
        var slices = Enumerable.Range(0, d).Select(z => new GrayImage(w, h, Enumerable.Range(0, w * h).Select(i =>
        {
            int x = i % w, y = i / w;
            return InSphere(x, y, z, 15.3, 12.6, 12.4, 9) || InSphere(x, y, z, 28.3, 12.6, 12.4, 9) ? 30f : 200f;
        }).ToArray(), $"slice {z}")).ToList();
        var whole = PoreStack.Analyze(slices, new SegmentationOptions());
        var split = PoreStack.Analyze(slices, new SegmentationOptions(SplitDepth: 2));
        Assert.Single(whole.Pores);
        Assert.Equal(2, split.Pores.Count);
        Assert.True(split.Split);
        Assert.Equal(whole.Pores[0].Voxels, split.Pores.Sum(p => p.Voxels));
        Assert.Null(whole.Tortuosity);
    }
}

/// <summary>`creepcell pores --stack` writes the per-pore 3D table and the tortuosity.</summary>
public sealed class PoreStack3DCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("creepcell-stack3d-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void TheStackWritesPoreShapesAndTortuosity()
    {
        var (slices, cyl, sph, _) = PoreStackTests.Stack();
        string tif = Path.Combine(_dir, "stack.tif"), outDir = Path.Combine(_dir, "out");
        ImageDecoderTests.WriteTiff(tif, slices.Select(s => s.Pixels.Select(v => (ushort)v).ToArray()).ToArray(), slices[0].Width, slices[0].Height);
        int code = (int)typeof(CreepCell.Cli.ExitCodes).Assembly.EntryPoint!.Invoke(null, new object[] { new[] { "pores", tif, "--stack", "--classes", "3", "--split", "--voxel", "10 nm", "--out", outDir } })!;
        Assert.Equal(0, code);
        var stack = File.ReadAllLines(Path.Combine(outDir, StackReport.FileName)).Select(l => l.Split(',')).ToList();
        Assert.Equal("1", stack[1][Array.IndexOf(stack[0], "tortuosity_z")]);
        Assert.Equal("watershed", stack[1][Array.IndexOf(stack[0], "split")]);
        var pores = File.ReadAllLines(Path.Combine(outDir, StackReport.PoresFileName)).Select(l => l.Split(',')).ToList();
        Assert.Equal(5, pores.Count); // header and the two cylinders and two spheres
        int voxels = Array.IndexOf(pores[0], "voxels"), volume = Array.IndexOf(pores[0], "volume_um3");
        Assert.Equal(cyl + sph, pores.Skip(1).Sum(p => long.Parse(p[voxels], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((cyl + sph) * 1e-6, pores.Skip(1).Sum(p => double.Parse(p[volume], System.Globalization.CultureInfo.InvariantCulture)), 9);
    }

    [Fact]
    public void DiffusionWithoutAStackIsBadInput()
    {
        string tif = Path.Combine(_dir, "one.tif"), outDir = Path.Combine(_dir, "bad");
        ImageDecoderTests.WriteTiff(tif, new[] { new ushort[] { 0, 9, 9, 0 } }, 2, 2);
        int code = (int)typeof(CreepCell.Cli.ExitCodes).Assembly.EntryPoint!.Invoke(null, new object[] { new[] { "pores", tif, "--diffusion", "--out", outDir } })!;
        Assert.Equal(2, code);
        Assert.False(Directory.Exists(outDir));
    }
}
