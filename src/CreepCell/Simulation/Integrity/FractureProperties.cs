using CreepCell.Materials.Database;

namespace CreepCell.Simulation.Integrity;

/// <summary>What the fracture indicators need of a phase: its Weibull parameters and toughness K_Ic (Pa m^1/2).</summary>
internal sealed record FractureProperties(WeibullParameters Weibull, double Toughness)
{
    /// <summary>
    /// The properties of the database material a phase of the case is named after (by key, formula, name
    /// or alias: "Se", "MSe", "LCO", "FeS"); null when the database has no such material or it lacks one of
    /// weibull_strength, weibull_modulus, weibull_area, fracture_toughness.
    /// </summary>
    public static FractureProperties? ForPhase(string phase, MaterialsDatabase? database = null)
    {
        if (!(database ?? MaterialsDatabase.Default).TryGet(phase, out var r)) return null;
        if (r.WeibullStrength is not { } s || r.WeibullModulus is not { } m || r.WeibullArea is not { } a || r.FractureToughness is not { } k) return null;
        return new FractureProperties(new WeibullParameters(s.Value, m.Value, a.Value), k.Value);
    }
}
