namespace CreepCell.Analysis.Cycling;

/// <summary>What the Weppner-Huggins relation needs besides the voltage transient (SI).</summary>
/// <param name="MolarVolume">V_M of the active material, m^3/mol.</param>
/// <param name="MolarMass">M_B of the active material, kg/mol.</param>
/// <param name="ActiveMass">m_B, kg.</param>
/// <param name="Area">S, the electrode/electrolyte contact area, m^2.</param>
internal sealed record GittInputs(double MolarVolume, double MolarMass, double ActiveMass, double Area)
{
    /// <summary>m_B V_M / (M_B S): the active volume per unit area, a diffusion length (m).</summary>
    public double Length => ActiveMass * MolarVolume / (MolarMass * Area);
}
