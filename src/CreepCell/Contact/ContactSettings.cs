using CreepCell.Io;

namespace CreepCell.Contact;

/// <summary>
/// Contact options of a case (the <c>[contact]</c> table). Null entries take the defaults of
/// <see cref="ContactModel"/>: enabled when the mesh has several bodies, barrier distance dhat = 1e-3 of
/// the mean equivalent particle radius, contact modulus = the largest Young's modulus of the bodies,
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
    public double Regularization { get; init; } = 1e-8;

    public const double DefaultDistanceFraction = 1e-3;

    /// <summary>Reads the [contact] table; a missing table gives the defaults.</summary>
    public static ContactSettings Read(TomlSection? section)
    {
        if (section is null) return new ContactSettings();
        var s = new ContactSettings
        {
            Enabled = section.Has("enabled") ? section.Boolean("enabled", true) : null,
            Distance = section.Has("distance") ? section.Quantity("distance", Dimension.Length) : null,
            Stiffness = section.Has("stiffness") ? section.Quantity("stiffness", Dimension.Pressure) : null,
            Regularization = section.Number("regularization", 1e-8),
        };
        section.RejectUnknownKeys();
        if (s.Distance is { } d && !(d > 0)) throw new InputException(section.File, section.Key("distance"), "expected a positive length");
        if (s.Stiffness is { } k && !(k > 0)) throw new InputException(section.File, section.Key("stiffness"), "expected a positive pressure");
        if (!(s.Regularization >= 0 && s.Regularization < 1e-3))
            throw new InputException(section.File, section.Key("regularization"), "expected a number in [0, 1e-3)");
        return s;
    }
}
