namespace CreepCell.Geometry.Packing;

/// <summary>
/// Everything that defines a packing. Lengths in m. <see cref="Source"/> and <see cref="KeyPrefix"/>
/// only make error messages point at the case file (e.g. "case.toml: microstructure.phases.Se.fraction").
/// </summary>
/// <param name="Side">Side L of the square RVE, m.</param>
/// <param name="Seed">Random seed; the same seed gives the same geometry on every machine.</param>
/// <param name="EdgeLength">Target particle boundary edge length, m; null = smallest mean diameter / 24.</param>
/// <param name="CornerRadius">Corner fillet radius as a fraction of the particle diameter.</param>
/// <param name="MinGap">Smallest gap between particles as a fraction of the mean particle diameter.</param>
/// <param name="RelaxationSteps">Lloyd and weight-correction steps of the tessellation.</param>
/// <param name="Voids">Pores as discrete voids; null spreads the porosity over the gaps between all particles.</param>
public sealed record PackingSpec(
    double Side,
    ulong Seed,
    IReadOnlyList<PhaseSpec> Phases,
    double? EdgeLength = null,
    double CornerRadius = 0.2,
    double MinGap = 0.02,
    int RelaxationSteps = 40,
    string Source = "packing spec",
    string KeyPrefix = "microstructure",
    VoidSpec? Voids = null)
{
    /// <summary>
    /// The paper's Se-60MSe cathode: Se 35.6 %, MSe 39.7 %, pores 24.7 % by area (Methods, "Finite
    /// element simulation"). Sizes are assumed: Se 3 um, MSe 2 um mean diameter, cv 0.25, RVE 20 um.
    /// </summary>
    public static PackingSpec SeMse(ulong seed = 1) => new(
        20e-6, seed,
        new[] { new PhaseSpec("Se", 0.356, 3e-6, 0.25), new PhaseSpec("MSe", 0.397, 2e-6, 0.25) });

    /// <summary>Target pore fraction: one minus the phase fractions.</summary>
    public double PoreFraction => 1 - Phases.Sum(p => p.Fraction);

    /// <summary>The boundary edge length in use.</summary>
    public double ResolvedEdgeLength => EdgeLength ?? Phases.Min(p => p.MeanDiameter) / 24;

    /// <summary>Area-weighted mean particle diameter over all phases, m.</summary>
    public double MeanDiameter
    {
        get
        {
            double f = Phases.Sum(p => p.Fraction);
            return f > 0 ? Phases.Sum(p => p.Fraction * p.MeanDiameter) / f : 0;
        }
    }

    internal string Key(string key) => $"{KeyPrefix}.{key}";

    internal string PhaseKey(PhaseSpec p, string key) => $"{KeyPrefix}.phases.{p.Name}.{key}";
}
