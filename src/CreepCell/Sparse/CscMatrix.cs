namespace CreepCell.Sparse;

/// <summary>
/// Compressed sparse column matrix. For symmetric matrices both triangles are stored (full
/// pattern), row indices sorted within each column.
/// </summary>
internal sealed class CscMatrix
{
    public int Rows { get; }
    public int Columns { get; }
    public int[] ColumnPointers { get; }
    public int[] RowIndices { get; }
    public double[] Values { get; }

    public CscMatrix(int rows, int columns, int[] columnPointers, int[] rowIndices, double[] values)
    {
        if (columnPointers.Length != columns + 1) throw new ArgumentException("columnPointers must have columns + 1 entries");
        Rows = rows;
        Columns = columns;
        ColumnPointers = columnPointers;
        RowIndices = rowIndices;
        Values = values;
    }

    public int NonZeros => ColumnPointers[Columns];

    /// <summary>y = A x.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        y.Clear();
        for (int j = 0; j < Columns; j++)
        {
            double xj = x[j];
            for (int p = ColumnPointers[j]; p < ColumnPointers[j + 1]; p++) y[RowIndices[p]] += Values[p] * xj;
        }
    }

    /// <summary>Position of entry (i, j) in <see cref="Values"/>, or -1. Binary search in column j.</summary>
    public int IndexOf(int i, int j)
    {
        int k = Array.BinarySearch(RowIndices, ColumnPointers[j], ColumnPointers[j + 1] - ColumnPointers[j], i);
        return k >= 0 ? k : -1;
    }

    public CscMatrix WithValues(double[] values) => new(Rows, Columns, ColumnPointers, RowIndices, values);
}
