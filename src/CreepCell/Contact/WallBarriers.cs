using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Contact;

/// <summary>
/// The RVE walls as contact partners: a boundary point that does not start on a wall gets the pair
/// barrier against it (distance shifted by the wall offset), so particles swelling or creeping towards
/// a wall press on it instead of crossing it. Under a stack plate the top wall moves with the plate's
/// lift and the plate feels the reaction.
/// </summary>
internal sealed class WallBarriers
{
    readonly Mesh mesh;
    readonly ContactBodies bodies;
    readonly double dhat, kappa;
    readonly StackPlate? plate;
    readonly Vec2 wallLo, wallHi;
    /// <summary>Point i lies on wall w (0 left, 1 right, 2 bottom, 3 top) in the reference configuration:
    /// its roller holds it there, so it takes no wall barrier.</summary>
    readonly bool[,] onWall;
    readonly bool[] cutFace;
    /// <summary>
    /// Added to the distance of point i from wall w, and the reach of its barrier there. Next to a flat
    /// side that rollers hold on a wall, and on the faces under the stack plate, a particle's boundary
    /// starts closer to the wall than dhat; the barrier must exert no force in the stress-free state.
    /// Such a point gets the reach max(d0, e) and the offset that makes up the difference to d0 (only
    /// below e), so that its barrier starts at zero where it starts, and under load it crosses the wall
    /// by less than e: e = min(dhat, 1e-3 mean radius) / 2, half the allowed penetration.
    /// </summary>
    readonly double[,] wallOffset, wallReach;

    /// <param name="box">the RVE box (default: the mesh's bounding box); a remeshed body that lifted the plate
    /// reaches above it</param>
    /// <param name="referenceLift">per node, the plate's lift when its reference was made (null: all at rest):
    /// a remeshed body's reference is its shape under the lifted plate</param>
    public WallBarriers(Mesh mesh, ContactBodies bodies, double dhat, double kappa, double meanRadius, StackPlate? plate,
        (Vec2 Lo, Vec2 Hi)? box = null, double[]? referenceLift = null)
    {
        (this.mesh, this.bodies, this.dhat, this.kappa, this.plate) = (mesh, bodies, dhat, kappa, plate);
        (wallLo, wallHi) = box ?? mesh.BoundingBox();
        double tol = 1e-9 * Math.Max(wallHi.X - wallLo.X, wallHi.Y - wallLo.Y);
        int n = bodies.Points.Length;
        (onWall, cutFace, wallOffset, wallReach) = (new bool[n, 4], new bool[n], new double[n, 4], new double[n, 4]);
        double allowed = 0.5 * Math.Min(dhat, ContactModel.PenetrationLimit * meanRadius);
        for (int i = 0; i < n; i++)
            for (int w = 0; w < 4; w++)
            {
                int node = bodies.Points[i];
                double d0 = Distance(mesh.Nodes[node], w, referenceLift is not null && node < referenceLift.Length ? referenceLift[node] : 0);
                // under a plate the top edge has no rollers: the plate holds those points through the barrier
                onWall[i, w] = d0 < tol && !(w == 3 && plate is not null);
                cutFace[i] |= d0 < tol;
                (wallOffset[i, w], wallReach[i, w]) = d0 >= dhat ? (0, dhat) : (Math.Max(d0, allowed) - d0, Math.Max(d0, allowed));
            }
    }

    /// <summary>The RVE box the walls stand on, the top at the plate's rest height.</summary>
    public (Vec2 Lo, Vec2 Hi) Box => (wallLo, wallHi);

    /// <summary>Upward force of the electrode on the plate at the last evaluation (N per metre of thickness).</summary>
    public double PlateForce { get; private set; }

    /// <summary>Called before the points of an evaluation are added.</summary>
    public void Reset() => PlateForce = 0;

    /// <summary>Point i lies on a side of the RVE in the reference configuration: the face where a symmetry
    /// plane (or the stack plate) cuts a particle, not a surface of it.</summary>
    public bool OnCutFace(int i) => cutFace[i];

    /// <summary>Upward displacement of the top plate (0 without one).</summary>
    public double Lift(double[] u) => plate is null ? 0 : u[plate.Dof];

    /// <summary>Distance from x to wall w of the RVE box, positive inside; the top wall raised by lift.</summary>
    double Distance(Vec2 x, int w, double lift) => w switch
    {
        0 => x.X - wallLo.X,
        1 => wallHi.X - x.X,
        2 => x.Y - wallLo.Y,
        _ => wallHi.Y + lift - x.Y,
    };

    Vec2 Position(double[] u, int n) => mesh.Nodes[n] + new Vec2(u[2 * n], u[2 * n + 1]);

    /// <summary>
    /// Distance of point i from the nearest wall it does not start on, as the wall barrier sees it
    /// (wall offset included; infinity if it starts on every wall). Below dhat the point touches its
    /// mirror image across that side.
    /// </summary>
    public double Gap(double[] u, int i)
    {
        var x = Position(u, bodies.Points[i]);
        double gap = double.PositiveInfinity;
        for (int w = 0; w < 4; w++)
            if (!onWall[i, w]) gap = Math.Min(gap, (Distance(x, w, Lift(u)) + wallOffset[i, w]) * dhat / wallReach[i, w]);
        return gap;
    }

    /// <summary>The barriers of point i against the walls it does not start on; false if it reached one.</summary>
    public bool AddPoint(int i, double[] u, double[] force, HessianBlocks? hessian, Action<int, int> couple, ref double energy)
    {
        int p = bodies.Points[i];
        var xp = Position(u, p);
        double lift = Lift(u);
        for (int w = 0; w < 4; w++)
        {
            if (onWall[i, w]) continue;
            double d = Distance(xp, w, lift) + wallOffset[i, w];
            if (!(d > 0)) return false;
            if (d >= wallReach[i, w]) continue;
            var (b, d1, d2) = PointSegmentBarrier.Scalar(d, wallReach[i, w]);
            double scale = kappa * bodies.PointWeight[i];
            int axis = w / 2;
            double sign = w % 2 == 0 ? 1 : -1;
            energy += scale * b;
            force[2 * p + axis] += scale * d1 * sign;
            bool onPlate = w == 3 && plate is not null;
            if (onPlate)
            {
                force[plate!.Dof] += scale * d1;
                PlateForce -= scale * d1;
            }
            if (hessian is null) continue;
            var h = hessian.Add(p, onPlate ? plate!.Node : p, p);
            h[6 * axis + axis] = scale * d2;
            if (!onPlate) continue;
            // d = top + lift - y: the pair (y of the point, lift) has the Hessian scale b'' [1 -1; -1 1]
            h[6 * 3 + 3] = scale * d2;
            h[6 * 1 + 3] = h[6 * 3 + 1] = -scale * d2;
            couple(p, plate!.Node);
        }
        return true;
    }

    /// <summary>Largest distance by which a boundary point lies beyond a wall it does not start on (zero when
    /// none does); points that start on a wall are held there by rollers in an RVE.</summary>
    public double Penetration(double[] u)
    {
        double worst = 0;
        for (int i = 0; i < bodies.Points.Length; i++)
            for (int w = 0; w < 4; w++)
                if (!onWall[i, w]) worst = Math.Max(worst, -Distance(Position(u, bodies.Points[i]), w, Lift(u)));
        return worst;
    }

    /// <summary>Largest step fraction before some point crosses a wall it does not start on, or the plate its stop.</summary>
    public double FirstCollision(double[] u, double[] du)
    {
        double lift0 = Lift(u), lift1 = plate is null ? 0 : lift0 + du[plate.Dof];
        double first = 1;
        // the plate stays above its stop (lift > -dhat)
        if (lift1 + dhat < 0 && lift0 + dhat > 0) first = (lift0 + dhat) / (lift0 - lift1);
        for (int i = 0; i < bodies.Points.Length; i++)
        {
            int p = bodies.Points[i];
            var x0 = Position(u, p);
            var x1 = x0 + new Vec2(du[2 * p], du[2 * p + 1]);
            for (int w = 0; w < 4; w++)
            {
                if (onWall[i, w]) continue;
                double d0 = Distance(x0, w, lift0) + wallOffset[i, w], d1 = Distance(x1, w, lift1) + wallOffset[i, w];
                if (d1 < 0 && d0 > 0) first = Math.Min(first, d0 / (d0 - d1));
            }
        }
        return first;
    }
}
