using MathNet.Numerics.LinearAlgebra;

namespace CreepCell.Sparse;

/// <summary>Dense Cholesky through Math.NET: a reference for small systems and for tests.</summary>
public sealed class DenseSolver : ISymmetricSolver
{
    MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>? chol;
    public string Name => "dense";
    public long FactorNonzeros { get; private set; }

    public void Analyze(CscMatrix a) => FactorNonzeros = (long)a.Rows * (a.Rows + 1) / 2;

    public void Factorize(CscMatrix a)
    {
        var m = Matrix<double>.Build.Dense(a.Rows, a.Columns);
        for (int j = 0; j < a.Columns; j++)
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++) m[a.RowIndices[p], j] = a.Values[p];
        chol = m.Cholesky();
    }

    public void Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        var r = chol!.Solve(Vector<double>.Build.DenseOfArray(b.ToArray()));
        for (int i = 0; i < x.Length; i++) x[i] = r[i];
    }

    public void Dispose() { }
}
