using CreepCell.Sparse;

namespace CreepCell.Tests.Sparse;

public class OrderingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    public void AmdReturnsAPermutationOnRandomPatterns(int seed)
    {
        var a = TestMatrices.RandomSpd(300 + 37 * seed, 5, seed);
        var perm = AmdOrdering.Order(a);
        Assert.Equal(a.Columns, perm.Length);
        Assert.True(AmdOrdering.IsPermutation(perm));
    }

    [Fact]
    public void AmdHandlesIsolatedAndDenseColumns()
    {
        // an arrow matrix (one dense row and column) plus isolated diagonal entries
        int n = 400;
        var b = new TripletBuilder(n, n);
        for (int i = 0; i < n; i++) b.Add(i, i, 10.0);
        for (int i = 1; i < 300; i++) { b.Add(0, i, 1.0); b.Add(i, 0, 1.0); }
        var a = b.Build();
        var perm = AmdOrdering.Order(a);
        Assert.True(AmdOrdering.IsPermutation(perm));
        Assert.Equal(0, perm[^1]);
        var sym = SupernodalSymbolic.Analyze(a);
        Assert.Equal(n + 299, sym.FactorNonzeros);
    }

    [Fact]
    public void AmdReducesFillOnAGridComparedWithNaturalOrder()
    {
        // natural (banded) order of a 40 x 40 Laplacian fills the whole band: about n^1.5 = 64,000 entries
        var a = TestMatrices.Laplacian(40, 40);
        long natural = SupernodalSymbolic.Analyze(a, Enumerable.Range(0, a.Columns).ToArray()).FactorNonzeros;
        long amd = SupernodalSymbolic.Analyze(a, null, OrderingMethod.Amd).FactorNonzeros;
        Assert.True(natural > 60_000, $"natural nnz(L) = {natural}");
        Assert.True(amd < 0.5 * natural, $"AMD nnz(L) = {amd}, natural {natural}");
    }

    [Fact]
    public void ColumnCountsMatchADenseSymbolicFactorization()
    {
        var a = TestMatrices.RandomSpd(120, 3, 4);
        var sym = SupernodalSymbolic.Analyze(a);
        // dense boolean elimination of P A P^T counts the nonzeros of L exactly
        int n = a.Columns;
        var filled = new bool[n, n];
        for (int j = 0; j < n; j++)
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
                filled[sym.Inv[a.RowIndices[p]], sym.Inv[j]] = true;
        long count = 0;
        for (int k = 0; k < n; k++)
        {
            for (int i = k; i < n; i++) if (filled[i, k]) count++;
            for (int i = k + 1; i < n; i++)
                if (filled[i, k])
                    for (int j = k + 1; j <= i; j++) if (filled[j, k]) { filled[i, j] = true; filled[j, i] = true; }
        }
        Assert.Equal(count, sym.FactorNonzeros);
    }

    [Fact]
    public void NestedDissectionIsAPermutationThatReducesFillOnGridsAndDisconnectedGraphs()
    {
        var a = TestMatrices.Elasticity(40, 40);
        var nd = NestedDissection.Order(a);
        Assert.True(AmdOrdering.IsPermutation(nd));
        long natural = SupernodalSymbolic.PredictedNonzeros(a, Enumerable.Range(0, a.Columns).ToArray());
        Assert.True(SupernodalSymbolic.PredictedNonzeros(a, nd) < 0.6 * natural);
        // two disjoint grids plus isolated nodes
        var b = new TripletBuilder(2 * 400 + 10, 2 * 400 + 10);
        var lap = TestMatrices.Laplacian(20, 20);
        for (int copy = 0; copy < 2; copy++)
            for (int j = 0; j < lap.Columns; j++)
                for (int p = lap.ColumnPointers[j]; p < lap.ColumnPointers[j + 1]; p++)
                    b.Add(copy * 400 + lap.RowIndices[p], copy * 400 + j, lap.Values[p]);
        for (int i = 800; i < 810; i++) b.Add(i, i, 1.0);
        var twoGrids = b.Build();
        Assert.True(AmdOrdering.IsPermutation(NestedDissection.Order(twoGrids)));
        var x = TestMatrices.Solve(new SupernodalLdlSolver { Ordering = OrderingMethod.NestedDissection }, twoGrids, TestMatrices.RandomVector(810, 2));
        Assert.True(TestMatrices.RelativeResidual(twoGrids, x, TestMatrices.RandomVector(810, 2)) <= 1e-12);
    }

    [Fact]
    public void BestOrderingTakesTheSmallerPredictedFactor()
    {
        var a = TestMatrices.Elasticity(30, 24);
        long amd = SupernodalSymbolic.PredictedNonzeros(a, AmdOrdering.Order(a));
        long nd = SupernodalSymbolic.PredictedNonzeros(a, NestedDissection.Order(a));
        var best = SupernodalSymbolic.Analyze(a);
        Assert.Equal(Math.Min(amd, nd), best.FactorNonzeros);
        Assert.Equal(nd < amd ? "nested dissection" : "AMD", best.OrderingName);
    }
}
