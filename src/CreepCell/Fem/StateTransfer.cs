using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Fem;

/// <summary>
/// Carries the material state of a body to a new mesh of it whose reference is the body's deformed
/// shape. Each old point's state is first pushed forward to the deformed configuration
/// (<see cref="PointState.InDeformedReference"/> with the F its law sees); every new quadrature point is
/// then found in the old deformed element that holds it, and takes the linear interpolation of that
/// element's pushed-forward point states there (the nearest one where the interpolation would not be a
/// valid state). A homogeneous state is carried exactly.
/// </summary>
internal static class StateTransfer
{
    /// <returns>States of the new body's points, element after element in the order of its quadrature rule.</returns>
    public static PointState[] ToNewMesh(Assembler oldAssembler, Mesh oldMesh, double[] u, PointState[] states, IReadOnlyList<int> oldElements, Mesh body)
    {
        var old = new OldBody(oldAssembler, oldMesh, u, states, oldElements);
        var result = new List<PointState>();
        Span<double> n = stackalloc double[6], dn = stackalloc double[12];
        for (int e = 0; e < body.ElementCount; e++)
        {
            var re = ReferenceElement.Of(body.Types[e]);
            var nodes = body.ElementNodes(e);
            for (int q = 0; q < re.PointCount; q++)
            {
                ReferenceElement.Evaluate(body.Types[e], re.Points[q].Xi, re.Points[q].Eta, n, dn);
                var p = new Vec2(0, 0);
                for (int a = 0; a < nodes.Length; a++) p += n[a] * body.Nodes[nodes[a]];
                result.Add(old.StateAt(p));
            }
        }
        return result.ToArray();
    }

    /// <summary>A nodal vector field of the old body (x, y per node) at points of its deformed shape (deformed by
    /// <paramref name="u"/>), interpolated with the shape functions of the old element that holds each point.</summary>
    public static double[] FieldAt(Assembler oldAssembler, Mesh oldMesh, double[] u, IReadOnlyList<int> oldElements, IReadOnlyList<Vec2> points, double[] field)
    {
        var old = new OldBody(oldAssembler, oldMesh, u, null, oldElements);
        var result = new double[2 * points.Count];
        Span<double> n = stackalloc double[6], dn = stackalloc double[12];
        for (int i = 0; i < points.Count; i++)
        {
            var (k, xi, eta) = old.Locate(points[i]);
            // outside every old element's box (a point the new outline moved out): the nearest element, clamped
            if (k < 0) (k, xi, eta) = old.LocateIn(old.NearestElement(points[i]), points[i]);
            int e = old.Element(k);
            ReferenceElement.Evaluate(oldMesh.Types[e], xi, eta, n, dn);
            var nodes = oldMesh.ElementNodes(e);
            for (int a = 0; a < nodes.Length; a++)
            {
                result[2 * i] += n[a] * field[2 * nodes[a]];
                result[2 * i + 1] += n[a] * field[2 * nodes[a] + 1];
            }
        }
        return result;
    }

    /// <summary>The old elements of the body in their deformed shape, with their pushed-forward states.</summary>
    sealed class OldBody
    {
        readonly Mesh mesh;
        readonly double[] u;
        readonly IReadOnlyList<int> elements;
        readonly int[] firstPoint;
        readonly PointState[] pushed;
        readonly (Vec2 Lo, Vec2 Hi)[] boxes;

        /// <param name="states">null: only points are located, no state is carried.</param>
        public OldBody(Assembler assembler, Mesh mesh, double[] u, PointState[]? states, IReadOnlyList<int> elements)
        {
            this.mesh = mesh;
            this.u = u;
            this.elements = elements;
            var offsets = assembler.PointOffsets;
            firstPoint = new int[elements.Count];
            var list = new List<PointState>();
            boxes = new (Vec2, Vec2)[elements.Count];
            Span<double> f = stackalloc double[4 * ElementWorkspace.MaxPoints];
            for (int k = 0; k < elements.Count; k++)
            {
                int e = elements[k];
                if (mesh.Types[e] is not (ElementType.Tri3 or ElementType.Tri6)) throw new ArgumentException("state transfer needs triangles");
                firstPoint[k] = list.Count;
                if (states is not null)
                {
                    assembler.PointDeformations(e, u, f);
                    for (int q = offsets[e]; q < offsets[e + 1]; q++)
                    {
                        int i = 4 * (q - offsets[e]);
                        list.Add(states[q].InDeformedReference(f[i], f[i + 1], f[i + 2], f[i + 3]));
                    }
                }
                var xs = mesh.ElementNodes(e).ToArray().Select(Position).ToArray();
                boxes[k] = (new Vec2(xs.Min(p => p.X), xs.Min(p => p.Y)), new Vec2(xs.Max(p => p.X), xs.Max(p => p.Y)));
            }
            pushed = list.ToArray();
        }

        Vec2 Position(int n) => mesh.Nodes[n] + new Vec2(u[2 * n], u[2 * n + 1]);

        public PointState StateAt(Vec2 p)
        {
            var (k, xi, eta) = Locate(p);
            return k < 0 ? Nearest(p) : Interpolate(k, xi, eta);
        }

        /// <summary>The old element (its index in the body) that holds p, with p's local coordinates clamped to
        /// it; -1 where p is outside every element's box.</summary>
        public (int Element, double Xi, double Eta) Locate(Vec2 p)
        {
            int best = -1;
            double bestOutside = double.MaxValue, bestXi = 0, bestEta = 0;
            for (int k = 0; k < elements.Count; k++)
            {
                var (lo, hi) = boxes[k];
                double margin = 0.05 * Math.Max(hi.X - lo.X, hi.Y - lo.Y);
                if (p.X < lo.X - margin || p.X > hi.X + margin || p.Y < lo.Y - margin || p.Y > hi.Y + margin) continue;
                var (xi, eta) = Invert(elements[k], p);
                double outside = Math.Max(0, Math.Max(Math.Max(-xi, -eta), xi + eta - 1));
                if (!(outside < bestOutside)) continue;
                (best, bestOutside, bestXi, bestEta) = (k, outside, xi, eta);
                if (outside == 0) break;
            }
            return best < 0 ? (-1, 0, 0) : (best, Math.Clamp(bestXi, 0, 1), Math.Clamp(bestEta, 0, 1));
        }

        /// <summary>The state of the old point nearest to p (a point outside every old element's box).</summary>
        PointState Nearest(Vec2 p) => Consistent(pushed[firstPoint[NearestElement(p)]]);

        /// <summary>The old element (index in the body) whose box centre is nearest to p.</summary>
        public int NearestElement(Vec2 p)
        {
            int best = 0;
            double bestDistance = double.MaxValue;
            for (int k = 0; k < elements.Count; k++)
            {
                double d = (0.5 * (boxes[k].Lo + boxes[k].Hi) - p).Length;
                if (d < bestDistance) (best, bestDistance) = (k, d);
            }
            return best;
        }

        /// <summary>p's local coordinates in old element k, clamped to it.</summary>
        public (int Element, double Xi, double Eta) LocateIn(int k, Vec2 p)
        {
            var (xi, eta) = Invert(elements[k], p);
            return double.IsFinite(xi) && double.IsFinite(eta) ? (k, Math.Clamp(xi, 0, 1), Math.Clamp(eta, 0, 1)) : (k, 1.0 / 3, 1.0 / 3);
        }

        /// <summary>The mesh index of old element k of the body.</summary>
        public int Element(int k) => elements[k];

        /// <summary>Local coordinates of p in old element e, by Newton on its isoparametric map.</summary>
        (double Xi, double Eta) Invert(int e, Vec2 p)
        {
            var nodes = mesh.ElementNodes(e);
            Span<double> n = stackalloc double[6], dn = stackalloc double[12];
            double xi = 1.0 / 3, eta = 1.0 / 3;
            for (int it = 0; it < 30; it++)
            {
                ReferenceElement.Evaluate(mesh.Types[e], xi, eta, n, dn);
                double x = 0, y = 0, j00 = 0, j01 = 0, j10 = 0, j11 = 0;
                for (int a = 0; a < nodes.Length; a++)
                {
                    var xa = Position(nodes[a]);
                    x += n[a] * xa.X; y += n[a] * xa.Y;
                    j00 += xa.X * dn[2 * a]; j01 += xa.X * dn[2 * a + 1]; j10 += xa.Y * dn[2 * a]; j11 += xa.Y * dn[2 * a + 1];
                }
                double det = j00 * j11 - j01 * j10;
                if (!(Math.Abs(det) > 0)) return (double.NaN, double.NaN);
                double rx = p.X - x, ry = p.Y - y;
                double dxi = (j11 * rx - j01 * ry) / det, deta = (-j10 * rx + j00 * ry) / det;
                xi += dxi; eta += deta;
                if (Math.Abs(dxi) + Math.Abs(deta) < 1e-13) break;
            }
            return (xi, eta);
        }

        /// <summary>Linear in the three points of the Tri6 rule (1/6, 1/6), (2/3, 1/6), (1/6, 2/3); the one point of Tri3.</summary>
        PointState Interpolate(int k, double xi, double eta)
        {
            int first = firstPoint[k];
            if (mesh.Types[elements[k]] == ElementType.Tri3) return Consistent(pushed[first]);
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
