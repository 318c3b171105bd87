using CreepCell.Geometry.Imaging;

namespace CreepCell.Analysis.Pores;

/// <summary>
/// Splits touching pores: marker-controlled watershed of the pore mask's Euclidean distance transform.
/// Each pore pixel gets its distance to the nearest solid pixel (Felzenszwalb-Huttenlocher, exact); the
/// markers are the h-maxima of that distance map (regional maxima whose dynamic, the height above the
/// saddle to a higher maximum, is at least <c>depth</c> pixels), so a neck splits two pores only when both
/// are wider than the neck by that much; the markers then flood the mask from the largest distance down.
/// For two overlapping disks the divide is their common chord: next to it the nearest solid point is one of
/// the two intersection points, so the distance map falls away from the line joining them.
/// </summary>
internal static class Watershed
{
    /// <summary>Labels 1..n of the split pores (0 off the mask), flooding with the given connectivity.</summary>
    public static int[] Split(bool[] mask, int w, int h, int connectivity, double depth)
    {
        var solid = new bool[mask.Length];
        for (int i = 0; i < mask.Length; i++) solid[i] = !mask[i];
        var dist = DistanceTransform.Euclidean(solid, w, h);
        var steps = Steps(connectivity);
        return Split(dist, mask, depth, w + h, (p, visit) => ForNeighbours(p, w, h, steps, visit));
    }

    /// <summary>
    /// The same in a voxel volume (index (z h + y) w + x): the 3D distance transform, h-maxima markers and a
    /// flood over face neighbours (6-connected, as the stack's pore clusters).
    /// </summary>
    public static int[] Split3D(bool[] mask, int w, int h, int d, double depth)
    {
        var solid = new bool[mask.Length];
        for (int i = 0; i < mask.Length; i++) solid[i] = !mask[i];
        var dist = DistanceTransform3D.Euclidean(solid, w, h, d);
        int plane = w * h;
        return Split(dist, mask, depth, w + h + d, (p, visit) =>
        {
            int x = p % w, y = p / w % h, z = p / plane;
            if (x > 0) visit(p - 1);
            if (x < w - 1) visit(p + 1);
            if (y > 0) visit(p - w);
            if (y < h - 1) visit(p + w);
            if (z > 0) visit(p - plane);
            if (z < d - 1) visit(p + plane);
        });
    }

    static int[] Split(double[] dist, bool[] mask, double depth, double far, Action<int, Action<int>> neighbours)
    {
        // A mask without any solid pixel has infinite distances; it is one pore.
        for (int i = 0; i < dist.Length; i++) if (!double.IsFinite(dist[i])) dist[i] = far;
        var raised = Reconstruct(dist, mask, neighbours, depth);
        var markers = Markers(dist, raised, mask, neighbours, depth);
        Flood(dist, mask, markers, neighbours);
        return markers;
    }

    static (int Dx, int Dy)[] Steps(int connectivity) => connectivity == 4
        ? new[] { (1, 0), (-1, 0), (0, 1), (0, -1) }
        : new[] { (1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1) };

    /// <summary>Morphological reconstruction by dilation of (dist - depth) under dist: every pixel takes the
    /// largest, over paths in the mask, of the smallest of (start value, dist along the path).</summary>
    static double[] Reconstruct(double[] dist, bool[] mask, Action<int, Action<int>> neighbours, double depth)
    {
        var rec = new double[dist.Length];
        var queue = new PriorityQueue<int, double>();
        for (int i = 0; i < dist.Length; i++)
        {
            if (!mask[i]) continue;
            rec[i] = dist[i] - depth;
            queue.Enqueue(i, -rec[i]);
        }
        while (queue.TryDequeue(out int p, out double key))
        {
            if (-key < rec[p]) continue;
            neighbours(p, q =>
            {
                if (!mask[q]) return;
                double v = Math.Min(rec[p], dist[q]);
                if (v <= rec[q]) return;
                rec[q] = v;
                queue.Enqueue(q, -v);
            });
        }
        return rec;
    }

    /// <summary>Connected groups of pixels the reconstruction did not raise (dist - rec = depth): the tops of
    /// maxima at least <c>depth</c> above their saddle, one marker each.</summary>
    static int[] Markers(double[] dist, double[] rec, bool[] mask, Action<int, Action<int>> neighbours, double depth)
    {
        var labels = new int[dist.Length];
        bool Top(int i) => mask[i] && dist[i] - rec[i] >= depth * (1 - 1e-9);
        int next = 0;
        var stack = new Stack<int>();
        for (int s = 0; s < dist.Length; s++)
        {
            if (!Top(s) || labels[s] != 0) continue;
            labels[s] = ++next;
            stack.Push(s);
            while (stack.Count > 0)
            {
                int p = stack.Pop();
                neighbours(p, q =>
                {
                    if (labels[q] != 0 || !Top(q)) return;
                    labels[q] = next;
                    stack.Push(q);
                });
            }
        }
        return labels;
    }

    /// <summary>Priority flood from the markers, largest distance first, ties in arrival order; a pixel takes
    /// the label of the neighbour that reached it.</summary>
    static void Flood(double[] dist, bool[] mask, int[] labels, Action<int, Action<int>> neighbours)
    {
        var queue = new PriorityQueue<int, (double, long)>();
        long order = 0;
        for (int p = 0; p < labels.Length; p++)
        {
            if (labels[p] == 0) continue;
            neighbours(p, q =>
            {
                if (mask[q] && labels[q] == 0) queue.Enqueue(q, (-dist[q], order++));
            });
        }
        while (queue.TryDequeue(out int p, out _))
        {
            if (labels[p] != 0) continue;
            int from = 0;
            double best = double.NegativeInfinity;
            neighbours(p, q =>
            {
                if (labels[q] > 0 && dist[q] > best) { best = dist[q]; from = labels[q]; }
            });
            labels[p] = from;
            neighbours(p, q =>
            {
                if (mask[q] && labels[q] == 0) queue.Enqueue(q, (-dist[q], order++));
            });
        }
    }

    static void ForNeighbours(int p, int w, int h, (int Dx, int Dy)[] steps, Action<int> visit)
    {
        int x = p % w, y = p / w;
        foreach (var (dx, dy) in steps)
        {
            int nx = x + dx, ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < w && ny < h) visit(ny * w + nx);
        }
    }
}
