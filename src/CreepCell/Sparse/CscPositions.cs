namespace CreepCell.Sparse;

/// <summary>Positions of dense element blocks inside a CSC matrix, for assembling values by index.</summary>
internal static class CscPositions
{
    /// <summary>
    /// Fills positions[a * n + b] with the index in <see cref="CscMatrix.Values"/> of entry
    /// (indices[a], indices[b]), n = indices.Length. Throws if an entry is not in the pattern.
    /// </summary>
    public static void Of(CscMatrix a, ReadOnlySpan<int> indices, Span<int> positions)
    {
        int n = indices.Length;
        for (int jb = 0; jb < n; jb++)
        {
            int col = indices[jb];
            for (int ia = 0; ia < n; ia++)
            {
                int p = a.IndexOf(indices[ia], col);
                if (p < 0) throw new ArgumentException($"entry ({indices[ia]}, {col}) is not in the pattern");
                positions[ia * n + jb] = p;
            }
        }
    }
}
