using CreepCell.Geometry.Imaging;
using CreepCell.Io.Images;

namespace CreepCell.Analysis.Pores;

/// <summary>
/// A stack of slices (pages of a TIFF or files in order) read as a volume: each slice is denoised and
/// smoothed in 2D as the frames are, one threshold (fixed, Otsu or multi-level Otsu) is computed on the
/// voxels of the whole stack, and the pore voxels are grouped into 6-connected clusters (face neighbours).
/// Each pore (a cluster, or with a split depth a region of the 3D watershed) is measured (<see cref="PoreShape3D"/>),
/// and the geometric tortuosity of the clusters that span the stack is found along z (<see cref="Tortuosity"/>),
/// and on request the diffusion tortuosity factor (<see cref="DiffusionTortuosity"/>).
/// </summary>
public static class PoreStack
{
    public static StackResult Analyze(IEnumerable<GrayImage> slices, SegmentationOptions options, double? voxelSize = null, bool diffusion = false)
    {
        options.Validate();
        var filtered = new List<float[]>();
        int w = 0, h = 0;
        string first = "";
        foreach (var slice in slices)
        {
            if (filtered.Count == 0) (w, h, first) = (slice.Width, slice.Height, slice.Source);
            else if (slice.Width != w || slice.Height != h)
                throw new InputException(slice.Source, $"slice {filtered.Count}", $"image is {slice.Width}x{slice.Height} pixels, expected {w}x{h} like the first slice");
            filtered.Add(GaussianBlur.Apply(Segmentation.Denoise(slice, options), options.SmoothSigma).Pixels);
        }
        if (filtered.Count == 0) throw new ArgumentException("a stack needs at least one slice");
        var voxels = filtered.SelectMany(p => p).ToArray();
        var thresholds = Thresholds(voxels, options, first);
        double t = options.BrightPores ? thresholds[^1] : thresholds[0];
        var mask = Segmentation.Mask(voxels, t, options);
        int d = filtered.Count;
        var labels = new int[mask.Length];
        var (clusters, spanning, connected) = Connectivity(mask, w, h, d, labels);
        double porosity = mask.Count(m => m) / (double)mask.Length;
        var through = SpanningVoxels(labels, w * h, d);
        var pores = PoreShape3D.Measure(options.SplitDepth is double depth ? Watershed.Split3D(mask, w, h, d, depth) : labels, w, h, d);
        return new StackResult(w, h, d, thresholds, Fractions(voxels, thresholds), porosity,
            connected / (double)mask.Length, clusters, spanning, voxelSize)
        {
            Pores = pores, Split = options.SplitDepth is not null, Tortuosity = CreepCell.Analysis.Pores.Tortuosity.AlongZ(through, w, h, d),
            Diffusion = diffusion ? DiffusionTortuosity.AlongZ(through, porosity, w, h, d) : null,
        };
    }

    /// <summary>The voxels of the clusters that hold a voxel in both the first and the last slice.</summary>
    static bool[] SpanningVoxels(int[] labels, int plane, int d)
    {
        var top = new HashSet<int>(labels.Take(plane).Where(l => l > 0));
        var both = new HashSet<int>(labels.Skip((d - 1) * plane).Where(top.Contains));
        return labels.Select(l => l > 0 && both.Contains(l)).ToArray();
    }

    static double[] Thresholds(float[] voxels, SegmentationOptions options, string source)
    {
        if (options.Threshold is double t) return new[] { t };
        if (voxels.Min() == voxels.Max()) throw new InputException(source, null, "the stack has a single gray level, so no automatic threshold separates pores; give a fixed threshold");
        return options.Classes > 2 ? MultiOtsu.Thresholds(voxels, options.Classes) : new[] { Otsu.Threshold(voxels) };
    }

    static double[] Fractions(float[] voxels, double[] thresholds)
    {
        var count = new long[thresholds.Length + 1];
        foreach (float v in voxels)
        {
            int c = 0;
            while (c < thresholds.Length && v > thresholds[c]) c++;
            count[c]++;
        }
        return count.Select(n => n / (double)voxels.Length).ToArray();
    }

    /// <summary>6-connected clusters by flood fill, labelled 1..n in <paramref name="labels"/>; returns their number,
    /// how many touch both the first and the last slice, and how many voxels those hold.</summary>
    static (int Clusters, int Spanning, long Connected) Connectivity(bool[] mask, int w, int h, int d, int[] labels)
    {
        var seen = new bool[mask.Length];
        var stack = new Stack<int>();
        int clusters = 0, spanning = 0;
        long connected = 0, plane = (long)w * h;
        for (int s = 0; s < mask.Length; s++)
        {
            if (!mask[s] || seen[s]) continue;
            clusters++;
            bool top = false, bottom = false;
            long size = 0;
            seen[s] = true;
            stack.Push(s);
            while (stack.Count > 0)
            {
                int i = stack.Pop();
                labels[i] = clusters;
                size++;
                int z = (int)(i / plane), y = (int)(i % plane) / w, x = i % w;
                top |= z == 0;
                bottom |= z == d - 1;
                if (x > 0) Visit(i - 1);
                if (x < w - 1) Visit(i + 1);
                if (y > 0) Visit(i - w);
                if (y < h - 1) Visit(i + w);
                if (z > 0) Visit(i - (int)plane);
                if (z < d - 1) Visit(i + (int)plane);
            }
            if (top && bottom) { spanning++; connected += size; }
        }
        return (clusters, spanning, connected);

        void Visit(int j)
        {
            if (!mask[j] || seen[j]) return;
            seen[j] = true;
            stack.Push(j);
        }
    }
}
