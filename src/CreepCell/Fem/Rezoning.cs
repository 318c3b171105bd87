using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Fem;

/// <summary>What one rezoning did.</summary>
public readonly record struct RezoneOutcome(int Bodies, int Refused, double WorstAngleBefore, double WorstAngleAfter);

/// <summary>
/// Rezoning of distorted bodies (arbitrary Lagrangian-Eulerian with a fixed topology). In every body
/// with an element whose smallest deformed corner angle is below the threshold, the interior corner
/// nodes are moved in the deformed configuration towards the mean of their neighbours (a move is kept
/// only where it raises the smallest angle of the elements around the node), interior edges are made
/// straight, and the deformed state becomes the reference of every element of the body. The material
/// state is carried to the new quadrature points: each is found in the old deformed element that holds
/// it, and the states of that element's points, pushed forward to the deformed configuration, are
/// interpolated linearly there. Boundary nodes do not move, so contact, walls and boundary conditions
/// see the same boundary. Bodies whose rezoned mesh would hold an inverted element are left as they are.
/// </summary>
public static class Rezoning
{
    const int Sweeps = 10;

    public static RezoneOutcome Apply(Assembler assembler, Mesh mesh, double[] u, PointState[] states, double belowDegrees, double[]? previousU = null)
    {
        var bodies = Bodies(mesh);
        var angle = new double[mesh.ElementCount];
        double before = 180, after = 180;
        for (int e = 0; e < mesh.ElementCount; e++) before = Math.Min(before, angle[e] = MeshQuality.DeformedMinAngle(mesh, e, u));
        int done = 0, refused = 0;
        foreach (var body in bodies)
        {
            if (body.All(e => angle[e] >= belowDegrees)) continue;
            if (!body.All(e => mesh.Types[e] is ElementType.Tri3 or ElementType.Tri6))
                throw new InvalidOperationException("rezoning needs a triangular mesh (Tri3 or Tri6)");
            if (new BodyRezone(assembler, mesh, body, u).TryApply(states, previousU)) done++;
            else refused++;
        }
        for (int e = 0; e < mesh.ElementCount; e++) after = Math.Min(after, MeshQuality.DeformedMinAngle(mesh, e, u));
        return new RezoneOutcome(done, refused, before, after);
    }

    /// <summary>Elements grouped into connected pieces (sharing nodes).</summary>
    static List<int[]> Bodies(Mesh mesh)
    {
        var parent = Enumerable.Range(0, mesh.NodeCount).ToArray();
        int Find(int n) { while (parent[n] != n) n = parent[n] = parent[parent[n]]; return n; }
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            for (int a = 1; a < nodes.Length; a++) parent[Find(nodes[a])] = Find(nodes[0]);
        }
        return Enumerable.Range(0, mesh.ElementCount).GroupBy(e => Find(mesh.ElementNodes(e)[0])).Select(g => g.ToArray()).ToList();
    }

    /// <summary>Rezoning of one body: node moves, validity check, state transfer, commit.</summary>
    sealed class BodyRezone
    {
        readonly Assembler assembler;
        readonly Mesh mesh;
        readonly int[] elements;
        readonly double[] u;
        readonly Dictionary<int, Vec2> oldX = new(), newX = new();
        readonly Dictionary<int, List<int>> elementsOfNode = new();
        readonly HashSet<int> boundary = new();
        readonly Dictionary<int, double> turn = new();

        public BodyRezone(Assembler assembler, Mesh mesh, int[] elements, double[] u)
        {
            this.assembler = assembler;
            this.mesh = mesh;
            this.elements = elements;
            this.u = u;
            var edgeCount = new Dictionary<(int, int), int>();
            foreach (int e in elements)
            {
                turn[e] = Math.Sign(MeshQuality.CornerArea(mesh, e));
                var nodes = mesh.ElementNodes(e);
                foreach (int n in nodes)
                {
                    oldX[n] = mesh.Nodes[n] + new Vec2(u[2 * n], u[2 * n + 1]);
                    if (!elementsOfNode.TryGetValue(n, out var list)) elementsOfNode[n] = list = new List<int>();
                    list.Add(e);
                }
                for (int i = 0; i < 3; i++)
                {
                    var key = EdgeKey(nodes[i], nodes[(i + 1) % 3]);
                    edgeCount[key] = edgeCount.GetValueOrDefault(key) + 1;
                }
            }
            foreach (int e in elements)
            {
                var nodes = mesh.ElementNodes(e);
                for (int i = 0; i < 3; i++)
                {
                    if (edgeCount[EdgeKey(nodes[i], nodes[(i + 1) % 3])] != 1) continue;
                    boundary.Add(nodes[i]); boundary.Add(nodes[(i + 1) % 3]);
                    if (nodes.Length == 6) boundary.Add(nodes[3 + i]);
                }
            }
            foreach (var (n, x) in oldX) newX[n] = x;
        }

        static (int, int) EdgeKey(int a, int b) => a < b ? (a, b) : (b, a);

        public bool TryApply(PointState[] states, double[]? previousU)
        {
            Smooth();
            StraightenInteriorEdges();
            if (!elements.All(Valid)) return false;
            var transferred = Transfer(states);
            foreach (var (n, x) in newX)
            {
                var d = x - oldX[n];
                u[2 * n] += d.X; u[2 * n + 1] += d.Y;
                if (previousU is not null) { previousU[2 * n] += d.X; previousU[2 * n + 1] += d.Y; }
            }
            foreach (int e in elements)
            {
                var nodes = mesh.ElementNodes(e);
                int c0 = mesh.Offsets[e];
                for (int a = 0; a < nodes.Length; a++)
                {
                    var shift = mesh.Nodes[nodes[a]] - newX[nodes[a]];
                    assembler.ReferenceShift[2 * (c0 + a)] = shift.X;
                    assembler.ReferenceShift[2 * (c0 + a) + 1] = shift.Y;
                }
            }
            foreach (var (q, s) in transferred) states[q] = s;
            return true;
        }

        /// <summary>Smallest corner angle of the element's corner triangle at the new positions, -1 if turned over.</summary>
        double CornerQuality(int e)
        {
            var nodes = mesh.ElementNodes(e);
            double worst = 180;
            for (int i = 0; i < 3; i++)
            {
                Vec2 p = newX[nodes[i]], a = newX[nodes[(i + 1) % 3]] - p, b = newX[nodes[(i + 2) % 3]] - p;
                double cross = turn[e] * Vec2.Cross(a, b);
                if (cross <= 0) return -1;
                worst = Math.Min(worst, Math.Atan2(cross, Vec2.Dot(a, b)) * 180 / Math.PI);
            }
            return worst;
        }

        double QualityAround(int n) => elementsOfNode[n].Min(CornerQuality);

        /// <summary>Smart Laplacian smoothing of the interior corner nodes.</summary>
        void Smooth()
        {
            var interior = elementsOfNode.Keys.Where(n => !boundary.Contains(n) && IsCorner(n)).ToArray();
            for (int sweep = 0; sweep < Sweeps; sweep++)
            {
                foreach (int n in interior)
                {
                    var neighbours = elementsOfNode[n].SelectMany(e => mesh.ElementNodes(e)[..3].ToArray()).Where(m => m != n).Distinct().ToList();
                    var mean = (1.0 / neighbours.Count) * neighbours.Aggregate(new Vec2(0, 0), (s, m) => s + newX[m]);
                    var start = newX[n];
                    double current = QualityAround(n);
                    foreach (double w in new[] { 1.0, 0.5, 0.25 })
                    {
                        newX[n] = start + w * (mean - start);
                        if (QualityAround(n) > current + 1e-9) break;
                        newX[n] = start;
                    }
                }
            }
        }

        bool IsCorner(int n) => elementsOfNode[n].All(e => mesh.ElementNodes(e).IndexOf(n) < 3);

        void StraightenInteriorEdges()
        {
            foreach (int e in elements)
            {
                var nodes = mesh.ElementNodes(e);
                if (nodes.Length != 6) continue;
                for (int i = 0; i < 3; i++)
                    if (!boundary.Contains(nodes[3 + i])) newX[nodes[3 + i]] = 0.5 * (newX[nodes[i]] + newX[nodes[(i + 1) % 3]]);
            }
        }

        /// <summary>Positive Jacobian of the new element at its quadrature points, corners and edge midpoints.</summary>
        bool Valid(int e)
        {
            if (CornerQuality(e) <= 0) return false;
            var t = mesh.Types[e];
            var nodes = mesh.ElementNodes(e);
            Span<double> n = stackalloc double[6], dn = stackalloc double[12];
            var probes = ReferenceElement.Of(t).Points.Concat(new[] { (0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (0.5, 0.0), (0.5, 0.5), (0.0, 0.5) });
            foreach (var (xi, eta) in probes)
            {
                ReferenceElement.Evaluate(t, xi, eta, n, dn);
                double j00 = 0, j01 = 0, j10 = 0, j11 = 0;
                for (int a = 0; a < nodes.Length; a++)
                {
                    var x = newX[nodes[a]];
                    j00 += x.X * dn[2 * a]; j01 += x.X * dn[2 * a + 1]; j10 += x.Y * dn[2 * a]; j11 += x.Y * dn[2 * a + 1];
                }
                if (turn[e] * (j00 * j11 - j01 * j10) <= 0) return false;
            }
            return true;
        }

        /// <summary>New states of the body's points, by quadrature-point index.</summary>
        List<(int, PointState)> Transfer(PointState[] states)
        {
            var offsets = assembler.PointOffsets;
            var pushed = new Dictionary<int, PointState>();
            Span<double> f = stackalloc double[4 * ElementWorkspace.MaxPoints];
            foreach (int e in elements)
            {
                assembler.PointDeformations(e, u, f);
                for (int q = offsets[e]; q < offsets[e + 1]; q++)
                {
                    int k = 4 * (q - offsets[e]);
                    pushed[q] = states[q].InDeformedReference(f[k], f[k + 1], f[k + 2], f[k + 3]);
                }
            }
            var result = new List<(int, PointState)>();
            Span<double> n = stackalloc double[6], dn = stackalloc double[12];
            foreach (int e in elements)
            {
                var re = ReferenceElement.Of(mesh.Types[e]);
                var nodes = mesh.ElementNodes(e);
                for (int q = 0; q < re.PointCount; q++)
                {
                    ReferenceElement.Evaluate(mesh.Types[e], re.Points[q].Xi, re.Points[q].Eta, n, dn);
                    var p = new Vec2(0, 0);
                    for (int a = 0; a < nodes.Length; a++) p += n[a] * newX[nodes[a]];
                    var (host, xi, eta) = Locate(p, e);
                    result.Add((offsets[e] + q, Interpolate(pushed, offsets[host], mesh.Types[host], xi, eta)));
                }
            }
            return result;
        }

        /// <summary>The old deformed element around <paramref name="p"/> among those touching e's corners, with p's local coordinates.</summary>
        (int Element, double Xi, double Eta) Locate(Vec2 p, int e)
        {
            var candidates = mesh.ElementNodes(e)[..3].ToArray().SelectMany(c => elementsOfNode[c]).Distinct().Prepend(e);
            (int, double, double) best = (e, 1.0 / 3, 1.0 / 3);
            double bestOutside = double.MaxValue;
            foreach (int c in candidates)
            {
                var (xi, eta) = Invert(c, p);
                double outside = Math.Max(0, Math.Max(Math.Max(-xi, -eta), xi + eta - 1));
                if (outside < bestOutside) { bestOutside = outside; best = (c, xi, eta); }
                if (outside == 0) break;
            }
            return best;
        }

        /// <summary>Local coordinates of p in the old deformed element c (Newton on the isoparametric map).</summary>
        (double Xi, double Eta) Invert(int c, Vec2 p)
        {
            var nodes = mesh.ElementNodes(c);
            Span<double> n = stackalloc double[6], dn = stackalloc double[12];
            double xi = 1.0 / 3, eta = 1.0 / 3;
            for (int it = 0; it < 30; it++)
            {
                ReferenceElement.Evaluate(mesh.Types[c], xi, eta, n, dn);
                double x = 0, y = 0, j00 = 0, j01 = 0, j10 = 0, j11 = 0;
                for (int a = 0; a < nodes.Length; a++)
                {
                    var xa = oldX[nodes[a]];
                    x += n[a] * xa.X; y += n[a] * xa.Y;
                    j00 += xa.X * dn[2 * a]; j01 += xa.X * dn[2 * a + 1]; j10 += xa.Y * dn[2 * a]; j11 += xa.Y * dn[2 * a + 1];
                }
                double det = j00 * j11 - j01 * j10;
                if (det == 0) break;
                double rx = p.X - x, ry = p.Y - y;
                double dxi = (j11 * rx - j01 * ry) / det, deta = (-j10 * rx + j00 * ry) / det;
                xi += dxi; eta += deta;
                if (Math.Abs(dxi) + Math.Abs(deta) < 1e-13) break;
            }
            return (xi, eta);
        }

        /// <summary>
        /// The pushed-forward state at (xi, eta) of an old element: linear through its three points (Tri6),
        /// its one point (Tri3), or its nearest point where the linear value is not a valid state.
        /// </summary>
        static PointState Interpolate(Dictionary<int, PointState> pushed, int first, ElementType type, double xi, double eta)
        {
            if (type == ElementType.Tri3) return Consistent(pushed[first]);
            // the Tri6 rule's points (1/6, 1/6), (2/3, 1/6), (1/6, 2/3) span a triangle with legs 1/2
            double l1 = 2 * (xi - 1.0 / 6), l2 = 2 * (eta - 1.0 / 6), l0 = 1 - l1 - l2;
            PointState s0 = pushed[first], s1 = pushed[first + 1], s2 = pushed[first + 2];
            var c = l0 * s0.CreepInverse + l1 * s1.CreepInverse + l2 * s2.CreepInverse;
            double creep = l0 * s0.CreepStrain + l1 * s1.CreepStrain + l2 * s2.CreepStrain;
            if (c.Xx > 0 && c.Zz > 0 && c.Xx * c.Yy - c.Xy * c.Xy > 0 && creep >= 0) return Consistent(new PointState(c, creep));
            int nearest = l0 >= l1 && l0 >= l2 ? 0 : l1 >= l2 ? 1 : 2;
            return Consistent(pushed[first + nearest]);
        }

        /// <summary>v from the tensor itself, so that det Cc^-1 = v^2 holds exactly.</summary>
        static PointState Consistent(PointState s)
        {
            var c = s.CreepInverse;
            return s with { VolumeRatio = Math.Sqrt((c.Xx * c.Yy - c.Xy * c.Xy) * c.Zz) };
        }
    }
}
