using CreepCell.Contact;
using CreepCell.Geometry;

namespace CreepCell.Simulation.Transport;

/// <summary>
/// Conduction across contacts between bodies. A boundary point of one body within dhat of a segment of
/// another (the contact criterion of <see cref="ContactGraph"/>) is linked to the nearest point of that
/// segment. With an interface conductance h (S/m2) the link carries h x half the point's contact length
/// (each side of a contact links its own points, so the pair gets h x its mean contact length); without
/// one the contact is perfect: a link stiff enough (<see cref="PerfectFactor"/> x sigma) that its
/// resistance is negligible beside that of the bodies.
/// </summary>
internal static class ContactLinks
{
    /// <summary>A perfect contact link's conductance per unit depth, as a multiple of the larger body conductivity.</summary>
    public const double PerfectFactor = 1e4;

    /// <param name="nodeConductivity">Per node, the largest conductivity of its elements (0: not conducting).</param>
    /// <param name="interfaceConductance">h (S/m2); null for perfect contact.</param>
    public static List<ConductanceLink> Build(ContactModel model, double[] u, double[] nodeConductivity, double? interfaceConductance)
    {
        var b = model.Bodies;
        var links = new List<ConductanceLink>();
        var contactLength = ContactLengths(model, u);
        var grid = model.CurrentGrid(u, model.Dhat);
        var candidates = new List<int>();
        var nearest = new Dictionary<int, (double D, int S, double T)>();
        for (int i = 0; i < b.Points.Length; i++)
        {
            int p = b.Points[i], own = b.BodyOfNode[p];
            if (!(nodeConductivity[p] > 0)) continue;
            var xp = model.Position(u, p);
            grid.Query(xp.X, xp.Y, xp.X, xp.Y, candidates);
            nearest.Clear();
            foreach (int s in candidates)
            {
                int other = b.BodyOfSegment[s];
                if (other == own || !(nodeConductivity[b.SegmentA[s]] > 0 && nodeConductivity[b.SegmentB[s]] > 0)) continue;
                var (d, t) = Project(xp, model.Position(u, b.SegmentA[s]), model.Position(u, b.SegmentB[s]));
                if (d < model.Dhat && (!nearest.TryGetValue(other, out var best) || d < best.D)) nearest[other] = (d, s, t);
            }
            foreach (var (other, (_, s, t)) in nearest)
            {
                double sigma = Math.Max(nodeConductivity[p], Math.Max(nodeConductivity[b.SegmentA[s]], nodeConductivity[b.SegmentB[s]]));
                double g = interfaceConductance is { } h ? 0.5 * h * contactLength[(i, other)] : PerfectFactor * sigma;
                links.Add(new ConductanceLink(p, b.SegmentA[s], b.SegmentB[s], t, g));
            }
        }
        return links;
    }

    /// <summary>Per node, the largest conductivity of the elements it belongs to.</summary>
    public static double[] NodeConductivity(CreepCell.Meshing.Mesh mesh, double[] regionConductivity)
    {
        var result = new double[mesh.NodeCount];
        for (int e = 0; e < mesh.ElementCount; e++)
            foreach (int n in mesh.ElementNodes(e)) result[n] = Math.Max(result[n], regionConductivity[mesh.Region[e]]);
        return result;
    }

    /// <summary>Distance from p to segment ab and the parameter of the nearest point.</summary>
    static (double D, double T) Project(Vec2 p, Vec2 a, Vec2 b)
    {
        var ab = b - a;
        double l2 = ab.X * ab.X + ab.Y * ab.Y;
        double t = l2 > 0 ? Math.Clamp(((p.X - a.X) * ab.X + (p.Y - a.Y) * ab.Y) / l2, 0, 1) : 0;
        return ((a + new Vec2(t * ab.X, t * ab.Y) - p).Length, t);
    }

    /// <summary>
    /// Contact length of each boundary point towards each other body it is near: its share (half, or the
    /// consistent share on a quadratic edge) of each of its own segments whose two ends are both within
    /// dhat of that body; a point whose segments are not (a point
    /// contact) stands for its whole tributary length, as in <see cref="ContactGraph"/>.
    /// </summary>
    static Dictionary<(int Point, int Body), double> ContactLengths(ContactModel model, double[] u)
    {
        var b = model.Bodies;
        var near = NearBodies(model, u);
        var result = new Dictionary<(int, int), double>();
        var tributary = ContactMeasure.CurrentTributary(model, u);
        for (int s = 0; s < b.SegmentCount; s++)
        {
            int i = b.PointIndex[b.SegmentA[s]], j = b.PointIndex[b.SegmentB[s]];
            double length = (model.Position(u, b.SegmentB[s]) - model.Position(u, b.SegmentA[s])).Length;
            var (si, sj) = b.TractionShares(s);
            foreach (int other in near[i].Intersect(near[j]))
            {
                result[(i, other)] = result.GetValueOrDefault((i, other)) + si * length;
                result[(j, other)] = result.GetValueOrDefault((j, other)) + sj * length;
            }
        }
        for (int i = 0; i < near.Length; i++)
            foreach (int other in near[i])
                if (!result.ContainsKey((i, other))) result[(i, other)] = tributary[i];
        return result;
    }

    /// <summary>Per boundary point, the other bodies with a segment within dhat.</summary>
    static HashSet<int>[] NearBodies(ContactModel model, double[] u)
    {
        var b = model.Bodies;
        var grid = model.CurrentGrid(u, model.Dhat);
        var candidates = new List<int>();
        var result = new HashSet<int>[b.Points.Length];
        for (int i = 0; i < b.Points.Length; i++)
        {
            int p = b.Points[i];
            var xp = model.Position(u, p);
            grid.Query(xp.X, xp.Y, xp.X, xp.Y, candidates);
            result[i] = new HashSet<int>();
            foreach (int s in candidates)
                if (b.BodyOfSegment[s] != b.BodyOfNode[p] && Project(xp, model.Position(u, b.SegmentA[s]), model.Position(u, b.SegmentB[s])).D < model.Dhat)
                    result[i].Add(b.BodyOfSegment[s]);
        }
        return result;
    }
}
