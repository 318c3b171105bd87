using CreepCell.Geometry;

namespace CreepCell.Contact;

/// <summary>
/// The particles as a graph in the current configuration: bodies are its nodes, and two bodies are joined
/// where a boundary point of one lies within dhat of the other. Each body also knows whether it touches
/// the two collectors of the electrode: the bottom side (current collector, electrons) and the top
/// (separator side, ions: the stack plate, or the top side without one).
/// </summary>
internal sealed record ContactGraph(int[] RegionOfBody, double[] BodyArea, ContactEdge[] Edges, bool[] TouchesBottom, bool[] TouchesTop)
{
    public int BodyCount => RegionOfBody.Length;

    public static ContactGraph Build(ContactModel model, double[] u)
    {
        var b = model.Bodies;
        var length = ContactMeasure.CurrentTributary(model, u);
        var near = new Dictionary<(int, int), double>();
        var grid = model.CurrentGrid(u, model.Dhat);
        var candidates = new List<int>();
        Span<double> x = stackalloc double[6];
        Span<double> g = stackalloc double[6];
        var nearest = new Dictionary<int, double>();
        for (int i = 0; i < b.Points.Length; i++)
        {
            int p = b.Points[i], own = b.BodyOfNode[p];
            var xp = model.Position(u, p);
            grid.Query(xp.X, xp.Y, xp.X, xp.Y, candidates);
            nearest.Clear();
            foreach (int s in candidates)
            {
                int other = b.BodyOfSegment[s];
                if (other == own) continue;
                var xa = model.Position(u, b.SegmentA[s]);
                var xb = model.Position(u, b.SegmentB[s]);
                x[0] = xp.X; x[1] = xp.Y; x[2] = xa.X; x[3] = xa.Y; x[4] = xb.X; x[5] = xb.Y;
                double d = Math.Sqrt(PointSegmentBarrier.SquaredDistance(x, g, Span<double>.Empty));
                nearest[other] = Math.Min(nearest.GetValueOrDefault(other, double.PositiveInfinity), d);
            }
            foreach (var (other, d) in nearest)
                if (d < model.Dhat) near[(own, other)] = near.GetValueOrDefault((own, other)) + length[i];
        }
        var edges = near.Keys.Select(k => (A: Math.Min(k.Item1, k.Item2), B: Math.Max(k.Item1, k.Item2))).Distinct()
            .Select(k => new ContactEdge(k.A, k.B, 0.5 * (near.GetValueOrDefault((k.A, k.B)) + near.GetValueOrDefault((k.B, k.A)))))
            .OrderBy(e => e.A).ThenBy(e => e.B).ToArray();
        var (bottom, top) = Collectors(model, u);
        return new ContactGraph((int[])b.RegionOfBody.Clone(), CurrentAreas(model, u), edges, bottom, top);
    }

    /// <summary>Bodies with a boundary point within dhat of the bottom side, and of the top (plate or side).</summary>
    static (bool[] Bottom, bool[] Top) Collectors(ContactModel model, double[] u)
    {
        var b = model.Bodies;
        // the box, not the nodes' extent: a body remeshed under the lifted plate has its reference above the top
        double lo = model.Box.Lo.Y, hi = model.Box.Hi.Y + model.Lift(u);
        var bottom = new bool[b.BodyCount];
        var top = new bool[b.BodyCount];
        foreach (int p in b.Points)
        {
            double y = model.Position(u, p).Y;
            if (y - lo < model.Dhat) bottom[b.BodyOfNode[p]] = true;
            if (hi - y < model.Dhat) top[b.BodyOfNode[p]] = true;
        }
        return (bottom, top);
    }

    /// <summary>Current area of each body: the shoelace sum over its boundary loops (body on the left).</summary>
    static double[] CurrentAreas(ContactModel model, double[] u)
    {
        var b = model.Bodies;
        var area = new double[b.BodyCount];
        foreach (var loop in b.Loops)
        {
            double twice = 0;
            for (int k = 0; k < loop.Length; k++)
            {
                Vec2 p = model.Position(u, loop[k]), q = model.Position(u, loop[(k + 1) % loop.Length]);
                twice += p.X * q.Y - q.X * p.Y;
            }
            area[b.BodyOfNode[loop[0]]] += 0.5 * twice;
        }
        return area;
    }
}
