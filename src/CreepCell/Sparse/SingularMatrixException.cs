namespace CreepCell.Sparse;

/// <summary>
/// Raised by a numeric factorization when a pivot is zero, or not positive where a positive
/// definite matrix was expected. <see cref="Column"/> is the column of the input matrix (original
/// numbering) whose pivot failed.
/// </summary>
internal sealed class SingularMatrixException : Exception
{
    public int Column { get; }
    public double Pivot { get; }

    public SingularMatrixException(int column, double pivot, string expectation)
        : base($"matrix is not {expectation}: pivot {pivot:R} at column {column}")
    {
        Column = column;
        Pivot = pivot;
    }
}
