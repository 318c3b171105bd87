namespace CreepCell.Sparse;

/// <summary>
/// Collects (row, column[, value]) triplets and compresses them into a <see cref="CscMatrix"/>
/// with sorted row indices and duplicates summed (a counting sort by column, then a sort within
/// each column: O(nnz log(nnz/n))). For finite elements, add each element's dof clique with
/// <see cref="AddClique"/> to get the full symmetric pattern, then assemble values through
/// <see cref="CscPositions"/>.
/// </summary>
internal sealed class TripletBuilder
{
    readonly int rows, columns;
    int[] ri = new int[16], ci = new int[16];
    // values are stored only once a nonzero value arrives: a pattern-only build needs half the memory
    double[]? vi;
    int count;

    public TripletBuilder(int rows, int columns)
    {
        if (rows < 0 || columns < 0) throw new ArgumentOutOfRangeException(nameof(rows), "dimensions must be non-negative");
        this.rows = rows;
        this.columns = columns;
    }

    public int Count => count;

    /// <summary>Adds value v at (i, j); duplicates are summed by <see cref="Build"/>.</summary>
    public void Add(int i, int j, double v = 0.0)
    {
        if ((uint)i >= (uint)rows || (uint)j >= (uint)columns)
            throw new ArgumentOutOfRangeException(nameof(i), $"entry ({i}, {j}) outside a {rows} x {columns} matrix");
        if (count == ri.Length) Grow();
        ri[count] = i;
        ci[count] = j;
        if (v != 0.0 || vi != null)
        {
            vi ??= new double[ri.Length];
            vi[count] = v;
        }
        count++;
    }

    /// <summary>Adds every pair (a, b) of the given indices (a dense symmetric block), value 0.</summary>
    public void AddClique(ReadOnlySpan<int> indices)
    {
        foreach (int a in indices)
            foreach (int b in indices) Add(a, b);
    }

    void Grow()
    {
        int size = ri.Length * 2;
        Array.Resize(ref ri, size);
        Array.Resize(ref ci, size);
        if (vi != null) Array.Resize(ref vi, size);
    }

    /// <summary>Compresses the triplets; duplicate entries are summed.</summary>
    public CscMatrix Build()
    {
        var colPtr = new int[columns + 1];
        for (int k = 0; k < count; k++) colPtr[ci[k] + 1]++;
        for (int j = 0; j < columns; j++) colPtr[j + 1] += colPtr[j];
        var next = (int[])colPtr.Clone();
        var rowsOut = new int[count];
        var valsOut = new double[count];
        for (int k = 0; k < count; k++)
        {
            int p = next[ci[k]]++;
            rowsOut[p] = ri[k];
            if (vi != null) valsOut[p] = vi[k];
        }
        return Compress(colPtr, rowsOut, valsOut);
    }

    CscMatrix Compress(int[] colPtr, int[] rowIdx, double[] vals)
    {
        int q = 0;
        var outPtr = new int[columns + 1];
        for (int j = 0; j < columns; j++)
        {
            int start = colPtr[j], end = colPtr[j + 1];
            if (vi != null) Array.Sort(rowIdx, vals, start, end - start);
            else Array.Sort(rowIdx, start, end - start);
            int first = q;
            for (int p = start; p < end; p++)
            {
                if (q > first && rowIdx[q - 1] == rowIdx[p]) { vals[q - 1] += vals[p]; continue; }
                rowIdx[q] = rowIdx[p];
                vals[q] = vals[p];
                q++;
            }
            outPtr[j + 1] = q;
        }
        Array.Resize(ref rowIdx, q);
        Array.Resize(ref vals, q);
        return new CscMatrix(rows, columns, outPtr, rowIdx, vals);
    }
}
