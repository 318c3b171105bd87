namespace CreepCell.Contact;

/// <summary>
/// Contact options of a case (the <c>[contact]</c> table). Null entries take the defaults of
/// <see cref="ContactModel"/>: enabled when the mesh has several bodies, barrier distance dhat = 1e-3 of
/// the mean equivalent particle radius or 2 % of the free growth of a swelling phase if smaller, contact modulus = the largest Young's modulus of the bodies,
/// regularization 1e-8.
/// </summary>
public sealed record ContactSettings
{
    public bool? Enabled { get; init; }
    /// <summary>Barrier activation distance dhat (m).</summary>
    public double? Distance { get; init; }
    /// <summary>Contact modulus Ec (Pa); the barrier stiffness is kappa = Ec / dhat.</summary>
    public double? Stiffness { get; init; }
    /// <summary>Relative stiffness eps of the per-node spring that anchors floating bodies.</summary>
    public double Regularization { get; init; } = DefaultRegularization;

    public const double DefaultDistanceFraction = 1e-3;
    /// <summary>Largest default reach relative to the free growth in radius of a swelling phase.</summary>
    public const double DefaultGrowthFraction = 0.02;
    public const double DefaultRegularization = 1e-8;

    /// <summary>Every value outside its range, as (case key, what was expected).</summary>
    public IEnumerable<(string Key, string Expected)> Problems()
    {
        if (Distance is { } d && !(d > 0)) yield return ("distance", "expected a positive length");
        if (Stiffness is { } k && !(k > 0)) yield return ("stiffness", "expected a positive pressure");
        if (!(Regularization >= 0 && Regularization < 1e-3)) yield return ("regularization", "expected a number in [0, 1e-3)");
    }
}
