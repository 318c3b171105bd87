namespace CreepCell.Analysis.PowderConductivity;

/// <summary>A step with everything derived: pressure (Pa), thickness (m), RCF and how it was found, resistivity (ohm m), conductivity (S/m), compact and relative density.</summary>
public sealed record ConductivityPoint(int Line, string Powder, double Pressure, double Thickness, double? Resistance, double? SheetResistance,
    double? Rcf, string RcfOrigin, double Resistivity, double Conductivity, double? CompactDensity, double? RelativeDensity, double? Fraction);
