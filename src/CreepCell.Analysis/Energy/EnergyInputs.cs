namespace CreepCell.Analysis.Energy;

/// <summary>Inputs of a cathode-level energy density calculation (SI).</summary>
/// <param name="MeanVoltage">mean discharge voltage measured against <paramref name="Reference"/> (V).</param>
/// <param name="CathodeCapacity">measured capacity per mass of the whole cathode (C/kg); null = from the components.</param>
public sealed record EnergyInputs(Composition Composition, double MeanVoltage, ReferenceElectrode Reference, Packing Packing, double? CathodeCapacity = null);
