using CreepCell.Materials;
using System.Globalization;
using CreepCell.Io;

namespace CreepCell.Analysis.Energy;

/// <summary>Reads component specifications and resolves them against a density source.</summary>
internal static class CompositionBuilder
{
    /// <summary>
    /// Parses <c>NAME:FIELD:FIELD...</c> where each field is recognised by its form: a mass percentage
    /// ("40", "40%", "40 wt%"), a density ("4.81 g/cm3"), a specific capacity ("675 mAh/g", which makes
    /// the component active), or the word active/inert. Example: <c>Se:40:4.81 g/cm3:active</c>.
    /// </summary>
    public static ComponentSpec ParseSpec(string spec, string source, string key)
    {
        var parts = spec.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || parts[0].Length == 0)
            throw new InputException(source, key, $"expected NAME:WT%[:DENSITY][:active|inert][:CAPACITY], got \"{spec}\"");
        double? wt = null, rho = null, cap = null;
        bool? active = null;
        // Each field once: "Se:40:50" would otherwise keep the last percentage without a word.
        T Once<T>(T? seen, T value, string what) where T : struct =>
            seen is null ? value : throw new InputException(source, key, $"in \"{spec}\": {what} is given twice");
        foreach (var f in parts.Skip(1))
        {
            string lower = f.ToLowerInvariant();
            if (lower is "active" or "inert") { active = Once(active, lower == "active", "active/inert"); continue; }
            string num = lower.Replace("wt%", "").Replace("wt.%", "").Replace("%", "").Trim();
            if (double.TryParse(num, NumberStyles.Float, CultureInfo.InvariantCulture, out double p)) { wt = Once(wt, p / 100, "the mass percentage"); continue; }
            if (Quantity.TryParse(f, Dimension.Density, out double d, out _)) { rho = Once(rho, d, "the density"); continue; }
            if (Quantity.TryParse(f, Dimension.SpecificCharge, out double q, out _)) { cap = Once(cap, q, "the capacity"); continue; }
            throw new InputException(source, key, $"in \"{spec}\": \"{f}\" is not a mass percentage, a density (g/cm3), a capacity (mAh/g), active or inert");
        }
        if (wt is null) throw new InputException(source, key, $"in \"{spec}\": no mass percentage");
        return new ComponentSpec(parts[0], wt.Value, rho, active ?? cap is not null, cap);
    }

    /// <summary>
    /// Resolves densities (spec, then <paramref name="densities"/>) and capacities of active components
    /// (spec, then the paper's values), and checks the mass fractions sum to 100 % within 0.5 %.
    /// </summary>
    public static Composition Resolve(string name, IReadOnlyList<ComponentSpec> specs, IDensitySource densities, string source)
    {
        if (specs.Count == 0) throw new InputException(source, "component", "no components given");
        double sum = specs.Sum(s => s.MassFraction);
        if (Math.Abs(sum - 1) > 0.005)
            throw new InputException(source, "component", $"mass fractions sum to {sum * 100:G6} wt.%, expected 100");
        var list = new List<Component>();
        foreach (var s in specs)
        {
            if (!(s.MassFraction > 0)) throw new InputException(source, s.Name, $"mass fraction must be positive, got {s.MassFraction * 100:G6} wt.%");
            if (list.Any(c => string.Equals(c.Name, s.Name, StringComparison.OrdinalIgnoreCase))) throw new InputException(source, s.Name, "component given twice");
            var (rho, rhoSource) = DensityOf(s, densities, source);
            var (cap, capSource) = CapacityOf(s, source);
            list.Add(new Component(s.Name, s.MassFraction / sum, rho, rhoSource, s.Active, cap, capSource));
        }
        return new Composition(name, list);
    }

    static (double, string) DensityOf(ComponentSpec s, IDensitySource densities, string source)
    {
        if (s.Density is double d) return d > 0 ? (d, $"given ({source})") : throw new InputException(source, s.Name, "density must be positive");
        if (densities.TryGet(s.Name, out var md)) return (md.KgPerM3, md.Source);
        throw new InputException(source, s.Name, $"no true density for \"{s.Name}\"; give one, e.g. \"{s.Name}:{s.MassFraction * 100:G4}:5.0 g/cm3\" (built in: {string.Join(", ", DensitySources.BuiltInMaterials)})");
    }

    static (double, string) CapacityOf(ComponentSpec s, string source)
    {
        if (!s.Active) return (0, "inert");
        if (s.Capacity is double q) return q > 0 ? (q, $"given ({source})") : throw new InputException(source, s.Name, "capacity must be positive");
        if (LiteratureCapacities.TryGet(s.Name, out double lq, out string src)) return (lq, src);
        throw new InputException(source, s.Name, $"active component \"{s.Name}\" needs a specific capacity, e.g. \"{s.Name}:{s.MassFraction * 100:G4}:active:100 mAh/g\"");
    }
}
