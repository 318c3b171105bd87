using CreepCell.Sparse;

namespace CreepCell.Tests.Sparse;

public class RefactorizationTests
{
    [Fact]
    public void FactorizeWithNewValuesReusesTheAnalysis()
    {
        var a = TestMatrices.Elasticity(20, 16);
        using var solver = new SupernodalLdlSolver();
        solver.Analyze(a);
        var perm = solver.Permutation;
        var b = TestMatrices.RandomVector(a.Rows, 1);
        var x = new double[a.Rows];
        for (int step = 0; step < 3; step++)
        {
            // new stiffness: scaled, with a different diagonal shift per step
            var values = new double[a.NonZeros];
            for (int j = 0; j < a.Columns; j++)
                for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
                    values[p] = a.Values[p] * (1 + step) + (a.RowIndices[p] == j ? 0.3 * step : 0.0);
            var ak = a.WithValues(values);
            solver.Factorize(ak);
            solver.Solve(b, x);
            Assert.True(TestMatrices.RelativeResidual(ak, x, b) <= 1e-10);
            Assert.Same(perm, solver.Permutation);
        }
    }

    [Fact]
    public void FactorizeRejectsADifferentPattern()
    {
        using var solver = new SupernodalLdlSolver();
        solver.Analyze(TestMatrices.Laplacian(5, 5));
        Assert.Throws<ArgumentException>(() => solver.Factorize(TestMatrices.Laplacian(6, 5)));
        // same size and count of entries, one entry moved: still a different pattern
        var a = TestMatrices.Laplacian(5, 5);
        var rows = (int[])a.RowIndices.Clone();
        int p = a.IndexOf(6, 5);
        rows[p] = 7;
        Array.Sort(rows, a.ColumnPointers[5], a.ColumnPointers[6] - a.ColumnPointers[5]);
        var moved = new CscMatrix(25, 25, a.ColumnPointers, rows, a.Values);
        Assert.Throws<ArgumentException>(() => solver.Factorize(moved));
        solver.Factorize(new CscMatrix(25, 25, (int[])a.ColumnPointers.Clone(), (int[])a.RowIndices.Clone(), a.Values));
    }

    [Fact]
    public void ZeroColumnRaisesSingularMatrixWithItsIndex()
    {
        var lap = TestMatrices.Laplacian(6, 6);
        var values = (double[])lap.Values.Clone();
        // zero row and column 13: the pivot there is exactly zero
        for (int j = 0; j < lap.Columns; j++)
            for (int p = lap.ColumnPointers[j]; p < lap.ColumnPointers[j + 1]; p++)
                if (j == 13 || lap.RowIndices[p] == 13) values[p] = 0;
        using var solver = new SupernodalLdlSolver();
        var e = Assert.Throws<SingularMatrixException>(() => { solver.Analyze(lap); solver.Factorize(lap.WithValues(values)); });
        Assert.Equal(13, e.Column);
        Assert.Contains("column 13", e.Message);
    }

    [Fact]
    public void IndefiniteMatrixRaisesSingularMatrixWhenSpdIsExpected()
    {
        var lap = TestMatrices.Laplacian(8, 8);
        var values = (double[])lap.Values.Clone();
        values[lap.IndexOf(20, 20)] = -4.0;
        using var solver = new SupernodalLdlSolver();
        solver.Analyze(lap);
        Assert.Throws<SingularMatrixException>(() => solver.Factorize(lap.WithValues(values)));
    }

    [Fact]
    public void FactoryCreatesTheBuiltinSolverByDefault()
    {
        using var s = SparseSolvers.Create("builtin");
        Assert.Equal("builtin", s.Name);
        using var d = SparseSolvers.Create(null);
        Assert.Equal("builtin", d.Name);
        Assert.Throws<ArgumentException>(() => SparseSolvers.Create("superlu"));
    }
}

public class SmallMatrixTests
{
    [Fact]
    public void DiagonalOneByOneAndEmptyMatricesSolve()
    {
        var diag = new TripletBuilder(4, 4);
        for (int i = 0; i < 4; i++) diag.Add(i, i, i + 1.0);
        using var solver = new SupernodalLdlSolver();
        var x = TestMatrices.Solve(solver, diag.Build(), [1, 2, 3, 4]);
        Assert.Equal([1.0, 1.0, 1.0, 1.0], x);
        Assert.Equal(4, solver.FactorNonzeros);

        var one = new TripletBuilder(1, 1);
        one.Add(0, 0, 4.0);
        Assert.Equal([0.5], TestMatrices.Solve(new SupernodalLdlSolver(), one.Build(), [2.0]));

        var empty = new TripletBuilder(0, 0).Build();
        Assert.Empty(TestMatrices.Solve(new SupernodalLdlSolver(), empty, []));
    }
}
