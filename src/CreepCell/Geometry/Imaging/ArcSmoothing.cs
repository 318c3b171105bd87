namespace CreepCell.Geometry.Imaging;

/// <summary>
/// Smooths a pixel staircase into a polyline: the pixel-edge midpoints (the marching-squares contour of
/// the labels at level 1/2), relaxed twice by a three-point filter, simplified by Douglas-Peucker (at 0.6
/// of the tolerance, then finer), then its inner vertices shifted along their
/// normals by one common distance so that the area between the polyline and the staircase is zero. Each
/// label therefore keeps its pixel area exactly, arc by arc; the smoothed polyline stays within the
/// tolerance of the midpoint contour (the simplification is repeated finer until it does). Junction
/// points stay on their pixel corners; arcs on the image border stay straight.
/// </summary>
internal static class ArcSmoothing
{
    /// <summary>The smoothed points (pixels), first and last = the arc's ends (closed: not repeated),
    /// and the largest distance from the midpoint contour.</summary>
    public static (Vec2[] Points, double Deviation) Smooth(PixelArc arc, double tolerance)
    {
        var stairs = Enumerable.Range(0, arc.Count).Select(k => new Vec2(arc.X[k], arc.Y[k])).ToArray();
        if (arc.OnBorder) return (new[] { stairs[0], stairs[^1] }, 0);
        var chain = Midpoints(stairs, arc.Closed);
        var relaxed = Relax(Relax(chain, arc.Closed), arc.Closed);
        double dp = 0.6 * tolerance;
        for (int attempt = 0; ; attempt++)
        {
            var kept = attempt < 8 ? Simplify(relaxed, dp, arc.Closed) : (Vec2[])chain.Clone();
            var shifted = KeepArea(kept, stairs, chain, arc.Closed);
            double dev = Deviation(shifted, chain, arc.Closed);
            if (dev <= tolerance || attempt >= 8) return (shifted, dev);
            dp *= 0.6;
        }
    }

    /// <summary>One pass of the [1/4, 1/2, 1/4] filter over the points (ends of an open arc fixed): it takes
    /// out the one-pixel zigzag of the midpoint contour on slanted boundaries, which would otherwise add
    /// a few percent to the perimeter.</summary>
    static Vec2[] Relax(Vec2[] p, bool closed)
    {
        int n = p.Length;
        if (n < 3) return p;
        var q = (Vec2[])p.Clone();
        for (int k = closed ? 0 : 1; k < (closed ? n : n - 1); k++)
            q[k] = 0.25 * (p[(k - 1 + n) % n] + p[(k + 1) % n]) + 0.5 * p[k];
        return q;
    }

    /// <summary>Open: [start corner, edge midpoints..., end corner]; closed: the edge midpoints.</summary>
    static Vec2[] Midpoints(Vec2[] stairs, bool closed)
    {
        var mids = new List<Vec2>();
        if (!closed) mids.Add(stairs[0]);
        for (int k = 0; k + 1 < stairs.Length; k++) mids.Add(0.5 * (stairs[k] + stairs[k + 1]));
        if (!closed) mids.Add(stairs[^1]);
        return mids.ToArray();
    }

    static Vec2[] Simplify(Vec2[] chain, double tol, bool closed)
    {
        var keep = new bool[chain.Length];
        if (!closed)
        {
            keep[0] = keep[^1] = true;
            Mark(chain, 0, chain.Length - 1, tol, keep);
        }
        else
        {
            int far = 0;
            for (int k = 1; k < chain.Length; k++) if ((chain[k] - chain[0]).Length > (chain[far] - chain[0]).Length) far = k;
            keep[0] = keep[far] = true;
            Mark(chain, 0, far, tol, keep);
            var tail = chain.Skip(far).Append(chain[0]).ToArray();
            var keepTail = new bool[tail.Length];
            Mark(tail, 0, tail.Length - 1, tol, keepTail);
            for (int k = 1; k < tail.Length - 1; k++) keep[far + k] |= keepTail[k];
            if (keep.Count(x => x) < 3) keep[(far + chain.Length) / 2 % chain.Length] = keep[far / 2] = true;
        }
        var kept = chain.Where((_, k) => keep[k]).ToList();
        if (!closed && kept.Count == 2 && chain.Length > 2) kept.Insert(1, chain[chain.Length / 2]);
        return kept.ToArray();
    }

    static void Mark(Vec2[] p, int a, int b, double tol, bool[] keep)
    {
        if (b <= a + 1) return;
        int best = -1;
        double far = -1;
        for (int k = a + 1; k < b; k++)
        {
            double d = SegmentDistance(p[k], p[a], p[b]);
            if (d > far) { far = d; best = k; }
        }
        if (far <= tol) return;
        keep[best] = true;
        Mark(p, a, best, tol, keep);
        Mark(p, best, b, tol, keep);
    }

    /// <summary>Shifts the inner vertices along their normals so the area enclosed with the staircase is zero.</summary>
    static Vec2[] KeepArea(Vec2[] kept, Vec2[] stairs, Vec2[] chain, bool closed)
    {
        int first = closed ? 0 : 1, last = closed ? kept.Length : kept.Length - 1;
        if (last <= first) return kept;
        var normal = new Vec2[kept.Length];
        for (int k = first; k < last; k++)
        {
            var d = kept[(k + 1) % kept.Length] - kept[(k - 1 + kept.Length) % kept.Length];
            normal[k] = d.Length > 0 ? new Vec2(-d.Y, d.X) * (1 / d.Length) : new Vec2(0, 0);
        }
        double target = closed ? Area(stairs) : 0;
        Vec2[] At(double t) => kept.Select((p, k) => k >= first && k < last ? p + t * normal[k] : p).ToArray();
        double F(double t) => closed ? Area(At(t)) - target : Area(At(t).Concat(stairs.Reverse().Skip(1).SkipLast(1)).ToArray());
        double x = 0;
        for (int it = 0; it < 4; it++)
        {
            double f = F(x), slope = (F(x + 1e-4) - F(x - 1e-4)) / 2e-4;
            if (Math.Abs(slope) < 1e-12) break;
            x -= f / slope;
        }
        return At(x);
    }

    /// <summary>Largest distance between the two polylines (both ways, vertex to polyline).</summary>
    static double Deviation(Vec2[] a, Vec2[] b, bool closed) => Math.Max(OneWay(a, b, closed), OneWay(b, a, closed));

    static double OneWay(Vec2[] from, Vec2[] to, bool closed)
    {
        double worst = 0;
        int segments = closed ? to.Length : to.Length - 1;
        foreach (var p in from)
        {
            double best = double.PositiveInfinity;
            for (int k = 0; k < segments; k++) best = Math.Min(best, SegmentDistance(p, to[k], to[(k + 1) % to.Length]));
            worst = Math.Max(worst, best);
        }
        return worst;
    }

    public static double SegmentDistance(Vec2 p, Vec2 a, Vec2 b)
    {
        var d = b - a;
        double len2 = Vec2.Dot(d, d);
        double s = len2 > 0 ? Math.Clamp(Vec2.Dot(p - a, d) / len2, 0, 1) : 0;
        return (p - (a + s * d)).Length;
    }

    /// <summary>Shoelace area, positive counter-clockwise.</summary>
    public static double Area(IReadOnlyList<Vec2> p)
    {
        double a = 0;
        for (int i = 0; i < p.Count; i++) a += Vec2.Cross(p[i], p[(i + 1) % p.Count]);
        return 0.5 * a;
    }
}
