namespace CreepCell.Analysis.Voltammetry;

/// <summary>Inputs of the Randles-Sevcik relation in SI (m2, mol/m3, K); D is computed only when area, concentration and electrons are all given.</summary>
public sealed record RandlesSevcikInputs(double? Area, double? Concentration, int? Electrons, double Temperature);
