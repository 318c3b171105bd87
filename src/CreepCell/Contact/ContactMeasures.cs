using CreepCell.Geometry;

namespace CreepCell.Contact;

/// <summary>Contact ratio of the phase pair (A, B); A == B for contacts within one phase.</summary>
internal sealed record PhasePairRatio(string A, string B, double Ratio);

/// <summary>Fraction of the boundary of phase A in contact with a particle of phase B (for A == B: with
/// another particle of A, or its own mirror image across a side).</summary>
internal sealed record PhaseOnPhase(string A, string B, double Fraction);

/// <summary>
/// Contact measures in the current configuration. Per boundary point (order of
/// <see cref="ContactBodies.Points"/>): the contact pressure (magnitude of the barrier force on the node
/// divided by its current tributary length) and the gap (distance to the nearest segment of another body,
/// capped at <see cref="GapCap"/>). A point is in contact when its gap is below dhat.
/// </summary>
internal sealed record ContactMeasures(PhasePairRatio[] Ratios, double MinGap, double MaxPenetration,
    double[] NodePressure, double[] NodeGap, double GapCap)
{
    /// <summary>Distance of each point to its nearest partner: another body, a wall it does not start on, or the plate.</summary>
    public double[] NodePartnerGap { get; init; } = Array.Empty<double>();
    /// <summary>Magnitude of the contact force on each point (N per metre of thickness).</summary>
    public double[] NodeForce { get; init; } = Array.Empty<double>();
    /// <summary>
    /// Per phase present (ascending region order): the part of its particle surface in contact with any
    /// other particle (or its mirror image across a side), over its whole surface. The paper's own wording
    /// of the contact ratio: "the contacted surface area of particles divided by their total surface area".
    /// </summary>
    public (string Phase, double Fraction)[] SurfaceInContact { get; init; } = Array.Empty<(string, double)>();
    /// <summary>Every ordered pair of phases present (A, B), A-major in ascending region order.</summary>
    public PhaseOnPhase[] Fractions { get; init; } = Array.Empty<PhaseOnPhase>();
    /// <summary>Upward force of the electrode on the stack plate (N per metre of thickness; 0 without a plate).</summary>
    public double PlateForce { get; init; }
}

internal static class ContactMeasure
{
    /// <summary>
    /// Contact ratio of a phase pair (a, b) after DESIGN.md section 2: the current boundary length of the
    /// bodies of phases a and b that lies within dhat of a body of the other phase of the pair (for a = b:
    /// of another body of a), divided by the total current boundary length of the bodies of a and b.
    /// Lengths are nodal tributary lengths (half of each adjacent boundary segment). The RVE sides are
    /// symmetry planes: a face on a side in the reference configuration is a cut through a particle, not
    /// its surface, and counts in neither length; a surface within dhat of a side touches its own mirror
    /// image, a contact within its phase (a = b).
    /// </summary>
    public static ContactMeasures Measure(this ContactModel model, double[] u, string[] regionNames)
    {
        var bodies = model.Bodies;
        int np = bodies.Points.Length, nr = regionNames.Length;
        double cap = Math.Max(10 * model.Dhat, 0.1 * bodies.MeanRadius());
        var length = CurrentTributary(model, u);
        var gapTo = NearestGaps(model, u, cap, nr);
        var force = new double[u.Length];
        model.Evaluate(u, force, HessianKind.None, out _);
        var pressure = new double[np];
        var nodeForce = new double[np];
        var gap = new double[np];
        for (int i = 0; i < np; i++)
        {
            gap[i] = cap;
            for (int r = 0; r < nr; r++) gap[i] = Math.Min(gap[i], gapTo[i, r]);
        }
        // walls and the plate are contact partners for the pressure's length, not for the gaps between particles
        var partnerGap = gap.Select((g, i) => Math.Min(g, model.WallGap(u, i))).ToArray();
        var contactLength = ContactTributary(model, u, partnerGap);
        for (int i = 0; i < np; i++)
        {
            int p = bodies.Points[i];
            // the regularization spring is not contact: remove its share of the nodal force
            double k = model.NodeSpring[p];
            var f = new Vec2(force[2 * p] - k * u[2 * p], force[2 * p + 1] - k * u[2 * p + 1]);
            nodeForce[i] = f.Length;
            pressure[i] = contactLength[i] > 0 ? f.Length / contactLength[i] : 0;
        }
        var mirror = Enumerable.Range(0, np).Select(i => model.WallGap(u, i) < model.Dhat).ToArray();
        var ratios = Ratios(model, regionNames, length, gapTo, mirror);
        return new ContactMeasures(ratios, gap.DefaultIfEmpty(cap).Min(), MaxPenetration(model, u), pressure, gap, cap)
        {
            NodeForce = nodeForce,
            NodePartnerGap = partnerGap,
            SurfaceInContact = SurfaceInContact(model, regionNames, length, gap, mirror),
            Fractions = Fractions(model, regionNames, length, gapTo, mirror),
            PlateForce = model.PlateForce,
        };
    }

    /// <summary>
    /// Node fields for the VTU output: contact_pressure (Pa) and contact_gap (m) on the boundary nodes of
    /// the bodies, the gap to the nearest partner (another body, a wall the node does not start on, or the
    /// stack plate; at most the cap); interior nodes (and the plate's node) carry pressure 0 and the cap.
    /// </summary>
    public static IReadOnlyList<(string Name, double[] Values)> PointFields(this ContactModel model, double[] u, string[] regionNames, int nodeCount)
    {
        var m = model.Measure(u, regionNames);
        var pressure = new double[nodeCount];
        var gap = new double[nodeCount];
        Array.Fill(gap, m.GapCap);
        var points = model.Bodies.Points;
        for (int i = 0; i < points.Length; i++)
        {
            pressure[points[i]] = m.NodePressure[i];
            gap[points[i]] = Math.Min(m.NodePartnerGap[i], m.GapCap);
        }
        return new[] { ("contact_pressure", pressure), ("contact_gap", gap) };
    }

    internal static double[] CurrentTributary(ContactModel model, double[] u)
    {
        var b = model.Bodies;
        var length = new double[b.Points.Length];
        for (int s = 0; s < b.SegmentCount; s++)
        {
            double len = (model.Position(u, b.SegmentB[s]) - model.Position(u, b.SegmentA[s])).Length;
            length[b.PointIndex[b.SegmentA[s]]] += 0.5 * len;
            length[b.PointIndex[b.SegmentB[s]]] += 0.5 * len;
        }
        return length;
    }

    /// <summary>
    /// Length that carries a node's contact force: its traction share (<see cref="ContactBodies.TractionShares"/>)
    /// of each adjacent segment whose both ends are in contact, so a corner node does not count the free
    /// side; its share of both adjacent segments otherwise. Force over this length recovers a uniform
    /// pressure exactly at every node, also at the middle nodes of quadratic edges, which carry 2/3 of
    /// an edge's force.
    /// </summary>
    static double[] ContactTributary(ContactModel model, double[] u, double[] gap)
    {
        var b = model.Bodies;
        var touching = new double[b.Points.Length];
        var all = new double[b.Points.Length];
        for (int s = 0; s < b.SegmentCount; s++)
        {
            int i = b.PointIndex[b.SegmentA[s]], j = b.PointIndex[b.SegmentB[s]];
            double len = (model.Position(u, b.SegmentB[s]) - model.Position(u, b.SegmentA[s])).Length;
            var (si, sj) = b.TractionShares(s);
            all[i] += si * len;
            all[j] += sj * len;
            if (gap[i] >= model.Dhat || gap[j] >= model.Dhat) continue;
            touching[i] += si * len;
            touching[j] += sj * len;
        }
        for (int i = 0; i < touching.Length; i++)
            if (touching[i] == 0) touching[i] = all[i];
        return touching;
    }

    /// <summary>Distance of each point to the nearest segment of another body of each region (cap if none within cap).</summary>
    static double[,] NearestGaps(ContactModel model, double[] u, double cap, int regions)
    {
        var b = model.Bodies;
        var grid = model.CurrentGrid(u, cap);
        var gaps = new double[b.Points.Length, regions];
        var candidates = new List<int>();
        Span<double> x = stackalloc double[6];
        Span<double> g = stackalloc double[6];
        for (int i = 0; i < b.Points.Length; i++)
        {
            int p = b.Points[i];
            for (int r = 0; r < regions; r++) gaps[i, r] = cap;
            var xp = model.Position(u, p);
            grid.Query(xp.X, xp.Y, xp.X, xp.Y, candidates);
            foreach (int s in candidates)
            {
                int body = b.BodyOfSegment[s];
                if (body == b.BodyOfNode[p]) continue;
                var xa = model.Position(u, b.SegmentA[s]);
                var xb = model.Position(u, b.SegmentB[s]);
                x[0] = xp.X; x[1] = xp.Y; x[2] = xa.X; x[3] = xa.Y; x[4] = xb.X; x[5] = xb.Y;
                double d = Math.Sqrt(PointSegmentBarrier.SquaredDistance(x, g, Span<double>.Empty));
                int r = b.RegionOfBody[body];
                gaps[i, r] = Math.Min(gaps[i, r], d);
            }
        }
        return gaps;
    }

    static (string, double)[] SurfaceInContact(ContactModel model, string[] regionNames, double[] length, double[] gap, bool[] mirror)
    {
        var b = model.Bodies;
        return b.RegionOfBody.Distinct().Order().Select(r =>
        {
            double touching = 0, total = 0;
            for (int i = 0; i < b.Points.Length; i++)
            {
                if (b.RegionOfBody[b.BodyOfNode[b.Points[i]]] != r || model.OnCutFace(i)) continue;
                total += length[i];
                if (gap[i] < model.Dhat || mirror[i]) touching += length[i];
            }
            return (regionNames[r], total > 0 ? touching / total : 0);
        }).ToArray();
    }

    /// <summary>Ordered-pair contact fractions (DESIGN.md section 2): the boundary length of A within dhat
    /// of a body of B over the whole boundary length of A; cut faces on the RVE sides count in neither.</summary>
    static PhaseOnPhase[] Fractions(ContactModel model, string[] regionNames, double[] length, double[,] gapTo, bool[] mirror)
    {
        var b = model.Bodies;
        var present = b.RegionOfBody.Distinct().Order().ToArray();
        var result = new List<PhaseOnPhase>();
        foreach (int ra in present)
        {
            double total = 0;
            var touching = new double[present.Length];
            for (int i = 0; i < b.Points.Length; i++)
            {
                if (b.RegionOfBody[b.BodyOfNode[b.Points[i]]] != ra || model.OnCutFace(i)) continue;
                total += length[i];
                for (int k = 0; k < present.Length; k++)
                    if (gapTo[i, present[k]] < model.Dhat || (present[k] == ra && mirror[i])) touching[k] += length[i];
            }
            for (int k = 0; k < present.Length; k++)
                result.Add(new PhaseOnPhase(regionNames[ra], regionNames[present[k]], total > 0 ? touching[k] / total : 0));
        }
        return result.ToArray();
    }

    static PhasePairRatio[] Ratios(ContactModel model, string[] regionNames, double[] length, double[,] gapTo, bool[] mirror)
    {
        var b = model.Bodies;
        var present = b.RegionOfBody.Distinct().Order().ToArray();
        var result = new List<PhasePairRatio>();
        for (int ia = 0; ia < present.Length; ia++)
            for (int ib = ia; ib < present.Length; ib++)
            {
                int ra = present[ia], rb = present[ib];
                double touching = 0, total = 0;
                for (int i = 0; i < b.Points.Length; i++)
                {
                    int r = b.RegionOfBody[b.BodyOfNode[b.Points[i]]];
                    if ((r != ra && r != rb) || model.OnCutFace(i)) continue;
                    total += length[i];
                    int partner = r == ra ? rb : ra;
                    if (gapTo[i, partner] < model.Dhat || (ra == rb && mirror[i])) touching += length[i];
                }
                result.Add(new PhasePairRatio(regionNames[ra], regionNames[rb], total > 0 ? touching / total : 0));
            }
        return result.ToArray();
    }

    /// <summary>Largest depth of a boundary point inside another body or outside the RVE box (zero when nothing overlaps).</summary>
    static double MaxPenetration(ContactModel model, double[] u)
    {
        var b = model.Bodies;
        var lo = new Vec2[b.BodyCount];
        var hi = new Vec2[b.BodyCount];
        Array.Fill(lo, new Vec2(double.PositiveInfinity, double.PositiveInfinity));
        Array.Fill(hi, new Vec2(double.NegativeInfinity, double.NegativeInfinity));
        var segmentsOf = new List<int>[b.BodyCount];
        for (int k = 0; k < b.BodyCount; k++) segmentsOf[k] = new List<int>();
        for (int s = 0; s < b.SegmentCount; s++)
        {
            int body = b.BodyOfSegment[s];
            segmentsOf[body].Add(s);
            var x = model.Position(u, b.SegmentA[s]);
            lo[body] = new Vec2(Math.Min(lo[body].X, x.X), Math.Min(lo[body].Y, x.Y));
            hi[body] = new Vec2(Math.Max(hi[body].X, x.X), Math.Max(hi[body].Y, x.Y));
        }
        double worst = model.WallPenetration(u);
        foreach (int p in b.Points)
        {
            var xp = model.Position(u, p);
            for (int k = 0; k < b.BodyCount; k++)
            {
                if (k == b.BodyOfNode[p] || xp.X < lo[k].X || xp.X > hi[k].X || xp.Y < lo[k].Y || xp.Y > hi[k].Y) continue;
                worst = Math.Max(worst, DepthInside(model, u, xp, segmentsOf[k]));
            }
        }
        return worst;
    }

    /// <summary>Distance to the body's boundary if xp lies inside it (crossing-number test), else 0.</summary>
    static double DepthInside(ContactModel model, double[] u, Vec2 xp, List<int> segments)
    {
        var b = model.Bodies;
        bool inside = false;
        double nearest = double.PositiveInfinity;
        foreach (int s in segments)
        {
            var xa = model.Position(u, b.SegmentA[s]);
            var xb = model.Position(u, b.SegmentB[s]);
            if ((xa.Y > xp.Y) != (xb.Y > xp.Y) && xp.X < xa.X + (xp.Y - xa.Y) * (xb.X - xa.X) / (xb.Y - xa.Y)) inside = !inside;
            var t = Math.Clamp(Vec2.Dot(xp - xa, xb - xa) / Math.Max(Vec2.Dot(xb - xa, xb - xa), 1e-300), 0, 1);
            nearest = Math.Min(nearest, (xa + t * (xb - xa) - xp).Length);
        }
        return inside ? nearest : 0;
    }
}
