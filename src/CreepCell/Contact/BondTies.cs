using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Contact;

/// <summary>
/// Which bodies are bonded: every body of a listed phase (a region name of the mesh) to every body it
/// touches. Touching bodies of an image RVE start <paramref name="Gap"/> apart (the gap the outlines open
/// between bodies that share pixels); null takes the image's default gap,
/// <see cref="CreepCell.Geometry.Imaging.ImageSpec.DefaultGapOverRadius"/> times the mean equivalent radius
/// of the bodies. A boundary node is bonded where another body's boundary lies within
/// <see cref="ReachOverGap"/> gaps. <paramref name="StiffnessFactor"/>: each tie's spring over the largest
/// Young's modulus of the bodies.
/// </summary>
internal sealed record BondSpec(IReadOnlyList<string> Phases, double? Gap = null, double StiffnessFactor = BondSpec.DefaultStiffnessFactor)
{
    public const double DefaultStiffnessFactor = 10;

    /// <summary>
    /// The bond reach over the gap. Along a boundary the two bodies share in the image their outlines are
    /// the same smoothed arc offset by half the gap to each side, so the nodes of one lie the gap from the
    /// other's chords (up to 1 / cos(theta / 2) of it at an outline vertex turning by theta); bodies that
    /// do not touch in the image are at least a pore pixel's width apart (several hundred gaps at the
    /// default gap of a few nm), so twice the gap finds every touching stretch and nothing else.
    /// </summary>
    public const double ReachOverGap = 2;

    /// <summary>The distance within which a node is tied to another body's boundary.</summary>
    public double Reach(ContactBodies bodies) =>
        ReachOverGap * (Gap ?? CreepCell.Geometry.Imaging.ImageSpec.DefaultGapOverRadius * bodies.MeanRadius());
}

/// <summary>
/// Bonds between bodies by node-to-segment penalty ties on the displacement difference: a boundary node p
/// whose closest point on another body's boundary segment (a, b) lies within the reach, one of the two
/// bodies being of a bonded phase, carries E = 1/2 k_p |u_p - ((1 - t) u_a + t u_b)|^2, t the parameter of
/// the closest point in the reference configuration. Both sides are tied (each node of either body to the
/// other's chords, a two-pass node-to-segment tie), so the bond does not depend on which body is the
/// bonded phase. The segments are the chords of the boundary (end-middle, middle-end of a quadratic edge),
/// those the barrier acts on. k_p is in proportion to the node's share of a uniform traction (L / 6 at
/// the ends, 2 L / 3 at the middle of a quadratic edge), so that a uniform opening of the bond loads both
/// sides as a uniform traction does, with a mean of StiffnessFactor x E_max per unit thickness (the
/// stiffness of <see cref="EdgeTies"/>). Penalty error: the bond opens by about T w / k under a traction T
/// (w the mean share), 0.018 nm for 100 MPa over 0.25 um at k = 10 x 140 GPa; against the strain T / E of a
/// body of size L that is a relative error of about (E / E_max) (w / L) / StiffnessFactor in its
/// compliance (1.4e-3 for a stiff block of 1.2 um meshed at 0.17 um, about 1e-4 for binder next to NMC).
/// Where the nodes of the two sides face each other the ties reproduce a uniform state up to that error;
/// where they do not, node-to-segment ties do not pass the patch test exactly and leave a local error of
/// about 1 % in the elements at the interface that shrinks neither with the penalty nor with the mesh
/// (BondTieTests), while the mean stresses still converge with both. The gap itself is kept at its reference width: the bonded bodies
/// behave as if glued across it. Contact stays on; it acts only where surfaces come within dhat of each
/// other, which the ties prevent where they hold. The ties are derived from the reference mesh alone, so
/// a run resumed from a checkpoint rebuilds the same ties.
/// </summary>
internal sealed class BondTies : IEnergyTerm
{
    readonly int[] node, segA, segB;
    readonly double[] param, spring;

    BondTies(int[] node, int[] a, int[] b, double[] t, double[] spring, double stiffness, double reach, int bodyPairs)
    {
        this.node = node;
        segA = a;
        segB = b;
        param = t;
        this.spring = spring;
        Stiffness = stiffness;
        Reach = reach;
        BodyPairs = bodyPairs;
    }

    /// <summary>Mean spring of a tie, per unit thickness (N/m per metre): StiffnessFactor x E_max.</summary>
    public double Stiffness { get; }
    /// <summary>Distance within which a node was tied.</summary>
    public double Reach { get; }
    /// <summary>Number of ties (one per tied node).</summary>
    public int Count => node.Length;
    /// <summary>Pairs of bodies joined by at least one tie.</summary>
    public int BodyPairs { get; }
    /// <summary>Tied node, segment ends and the parameter t of tie k.</summary>
    public (int Node, int A, int B, double T, double Spring) Tie(int k) => (node[k], segA[k], segB[k], param[k], spring[k]);

    /// <summary>The node pairs the tangent pattern must hold (tied node with each segment end).</summary>
    public IEnumerable<(int, int)> Couplings()
    {
        for (int k = 0; k < node.Length; k++)
        {
            yield return (node[k], segA[k]);
            yield return (node[k], segB[k]);
        }
    }

    /// <summary>
    /// The ties of a mesh: for each boundary point, the closest point on the boundary segments of other
    /// bodies (ties of equal distance go to the lower segment number), kept when within the reach and one
    /// of the two bodies is of a bonded phase. Null when no phase is bonded.
    /// </summary>
    public static BondTies? Build(Mesh mesh, ContactBodies bodies, BondSpec? spec, double emax)
    {
        if (spec is null || spec.Phases.Count == 0) return null;
        var bondedRegion = mesh.RegionNames.Select(spec.Phases.Contains).ToArray();
        bool BondedBody(int b) => bondedRegion[bodies.RegionOfBody[b]];
        double reach = spec.Reach(bodies);
        double total = 0;
        for (int s = 0; s < bodies.SegmentCount; s++) total += (mesh.Nodes[bodies.SegmentB[s]] - mesh.Nodes[bodies.SegmentA[s]]).Length;
        var grid = new SpatialHash(Math.Max(total / Math.Max(1, bodies.SegmentCount), 2 * reach) + 2 * reach);
        for (int s = 0; s < bodies.SegmentCount; s++)
        {
            Vec2 a = mesh.Nodes[bodies.SegmentA[s]], b = mesh.Nodes[bodies.SegmentB[s]];
            grid.Add(Math.Min(a.X, b.X) - reach, Math.Min(a.Y, b.Y) - reach, Math.Max(a.X, b.X) + reach, Math.Max(a.Y, b.Y) + reach);
        }
        var nodes = new List<int>();
        var ends = new List<(int A, int B)>();
        var ts = new List<double>();
        var pairs = new HashSet<(int, int)>();
        var candidates = new List<int>();
        foreach (int p in bodies.Points)
        {
            int body = bodies.BodyOfNode[p];
            var x = mesh.Nodes[p];
            grid.Query(x.X, x.Y, x.X, x.Y, candidates);
            int best = -1;
            double bestDistance = double.PositiveInfinity, bestT = 0;
            foreach (int s in candidates)
            {
                int other = bodies.BodyOfSegment[s];
                if (other == body || !(BondedBody(body) || BondedBody(other))) continue;
                var (d, t) = Closest(x, mesh.Nodes[bodies.SegmentA[s]], mesh.Nodes[bodies.SegmentB[s]]);
                if (d < bestDistance) (best, bestDistance, bestT) = (s, d, t);
            }
            if (best < 0 || bestDistance > reach) continue;
            nodes.Add(p);
            ends.Add((bodies.SegmentA[best], bodies.SegmentB[best]));
            ts.Add(bestT);
            int o = bodies.BodyOfSegment[best];
            pairs.Add((Math.Min(body, o), Math.Max(body, o)));
        }
        // springs in proportion to the nodes' shares of a uniform traction, so that a uniform bond opening
        // gives every node the force of the element's consistent traction load on both sides
        var share = Shares(mesh, bodies);
        double mean = nodes.Count == 0 ? 1 : nodes.Average(p => share[p]);
        double k = spec.StiffnessFactor * emax;
        return new BondTies(nodes.ToArray(), ends.Select(e => e.A).ToArray(), ends.Select(e => e.B).ToArray(), ts.ToArray(),
            nodes.Select(p => k * share[p] / mean).ToArray(), k, reach, pairs.Count);
    }

    /// <summary>Each node's share of a unit traction over the reference boundary: L / 6 at the ends and
    /// 2 L / 3 at the middle of a quadratic edge of length L, L / 2 at each end of a linear one.</summary>
    static double[] Shares(Mesh mesh, ContactBodies bodies)
    {
        var share = new double[mesh.NodeCount];
        for (int s = 0; s < bodies.SegmentCount; s++)
        {
            int a = bodies.SegmentA[s], b = bodies.SegmentB[s];
            double length = (mesh.Nodes[b] - mesh.Nodes[a]).Length;
            var (sa, sb) = bodies.TractionShares(s);
            share[a] += sa * length;
            share[b] += sb * length;
        }
        return share;
    }

    /// <summary>Distance from x to the segment (a, b) and the parameter of the closest point on it.</summary>
    static (double Distance, double T) Closest(Vec2 x, Vec2 a, Vec2 b)
    {
        var d = b - a;
        double dd = Vec2.Dot(d, d);
        double t = dd > 0 ? Math.Clamp(Vec2.Dot(x - a, d) / dd, 0, 1) : 0;
        return ((x - (a + t * d)).Length, t);
    }

    public bool Add(double[] u, double[] force, HessianBlocks? hessian, HessianKind kind, ref double energy)
    {
        Span<double> c = stackalloc double[3];
        for (int i = 0; i < node.Length; i++)
        {
            int p = node[i], a = segA[i], b = segB[i];
            double k = spring[i];
            double t = param[i], s = 1 - t;
            double rx = u[2 * p] - s * u[2 * a] - t * u[2 * b];
            double ry = u[2 * p + 1] - s * u[2 * a + 1] - t * u[2 * b + 1];
            energy += 0.5 * k * (rx * rx + ry * ry);
            force[2 * p] += k * rx;
            force[2 * p + 1] += k * ry;
            force[2 * a] -= s * k * rx;
            force[2 * a + 1] -= s * k * ry;
            force[2 * b] -= t * k * rx;
            force[2 * b + 1] -= t * k * ry;
            if (kind == HessianKind.None) continue;
            // k c_i c_j per axis, c = (1, -(1 - t), -t) over (p, a, b)
            var h = hessian!.Add(p, a, b);
            c[0] = 1; c[1] = -s; c[2] = -t;
            for (int m = 0; m < 3; m++)
                for (int n = 0; n < 3; n++)
                {
                    double v = k * c[m] * c[n];
                    h[6 * (2 * m) + 2 * n] = v;
                    h[6 * (2 * m + 1) + 2 * n + 1] = v;
                }
        }
        return true;
    }
}
