namespace CreepCell.Analysis.Energy;

/// <summary>
/// Pellet density and porosity from mass, die diameter and thickness, as in the paper's Methods
/// ("Porosity and density measurement of electrodes under different stress"): rho = m / (pi D^2/4 h),
/// porosity = 1 - rho / rho_s with rho_s = 1/sum(w_i/rho_i) the pore-free density of the composition.
/// </summary>
public static class Pellet
{
    public static List<PelletState> Compute(Composition composition, double mass, double diameter, IReadOnlyList<Pressing> pressings)
    {
        if (!(mass > 0)) throw new ArgumentException("pellet mass must be positive");
        if (!(diameter > 0)) throw new ArgumentException("pellet diameter must be positive");
        CheckPressings(pressings);
        double area = Math.PI * diameter * diameter / 4;
        double rhoS = composition.TrueDensity;
        return pressings.Select(p =>
        {
            if (!(p.Thickness > 0)) throw new ArgumentException($"thickness at {p.Pressure / 1e6:G4} MPa must be positive");
            double rho = mass / (area * p.Thickness);
            if (rho > rhoS * (1 + 1e-9))
                throw new ArgumentException($"at {p.Pressure / 1e6:G4} MPa the pellet density {rho / 1000:G4} g/cm3 exceeds the pore-free density {rhoS / 1000:G4} g/cm3: check mass, diameter, thickness or the component densities");
            return new PelletState(p.Pressure, p.Thickness, rho, rho / rhoS, 1 - rho / rhoS);
        }).ToList();
    }

    /// <summary>
    /// Pressures must be non-negative and distinct, and a pellet cannot grow thicker under a higher pressure
    /// (its springback after release is smaller than what the extra pressure compacted).
    /// </summary>
    static void CheckPressings(IReadOnlyList<Pressing> pressings)
    {
        foreach (var p in pressings)
            if (!(p.Pressure >= 0) || !double.IsFinite(p.Pressure)) throw new ArgumentException($"pressure {p.Pressure / 1e6:G4} MPa: expected a pressure of 0 or more");
        var sorted = pressings.OrderBy(p => p.Pressure).ToList();
        for (int i = 1; i < sorted.Count; i++)
        {
            var (a, b) = (sorted[i - 1], sorted[i]);
            if (b.Pressure == a.Pressure) throw new ArgumentException($"pressure {b.Pressure / 1e6:G4} MPa is given twice; give one thickness per pressure");
            if (b.Thickness > a.Thickness)
                throw new ArgumentException($"thickness grows with pressure: {a.Thickness * 1e3:G6} mm at {a.Pressure / 1e6:G4} MPa but {b.Thickness * 1e3:G6} mm at {b.Pressure / 1e6:G4} MPa; check the readings (or --mold-height)");
        }
    }

    /// <summary>The thickness a pellet of this mass and diameter has at a given porosity (inverse of <see cref="Compute"/>).</summary>
    public static double ThicknessAt(Composition composition, double mass, double diameter, double porosity) =>
        mass / (Math.PI * diameter * diameter / 4 * composition.TrueDensity * (1 - porosity));
}
