namespace CreepCell.Analysis.PowderConductivity;

/// <summary>
/// One pressure step as read (SI; null where the file has no such column): powder, applied pressure
/// or load, thickness or compact density, mass, four-probe resistance R or sheet resistance Rs, the
/// instrument's resistivity correction factor, the true density of the powder and the volume fraction of
/// the conducting phase.
/// </summary>
public sealed record PowderStep(int Line, string Powder, double? Pressure, double? Load, double? Thickness, double? CompactDensity,
    double? Mass, double? Resistance, double? SheetResistance, double? Rcf, double? TrueDensity, double? Fraction);

/// <summary>Where the resistivity correction factor comes from when the file has none.</summary>
public abstract record RcfSource
{
    /// <summary>A factor given by the user.</summary>
    public sealed record Given(double Value) : RcfSource;

    /// <summary>Computed for a disc of the cell diameter probed with this spacing (<see cref="FourProbe.CellFactor"/>).</summary>
    public sealed record Computed(double ProbeSpacing) : RcfSource;
}

/// <summary>A step with everything derived: pressure (Pa), thickness (m), RCF and how it was found, resistivity (ohm m), conductivity (S/m), compact and relative density.</summary>
public sealed record ConductivityPoint(int Line, string Powder, double Pressure, double Thickness, double? Resistance, double? SheetResistance,
    double? Rcf, string RcfOrigin, double Resistivity, double Conductivity, double? CompactDensity, double? RelativeDensity, double? Fraction);
