namespace CreepCell.Geometry.Packing;

/// <summary>
/// Checks a <see cref="PackingSpec"/> before any work, so that a bad case file fails with one
/// <see cref="InputException"/> that names the key and says what was expected.
/// </summary>
internal static class PackingValidation
{
    /// <summary>More particles than this would take minutes to pack and mesh; it is almost surely a unit slip.</summary>
    public const int MaxParticles = 20000;

    public static void Check(PackingSpec s)
    {
        Require(s, double.IsFinite(s.Side) && s.Side > 0, s.Key("side"), $"expected a positive length, got {s.Side:G4} m");
        Require(s, s.Phases.Count > 0, s.Key("phases"), "expected at least one particle phase");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in s.Phases) CheckPhase(s, p, names);
        double sum = s.Phases.Sum(p => p.Fraction);
        Require(s, sum < 1, s.Key("phases"),
            $"the phase fractions sum to {sum:0.####}; they must sum to less than 1 to leave pores ({string.Join(" + ", s.Phases.Select(p => $"{p.Name} {p.Fraction:0.####}"))})");
        CheckCounts(s);
        CheckOptions(s);
        if (s.Voids is VoidSpec v) CheckVoids(s, v);
    }

    static void CheckVoids(PackingSpec s, VoidSpec v)
    {
        string key = s.Key("voids");
        Require(s, double.IsFinite(v.MeanDiameter) && v.MeanDiameter > 0 && v.MeanDiameter < s.Side / 2, $"{key}.mean_diameter",
            $"expected a positive length below half the side ({s.Side / 2:G4} m), got {v.MeanDiameter:G4} m");
        Require(s, double.IsFinite(v.Cv) && v.Cv >= 0 && v.Cv <= 1, $"{key}.cv",
            $"expected a coefficient of variation between 0 and 1, got {v.Cv:G4}");
        double count = s.PoreFraction * s.Side * s.Side / (Math.PI / 4 * v.MeanDiameter * v.MeanDiameter * (1 + v.Cv * v.Cv));
        Require(s, count >= 1, $"{key}.mean_diameter",
            $"the porosity {s.PoreFraction:0.###} of a {s.Side:G4} m square holds {count:0.##} voids of mean diameter {v.MeanDiameter:G4} m; expected at least one");
    }

    static void CheckPhase(PackingSpec s, PhaseSpec p, HashSet<string> names)
    {
        Require(s, !string.IsNullOrWhiteSpace(p.Name) && !p.Name.StartsWith("pore", StringComparison.OrdinalIgnoreCase),
            s.Key("phases"), $"phase name \"{p.Name}\" is empty or reserved (pores are what the phases leave)");
        Require(s, names.Add(p.Name), s.PhaseKey(p, "fraction"), $"phase \"{p.Name}\" is given twice");
        Require(s, double.IsFinite(p.Fraction) && p.Fraction > 0 && p.Fraction < 1, s.PhaseKey(p, "fraction"),
            $"expected an area fraction between 0 and 1 (exclusive), got {p.Fraction:G4}");
        Require(s, double.IsFinite(p.MeanDiameter) && p.MeanDiameter > 0, s.PhaseKey(p, "mean_diameter"),
            $"expected a positive length, got {p.MeanDiameter:G4} m");
        Require(s, p.MeanDiameter < s.Side / 2, s.PhaseKey(p, "mean_diameter"),
            $"particles of {p.MeanDiameter:G4} m do not fit an RVE of side {s.Side:G4} m (expected less than half the side)");
        Require(s, double.IsFinite(p.Cv) && p.Cv >= 0 && p.Cv <= 1, s.PhaseKey(p, "cv"),
            $"expected a coefficient of variation between 0 and 1, got {p.Cv:G4}");
    }

    /// <summary>Expected count f L^2 / E[pi d^2 / 4], with E[d^2] = mean^2 (1 + cv^2) for the log-normal.</summary>
    static void CheckCounts(PackingSpec s)
    {
        double total = 0;
        foreach (var p in s.Phases)
        {
            double count = p.Fraction * s.Side * s.Side / (Math.PI / 4 * p.MeanDiameter * p.MeanDiameter * (1 + p.Cv * p.Cv));
            Require(s, count >= 1, s.PhaseKey(p, "fraction"),
                $"a fraction of {p.Fraction:G4} of a {s.Side:G4} m square holds {count:0.##} particles of mean diameter {p.MeanDiameter:G4} m; expected at least one (raise the fraction or the side, or lower the diameter)");
            total += count;
        }
        var finest = s.Phases.OrderBy(p => p.MeanDiameter).First();
        Require(s, total <= MaxParticles, s.PhaseKey(finest, "mean_diameter"),
            $"about {total:0} particles would be needed; at most {MaxParticles} are allowed (check the units of side and diameters)");
    }

    static void CheckOptions(PackingSpec s)
    {
        double dMin = s.Phases.Min(p => p.MeanDiameter);
        if (s.EdgeLength is double h)
        {
            Require(s, double.IsFinite(h) && h > 0, s.Key("edge_length"), $"expected a positive length, got {h:G4} m");
            Require(s, h <= dMin / 8, s.Key("edge_length"),
                $"{h:G4} m is too coarse for particles of mean diameter {dMin:G4} m (expected at most diameter / 8)");
            Require(s, h >= dMin / 200, s.Key("edge_length"),
                $"{h:G4} m is finer than diameter / 200 ({dMin / 200:G4} m); the boundaries would need too many vertices");
        }
        Require(s, double.IsFinite(s.CornerRadius) && s.CornerRadius >= 0 && s.CornerRadius <= 0.5, s.Key("corner_radius"),
            $"expected a fraction of the particle diameter between 0 and 0.5, got {s.CornerRadius:G4}");
        Require(s, double.IsFinite(s.MinGap) && s.MinGap > 0 && s.MinGap < 0.5, s.Key("min_gap"),
            $"expected a fraction of the mean particle diameter above 0 and below 0.5, got {s.MinGap:G4}");
        Require(s, s.RelaxationSteps >= 0 && s.RelaxationSteps <= 1000, s.Key("relaxation_steps"),
            $"expected a number of steps between 0 and 1000, got {s.RelaxationSteps}");
    }

    static void Require(PackingSpec s, bool ok, string key, string message)
    {
        if (!ok) throw new InputException(s.Source, key, message);
    }
}
