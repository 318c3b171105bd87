using CreepCell.Sparse;

namespace CreepCell.Tests.Sparse;

/// <summary>
/// The zero-pivot test of the LDL^T factorization is relative to each column's own diagonal. A weakly
/// held degree of freedom (a body held only by its anchor springs, pivot about 1e-8 of its diagonal)
/// beside one huge diagonal entry (a contact pair very close to touching) is a regular matrix; a test
/// against the largest diagonal alone called it singular.
/// </summary>
public class PivotThresholdTests
{
    /// <summary>Block diagonal: [[k, k - s], [k - s, k]] (Schur pivot about 2 s) and one entry of size huge.</summary>
    static CscMatrix WeakBesideHuge(double k, double s, double huge)
    {
        var t = new TripletBuilder(3, 3);
        t.Add(0, 0, k); t.Add(1, 1, k);
        t.Add(1, 0, k - s); t.Add(0, 1, k - s);
        t.Add(2, 2, huge);
        return t.Build();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AWeakPivotBesideAHugeDiagonalFactorsAndSolves(bool positiveDefinite)
    {
        // Schur pivot k - (k - s)^2 / k = 2 s - s^2 / k: 2e2 against a diagonal of 1e10 and a largest one of 1e20
        var a = WeakBesideHuge(1e10, 1e2, 1e20);
        var exact = new[] { 3.0, -1.0, 2.0 };
        var b = new[] { 1e10 * 3 - (1e10 - 1e2), (1e10 - 1e2) * 3 - 1e10, 2e20 };
        using var solver = new SupernodalLdlSolver(positiveDefinite);
        var x = TestMatrices.Solve(solver, a, b);
        // the condition of the 2x2 block is k / s = 1e8: the answer holds to about 1e-8
        for (int i = 0; i < 3; i++) Assert.Equal(exact[i], x[i], 1e-6);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ASingularBlockBesideAHugeDiagonalIsStillSingular(bool positiveDefinite)
    {
        // s = 0: the 2x2 block [[k, k], [k, k]] has a zero Schur pivot (to round-off)
        var a = WeakBesideHuge(1e10, 0, 1e20);
        using var solver = new SupernodalLdlSolver(positiveDefinite);
        solver.Analyze(a);
        Assert.Throws<SingularMatrixException>(() => solver.Factorize(a));
    }
}
