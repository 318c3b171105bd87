using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using Xunit.Abstractions;

namespace CreepCell.Tests.Fem;

/// <summary>
/// Method of manufactured solutions for the finite-strain element: a smooth displacement field on the
/// unit square at moderate amplitude (strains of a few percent), Dirichlet data on the whole boundary,
/// and the body force b = -Div P(F(u)) derived exactly from the material law itself
/// (Div P_i = dP_iJ/dF_kL u_k,LJ with the exact tangent of <see cref="MaterialPoint"/>). The discrete
/// solution must then converge with the interpolation orders: L2 error O(h^(p+1)), H1 error O(h^p).
/// </summary>
public class ManufacturedSolutionTests(ITestOutputHelper output)
{
    const double Amplitude = 0.05;
    static readonly Material Solid = new("solid", 1.0, 0.3);

    /// <summary>Exact field: u_x = A sin(2x + y), u_y = A cos(x - 1.5y); values, gradients and second derivatives.</summary>
    static void Exact(double x, double y, Span<double> u, Span<double> grad, Span<double> hess)
    {
        double s = Math.Sin(2 * x + y), c = Math.Cos(x - 1.5 * y), cs = Math.Cos(2 * x + y), sn = Math.Sin(x - 1.5 * y);
        u[0] = Amplitude * s; u[1] = Amplitude * c;
        // grad[2k + L] = du_k/dX_L
        grad[0] = 2 * Amplitude * cs; grad[1] = Amplitude * cs;
        grad[2] = -Amplitude * sn; grad[3] = 1.5 * Amplitude * sn;
        // hess[4k + 2L + J] = d2u_k/dX_L dX_J
        hess[0] = -4 * Amplitude * s; hess[1] = -2 * Amplitude * s; hess[2] = -2 * Amplitude * s; hess[3] = -Amplitude * s;
        hess[4] = -Amplitude * c; hess[5] = 1.5 * Amplitude * c; hess[6] = 1.5 * Amplitude * c; hess[7] = -2.25 * Amplitude * c;
    }

    /// <summary>b = -Div P at a point, through the exact material tangent.</summary>
    static (double Bx, double By) BodyForce(double x, double y)
    {
        Span<double> u = stackalloc double[2], g = stackalloc double[4], h = stackalloc double[8];
        Span<double> f = stackalloc double[4], t = stackalloc double[16];
        Exact(x, y, u, g, h);
        f[0] = 1 + g[0]; f[1] = g[1]; f[2] = g[2]; f[3] = 1 + g[3];
        var response = new PointResponse();
        MaterialPoint.Update(Solid, f, 0, 0, 300, PointState.Initial, ref response, t);
        Span<double> div = stackalloc double[2];
        for (int i = 0; i < 2; i++)
            for (int jj = 0; jj < 2; jj++)
                for (int k = 0; k < 2; k++)
                    for (int l = 0; l < 2; l++)
                        div[i] += t[4 * (2 * i + jj) + 2 * k + l] * h[4 * k + 2 * l + jj];
        return (-div[0], -div[1]);
    }

    /// <summary>High-order rule on the reference element: 4x4 Gauss, collapsed onto the triangle for triangles.</summary>
    static IEnumerable<(double Xi, double Eta, double W)> FineRule(ElementType type)
    {
        var (x, w) = Quadrature.GaussLegendre(4);
        bool tri = type is ElementType.Tri3 or ElementType.Tri6;
        for (int j = 0; j < 4; j++)
            for (int i = 0; i < 4; i++)
            {
                if (!tri) { yield return (x[i], x[j], w[i] * w[j]); continue; }
                double s = 0.5 * (1 + x[i]), t = 0.5 * (1 + x[j]);
                yield return (s * (1 - t), t, 0.25 * w[i] * w[j] * (1 - t));
            }
    }

    /// <summary>Physical point, determinant and shape function gradients at a reference point of element e.</summary>
    static (double X, double Y, double Det) Map(Mesh mesh, int e, double xi, double eta, Span<double> n, Span<double> grad)
    {
        var nodes = mesh.ElementNodes(e);
        Span<double> dn = stackalloc double[2 * nodes.Length];
        ReferenceElement.Evaluate(mesh.Types[e], xi, eta, n, dn);
        double x = 0, y = 0, j00 = 0, j01 = 0, j10 = 0, j11 = 0;
        for (int a = 0; a < nodes.Length; a++)
        {
            var p = mesh.Nodes[nodes[a]];
            x += n[a] * p.X; y += n[a] * p.Y;
            j00 += p.X * dn[2 * a]; j01 += p.X * dn[2 * a + 1]; j10 += p.Y * dn[2 * a]; j11 += p.Y * dn[2 * a + 1];
        }
        double det = j00 * j11 - j01 * j10;
        for (int a = 0; a < nodes.Length; a++)
        {
            grad[2 * a] = (j11 * dn[2 * a] - j10 * dn[2 * a + 1]) / det;
            grad[2 * a + 1] = (-j01 * dn[2 * a] + j00 * dn[2 * a + 1]) / det;
        }
        return (x, y, det);
    }

    static double[] ConsistentForce(Mesh mesh)
    {
        var force = new double[2 * mesh.NodeCount];
        Span<double> n = stackalloc double[9], grad = stackalloc double[18];
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            foreach (var (xi, eta, w) in FineRule(mesh.Types[e]))
            {
                var (x, y, det) = Map(mesh, e, xi, eta, n, grad);
                var (bx, by) = BodyForce(x, y);
                for (int a = 0; a < nodes.Length; a++)
                {
                    force[2 * nodes[a]] += w * det * n[a] * bx;
                    force[2 * nodes[a] + 1] += w * det * n[a] * by;
                }
            }
        }
        return force;
    }

    /// <summary>L2 norm of u - u_h and H1 seminorm of the gradient error.</summary>
    static (double L2, double H1) Errors(Mesh mesh, double[] uh)
    {
        double l2 = 0, h1 = 0;
        Span<double> n = stackalloc double[9], grad = stackalloc double[18];
        Span<double> u = stackalloc double[2], g = stackalloc double[4], h = stackalloc double[8];
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            foreach (var (xi, eta, w) in FineRule(mesh.Types[e]))
            {
                var (x, y, det) = Map(mesh, e, xi, eta, n, grad);
                Exact(x, y, u, g, h);
                for (int k = 0; k < 2; k++)
                {
                    double value = 0, dx = 0, dy = 0;
                    for (int a = 0; a < nodes.Length; a++)
                    {
                        double ua = uh[2 * nodes[a] + k];
                        value += n[a] * ua; dx += grad[2 * a] * ua; dy += grad[2 * a + 1] * ua;
                    }
                    l2 += w * det * Math.Pow(value - u[k], 2);
                    h1 += w * det * (Math.Pow(dx - g[2 * k], 2) + Math.Pow(dy - g[2 * k + 1], 2));
                }
            }
        }
        return (Math.Sqrt(l2), Math.Sqrt(h1));
    }

    static (double L2, double H1) Solve(ElementType type, int cells, bool fbar)
    {
        var mesh = StructuredMesh.Rectangle(1, 1, cells, cells, type);
        var boundary = mesh.Boundaries.SelectMany(b => b.Edges).SelectMany(e => e).Distinct();
        Span<double> u = stackalloc double[2], g = stackalloc double[4], h = stackalloc double[8];
        var constraints = new List<(int, double)>();
        foreach (int node in boundary)
        {
            Exact(mesh.Nodes[node].X, mesh.Nodes[node].Y, u, g, h);
            constraints.Add((2 * node, u[0]));
            constraints.Add((2 * node + 1, u[1]));
        }
        using var p = FemTestKit.Problem(mesh, Solid, constraints, ConsistentForce(mesh), fbar);
        // Newton starts from the nodal interpolant: the boundary data alone would invert the boundary layer of elements.
        for (int node = 0; node < mesh.NodeCount; node++)
        {
            Exact(mesh.Nodes[node].X, mesh.Nodes[node].Y, u, g, h);
            p.U[2 * node] = u[0]; p.U[2 * node + 1] = u[1];
        }
        FemTestKit.Solve(p, new LoadState(0, 0, 300), 1, 1e-11);
        return Errors(mesh, p.U);
    }

    [Theory]
    [InlineData(ElementType.Tri3, false, 8, 2.0, 1.0)]
    [InlineData(ElementType.Tri6, false, 4, 3.0, 2.0)]
    [InlineData(ElementType.Quad4, false, 8, 2.0, 1.0)]
    [InlineData(ElementType.Quad9, false, 4, 3.0, 2.0)]
    [InlineData(ElementType.Quad4, true, 8, 2.0, 1.0)]
    [InlineData(ElementType.Quad9, true, 8, 3.0, 2.0)]
    public void ErrorsDecreaseAtTheInterpolationOrder(ElementType type, bool fbar, int coarsest, double l2Rate, double h1Rate)
    {
        var cells = new[] { coarsest, 2 * coarsest, 4 * coarsest };
        var errors = cells.Select(c => Solve(type, c, fbar)).ToArray();
        for (int i = 0; i < cells.Length; i++)
            output.WriteLine($"{type} fbar={fbar} {cells[i]}x{cells[i]}: L2 {errors[i].L2:E4} H1 {errors[i].H1:E4}");
        double l2Slope = Slope(cells, errors.Select(e => e.L2).ToArray());
        double h1Slope = Slope(cells, errors.Select(e => e.H1).ToArray());
        output.WriteLine($"slopes: L2 {l2Slope:F3}, H1 {h1Slope:F3}");
        Assert.True(Math.Abs(l2Slope - l2Rate) < 0.1, $"L2 slope {l2Slope}");
        Assert.True(Math.Abs(h1Slope - h1Rate) < 0.1, $"H1 slope {h1Slope}");
    }

    /// <summary>Rate between the two finest meshes: log(e_coarse / e_fine) / log 2.</summary>
    static double Slope(int[] cells, double[] errors) =>
        Math.Log(errors[^2] / errors[^1]) / Math.Log((double)cells[^1] / cells[^2]);
}
