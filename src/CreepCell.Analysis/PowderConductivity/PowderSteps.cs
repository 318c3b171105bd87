namespace CreepCell.Analysis.PowderConductivity;

/// <summary>
/// One pressure step as read (SI; null where the file has no such column): powder, applied pressure
/// or load, thickness or compact density, mass, four-probe resistance R or sheet resistance Rs, the
/// instrument's resistivity correction factor, the true density of the powder and the volume fraction of
/// the conducting phase.
/// </summary>
public sealed record PowderStep(int Line, string Powder, double? Pressure, double? Load, double? Thickness, double? CompactDensity,
    double? Mass, double? Resistance, double? SheetResistance, double? Rcf, double? TrueDensity, double? Fraction);
