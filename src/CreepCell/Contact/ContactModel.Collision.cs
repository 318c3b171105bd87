using CreepCell.Geometry;

namespace CreepCell.Contact;

/// <summary>The collision-free step bound of the line search (continuous collision detection).</summary>
internal sealed partial class ContactModel
{
    /// <summary>
    /// Largest step fraction in (0, 1] along du from u such that no boundary point crosses a segment of
    /// another body or moves further than <see cref="MaxMove"/>: the safety fraction of the first
    /// collision time within that move, or the move bound if nothing collides.
    /// </summary>
    public double MaxStep(double[] u, double[] du)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double largest = 0;
        foreach (int p in Bodies.Points) largest = Math.Max(largest, Step(du, p).Length);
        if (Plate is not null) largest = Math.Max(largest, Math.Abs(du[Plate.Dof]));
        double limit = largest > MaxMove ? MaxMove / largest : 1;
        if (limit < 1)
        {
            // a body held only by weak springs gets a huge Newton move; sweeping it would cover the whole box
            du = du.Select(x => x * limit).ToArray();
            CollisionLimitedSteps++;
        }
        FillGrid(searchGrid, u, du, 0.01 * Dhat);
        Span<double> x = stackalloc double[6];
        Span<double> dx = stackalloc double[6];
        double first = 1;
        for (int i = 0; i < Bodies.Points.Length; i++)
        {
            int p = Bodies.Points[i];
            var (lo, hi) = Swept(u, du, p, 0.01 * Dhat);
            searchGrid.Query(lo.X, lo.Y, hi.X, hi.Y, candidates);
            foreach (int s in candidates)
            {
                if (Bodies.BodyOfSegment[s] == Bodies.BodyOfNode[p]) continue;
                int a = Bodies.SegmentA[s], b = Bodies.SegmentB[s];
                Fill(x, Position(u, p), Position(u, a), Position(u, b));
                Fill(dx, Step(du, p), Step(du, a), Step(du, b));
                first = Math.Min(first, PointSegmentBarrier.FirstCollision(x, dx));
            }
        }
        first = Math.Min(first, walls.FirstCollision(u, du));
        SearchSeconds += clock.Elapsed.TotalSeconds;
        if (first >= 1) return limit;
        CollisionLimitedSteps++;
        return limit * CollisionSafety * first;
    }

    static Vec2 Step(double[] du, int n) => new(du[2 * n], du[2 * n + 1]);

    (Vec2 Lo, Vec2 Hi) Swept(double[] u, double[]? du, int n, double pad)
    {
        var x0 = Position(u, n);
        var x1 = du is null ? x0 : x0 + Step(du, n);
        return (new Vec2(Math.Min(x0.X, x1.X) - pad, Math.Min(x0.Y, x1.Y) - pad),
            new Vec2(Math.Max(x0.X, x1.X) + pad, Math.Max(x0.Y, x1.Y) + pad));
    }
}
