using CreepCell.Sparse;
using MathNet.Numerics.LinearAlgebra;

namespace CreepCell.Tests.Sparse;

public class SolverAccuracyTests
{
    static double[] DenseSolve(CscMatrix a, double[] b)
    {
        var m = Matrix<double>.Build.Dense(a.Rows, a.Columns);
        for (int j = 0; j < a.Columns; j++)
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++) m[a.RowIndices[p], j] = a.Values[p];
        return m.Cholesky().Solve(Vector<double>.Build.DenseOfArray(b)).ToArray();
    }

    static double MaxRelativeDifference(double[] x, double[] y)
    {
        double d = 0, s = 0;
        for (int i = 0; i < x.Length; i++) { d = Math.Max(d, Math.Abs(x[i] - y[i])); s = Math.Max(s, Math.Abs(y[i])); }
        return d / s;
    }

    [Theory]
    [InlineData(50, 3, 1)]
    [InlineData(400, 4, 2)]
    [InlineData(900, 6, 3)]
    public void RandomSpdMatchesDenseCholesky(int n, int perRow, int seed)
    {
        var a = TestMatrices.RandomSpd(n, perRow, seed);
        var b = TestMatrices.RandomVector(n, seed + 100);
        using var solver = new SupernodalLdlSolver();
        var x = TestMatrices.Solve(solver, a, b);
        Assert.True(TestMatrices.RelativeResidual(a, x, b) <= 1e-10);
        Assert.True(MaxRelativeDifference(x, DenseSolve(a, b)) <= 1e-10);
    }

    [Fact]
    public void ElasticityMatchesDenseCholesky()
    {
        var a = TestMatrices.Elasticity(14, 12);
        var b = TestMatrices.RandomVector(a.Rows, 7);
        using var solver = new SupernodalLdlSolver();
        var x = TestMatrices.Solve(solver, a, b);
        Assert.True(TestMatrices.RelativeResidual(a, x, b) <= 1e-10);
        Assert.True(MaxRelativeDifference(x, DenseSolve(a, b)) <= 1e-8);
    }

    [Fact]
    public void LargerElasticityHasSmallResidualWithOneAndTwoThreadsAlike()
    {
        var a = TestMatrices.Elasticity(70, 60);
        var b = TestMatrices.RandomVector(a.Rows, 11);
        using var one = new SupernodalLdlSolver(threads: 1);
        using var two = new SupernodalLdlSolver(threads: 2);
        var x1 = TestMatrices.Solve(one, a, b);
        var x2 = TestMatrices.Solve(two, a, b);
        Assert.True(TestMatrices.RelativeResidual(a, x1, b) <= 1e-10);
        Assert.Equal(x1, x2);
    }

    [Fact]
    public void QuasiDefiniteMatrixSolvesWithoutPivoting()
    {
        // [K B^T; B -C] with K SPD and C SPD: quasi-definite, strongly factorizable in any order
        int nk = 120, nc = 30;
        var k = TestMatrices.RandomSpd(nk, 3, 5);
        var c = TestMatrices.RandomSpd(nc, 2, 6);
        var rng = new Random(9);
        var t = new TripletBuilder(nk + nc, nk + nc);
        for (int j = 0; j < nk; j++)
            for (int p = k.ColumnPointers[j]; p < k.ColumnPointers[j + 1]; p++) t.Add(k.RowIndices[p], j, k.Values[p]);
        for (int j = 0; j < nc; j++)
            for (int p = c.ColumnPointers[j]; p < c.ColumnPointers[j + 1]; p++) t.Add(nk + c.RowIndices[p], nk + j, -c.Values[p]);
        for (int i = 0; i < nc; i++)
            for (int q = 0; q < 3; q++)
            {
                int j = rng.Next(nk);
                double v = rng.NextDouble() - 0.5;
                t.Add(nk + i, j, v);
                t.Add(j, nk + i, v);
            }
        var a = t.Build();
        var b = TestMatrices.RandomVector(a.Rows, 3);
        using var solver = new SupernodalLdlSolver(positiveDefinite: false);
        var x = TestMatrices.Solve(solver, a, b);
        Assert.True(TestMatrices.RelativeResidual(a, x, b) <= 1e-10);
        using var spd = new SupernodalLdlSolver();
        spd.Analyze(a);
        Assert.Throws<SingularMatrixException>(() => spd.Factorize(a));
    }
}
