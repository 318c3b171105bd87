
namespace CreepCell.Materials.Database;

/// <summary>
/// One material of the database (SI inside: K, kg/m^3, C/kg, Pa, S/m). Volume change is the fractional
/// change on full lithiation (the simulation's beta). Capacity is computed from formula and electrons
/// (Faraday's law) unless the data file states one (then both are available).
/// </summary>
public sealed record MaterialRecord(
    string Key, string Name, string Formula, IReadOnlyList<string> Aliases, string Role, double? Electrons, string? Lithiated,
    MaterialProperty? MeltingPoint, MaterialProperty? Density, MaterialProperty? StatedCapacity, MaterialProperty? VolumeChange,
    MaterialProperty? YoungsModulus, MaterialProperty? PoissonRatio, MaterialProperty? ElectronicConductivity, MaterialProperty? IonicConductivity)
{
    /// <summary>z F / M of the formula (C/kg), or null without electrons or with an unknown element.</summary>
    public double? ComputedCapacity =>
        Electrons is > 0 && ChemicalFormula.TryMolarMass(Formula, out double m) ? ChemicalFormula.Capacity(Electrons.Value, m) : null;

    /// <summary>The stated capacity when the data file gives one, else the computed one (C/kg).</summary>
    public double? TheoreticalCapacity => StatedCapacity?.Value ?? ComputedCapacity;

    /// <summary>G = E / (2 (1 + v)), for the creep law (eq. 4).</summary>
    public double? ShearModulus => YoungsModulus is { } e && PoissonRatio is { } v ? e.Value / (2 * (1 + v.Value)) : null;

    public double? HomologousTemperature(double temperature) => MeltingPoint is { } tm ? Homologous.Ratio(temperature, tm.Value) : null;

    public DeformationRegime? Regime(double temperature) => HomologousTemperature(temperature) is double r ? Homologous.Regime(r) : null;

    /// <summary>Weibull characteristic strength sigma_0 (Pa) of the fracture indicator (docs/integrity.md).</summary>
    public MaterialProperty? WeibullStrength { get; init; }
    /// <summary>Weibull modulus m (dimensionless).</summary>
    public MaterialProperty? WeibullModulus { get; init; }
    /// <summary>Reference area A_0 (m^2) for which sigma_0 holds (2D: an area, not a volume).</summary>
    public MaterialProperty? WeibullArea { get; init; }
    /// <summary>Mode I fracture toughness K_Ic (Pa m^1/2).</summary>
    public MaterialProperty? FractureToughness { get; init; }

    /// <summary>Every name the material answers to: key, formula, name and aliases.</summary>
    public IEnumerable<string> Names => new[] { Key, Formula, Name }.Concat(Aliases);
}
