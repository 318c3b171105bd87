namespace CreepCell.Analysis.PowderConductivity;

/// <summary>Where the resistivity correction factor comes from when the file has none.</summary>
public abstract record RcfSource
{
    /// <summary>A factor given by the user.</summary>
    public sealed record Given(double Value) : RcfSource;

    /// <summary>Computed for a disc of the cell diameter probed with this spacing (<see cref="FourProbe.CellFactor"/>).</summary>
    public sealed record Computed(double ProbeSpacing) : RcfSource;
}
