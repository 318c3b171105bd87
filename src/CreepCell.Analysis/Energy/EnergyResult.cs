namespace CreepCell.Analysis.Energy;

/// <summary>The full calculation, each intermediate kept so it can be shown as a table (SI units).</summary>
public sealed record EnergyResult(IReadOnlyList<EnergyComponentRow> Rows, double TrueDensity, double ElectrodeDensity, double Porosity,
    double SpecificCapacity, bool CapacityMeasured, double VolumetricCapacity, double MeanVoltage, ReferenceElectrode Reference, double MeanVoltageVsLi,
    double GravimetricVsLi, double VolumetricVsLi, double GravimetricVsReference, double VolumetricVsReference);
