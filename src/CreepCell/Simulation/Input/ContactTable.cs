using CreepCell.Contact;
using CreepCell.Io;

namespace CreepCell.Simulation;

/// <summary>Reads the [contact] table of a case.</summary>
internal static class ContactTable
{
    /// <summary>The contact settings of the table; a missing table gives the defaults.</summary>
    public static ContactSettings Read(TomlSection? section)
    {
        if (section is null) return new ContactSettings();
        var s = new ContactSettings
        {
            Enabled = section.Has("enabled") ? section.Boolean("enabled", true) : null,
            Distance = section.Has("distance") ? section.Quantity("distance", Dimension.Length) : null,
            Stiffness = section.Has("stiffness") ? section.Quantity("stiffness", Dimension.Pressure) : null,
            Regularization = section.Number("regularization", ContactSettings.DefaultRegularization),
        };
        section.RejectUnknownKeys();
        foreach (var (key, expected) in s.Problems()) throw new InputException(section.File, section.Key(key), expected);
        return s;
    }
}
