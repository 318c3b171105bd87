namespace CreepCell.Sparse;

/// <summary>Checks that a matrix has the pattern a solver analyzed.</summary>
static class AnalyzedPattern
{
    /// <summary>Same arrays as the analyzed matrix (the usual case, via <see cref="CscMatrix.WithValues"/>), or equal contents.</summary>
    public static bool Matches(CscMatrix a, int[] pointers, int[] rows)
    {
        if (ReferenceEquals(a.ColumnPointers, pointers) && ReferenceEquals(a.RowIndices, rows)) return true;
        return pointers.Length > 0
            && a.Columns == pointers.Length - 1
            && a.ColumnPointers.AsSpan().SequenceEqual(pointers)
            && a.RowIndices.AsSpan(0, a.NonZeros).SequenceEqual(rows.AsSpan(0, pointers[^1]));
    }
}
