namespace CreepCell.Geometry.Imaging;

/// <summary>The smoothed loops of one body in pixels (outer counter-clockwise first, then clockwise holes).</summary>
internal sealed record BodyOutline(int Body, List<Vec2[]> Loops);

/// <summary>
/// Joins the smoothed arcs into each body's loops and opens the gap between bodies that touch in the
/// image: edges on an arc between two bodies move into their body by half the gap (each vertex to the
/// meeting point of its two offset edge lines, so a vertex between a shared edge and a free one slides
/// along the free edge and points on the image border stay on it), and a corner that the body shares
/// with another body, or with itself, moves into the body along its bisector (by half the gap, or by a
/// quarter pixel where a body touches itself, so that it is not meshed with needle elements).
/// </summary>
internal static class BodyOutlines
{
    const double SelfTouchShift = 0.25;

    public static List<BodyOutline> Build(IReadOnlyList<PixelArc> arcs, Vec2[][] smooth, List<List<ArcUse>>[] loops, double halfGap)
    {
        var owners = CornerOwners(arcs);
        var result = new List<BodyOutline>(loops.Length);
        for (int b = 0; b < loops.Length; b++)
        {
            var raw = loops[b].Select(loop => Join(arcs, smooth, loop)).ToList();
            var count = raw.SelectMany(l => l.Points).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
            var shaped = raw.Select(l => Offset(l.Points, l.Shared, halfGap,
                p => count[p] > 1 ? SelfTouchShift : owners.TryGetValue(p, out var o) && o.Count > 1 ? halfGap : 0)).ToList();
            var ordered = shaped.OrderByDescending(ArcSmoothing.Area).ToList();
            result.Add(new BodyOutline(b, ordered));
        }
        return result;
    }

    /// <summary>Bodies that have each arc end (a pixel corner) on their boundary.</summary>
    static Dictionary<Vec2, HashSet<int>> CornerOwners(IReadOnlyList<PixelArc> arcs)
    {
        var owners = new Dictionary<Vec2, HashSet<int>>();
        foreach (var a in arcs)
        {
            if (a.Closed) continue;
            foreach (int k in new[] { 0, a.Count - 1 })
            {
                var p = new Vec2(a.X[k], a.Y[k]);
                if (!owners.TryGetValue(p, out var set)) owners[p] = set = new HashSet<int>();
                if (a.Left >= 0) set.Add(a.Left);
                if (a.Right >= 0) set.Add(a.Right);
            }
        }
        return owners;
    }

    /// <summary>The loop's points and, per edge (point k to k + 1), whether it lies between two bodies.</summary>
    static (List<Vec2> Points, List<bool> Shared) Join(IReadOnlyList<PixelArc> arcs, Vec2[][] smooth, List<ArcUse> loop)
    {
        var points = new List<Vec2>();
        var shared = new List<bool>();
        foreach (var use in loop)
        {
            var p = smooth[use.Arc];
            var walked = use.Reversed ? p.Reverse().ToArray() : p;
            int n = arcs[use.Arc].Closed ? walked.Length : walked.Length - 1;
            for (int k = 0; k < n; k++)
            {
                points.Add(walked[k]);
                shared.Add(arcs[use.Arc].BetweenBodies);
            }
        }
        return (points, shared);
    }

    static Vec2[] Offset(List<Vec2> p, List<bool> shared, double halfGap, Func<Vec2, double> cornerShift)
    {
        int n = p.Count;
        var normal = new Vec2[n];
        for (int k = 0; k < n; k++)
        {
            var d = p[(k + 1) % n] - p[k];
            normal[k] = new Vec2(-d.Y, d.X) * (1 / d.Length);
        }
        var result = new Vec2[n];
        for (int k = 0; k < n; k++)
        {
            int prev = (k - 1 + n) % n;
            double o0 = shared[prev] ? halfGap : 0, o1 = shared[k] ? halfGap : 0;
            var q = Meet(p[k], normal[prev], o0, normal[k], o1);
            double want = cornerShift(p[k]);
            if ((q - p[k]).Length < want)
            {
                var bis = normal[prev] + normal[k];
                if (bis.Length < 1e-9) bis = new Vec2(-(normal[k].Y), normal[k].X);
                q = p[k] + want * (1 / bis.Length) * bis;
            }
            result[k] = q;
        }
        return result;
    }

    /// <summary>The point on both offset lines n0.(x - p) = o0 and n1.(x - p) = o1; near-parallel lines
    /// (or equal offsets of zero) take the mean offset along the mean normal.</summary>
    static Vec2 Meet(Vec2 p, Vec2 n0, double o0, Vec2 n1, double o1)
    {
        if (o0 == 0 && o1 == 0) return p;
        double det = Vec2.Cross(n0, n1);
        if (Math.Abs(det) < 0.2)
        {
            var m = n0 + n1;
            return m.Length < 1e-9 ? p : p + Math.Max(o0, o1) * (1 / m.Length) * m;
        }
        // solve [n0; n1] x = [o0; o1]
        double x = (o0 * n1.Y - o1 * n0.Y) / det, y = (n0.X * o1 - n1.X * o0) / det;
        return p + new Vec2(x, y);
    }
}
