using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Sparse;
using CreepCell.Tests.Fem;

namespace CreepCell.Tests.Simulation;

/// <summary>
/// Generalized plane strain (F33 one unknown with a given net out-of-plane force) against closed forms:
/// a free swelling block, a bonded bi-material strip between rollers, and a block under a given
/// out-of-plane stress; plane strain beside it where it has a closed form of its own.
/// </summary>
public class GeneralizedPlaneStrainTests
{
    static readonly Material Swelling = new("Se", 10e9, 0.3, 0.98);
    static readonly OutOfPlane Free = new(true);

    static MechanicsProblem Problem(Mesh mesh, Material[] materials, IEnumerable<(int, double)> constraints, OutOfPlane outOfPlane)
    {
        var dofs = new DofMap(mesh.NodeCount, constraints.DistinctBy(c => c.Item1));
        return new MechanicsProblem(mesh, materials, dofs, new double[dofs.DofCount], true, SparseSolvers.Create("builtin", indefinite: true),
            outOfPlane: outOfPlane);
    }

    /// <summary>Node 0 pinned and the bottom-right corner on a roller: no rigid motion, nothing else held.</summary>
    static (int, double)[] Pinned(Mesh mesh, double width)
    {
        int corner = Enumerable.Range(0, mesh.NodeCount).First(n => mesh.Nodes[n].X == width && mesh.Nodes[n].Y == 0);
        return new[] { (0, 0.0), (1, 0.0), (2 * corner + 1, 0.0) };
    }

    [Fact]
    public void FreeSwellingBlockIsStressFreeUnderGeneralizedPlaneStrain()
    {
        var mesh = StructuredMesh.Rectangle(2e-6, 1e-6, 4, 2, ElementType.Quad8, "Se");
        using var gps = Problem(mesh, new[] { Swelling }, Pinned(mesh, 2e-6), Free);
        using var ps = Problem(mesh, new[] { Swelling }, Pinned(mesh, 2e-6), OutOfPlane.PlaneStrain);
        for (int step = 1; step <= 4; step++)
        {
            FemTestKit.Solve(gps, new LoadState(0.25 * step, 0, 300));
            FemTestKit.Solve(ps, new LoadState(0.25 * step, 0, 300));
        }
        double js = Swelling.SwellingJacobian(1);
        // plane strain: uniaxial out-of-plane Hencky stress of the blocked z third of the swelling
        double ezz = -Math.Log(js) / 3, nu = Swelling.PoissonRatio;
        double sigma33 = Swelling.YoungsModulus * ezz * Math.Exp(-(1 - 2 * nu) * ezz);
        Assert.True(sigma33 < -1e9, "plane strain must carry a large out-of-plane stress");
        foreach (var r in ps.Responses) Assert.Equal(sigma33, r.Cauchy.Zz, 1e-9 * Math.Abs(sigma33));
        Assert.Equal(1.0, ps.Stretch);

        double scale = Math.Abs(sigma33);
        foreach (var r in gps.Responses)
        {
            Assert.InRange(Math.Abs(r.Cauchy.Xx), 0, 1e-9 * scale);
            Assert.InRange(Math.Abs(r.Cauchy.Yy), 0, 1e-9 * scale);
            Assert.InRange(Math.Abs(r.Cauchy.Xy), 0, 1e-9 * scale);
            Assert.InRange(Math.Abs(r.Cauchy.Zz), 0, 1e-9 * scale);
        }
        Assert.Equal(Math.Cbrt(js), gps.Stretch, 1e-12);
        Assert.InRange(Math.Abs(gps.Assembler.StretchForce), 0, 1e-9 * scale * 2e-12);
    }

    /// <summary>Layer A (x below a) of a swelling soft material bonded to layer B of a stiff one, rollers on
    /// all four sides: each layer is uniform, with sigma_xx continuous across the interface, the total
    /// width kept and zero net out-of-plane force.</summary>
    static (MechanicsProblem Problem, Mesh Mesh) Strip(Material a, Material b)
    {
        var plain = StructuredMesh.Rectangle(2e-6, 1e-6, 5, 2, ElementType.Quad8, "A");
        var region = new int[plain.ElementCount];
        for (int e = 0; e < plain.ElementCount; e++)
        {
            var nodes = plain.ElementNodes(e);
            double x = 0;
            for (int k = 0; k < 4; k++) x += plain.Nodes[nodes[k]].X / 4;
            region[e] = x < StripA ? 0 : 1;
        }
        var mesh = new Mesh(plain.Nodes.ToArray(), plain.Types, plain.Offsets, plain.Connectivity, region, new[] { "A", "B" }, plain.Boundaries);
        return (Problem(mesh, new[] { a, b }, FemTestKit.Rollers(mesh), Free), mesh);
    }

    const double StripA = 0.8e-6, StripB = 1.2e-6;
    static readonly Material Stiff = new("B", 100e9, 0.25);

    /// <summary>Small-strain closed form of the strip: (eps_xx in A, eps_xx in B, eps_zz, sigma_zz in A).</summary>
    static (double ExA, double ExB, double Ez, double SzA) SmallStrainStrip(Material a, Material b, double eigen)
    {
        double la = Lame(a), ma = a.ShearModulus, lb = Lame(b), mb = b.ShearModulus;
        // unknowns (exA, ez) with exB = -StripA exA / StripB; sigma_xx(A) = sigma_xx(B), sum of area sigma_zz = 0
        double r = -StripA / StripB;
        double[,] m =
        {
            { la + 2 * ma - (lb + 2 * mb) * r, la - lb },
            { StripA * la + StripB * lb * r, StripA * (la + 2 * ma) + StripB * (lb + 2 * mb) },
        };
        double[] rhs = { (3 * la + 2 * ma) * eigen, StripA * (3 * la + 2 * ma) * eigen };
        double det = m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0];
        double exA = (rhs[0] * m[1, 1] - m[0, 1] * rhs[1]) / det, ez = (m[0, 0] * rhs[1] - m[1, 0] * rhs[0]) / det;
        double szA = la * (exA + ez - 3 * eigen) + 2 * ma * (ez - eigen);
        return (exA, r * exA, ez, szA);
    }

    static double Lame(Material m) => m.BulkModulus - 2.0 / 3.0 * m.ShearModulus;

    static double StripError(double beta)
    {
        var soft = new Material("A", 10e9, 0.3, beta);
        var (p, _) = Strip(soft, Stiff);
        using (p)
        {
            FemTestKit.Solve(p, new LoadState(1, 0, 300));
            var closed = SmallStrainStrip(soft, Stiff, Math.Log(1 + beta) / 3);
            double szA = p.Responses[0].Cauchy.Zz;
            return Math.Max(Math.Abs(szA - closed.SzA) / Math.Abs(closed.SzA), Math.Abs(p.Stretch - 1 - closed.Ez) / Math.Abs(closed.Ez));
        }
    }

    [Fact]
    public void BondedStripApproachesTheSmallStrainClosedFormAsSwellingShrinks()
    {
        double coarse = StripError(1e-2), fine = StripError(1e-3);
        Assert.InRange(fine, 0, 2e-3);
        // the small-strain form errs in the order of the strain: ten times less swelling, about ten times closer
        Assert.InRange(fine, 0, coarse / 5);
    }

    [Fact]
    public void BondedStripMatchesTheExactFiniteStrainFormAtLargeSwelling()
    {
        const double beta = 0.5;
        var soft = new Material("A", 10e9, 0.3, beta);
        var (p, mesh) = Strip(soft, Stiff);
        using (p)
        {
            for (int k = 1; k <= 4; k++) FemTestKit.Solve(p, new LoadState(0.25 * k, 0, 300));
            var (fxA, lambda) = ExactStrip(soft, Stiff);
            Assert.Equal(lambda, p.Stretch, 1e-9);
            int right = Enumerable.Range(0, mesh.NodeCount).First(n => Math.Abs(mesh.Nodes[n].X - StripA) < 1e-15 && mesh.Nodes[n].Y == 0);
            Assert.Equal((fxA - 1) * StripA, p.U[2 * right], 1e-9 * StripA);
            // the out-of-plane forces of the two layers cancel, and both layers carry the same sigma_xx
            double szA = p.Responses[0].Cauchy.Zz, szB = p.Responses[^1].Cauchy.Zz;
            Assert.True(szA < -1e8 && szB > 1e7, $"A is compressed and B stretched along z ({szA:E3}, {szB:E3})");
            Assert.Equal(p.Responses[0].Cauchy.Xx, p.Responses[^1].Cauchy.Xx, 1e-8 * Math.Abs(szA));
        }
    }

    /// <summary>The strip's exact Hencky state: F = diag(fx, 1, lambda) per layer, tau = Js (K tr ee + 2G dev ee),
    /// ee = ln F - ln(Js) / 3; solved for (fx of A, lambda) by Newton on sigma_xx(A) = sigma_xx(B) and
    /// StripA P33(A) + StripB P33(B) = 0.</summary>
    static (double FxA, double Lambda) ExactStrip(Material a, Material b)
    {
        double[] Residual(double fxA, double lambda)
        {
            double fxB = (StripA + StripB - StripA * fxA) / StripB;
            var (sxA, p33A) = Layer(a, fxA, lambda);
            var (sxB, p33B) = Layer(b, fxB, lambda);
            return new[] { (sxA - sxB) / a.YoungsModulus, (StripA * p33A + StripB * p33B) / (a.YoungsModulus * StripA) };
        }
        double x = 1, l = 1;
        for (int it = 0; it < 50; it++)
        {
            var r = Residual(x, l);
            const double h = 1e-7;
            var rx = Residual(x + h, l);
            var rl = Residual(x, l + h);
            double a11 = (rx[0] - r[0]) / h, a21 = (rx[1] - r[1]) / h, a12 = (rl[0] - r[0]) / h, a22 = (rl[1] - r[1]) / h;
            double det = a11 * a22 - a12 * a21;
            double dx = (r[0] * a22 - a12 * r[1]) / det, dl = (a11 * r[1] - a21 * r[0]) / det;
            x -= dx; l -= dl;
            if (Math.Abs(dx) + Math.Abs(dl) < 1e-15) break;
        }
        return (x, l);
    }

    static (double Sxx, double P33) Layer(Material m, double fx, double lambda)
    {
        double js = 1 + m.Swelling, third = Math.Log(js) / 3;
        double ex = Math.Log(fx) - third, ey = -third, ez = Math.Log(lambda) - third;
        double tr = ex + ey + ez, k = m.BulkModulus, g = m.ShearModulus;
        double txx = js * (k * tr + 2 * g * (ex - tr / 3)), tzz = js * (k * tr + 2 * g * (ez - tr / 3));
        return (txx / (fx * lambda), tzz / lambda);
    }

    [Theory]
    [InlineData(200e6)]
    [InlineData(-300e6)]
    public void GivenOutOfPlaneStressOnAnElasticBlockMatchesUniaxialHencky(double stress)
    {
        var solid = new Material("S", 10e9, 0.3);
        var mesh = StructuredMesh.Rectangle(2e-6, 1e-6, 4, 2, ElementType.Quad8, "S");
        using var p = Problem(mesh, new[] { solid }, Pinned(mesh, 2e-6), new OutOfPlane(true, stress));
        FemTestKit.Solve(p, new LoadState(0, 0, 300));
        // uniaxial Hencky: tau_zz = E ln(lambda), in-plane log strains -nu ln(lambda), nominal P33 = tau_zz / lambda
        double lambda = 1;
        for (int it = 0; it < 50; it++)
        {
            double l = Math.Log(lambda), r = solid.YoungsModulus * l / lambda - stress;
            lambda -= r / (solid.YoungsModulus * (1 - l) / (lambda * lambda));
        }
        Assert.Equal(lambda, p.Stretch, 1e-10);
        double j = Math.Pow(lambda, 1 - 2 * solid.PoissonRatio);
        double sigma = solid.YoungsModulus * Math.Log(lambda) / j;
        foreach (var r in p.Responses)
        {
            Assert.Equal(sigma, r.Cauchy.Zz, 1e-9 * Math.Abs(stress));
            Assert.Equal(stress, r.P33, 1e-9 * Math.Abs(stress));
            Assert.InRange(Math.Abs(r.Cauchy.Xx) + Math.Abs(r.Cauchy.Yy), 0, 1e-9 * Math.Abs(stress));
        }
        Assert.Equal(stress, p.Assembler.StretchForce / p.Assembler.OriginalArea, 1e-9 * Math.Abs(stress));
    }

    [Fact]
    public void NewtonStaysQuadraticWithTheStretchUnknown()
    {
        var creeping = new Material("Se", 10e9, 0.33, 0.98, new CreepLaw(6.6e-4, 6.5, 100e6));
        var soft = creeping with { Name = "A" };
        var (p, _) = Strip(soft, Stiff);
        using (p)
        {
            var r = p.SolveStep(new LoadState(0.2, 60, 343), 1, new NewtonOptions { RelativeTolerance = 1e-13, StagnationTolerance = 1e-9 });
            Assert.True(r.Converged, r.Failure);
            var n = r.ResidualNorms;
            string all = string.Join(", ", n.Select(x => x.ToString("E2")));
            // the last decrease above round-off is the square of the one before (a linear rate would repeat it)
            int k = Enumerable.Range(2, n.Length - 2).Last(i => n[i] > 1e-11 * n[0]);
            double before = n[k - 1] / n[k - 2], last = n[k] / n[k - 1];
            Assert.True(before < 0.1, $"not yet in the asymptotic range: {all}");
            Assert.True(last <= 10 * before * before, $"residuals {all}");
        }
    }
}
