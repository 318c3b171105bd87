using MathNet.Numerics.LinearAlgebra;

namespace CreepCell.Sparse;

/// <summary>Dense LU through Math.NET (symmetric indefinite systems included): a reference for small systems and tests.</summary>
internal sealed class DenseSolver : ISymmetricSolver
{
    MathNet.Numerics.LinearAlgebra.Factorization.LU<double>? lu;
    public string Name => "dense";
    public long FactorNonzeros { get; private set; }

    public void Analyze(CscMatrix a) => FactorNonzeros = (long)a.Rows * (a.Rows + 1) / 2;

    public void Factorize(CscMatrix a)
    {
        var m = Matrix<double>.Build.Dense(a.Rows, a.Columns);
        for (int j = 0; j < a.Columns; j++)
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++) m[a.RowIndices[p], j] = a.Values[p];
        lu = m.LU();
    }

    public void Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        var r = lu!.Solve(Vector<double>.Build.DenseOfArray(b.ToArray()));
        for (int i = 0; i < x.Length; i++) x[i] = r[i];
    }

    public void Dispose() { }
}
