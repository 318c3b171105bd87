using System.Globalization;
using CreepCell.Io;

namespace CreepCell.Analysis.Energy;

/// <summary>A mixture of components whose mass fractions sum to one.</summary>
public sealed record Composition(string Name, IReadOnlyList<Component> Components)
{
    /// <summary>Skeletal density of the pore-free mixture, 1 / sum(w_i / rho_i) (kg/m^3).</summary>
    public double TrueDensity => 1 / Components.Sum(c => c.MassFraction / c.Density);

    /// <summary>Specific capacity per mass of the whole mixture, sum(w_i q_i) over active components (C/kg).</summary>
    public double SpecificCapacity => Components.Where(c => c.Active).Sum(c => c.MassFraction * c.Capacity);

    /// <summary>
    /// A capacity measured per gram of one component (e.g. mAh per g of Se, as papers often quote)
    /// expressed per gram of the whole cathode: q w_component.
    /// </summary>
    public double PerCathodeMass(double capacityPerComponentMass, string component)
    {
        var c = Components.FirstOrDefault(x => string.Equals(x.Name, component, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"no component named \"{component}\" (components: {string.Join(", ", Components.Select(x => x.Name))})");
        return capacityPerComponentMass * c.MassFraction;
    }

    /// <summary>Volume fraction of component <paramref name="c"/> within the solid.</summary>
    public double SolidVolumeFraction(Component c) => c.MassFraction / c.Density * TrueDensity;
}
