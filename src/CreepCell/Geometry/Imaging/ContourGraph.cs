namespace CreepCell.Geometry.Imaging;

/// <summary>
/// A chain of pixel edges between two labels: its pixel-corner points (x right, y up, in pixels), the
/// label on its left and on its right as walked from first to last point (body index, -1 void, -2 outside
/// the image), and whether it is closed (first point = last point, no junction on it).
/// </summary>
internal sealed record PixelArc(int[] X, int[] Y, int Left, int Right, bool Closed)
{
    public int Count => X.Length;

    /// <summary>On the image border (one side outside): a straight run between two junctions.</summary>
    public bool OnBorder => Left == ContourGraph.Outside || Right == ContourGraph.Outside;

    /// <summary>Between two bodies (so a gap is opened along it).</summary>
    public bool BetweenBodies => Left >= 0 && Right >= 0;
}

/// <summary>
/// The boundaries of a body map as a planar graph of arcs. Every pixel edge with a body on at least one
/// side belongs to exactly one arc; arcs end at junctions (three or more labels at a pixel corner, a
/// change of the label pair, an image corner) and are shared by the two labels they separate, so that
/// neighbouring outlines smoothed arc by arc still fit together. At a corner where two labels meet
/// diagonally (a 2 x 2 checkerboard) the arcs pass through and hug the pixels of one label (a body
/// before the void, the lower body index first): that label is 4-connected there, the other 8-connected.
/// </summary>
internal sealed class ContourGraph
{
    public const int Void = -1, Outside = -2;
    readonly int[] body;
    readonly int w, h;
    readonly bool[] used;

    ContourGraph(int[] bodyRowsDown, int w, int h)
    {
        body = bodyRowsDown;
        this.w = w;
        this.h = h;
        used = new bool[(h + 1) * w + h * (w + 1)];
    }

    /// <summary>The arcs of a body map (row-major from the top row, -1 = void).</summary>
    public static List<PixelArc> Trace(int[] bodyRowsDown, int w, int h)
    {
        var g = new ContourGraph(bodyRowsDown, w, h);
        var arcs = new List<PixelArc>();
        for (int r = 0; r <= h; r++)
            for (int i = 0; i <= w; i++)
            {
                if (!g.IsNode(i, r)) continue;
                foreach (int e in g.BoundaryEdges(i, r))
                    if (!g.used[e]) arcs.Add(g.Walk(i, r, e, closed: false));
            }
        for (int e = 0; e < g.used.Length; e++)
            if (g.IsBoundary(e) && !g.used[e])
            {
                var (i, r) = g.Start(e);
                arcs.Add(g.Walk(i, r, e, closed: true));
            }
        return arcs;
    }

    /// <summary>Label of pixel (i, r), r counted upward from the bottom row.</summary>
    int Label(int i, int r) => i < 0 || r < 0 || i >= w || r >= h ? Outside : body[(h - 1 - r) * w + i];

    int HId(int i, int r) => r * w + i;
    int VId(int i, int r) => (h + 1) * w + r * (w + 1) + i;
    bool IsH(int e) => e < (h + 1) * w;

    /// <summary>The corner an edge starts from (its lower-left end).</summary>
    (int I, int R) Start(int e) => IsH(e) ? (e % w, e / w) : ((e - (h + 1) * w) % (w + 1), (e - (h + 1) * w) / (w + 1));

    /// <summary>Labels on either side: above | below for a horizontal edge, left | right for a vertical one.</summary>
    (int A, int B) Sides(int e)
    {
        var (i, r) = Start(e);
        return IsH(e) ? (Label(i, r), Label(i, r - 1)) : (Label(i - 1, r), Label(i, r));
    }

    bool IsBoundary(int e)
    {
        var (a, b) = Sides(e);
        return a != b && Math.Max(a, b) >= 0;
    }

    /// <summary>Boundary edges at corner (i, r) in the order E, N, W, S (missing ones left out).</summary>
    IEnumerable<int> BoundaryEdges(int i, int r)
    {
        foreach (int e in Around(i, r))
            if (e >= 0 && IsBoundary(e)) yield return e;
    }

    int[] Around(int i, int r) => new[]
    {
        i < w ? HId(i, r) : -1, r < h ? VId(i, r) : -1, i > 0 ? HId(i - 1, r) : -1, r > 0 ? VId(i, r - 1) : -1,
    };

    bool IsNode(int i, int r)
    {
        var edges = BoundaryEdges(i, r).ToList();
        if (edges.Count == 0) return false;
        if (edges.Count == 4) return !IsSaddle(i, r);
        if (edges.Count != 2) return true;
        if ((i == 0 || i == w) && (r == 0 || r == h)) return true;
        var (a1, b1) = Sides(edges[0]);
        var (a2, b2) = Sides(edges[1]);
        return !((a1 == a2 && b1 == b2) || (a1 == b2 && b1 == a2));
    }

    /// <summary>Two labels meeting diagonally: NE = SW and NW = SE.</summary>
    bool IsSaddle(int i, int r) => Label(i, r) == Label(i - 1, r - 1) && Label(i - 1, r) == Label(i, r - 1);

    /// <summary>The edge that continues edge <paramref name="incoming"/> through the pass-through corner (i, r).</summary>
    int Continue(int i, int r, int incoming)
    {
        var around = Around(i, r); // E, N, W, S
        if (BoundaryEdges(i, r).Count() == 2) return BoundaryEdges(i, r).First(e => e != incoming);
        int ne = Label(i, r), nw = Label(i - 1, r);
        bool hugNe = Hugged(ne, nw) == ne;
        // hugging NE pairs (N, E) and (W, S); hugging NW pairs (N, W) and (S, E)
        int k = Array.IndexOf(around, incoming);
        int partner = hugNe ? k switch { 0 => 1, 1 => 0, 2 => 3, _ => 2 } : k switch { 1 => 2, 2 => 1, 3 => 0, _ => 3 };
        return around[partner];
    }

    static int Hugged(int a, int b) => (a >= 0) != (b >= 0) ? Math.Max(a, b) : Math.Min(a, b) >= 0 ? Math.Min(a, b) : Math.Max(a, b);

    (int I, int R) Other(int e, int i, int r)
    {
        var (si, sr) = Start(e);
        var end = IsH(e) ? (si + 1, sr) : (si, sr + 1);
        return (si, sr) == (i, r) ? end : (si, sr);
    }

    PixelArc Walk(int i0, int r0, int first, bool closed)
    {
        var xs = new List<int> { i0 };
        var ys = new List<int> { r0 };
        int e = first, i = i0, r = r0;
        int left = LeftOf(e, i, r), right = RightOf(e, i, r);
        while (true)
        {
            used[e] = true;
            (i, r) = Other(e, i, r);
            xs.Add(i);
            ys.Add(r);
            if (closed ? (i, r) == (i0, r0) && Continue(i, r, e) == first : IsNode(i, r)) break;
            e = Continue(i, r, e);
        }
        return new PixelArc(xs.ToArray(), ys.ToArray(), left, right, closed);
    }

    /// <summary>Label on the left of edge e walked away from corner (i, r).</summary>
    int LeftOf(int e, int i, int r)
    {
        var (a, b) = Sides(e);
        var (si, sr) = Start(e);
        bool forward = (si, sr) == (i, r);
        // horizontal walked +x: above is left; vertical walked +y: the left pixel is left
        return IsH(e) ? (forward ? a : b) : (forward ? a : b);
    }

    int RightOf(int e, int i, int r)
    {
        var (a, b) = Sides(e);
        return LeftOf(e, i, r) == a ? b : a;
    }
}
