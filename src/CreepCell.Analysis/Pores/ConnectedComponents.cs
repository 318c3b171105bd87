namespace CreepCell.Analysis.Pores;

/// <summary>One connected pore region of a frame, in the coordinates of the analysed region.</summary>
/// <param name="Label">1-based label in the frame's label map.</param>
/// <param name="AreaPx">Number of pixels.</param>
/// <param name="CentroidX">Mean x of its pixel centres.</param>
/// <param name="CentroidY">Mean y of its pixel centres.</param>
/// <param name="TouchesBorder">Some pixel lies on the border of the analysed region, so the area may be cut.</param>
public sealed record PoreRegion(int Label, int AreaPx, double CentroidX, double CentroidY, bool TouchesBorder)
{
    /// <summary>Diameter of the disk of the same area, in pixels.</summary>
    public double EquivalentDiameterPx => 2 * Math.Sqrt(AreaPx / Math.PI);

    /// <summary>Contour length in pixels (see <see cref="PoreShape"/>).</summary>
    public double PerimeterPx { get; init; }

    /// <summary>Largest caliper width of the pixel outline, in pixels.</summary>
    public double MaxFeretPx { get; init; }

    /// <summary>4 pi A / P^2: 1 for a disk, pi/4 for a square, smaller for elongated or ragged pores.</summary>
    public double Circularity => PerimeterPx > 0 ? 4 * Math.PI * AreaPx / (PerimeterPx * PerimeterPx) : 0;
}

/// <summary>
/// Connected-component labelling of a binary mask by flood fill with an explicit stack (no recursion,
/// so one region may cover the whole image). Labels are numbered in raster order of each region's first pixel.
/// </summary>
internal static class ConnectedComponents
{
    static readonly (int Dx, int Dy)[] Edge = { (1, 0), (-1, 0), (0, 1), (0, -1) };
    static readonly (int Dx, int Dy)[] EdgeAndCorner = { (1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1) };

    /// <summary>Labels the true pixels of the mask; regions smaller than minArea pixels are dropped (label 0).</summary>
    public static LabelMap Label(bool[] mask, int width, int height, int connectivity = 8, int minArea = 1)
    {
        if (mask.Length != width * height) throw new ArgumentException("mask size does not match width x height");
        if (connectivity is not (4 or 8)) throw new ArgumentException("connectivity must be 4 or 8");
        var steps = connectivity == 4 ? Edge : EdgeAndCorner;
        var labels = new int[mask.Length];
        var regions = new List<PoreRegion>();
        var stack = new Stack<int>();
        var members = new List<int>();
        for (int start = 0; start < mask.Length; start++)
        {
            if (!mask[start] || labels[start] != 0) continue;
            Fill(mask, labels, width, height, steps, start, stack, members);
            if (members.Count < minArea)
            {
                foreach (int i in members) labels[i] = -1;
                continue;
            }
            int label = regions.Count + 1;
            foreach (int i in members) labels[i] = label;
            var (perimeter, feret) = PoreShape.Measure(labels, width, height, label, members);
            regions.Add(Measure(label, members, width, height) with { PerimeterPx = perimeter, MaxFeretPx = feret });
        }
        for (int i = 0; i < labels.Length; i++) if (labels[i] < 0) labels[i] = 0;
        return new LabelMap(width, height, labels, regions);
    }

    /// <summary>Measures regions given as labels 1..n (0 = not a pore), e.g. split pores that touch each
    /// other; labels are renumbered in raster order of each region's first pixel, empty labels dropped.</summary>
    public static LabelMap FromLabels(int[] given, int width, int height)
    {
        var members = new Dictionary<int, List<int>>();
        var order = new List<int>();
        for (int i = 0; i < given.Length; i++)
        {
            if (given[i] <= 0) continue;
            if (!members.TryGetValue(given[i], out var list)) { members[given[i]] = list = new List<int>(); order.Add(given[i]); }
            list.Add(i);
        }
        var labels = new int[given.Length];
        var regions = new List<PoreRegion>();
        foreach (int old in order)
        {
            int label = regions.Count + 1;
            foreach (int i in members[old]) labels[i] = label;
        }
        foreach (int old in order)
        {
            int label = regions.Count + 1;
            var (perimeter, feret) = PoreShape.Measure(labels, width, height, label, members[old]);
            regions.Add(Measure(label, members[old], width, height) with { PerimeterPx = perimeter, MaxFeretPx = feret });
        }
        return new LabelMap(width, height, labels, regions);
    }

    static void Fill(bool[] mask, int[] labels, int w, int h, (int Dx, int Dy)[] steps, int start, Stack<int> stack, List<int> members)
    {
        members.Clear();
        labels[start] = int.MinValue;
        stack.Push(start);
        while (stack.Count > 0)
        {
            int i = stack.Pop();
            members.Add(i);
            int x = i % w, y = i / w;
            foreach (var (dx, dy) in steps)
            {
                int nx = x + dx, ny = y + dy;
                if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                int j = ny * w + nx;
                if (!mask[j] || labels[j] != 0) continue;
                labels[j] = int.MinValue;
                stack.Push(j);
            }
        }
    }

    static PoreRegion Measure(int label, List<int> members, int w, int h)
    {
        double sx = 0, sy = 0;
        bool border = false;
        foreach (int i in members)
        {
            int x = i % w, y = i / w;
            sx += x;
            sy += y;
            if (x == 0 || y == 0 || x == w - 1 || y == h - 1) border = true;
        }
        return new PoreRegion(label, members.Count, sx / members.Count, sy / members.Count, border);
    }
}
