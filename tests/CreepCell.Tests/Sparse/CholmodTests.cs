using CreepCell.Sparse;

namespace CreepCell.Tests.Sparse;

public class CholmodTests
{
    const string NoCholmod = "libcholmod is not installed (apt-get install libsuitesparse-dev)";

    [SkippableFact]
    public void CholmodAgreesWithTheBuiltinSolver()
    {
        Skip.IfNot(CholmodSolver.IsAvailable, NoCholmod);
        var a = TestMatrices.Elasticity(30, 25);
        var b = TestMatrices.RandomVector(a.Rows, 4);
        using var cholmod = SparseSolvers.Create("cholmod");
        using var builtin = SparseSolvers.Create("builtin");
        var xc = TestMatrices.Solve(cholmod, a, b);
        var xb = TestMatrices.Solve(builtin, a, b);
        Assert.True(TestMatrices.RelativeResidual(a, xc, b) <= 1e-10);
        double diff = 0, scale = 0;
        for (int i = 0; i < xb.Length; i++) { diff = Math.Max(diff, Math.Abs(xb[i] - xc[i])); scale = Math.Max(scale, Math.Abs(xc[i])); }
        Assert.True(diff <= 1e-8 * scale, $"max difference {diff}, scale {scale}");
        // both use AMD-type orderings: factor sizes of the same order
        Assert.InRange((double)builtin.FactorNonzeros / cholmod.FactorNonzeros, 0.7, 1.4);
    }

    [SkippableFact]
    public void CholmodReportsANonPositiveDefiniteMatrix()
    {
        Skip.IfNot(CholmodSolver.IsAvailable, NoCholmod);
        var lap = TestMatrices.Laplacian(6, 6);
        var values = (double[])lap.Values.Clone();
        values[lap.IndexOf(7, 7)] = -4.0;
        using var solver = new CholmodSolver();
        solver.Analyze(lap);
        Assert.Throws<SingularMatrixException>(() => solver.Factorize(lap.WithValues(values)));
    }
}
