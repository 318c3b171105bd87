using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Contact;

/// <summary>One active point-segment pair: nodes and the projected 6 x 6 Hessian of its energy.</summary>
public sealed record ContactTerm(int Point, int A, int B, double[] Hessian);

/// <summary>
/// Frictionless contact between the bodies of a mesh by the incremental-potential-contact barrier
/// (Li et al. 2020, ACM Trans. Graph. 39(4), eqs. 6-7) in 2D per unit thickness:
/// E_c = kappa sum_p w_p sum_s b(d(p, s)) over boundary points p and boundary segments s of other bodies,
/// distance from p to the segment s, w_p the reference tributary length of p, kappa = Ec / dhat. As in
/// IPC every pair within dhat counts, so a point facing a vertex counts twice (once per adjacent segment);
/// the sum keeps the energy smooth, where the distance to the nearest segment alone has kinks at concave
/// vertices that stall Newton. Every accepted state keeps all
/// distances positive through the step bound <see cref="MaxStep"/> (continuous collision detection).
/// A weak spring energy 1/2 k_n |u_n|^2, k_n = eps E_body A_n / A_body, anchors bodies that touch
/// nothing (their total translational stiffness is eps E_body).
/// </summary>
public sealed class ContactModel
{
    readonly Mesh mesh;
    readonly HashSet<long> couplings = new();
    readonly HashSet<long> pending = new();
    readonly List<ContactTerm> terms = new();

    public ContactBodies Bodies { get; }
    public double Dhat { get; }
    public double Kappa { get; }
    /// <summary>Regularization stiffness per node (N/m per metre of thickness), acting on both components.</summary>
    public double[] NodeSpring { get; }
    /// <summary>E_body A_n / A_body per node: the springs of a body with this per-node stiffness sum to its modulus.</summary>
    public double[] NodeModulus { get; }
    /// <summary>Active pairs of the last <see cref="Evaluate"/>, in point then segment order.</summary>
    public IReadOnlyList<ContactTerm> Terms => terms;
    /// <summary>Grows by one whenever a node pair enters the set of contact couplings.</summary>
    public int PatternVersion { get; private set; }
    public double SearchSeconds { get; private set; }
    /// <summary>Line searches whose first step the collision bound shortened.</summary>
    public int CollisionLimitedSteps { get; private set; }
    /// <summary>
    /// Project each pair's Hessian to positive semi-definite (IPC's choice, robust far from the solution).
    /// The projection drops the negative lateral stiffness of compressed pairs, so Newton then converges
    /// only linearly; <see cref="Simulation.MechanicsProblem"/> switches it off near the solution.
    /// </summary>
    public bool ProjectHessian { get; set; } = true;
    /// <summary>
    /// Pairs closer than this multiple of dhat join the tangent pattern whenever it has to change for an
    /// active pair, so that the pattern (and its symbolic analysis) changes less often.
    /// </summary>
    public double CouplingMargin { get; init; } = 5;
    /// <summary>
    /// Largest move of a boundary point in one Newton step: twice the mean equivalent radius of the bodies.
    /// The bound keeps the swept boxes of the collision search small.
    /// </summary>
    public double MaxMove => 2 * meanRadius;
    readonly double meanRadius;

    /// <summary>Fraction of the first collision time taken as the step bound.</summary>
    public double CollisionSafety { get; init; } = 0.8;

    /// <summary>The movable top plate under stack pressure, or null when the top edge has rollers.</summary>
    public StackPlate? Plate { get; }
    /// <summary>Upward force of the electrode on the plate at the last <see cref="Evaluate"/> (N per metre of thickness).</summary>
    public double PlateForce { get; private set; }

    public ContactModel(Mesh mesh, Material[] materialOfRegion, ContactSettings settings, StackPlate? plate = null)
    {
        this.mesh = mesh;
        Plate = plate;
        Bodies = new ContactBodies(mesh);
        meanRadius = Bodies.MeanRadius();
        Dhat = settings.Distance ?? ContactSettings.DefaultDistanceFraction * meanRadius;
        double emax = Bodies.RegionOfBody.Max(r => materialOfRegion[r].YoungsModulus);
        Kappa = (settings.Stiffness ?? emax) / Dhat;
        EdgeTieStiffness = 10 * emax;
        var straightTie = TieHessian(EdgeTieStiffness);
        edgeTieHessian = Bodies.QuadraticEdges.Select(e => e.Straight ? straightTie : TieHessian(EdgeTieStiffness, e.Along, e.Across)).ToArray();
        (wallLo, wallHi) = mesh.BoundingBox();
        double tol = 1e-9 * Math.Max(wallHi.X - wallLo.X, wallHi.Y - wallLo.Y);
        onWall = new bool[Bodies.Points.Length, 4];
        cutFace = new bool[Bodies.Points.Length];
        wallOffset = new double[Bodies.Points.Length, 4];
        wallReach = new double[Bodies.Points.Length, 4];
        for (int i = 0; i < Bodies.Points.Length; i++)
            for (int w = 0; w < 4; w++)
            {
                double d0 = WallDistance(mesh.Nodes[Bodies.Points[i]], w, 0);
                // under a plate the top edge has no rollers: the plate holds those points through the barrier
                onWall[i, w] = d0 < tol && !(w == 3 && plate is not null);
                cutFace[i] |= d0 < tol;
                (wallOffset[i, w], wallReach[i, w]) = WallBarrierStart(d0);
            }
        NodeSpring = new double[mesh.NodeCount];
        NodeModulus = new double[mesh.NodeCount];
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            int body = Bodies.BodyOfNode[n];
            if (body < 0) continue;
            double e = materialOfRegion[Bodies.RegionOfBody[body]].YoungsModulus;
            NodeModulus[n] = e * Bodies.NodeArea[n] / Bodies.BodyArea[body];
            NodeSpring[n] = settings.Regularization * NodeModulus[n];
        }
        if (plate is not null)
        {
            // anchored like a body of the stiffest material, so a plate that touches nothing stays regular
            NodeModulus[plate.Node] = emax;
            NodeSpring[plate.Node] = settings.Regularization * emax;
        }
    }

    readonly Vec2 wallLo, wallHi;
    /// <summary>Point i lies on wall w (0 left, 1 right, 2 bottom, 3 top) in the reference configuration:
    /// its roller holds it there, so it takes no wall barrier.</summary>
    readonly bool[,] onWall;
    /// <summary>
    /// Added to the distance of point i from wall w, and the reach of its barrier there. Next to a flat
    /// side that rollers hold on a wall, and on the faces under the stack plate, a particle's boundary
    /// starts closer to the wall than dhat; the barrier must exert no force in the stress-free state.
    /// Such a point gets the reach max(d0, e) and the offset that makes up the difference to d0 (only
    /// below e), so that its barrier starts at zero where it starts, and under load it crosses the wall
    /// by less than e: e = min(dhat, 1e-3 mean radius) / 2, half the allowed penetration.
    /// </summary>
    readonly double[,] wallOffset, wallReach;

    /// <summary>Largest penetration allowed anywhere, relative to the mean body radius.</summary>
    public const double PenetrationLimit = 1e-3;

    (double Offset, double Reach) WallBarrierStart(double d0)
    {
        if (d0 >= Dhat) return (0, Dhat);
        double reach = Math.Max(d0, 0.5 * Math.Min(Dhat, PenetrationLimit * meanRadius));
        return (reach - d0, reach);
    }
    readonly bool[] cutFace;

    /// <summary>
    /// Point i lies on a side of the RVE in the reference configuration: the face where a symmetry plane
    /// (or the stack plate) cuts a particle, not a surface of it.
    /// </summary>
    public bool OnCutFace(int i) => cutFace[i];

    /// <summary>
    /// Distance of point i from the nearest wall it does not start on, as the wall barrier sees it
    /// (wall offset included; infinity if it starts on every wall). Below dhat the point touches its
    /// mirror image across that side.
    /// </summary>
    public double WallGap(double[] u, int i)
    {
        var x = Position(u, Bodies.Points[i]);
        double gap = double.PositiveInfinity;
        for (int w = 0; w < 4; w++)
            if (!onWall[i, w]) gap = Math.Min(gap, (WallDistance(x, w, Lift(u)) + wallOffset[i, w]) * Dhat / wallReach[i, w]);
        return gap;
    }

    /// <summary>Distance from x to wall w of the RVE box, positive inside; the top wall raised by lift.</summary>
    double WallDistance(Vec2 x, int w, double lift) => w switch
    {
        0 => x.X - wallLo.X,
        1 => wallHi.X - x.X,
        2 => x.Y - wallLo.Y,
        _ => wallHi.Y + lift - x.Y,
    };

    /// <summary>Upward displacement of the top plate (0 without one).</summary>
    public double Lift(double[] u) => Plate is null ? 0 : u[Plate.Dof];

    /// <summary>
    /// The RVE walls are contact partners too: a point that does not start on a wall gets the same
    /// barrier against it (distance shifted by the wall offset), so particles swelling or creeping
    /// towards a wall press on it instead of crossing it.
    /// </summary>
    bool AddWallTerms(double[] u, double[] force, bool withHessian, int i, ref double energy)
    {
        int p = Bodies.Points[i];
        var xp = Position(u, p);
        double lift = Lift(u);
        for (int w = 0; w < 4; w++)
        {
            if (onWall[i, w]) continue;
            double d = WallDistance(xp, w, lift) + wallOffset[i, w];
            if (!(d > 0)) return false;
            if (d >= wallReach[i, w]) continue;
            var (b, d1, d2) = PointSegmentBarrier.Scalar(d, wallReach[i, w]);
            double scale = Kappa * Bodies.PointWeight[i];
            int axis = w / 2;
            double sign = w % 2 == 0 ? 1 : -1;
            energy += scale * b;
            force[2 * p + axis] += scale * d1 * sign;
            bool onPlate = w == 3 && Plate is not null;
            if (onPlate)
            {
                force[Plate!.Dof] += scale * d1;
                PlateForce -= scale * d1;
            }
            if (!withHessian) continue;
            var h = new double[36];
            h[6 * axis + axis] = scale * d2;
            if (onPlate)
            {
                // d = top + lift - y: the pair (y of the point, lift) has the Hessian scale b'' [1 -1; -1 1]
                h[6 * 3 + 3] = scale * d2;
                h[6 * 1 + 3] = h[6 * 3 + 1] = -scale * d2;
                Couple(p, Plate!.Node);
            }
            terms.Add(new ContactTerm(p, onPlate ? Plate!.Node : p, p, h));
        }
        return true;
    }

    /// <summary>
    /// The stop under the plate: the wall barrier along the plate's width against its lift, offset by dhat
    /// so that it acts only below the initial height (lift in (-dhat, 0)).
    /// </summary>
    bool AddPlateStop(double[] u, double[] force, bool withHessian, ref double energy)
    {
        if (Plate is null) return true;
        double d = Lift(u) + Dhat;
        if (!(d > 0)) return false;
        if (d >= Dhat) return true;
        var (b, d1, d2) = PointSegmentBarrier.Scalar(d, Dhat);
        double scale = Kappa * Plate.Width;
        energy += scale * b;
        force[Plate.Dof] += scale * d1;
        if (!withHessian) return true;
        var h = new double[36];
        h[6 * 1 + 1] = scale * d2;
        terms.Add(new ContactTerm(Plate.Node, Plate.Node, Plate.Node, h));
        return true;
    }

    /// <summary>Largest distance by which a boundary point lies beyond a wall it does not start on (zero when
    /// none does); points that start on a wall are held there by rollers in an RVE.</summary>
    public double WallPenetration(double[] u)
    {
        double worst = 0;
        for (int i = 0; i < Bodies.Points.Length; i++)
            for (int w = 0; w < 4; w++)
                if (!onWall[i, w]) worst = Math.Max(worst, -WallDistance(Position(u, Bodies.Points[i]), w, Lift(u)));
        return worst;
    }

    /// <summary>Largest step fraction before some point crosses a wall it does not start on.</summary>
    double WallCollision(double[] u, double[] du)
    {
        double lift0 = Lift(u), lift1 = Plate is null ? 0 : lift0 + du[Plate.Dof];
        double first = 1;
        // the plate stays above its stop (lift > -dhat)
        if (lift1 + Dhat < 0 && lift0 + Dhat > 0) first = (lift0 + Dhat) / (lift0 - lift1);
        for (int i = 0; i < Bodies.Points.Length; i++)
        {
            int p = Bodies.Points[i];
            var x0 = Position(u, p);
            var x1 = x0 + Step(du, p);
            for (int w = 0; w < 4; w++)
            {
                if (onWall[i, w]) continue;
                double d0 = WallDistance(x0, w, lift0) + wallOffset[i, w], d1 = WallDistance(x1, w, lift1) + wallOffset[i, w];
                if (d1 < 0 && d0 > 0) first = Math.Min(first, d0 / (d0 - d1));
            }
        }
        return first;
    }

    /// <summary>The model for a case, or null when contact is off (by setting, or one body by default).</summary>
    public static ContactModel? Create(Mesh mesh, Material[] materialOfRegion, ContactSettings settings, StackPlate? plate = null)
    {
        var model = new ContactModel(mesh, materialOfRegion, settings, plate);
        bool enabled = settings.Enabled ?? (model.Bodies.BodyCount > 1 || plate is not null);
        return enabled ? model : null;
    }

    /// <summary>Sorted partner nodes of each node through contact couplings seen so far (a grow-only set).</summary>
    public int[][] CouplingLists()
    {
        var lists = new List<int>[mesh.NodeCount];
        foreach (long key in couplings)
        {
            int i = (int)(key / mesh.NodeCount), j = (int)(key % mesh.NodeCount);
            (lists[i] ??= new List<int>()).Add(j);
            (lists[j] ??= new List<int>()).Add(i);
        }
        return lists.Select(l => l is null ? Array.Empty<int>() : l.Order().ToArray()).ToArray();
    }

    public Vec2 Position(double[] u, int n) => mesh.Nodes[n] + new Vec2(u[2 * n], u[2 * n + 1]);

    /// <summary>
    /// Adds the gradient of contact and regularization energies to force (all dofs) and returns the
    /// energy; records the active pairs (with Hessians if wanted). False if some distance is not positive.
    /// </summary>
    public bool Evaluate(double[] u, double[] force, bool withHessian, out double energy)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        terms.Clear();
        energy = 0;
        PlateForce = 0;
        if (!AddPlateStop(u, force, withHessian, ref energy)) { SearchSeconds += clock.Elapsed.TotalSeconds; return false; }
        AddEdgeTies(u, force, withHessian, ref energy);
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            double k = NodeSpring[n];
            energy += 0.5 * k * (u[2 * n] * u[2 * n] + u[2 * n + 1] * u[2 * n + 1]);
            force[2 * n] += k * u[2 * n];
            force[2 * n + 1] += k * u[2 * n + 1];
        }
        double reach = Math.Max(1, CouplingMargin) * Dhat;
        var grid = SegmentGrid(u, null, reach);
        var candidates = new List<int>();
        Span<double> x = stackalloc double[6];
        Span<double> g = stackalloc double[6];
        var active = new List<int>();
        for (int i = 0; i < Bodies.Points.Length; i++)
        {
            int p = Bodies.Points[i];
            var xp = Position(u, p);
            grid.Query(xp.X, xp.Y, xp.X, xp.Y, candidates);
            active.Clear();
            foreach (int s in candidates)
            {
                int body = Bodies.BodyOfSegment[s];
                if (body == Bodies.BodyOfNode[p]) continue;
                Fill(x, xp, Position(u, Bodies.SegmentA[s]), Position(u, Bodies.SegmentB[s]));
                double s2 = PointSegmentBarrier.SquaredDistance(x, g, Span<double>.Empty);
                if (!(s2 > 0)) { SearchSeconds += clock.Elapsed.TotalSeconds; return false; }
                if (s2 < Dhat * Dhat) active.Add(s);
                else if (withHessian && s2 < reach * reach) { Prepare(p, Bodies.SegmentA[s]); Prepare(p, Bodies.SegmentB[s]); }
            }
            if (!AddWallTerms(u, force, withHessian, i, ref energy)) { SearchSeconds += clock.Elapsed.TotalSeconds; return false; }
            foreach (int segment in active)
            {
                int a = Bodies.SegmentA[segment], b = Bodies.SegmentB[segment];
                Fill(x, xp, Position(u, a), Position(u, b));
                g.Clear();
                var h = withHessian ? new double[36] : Array.Empty<double>();
                double scale = Kappa * Bodies.PointWeight[i];
                energy += scale * PointSegmentBarrier.Evaluate(x, Dhat, g, h, ProjectHessian);
                Scatter(force, g, scale, p, a, b);
                if (!withHessian) continue;
                for (int k = 0; k < 36; k++) h[k] *= scale;
                terms.Add(new ContactTerm(p, a, b, h));
                Couple(p, a); Couple(p, b);
            }
        }
        SearchSeconds += clock.Elapsed.TotalSeconds;
        return true;
    }

    /// <summary>Stiffness of the ties that keep each quadratic boundary edge's shape, per unit thickness.</summary>
    public double EdgeTieStiffness { get; }

    /// <summary>
    /// Keeps each quadratic boundary edge similar to its reference shape: the energy 1/2 k |r|^2 with
    /// r = u_m - (u_a + u_b) / 2 - M (u_b - u_a), M = Along I + Across J (J turns by 90 degrees), which is
    /// zero for any rotation, stretch and translation of the edge, so a straight edge stays straight and
    /// a curved one (a Gmsh arc, an outline after remeshing) keeps its sagitta over chord. The barrier acts
    /// on the chords end-middle-end; a middle node free to leave its place would bend the element's true
    /// (parabolic) edge beyond its chords, where the other body's nodes do not reach it, and under creep
    /// such edges were seen to grow into zig-zags at the element size and to overlap the neighbour.
    /// k = 10 E_max makes the offset under a boundary force F (N/m) F / k: 0.25 nm for 25 N/m (100 MPa
    /// over 0.25 um).
    /// </summary>
    internal void AddEdgeTies(double[] u, double[] force, bool withHessian, ref double energy)
    {
        double k = EdgeTieStiffness;
        for (int e = 0; e < Bodies.QuadraticEdges.Length; e++)
        {
            var edge = Bodies.QuadraticEdges[e];
            int a = edge.A, m = edge.Mid, b = edge.B;
            double dx = u[2 * b] - u[2 * a], dy = u[2 * b + 1] - u[2 * a + 1];
            double rx = u[2 * m] - 0.5 * (u[2 * a] + u[2 * b]) - (edge.Along * dx - edge.Across * dy);
            double ry = u[2 * m + 1] - 0.5 * (u[2 * a + 1] + u[2 * b + 1]) - (edge.Along * dy + edge.Across * dx);
            energy += 0.5 * k * (rx * rx + ry * ry);
            // M^T r, which the ends carry on top of their halves of r
            double mx = edge.Along * rx + edge.Across * ry, my = edge.Along * ry - edge.Across * rx;
            force[2 * m] += k * rx;
            force[2 * m + 1] += k * ry;
            force[2 * a] -= 0.5 * k * rx - k * mx;
            force[2 * a + 1] -= 0.5 * k * ry - k * my;
            force[2 * b] -= 0.5 * k * rx + k * mx;
            force[2 * b + 1] -= 0.5 * k * ry + k * my;
            if (withHessian) terms.Add(new ContactTerm(m, a, b, edgeTieHessian[e]));
        }
    }

    /// <summary>
    /// The constant Hessian of one tie over (middle, end, end): k C_i^T C_j with C_m = I,
    /// C_a = M - I/2, C_b = -M - I/2; for a straight edge (M = 0) k c c^T per axis, c = (1, -1/2, -1/2).
    /// </summary>
    static double[] TieHessian(double k, double along = 0, double across = 0)
    {
        var c = new double[3][,];
        c[0] = new double[,] { { 1, 0 }, { 0, 1 } };
        c[1] = new double[,] { { along - 0.5, -across }, { across, along - 0.5 } };
        c[2] = new double[,] { { -along - 0.5, across }, { -across, -along - 0.5 } };
        var h = new double[36];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int p = 0; p < 2; p++)
                    for (int q = 0; q < 2; q++)
                        h[6 * (2 * i + p) + 2 * j + q] = k * (c[i][0, p] * c[j][0, q] + c[i][1, p] * c[j][1, q]);
        return h;
    }

    /// <summary>Per quadratic boundary edge, the Hessian of its tie (the straight ones share one).</summary>
    readonly double[][] edgeTieHessian;

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
        var grid = SegmentGrid(u, du, 0.01 * Dhat);
        var candidates = new List<int>();
        Span<double> x = stackalloc double[6];
        Span<double> dx = stackalloc double[6];
        double first = 1;
        for (int i = 0; i < Bodies.Points.Length; i++)
        {
            int p = Bodies.Points[i];
            var (lo, hi) = Swept(u, du, p, 0.01 * Dhat);
            grid.Query(lo.X, lo.Y, hi.X, hi.Y, candidates);
            foreach (int s in candidates)
            {
                if (Bodies.BodyOfSegment[s] == Bodies.BodyOfNode[p]) continue;
                int a = Bodies.SegmentA[s], b = Bodies.SegmentB[s];
                Fill(x, Position(u, p), Position(u, a), Position(u, b));
                Fill(dx, Step(du, p), Step(du, a), Step(du, b));
                first = Math.Min(first, PointSegmentBarrier.FirstCollision(x, dx));
            }
        }
        first = Math.Min(first, WallCollision(u, du));
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

    /// <summary>Hash grid of segment boxes (swept along du if given) inflated by pad; segment id = box id.</summary>
    SpatialHash SegmentGrid(double[] u, double[]? du, double pad)
    {
        double total = 0;
        for (int s = 0; s < Bodies.SegmentCount; s++)
            total += (Position(u, Bodies.SegmentB[s]) - Position(u, Bodies.SegmentA[s])).Length;
        var grid = new SpatialHash(Math.Max(total / Math.Max(1, Bodies.SegmentCount), 2 * pad) + 2 * pad);
        for (int s = 0; s < Bodies.SegmentCount; s++)
        {
            var (la, ha) = Swept(u, du, Bodies.SegmentA[s], pad);
            var (lb, hb) = Swept(u, du, Bodies.SegmentB[s], pad);
            grid.Add(Math.Min(la.X, lb.X), Math.Min(la.Y, lb.Y), Math.Max(ha.X, hb.X), Math.Max(ha.Y, hb.Y));
        }
        return grid;
    }

    internal SpatialHash CurrentGrid(double[] u, double pad) => SegmentGrid(u, null, pad);

    static void Fill(Span<double> x, Vec2 p, Vec2 a, Vec2 b)
    {
        x[0] = p.X; x[1] = p.Y; x[2] = a.X; x[3] = a.Y; x[4] = b.X; x[5] = b.Y;
    }

    static void Scatter(double[] force, ReadOnlySpan<double> g, double scale, int p, int a, int b)
    {
        force[2 * p] += scale * g[0]; force[2 * p + 1] += scale * g[1];
        force[2 * a] += scale * g[2]; force[2 * a + 1] += scale * g[3];
        force[2 * b] += scale * g[4]; force[2 * b + 1] += scale * g[5];
    }

    long Key(int i, int j) => (long)Math.Min(i, j) * mesh.NodeCount + Math.Max(i, j);

    /// <summary>An active pair must be in the pattern: a missing one changes it, and takes the prepared near pairs along.</summary>
    void Couple(int i, int j)
    {
        if (!couplings.Add(Key(i, j))) return;
        couplings.UnionWith(pending);
        pending.Clear();
        PatternVersion++;
    }

    /// <summary>
    /// The node pairs coupled so far and those waiting to join: the sparsity pattern, and with it the
    /// elimination order and the round-off of every later solve, depends on them, so a checkpoint keeps them.
    /// </summary>
    public (long[] Coupled, long[] Pending) CouplingState() => (couplings.Order().ToArray(), pending.Order().ToArray());

    public void RestoreCouplings(long[] coupled, long[] waiting)
    {
        couplings.Clear(); couplings.UnionWith(coupled);
        pending.Clear(); pending.UnionWith(waiting);
        PatternVersion++;
    }

    /// <summary>A near pair joins the pattern at its next change.</summary>
    void Prepare(int i, int j)
    {
        long key = Key(i, j);
        if (!couplings.Contains(key)) pending.Add(key);
    }
}
