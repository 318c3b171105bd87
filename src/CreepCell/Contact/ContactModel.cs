using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Contact;

/// <summary>
/// Frictionless contact between the bodies of a mesh by the incremental-potential-contact barrier
/// (Li et al. 2020, ACM Trans. Graph. 39(4), eqs. 6-7) in 2D per unit thickness:
/// E_c = kappa sum_p w_p sum_s b(d(p, s)) over boundary points p and boundary segments s of other bodies,
/// distance from p to the segment s, w_p the reference tributary length of p, kappa = Ec / dhat. As in
/// IPC every pair within dhat counts, so a point facing a vertex counts twice (once per adjacent segment);
/// the sum keeps the energy smooth, where the distance to the nearest segment alone has kinks at concave
/// vertices that stall Newton. Every accepted state keeps all
/// distances positive through the step bound <see cref="MaxStep"/> (continuous collision detection).
/// The model sums its energy terms in a fixed order: the plate stop, the edge ties, the bonds (when a
/// phase is bonded), the anchor springs, then per boundary point its wall barriers and its pair
/// barriers. It keeps the node pairs that the tangent's sparsity pattern must hold.
/// </summary>
internal sealed partial class ContactModel
{
    readonly Mesh mesh;
    readonly HashSet<long> couplings = new();
    readonly HashSet<long> pending = new();
    readonly PlateStop? plateStop;
    readonly AnchorSprings anchors;
    readonly WallBarriers walls;
    readonly Action<int, int> couple;
    /// <summary>The segment grid, candidate and active lists of <see cref="Evaluate"/> and <see cref="MaxStep"/>,
    /// kept between calls so that neither allocates them again.</summary>
    readonly SpatialHash searchGrid = new(1);
    readonly List<int> candidates = new(), active = new();

    public ContactBodies Bodies { get; }
    public double Dhat { get; }
    public double Kappa { get; }
    /// <summary>Regularization stiffness per node (N/m per metre of thickness), acting on both components.</summary>
    public double[] NodeSpring => anchors.NodeSpring;
    /// <summary>E_body A_n / A_body per node: the springs of a body with this per-node stiffness sum to its modulus.</summary>
    public double[] NodeModulus => anchors.NodeModulus;
    /// <summary>The Hessian blocks of the last <see cref="Evaluate"/> that wanted them, in the order of the terms.</summary>
    public HessianBlocks Hessian { get; } = new();
    /// <summary>The shape ties of the quadratic boundary edges.</summary>
    public EdgeTies Ties { get; }
    /// <summary>The ties that bond bodies of bonded phases to the bodies they touch; null when none is bonded.</summary>
    public BondTies? Bonds { get; }
    /// <summary>Grows by one whenever a node pair enters the set of contact couplings.</summary>
    public int PatternVersion { get; private set; }
    public double SearchSeconds { get; private set; }
    /// <summary>Line searches whose first step the collision bound shortened.</summary>
    public int CollisionLimitedSteps { get; private set; }
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
    public double PlateForce => walls.PlateForce;

    /// <param name="box">the RVE box the walls stand on (default: the mesh's bounding box)</param>
    /// <param name="referenceLift">per node, the plate's lift when its reference was made (null: all at rest)</param>
    public ContactModel(Mesh mesh, Material[] materialOfRegion, ContactSettings settings, StackPlate? plate = null,
        BondSpec? bonds = null, (Vec2 Lo, Vec2 Hi)? box = null, double[]? referenceLift = null)
    {
        this.mesh = mesh;
        Plate = plate;
        Bodies = new ContactBodies(mesh);
        meanRadius = Bodies.MeanRadius();
        Dhat = settings.Distance ?? DefaultReach(Bodies, materialOfRegion, meanRadius);
        double emax = Bodies.RegionOfBody.Max(r => materialOfRegion[r].YoungsModulus);
        Kappa = (settings.Stiffness ?? emax) / Dhat;
        Ties = new EdgeTies(Bodies, 10 * emax);
        Bonds = BondTies.Build(mesh, Bodies, bonds, emax);
        if (Bonds is not null) CoupleBonds();
        walls = new WallBarriers(mesh, Bodies, Dhat, Kappa, meanRadius, plate, box, referenceLift);
        anchors = new AnchorSprings(mesh.NodeCount, Bodies, materialOfRegion, settings.Regularization, plate, emax);
        if (plate is not null) plateStop = new PlateStop(plate, Dhat, Kappa);
        couple = Couple;
    }

    /// <summary>
    /// The reach when the case gives none: 1e-3 of the mean body radius, and at most
    /// <see cref="ContactSettings.DefaultGrowthFraction"/> of the smallest free growth in radius of a swelling
    /// phase at full lithiation (its bodies' mean radius times Js^(1/3) - 1). A pressed pair sits near the
    /// edge of the reach, so the barrier keeps the surfaces about dhat apart; against the interference
    /// that presses them, that gap is an error of dhat / interference in the contact stress (docs/contact.md).
    /// </summary>
    static double DefaultReach(ContactBodies bodies, Material[] materialOfRegion, double meanRadius)
    {
        double reach = ContactSettings.DefaultDistanceFraction * meanRadius;
        foreach (var phase in Enumerable.Range(0, bodies.BodyCount).GroupBy(b => bodies.RegionOfBody[b]))
        {
            double swelling = materialOfRegion[phase.Key].Swelling;
            if (swelling == 0) continue;
            double radius = phase.Average(b => Math.Sqrt(bodies.BodyArea[b] / Math.PI));
            reach = Math.Min(reach, ContactSettings.DefaultGrowthFraction * radius * Math.Abs(Math.Cbrt(1 + swelling) - 1));
        }
        return reach;
    }

    /// <summary>Largest penetration allowed anywhere, relative to the mean body radius.</summary>
    public const double PenetrationLimit = 1e-3;

    /// <summary>Point i lies on a side of the RVE in the reference configuration: the face where a symmetry
    /// plane (or the stack plate) cuts a particle, not a surface of it.</summary>
    public bool OnCutFace(int i) => walls.OnCutFace(i);

    /// <summary>Distance of point i from the nearest wall it does not start on (<see cref="WallBarriers.Gap"/>).</summary>
    public double WallGap(double[] u, int i) => walls.Gap(u, i);

    /// <summary>The RVE box of the walls (that of the first mesh in a remeshed run), the top at the plate's rest height.</summary>
    public (Vec2 Lo, Vec2 Hi) Box => walls.Box;

    /// <summary>Upward displacement of the top plate (0 without one).</summary>
    public double Lift(double[] u) => walls.Lift(u);

    /// <summary>Largest distance by which a boundary point lies beyond a wall it does not start on.</summary>
    public double WallPenetration(double[] u) => walls.Penetration(u);

    /// <summary>The model for a case, or null when contact is off (by setting, or one body by default).</summary>
    public static ContactModel? Create(Mesh mesh, Material[] materialOfRegion, ContactSettings settings, StackPlate? plate = null,
        BondSpec? bonds = null, (Vec2 Lo, Vec2 Hi)? box = null, double[]? referenceLift = null)
    {
        var model = new ContactModel(mesh, materialOfRegion, settings, plate, bonds, box, referenceLift);
        bool enabled = settings.Enabled ?? (model.Bodies.BodyCount > 1 || plate is not null);
        return enabled ? model : null;
    }

    public Vec2 Position(double[] u, int n) => mesh.Nodes[n] + new Vec2(u[2 * n], u[2 * n + 1]);

    /// <summary>
    /// Adds the gradient of every term to force (all dofs) and returns the energy; keeps the Hessian
    /// blocks of the active terms in <see cref="Hessian"/> unless <paramref name="kind"/> is None. False
    /// if some distance is not positive.
    /// </summary>
    public bool Evaluate(double[] u, double[] force, HessianKind kind, out double energy)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        bool ok = AddTerms(u, force, kind, out energy);
        SearchSeconds += clock.Elapsed.TotalSeconds;
        return ok;
    }

    bool AddTerms(double[] u, double[] force, HessianKind kind, out double energy)
    {
        Hessian.Clear();
        walls.Reset();
        energy = 0;
        var hessian = kind == HessianKind.None ? null : Hessian;
        if (plateStop is not null && !plateStop.Add(u, force, hessian, kind, ref energy)) return false;
        Ties.Add(u, force, hessian, kind, ref energy);
        Bonds?.Add(u, force, hessian, kind, ref energy);
        anchors.Add(u, force, hessian, kind, ref energy);
        double reach = Math.Max(1, CouplingMargin) * Dhat;
        FillGrid(searchGrid, u, null, reach);
        for (int i = 0; i < Bodies.Points.Length; i++)
        {
            if (!ActiveSegments(u, i, reach, hessian is not null)) return false;
            if (!walls.AddPoint(i, u, force, hessian, couple, ref energy)) return false;
            AddPairs(u, i, force, hessian, kind, ref energy);
        }
        return true;
    }

    /// <summary>The segments of other bodies within dhat of point i, into <see cref="active"/>; near ones (within
    /// reach) are prepared for the pattern when a Hessian is wanted. False if the point touches a segment.</summary>
    bool ActiveSegments(double[] u, int i, double reach, bool prepare)
    {
        int p = Bodies.Points[i];
        var xp = Position(u, p);
        searchGrid.Query(xp.X, xp.Y, xp.X, xp.Y, candidates);
        active.Clear();
        Span<double> x = stackalloc double[6];
        Span<double> g = stackalloc double[6];
        foreach (int s in candidates)
        {
            if (Bodies.BodyOfSegment[s] == Bodies.BodyOfNode[p]) continue;
            Fill(x, xp, Position(u, Bodies.SegmentA[s]), Position(u, Bodies.SegmentB[s]));
            double s2 = PointSegmentBarrier.SquaredDistance(x, g, Span<double>.Empty);
            if (!(s2 > 0)) return false;
            if (s2 < Dhat * Dhat) active.Add(s);
            else if (prepare && s2 < reach * reach) { Prepare(p, Bodies.SegmentA[s]); Prepare(p, Bodies.SegmentB[s]); }
        }
        return true;
    }

    /// <summary>The pair barriers of point i against its active segments (<see cref="active"/>).</summary>
    void AddPairs(double[] u, int i, double[] force, HessianBlocks? hessian, HessianKind kind, ref double energy)
    {
        int p = Bodies.Points[i];
        var xp = Position(u, p);
        Span<double> x = stackalloc double[6];
        Span<double> g = stackalloc double[6];
        double scale = Kappa * Bodies.PointWeight[i];
        foreach (int segment in active)
        {
            int a = Bodies.SegmentA[segment], b = Bodies.SegmentB[segment];
            Fill(x, xp, Position(u, a), Position(u, b));
            g.Clear();
            var h = hessian is null ? Span<double>.Empty : hessian.Add(p, a, b);
            energy += scale * PointSegmentBarrier.Evaluate(x, Dhat, g, h, kind != HessianKind.Exact);
            Scatter(force, g, scale, p, a, b);
            if (hessian is null) continue;
            for (int k = 0; k < 36; k++) h[k] *= scale;
            Couple(p, a); Couple(p, b);
        }
    }

    /// <summary>Fills grid with the segment boxes (swept along du if given) inflated by pad; segment id = box id.</summary>
    void FillGrid(SpatialHash grid, double[] u, double[]? du, double pad)
    {
        double total = 0;
        for (int s = 0; s < Bodies.SegmentCount; s++)
            total += (Position(u, Bodies.SegmentB[s]) - Position(u, Bodies.SegmentA[s])).Length;
        grid.Reset(Math.Max(total / Math.Max(1, Bodies.SegmentCount), 2 * pad) + 2 * pad);
        for (int s = 0; s < Bodies.SegmentCount; s++)
        {
            var (la, ha) = Swept(u, du, Bodies.SegmentA[s], pad);
            var (lb, hb) = Swept(u, du, Bodies.SegmentB[s], pad);
            grid.Add(Math.Min(la.X, lb.X), Math.Min(la.Y, lb.Y), Math.Max(ha.X, hb.X), Math.Max(ha.Y, hb.Y));
        }
    }

    /// <summary>A grid of the segments at u of its own, for the measures of a recorded step (once per step,
    /// so it is not kept).</summary>
    internal SpatialHash CurrentGrid(double[] u, double pad)
    {
        var grid = new SpatialHash(1);
        FillGrid(grid, u, null, pad);
        return grid;
    }

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
}
