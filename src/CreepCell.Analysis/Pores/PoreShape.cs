using CreepCell.Io.Images;

namespace CreepCell.Analysis.Pores;

/// <summary>
/// Shape of one labelled region, in pixels. The perimeter is the length of the half-level contour of the region's
/// mask smoothed with a Gaussian of 1 pixel (marching squares with linear interpolation): the binary staircase
/// contour runs only at 0, 45 and 90 degrees and overestimates a digitised circle by about 5.5 %, the smoothed one
/// follows it to about 1 %, at the price of rounding square corners (a loss of about 2 pixels per region). Holes
/// inside the region add their own contour. The
/// maximum Feret diameter is the largest distance between two corners of the region's pixels (the caliper
/// width of the pixel outline), found on their convex hull.
/// </summary>
internal static class PoreShape
{
    public static (double Perimeter, double MaxFeret) Measure(int[] labels, int w, int h, int label, List<int> members)
    {
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = int.MinValue, y1 = int.MinValue;
        foreach (int i in members)
        {
            int x = i % w, y = i / w;
            x0 = Math.Min(x0, x); x1 = Math.Max(x1, x); y0 = Math.Min(y0, y); y1 = Math.Max(y1, y);
        }
        return (Perimeter(labels, w, h, label, x0, y0, x1, y1), MaxFeret(labels, w, h, label, members));
    }

    /// <summary>Margin of background around the region's box, wide enough for the smoothing to fall off.</summary>
    const int Margin = 4;

    static double Perimeter(int[] labels, int w, int h, int label, int x0, int y0, int x1, int y1)
    {
        int bw = x1 - x0 + 1 + 2 * Margin, bh = y1 - y0 + 1 + 2 * Margin;
        var mask = new float[bw * bh];
        for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++)
                if (labels[y * w + x] == label) mask[(y - y0 + Margin) * bw + x - x0 + Margin] = 1;
        var v = GaussianBlur.Apply(new GrayImage(bw, bh, mask, "region"), 1.0).Pixels;
        double length = 0;
        var pts = new List<(double X, double Y)>(4);
        for (int y = 0; y + 1 < bh; y++)
            for (int x = 0; x + 1 < bw; x++)
            {
                float a = v[y * bw + x], b = v[y * bw + x + 1], c = v[(y + 1) * bw + x], d = v[(y + 1) * bw + x + 1];
                pts.Clear();
                Cross(a, b, x, y, 1, 0, pts);     // top edge
                Cross(b, d, x + 1, y, 0, 1, pts); // right edge
                Cross(c, d, x, y + 1, 1, 0, pts); // bottom edge
                Cross(a, c, x, y, 0, 1, pts);     // left edge
                if (pts.Count == 2) length += Dist(pts[0], pts[1]);
                else if (pts.Count == 4) length += Math.Min(Dist(pts[0], pts[1]) + Dist(pts[2], pts[3]), Dist(pts[0], pts[3]) + Dist(pts[1], pts[2]));
            }
        return length;
    }

    /// <summary>Where the half level crosses the edge from (x, y) in direction (dx, dy), by linear interpolation.</summary>
    static void Cross(float p, float q, int x, int y, int dx, int dy, List<(double X, double Y)> pts)
    {
        if ((p >= 0.5f) == (q >= 0.5f)) return;
        double t = (0.5 - p) / (q - p);
        pts.Add((x + t * dx, y + t * dy));
    }

    static double Dist((double X, double Y) p, (double X, double Y) q) => Math.Sqrt((p.X - q.X) * (p.X - q.X) + (p.Y - q.Y) * (p.Y - q.Y));

    static double MaxFeret(int[] labels, int w, int h, int label, List<int> members)
    {
        var corners = new List<(double X, double Y)>();
        foreach (int i in members)
        {
            int x = i % w, y = i / w;
            bool edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || labels[i - 1] != label || labels[i + 1] != label || labels[i - w] != label || labels[i + w] != label;
            if (!edge) continue;
            corners.Add((x - 0.5, y - 0.5)); corners.Add((x + 0.5, y - 0.5)); corners.Add((x - 0.5, y + 0.5)); corners.Add((x + 0.5, y + 0.5));
        }
        var hull = ConvexHull(corners);
        double best = 0;
        for (int p = 0; p < hull.Count; p++)
            for (int q = p + 1; q < hull.Count; q++)
                best = Math.Max(best, Math.Pow(hull[p].X - hull[q].X, 2) + Math.Pow(hull[p].Y - hull[q].Y, 2));
        return Math.Sqrt(best);
    }

    /// <summary>Andrew's monotone chain; collinear points are dropped.</summary>
    static List<(double X, double Y)> ConvexHull(List<(double X, double Y)> points)
    {
        var p = points.Distinct().OrderBy(t => t.X).ThenBy(t => t.Y).ToList();
        if (p.Count < 3) return p;
        static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) => (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
        var hull = new List<(double X, double Y)>();
        for (int pass = 0; pass < 2; pass++)
        {
            int start = hull.Count;
            foreach (var pt in pass == 0 ? p : Enumerable.Reverse(p))
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], pt) <= 0) hull.RemoveAt(hull.Count - 1);
                hull.Add(pt);
            }
            hull.RemoveAt(hull.Count - 1);
        }
        return hull;
    }
}
