namespace CreepCell.Io.Plots;

/// <summary>A point to show beside the simulated curves, e.g. a value read from the paper (Fig. 4).
/// X and Y are in the history's units (SI); the plot applies the same scales as to the curves.</summary>
internal sealed record ReferencePoint(double X, double Y, string Label);

/// <summary>What a history plot shows: y columns against an x column, with labels and units.</summary>
internal sealed record HistoryPlotSpec(string XColumn, IReadOnlyList<string> YColumns)
{
    public string Title { get; init; } = "";
    /// <summary>Axis labels including the unit, e.g. "mean von Mises stress in Se (GPa)".</summary>
    public string? XLabel { get; init; }
    public string? YLabel { get; init; }
    /// <summary>Factor from the stored values to the shown unit (1e-9 for Pa to GPa, 100 for fraction to %).</summary>
    public double XScale { get; init; } = 1;
    public double YScale { get; init; } = 1;
    /// <summary>A logarithmic x axis (the x values must be positive), e.g. for many cycles.</summary>
    public bool LogX { get; init; }
    public IReadOnlyList<ReferencePoint> References { get; init; } = Array.Empty<ReferencePoint>();
    public int Width { get; init; } = 900;
    public int Height { get; init; } = 600;
}
