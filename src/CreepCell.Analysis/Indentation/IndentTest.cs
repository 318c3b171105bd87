namespace CreepCell.Analysis.Indentation;

/// <summary>
/// One indent as recorded: time (s), load on sample (N), displacement into surface (m), and where the
/// instrument stored them, harmonic contact stiffness (N/m) and its own hardness and modulus (Pa).
/// Missing samples (the G200 writes 1.8e308) are NaN in the optional arrays.
/// </summary>
public sealed record IndentTest(
    string Name,
    double[] Time,
    double[] Load,
    double[] Depth,
    double[]? HarmonicStiffness,
    double[]? InstrumentHardness,
    double[]? InstrumentModulus,
    IReadOnlyList<SegmentMarker> Markers)
{
    public int Count => Time.Length;

    /// <summary>Row of the first marker whose name contains the text, or -1.</summary>
    public int FindMarker(string text) =>
        Markers.FirstOrDefault(m => m.Name.Contains(text, StringComparison.OrdinalIgnoreCase))?.Index ?? -1;
}
