namespace CreepCell.Geometry.Imaging;

/// <summary>One arc as walked along a body's boundary (body on the left).</summary>
internal readonly record struct ArcUse(int Arc, bool Reversed);

/// <summary>
/// Chains the arcs around each body into closed loops with the body on the left: counter-clockwise
/// outer boundaries, clockwise holes. Where a body meets a junction more than once (it touches itself
/// there), the loop continues along the arc that turns first clockwise from the way it came, which keeps
/// the body on the left and the loop free of crossings.
/// </summary>
internal static class BodyLoops
{
    public static List<List<ArcUse>>[] Assemble(IReadOnlyList<PixelArc> arcs, int bodyCount)
    {
        var uses = Enumerable.Range(0, bodyCount).Select(_ => new List<ArcUse>()).ToArray();
        for (int a = 0; a < arcs.Count; a++)
        {
            if (arcs[a].Left >= 0) uses[arcs[a].Left].Add(new ArcUse(a, false));
            if (arcs[a].Right >= 0) uses[arcs[a].Right].Add(new ArcUse(a, true));
        }
        return uses.Select(u => Loops(arcs, u)).ToArray();
    }

    static List<List<ArcUse>> Loops(IReadOnlyList<PixelArc> arcs, List<ArcUse> uses)
    {
        var loops = new List<List<ArcUse>>();
        var used = new bool[uses.Count];
        for (int s = 0; s < uses.Count; s++)
        {
            if (used[s]) continue;
            var loop = new List<ArcUse>();
            int k = s;
            while (true)
            {
                used[k] = true;
                loop.Add(uses[k]);
                if (arcs[uses[k].Arc].Closed) break;
                var end = Point(arcs, uses[k], last: true);
                var dirIn = Direction(arcs, uses[k], last: true);
                int next = Next(arcs, uses, used, end, dirIn, s);
                if (next == s || next < 0) break;
                k = next;
            }
            loops.Add(loop);
        }
        return loops;
    }

    /// <summary>Among the uses starting at the point (the loop's first use included), the first clockwise from the reversed incoming direction.</summary>
    static int Next(IReadOnlyList<PixelArc> arcs, List<ArcUse> uses, bool[] used, (int, int) at, (int X, int Y) dirIn, int start)
    {
        double back = Math.Atan2(-dirIn.Y, -dirIn.X);
        int best = -1;
        double bestTurn = double.PositiveInfinity;
        for (int k = 0; k < uses.Count; k++)
        {
            if ((used[k] && k != start) || arcs[uses[k].Arc].Closed || Point(arcs, uses[k], last: false) != at) continue;
            var d = Direction(arcs, uses[k], last: false);
            double turn = back - Math.Atan2(d.Y, d.X);
            while (turn <= 1e-12) turn += 2 * Math.PI;
            while (turn > 2 * Math.PI + 1e-12) turn -= 2 * Math.PI;
            if (turn < bestTurn) { bestTurn = turn; best = k; }
        }
        return best;
    }

    static (int, int) Point(IReadOnlyList<PixelArc> arcs, ArcUse u, bool last)
    {
        var a = arcs[u.Arc];
        int k = last != u.Reversed ? a.Count - 1 : 0;
        return (a.X[k], a.Y[k]);
    }

    /// <summary>Direction of the first or last pixel edge of the use, as walked.</summary>
    static (int X, int Y) Direction(IReadOnlyList<PixelArc> arcs, ArcUse u, bool last)
    {
        var a = arcs[u.Arc];
        int n = a.Count - 1;
        // forward: first edge 0 -> 1, last edge n-1 -> n; reversed: first edge n -> n-1, last edge 1 -> 0
        (int from, int to) = (last, u.Reversed) switch
        {
            (false, false) => (0, 1),
            (true, false) => (n - 1, n),
            (false, true) => (n, n - 1),
            _ => (1, 0),
        };
        return (a.X[to] - a.X[from], a.Y[to] - a.Y[from]);
    }
}
