namespace CreepCell.Materials;

/// <summary>Theoretical specific capacities (C/kg) with their source: the paper's for its cathodes, and the
/// common anodes of half-cell data, for components marked active without one and for cycling's --theoretical.</summary>
internal static class LiteratureCapacities
{
    /// <summary>1 mAh/g in C/kg.</summary>
    public const double MilliampHourPerGram = 3600;

    static readonly Dictionary<string, (double CPerKg, string Source)> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Se"] = (675 * MilliampHourPerGram, "creep-type cathode paper: Se 675 mAh/g (Se + 2 Li -> Li2Se)"),
        ["FeS"] = (609 * MilliampHourPerGram, "creep-type cathode paper: FeS 609 mAh/g (FeS + 2 Li -> Fe + Li2S)"),
        ["Si"] = (3579 * MilliampHourPerGram, "Li15Si4, 3.75 Li per Si: Obrovac and Christensen, Electrochem. Solid-State Lett. 7 (2004) A93"),
        ["graphite"] = (372 * MilliampHourPerGram, "LiC6: F / (6 x 12.011 g/mol) = 372 mAh/g"),
    };

    public static bool TryGet(string material, out double coulombsPerKg, out string source)
    {
        bool ok = Values.TryGetValue(material, out var v);
        (coulombsPerKg, source) = ok ? v : (0, "");
        return ok;
    }
}
