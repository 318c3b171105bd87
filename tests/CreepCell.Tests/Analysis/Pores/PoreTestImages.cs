using CreepCell.Io.Images;

namespace CreepCell.Tests.Analysis.Pores;

/// <summary>Synthetic SEM-like frames with known pores, and the electrode fixture.</summary>
static class PoreTestImages
{
    public const float Solid = 200, Pore = 40;

    /// <summary>A frame of solid with dark disks; returns the image and the exact pixel count of each disk.</summary>
    public static (GrayImage Image, int[] Areas) Disks(int w, int h, params (double Cx, double Cy, double R)[] disks)
    {
        var p = Enumerable.Repeat(Solid, w * h).ToArray();
        var areas = new int[disks.Length];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int k = 0; k < disks.Length; k++)
                {
                    var (cx, cy, r) = disks[k];
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > r * r) continue;
                    p[y * w + x] = Pore;
                    areas[k]++;
                }
        return (new GrayImage(w, h, p, "synthetic"), areas);
    }

    /// <summary>The image with the rectangle [x0, x1) x [y0, y1) painted as pore.</summary>
    public static GrayImage WithBar(GrayImage img, int x0, int y0, int x1, int y1)
    {
        var p = (float[])img.Pixels.Clone();
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++) p[y * img.Width + x] = Pore;
        return new GrayImage(img.Width, img.Height, p, img.Source);
    }

    /// <summary>Path of a fixture copied to the test output; fails the test when it is missing.</summary>
    public static string Fixture(string topic, string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", topic, file);
        Assert.True(File.Exists(path), $"fixture {path} is missing");
        return path;
    }

    public static string ElectrodeTiff => Fixture("taufactor_electrode", "electrode.tiff");

    /// <summary>Selected pages (0-based) of the segmented electrode volume.</summary>
    public static List<GrayImage> ElectrodeSlices(params int[] pages)
    {
        var wanted = pages.ToHashSet();
        return ImageDecoder.ReadFrames(ElectrodeTiff).Take(pages.Max() + 1)
            .Select((img, i) => (img, i)).Where(t => wanted.Contains(t.i)).Select(t => t.img).ToList();
    }

    /// <summary>Exact fraction of pixels with value 0 (the pore phase of the electrode volume).</summary>
    public static double ZeroFraction(GrayImage img) => img.Pixels.Count(v => v == 0) / (double)img.Pixels.Length;

    /// <summary>Gaussian noise (Box-Muller, fixed seed) added to every pixel.</summary>
    public static GrayImage AddNoise(GrayImage img, double sigma, int seed)
    {
        var rng = new Random(seed);
        var p = img.Pixels.Select(v => (float)(v + sigma * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()))).ToArray();
        return new GrayImage(img.Width, img.Height, p, img.Source);
    }
}
