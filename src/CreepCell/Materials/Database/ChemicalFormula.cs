using System.Text.RegularExpressions;

namespace CreepCell.Materials.Database;

/// <summary>
/// Molar masses of simple formulas ("Li6PS5Cl", "Mo6Se8") and theoretical capacities Q = z F / M
/// (Faraday's law; z electrons per formula unit, M the molar mass of the unlithiated formula).
/// Atomic weights: IUPAC abridged standard atomic weights (2021).
/// </summary>
internal static partial class ChemicalFormula
{
    public const double Faraday = 96485.33212;

    static readonly Dictionary<string, double> AtomicWeight = new()
    {
        ["H"] = 1.008, ["Li"] = 6.94, ["C"] = 12.011, ["N"] = 14.007, ["O"] = 15.999, ["F"] = 18.998, ["Na"] = 22.990,
        ["Mg"] = 24.305, ["Al"] = 26.982, ["Si"] = 28.085, ["P"] = 30.974, ["S"] = 32.06, ["Cl"] = 35.45, ["K"] = 39.098,
        ["Ti"] = 47.867, ["Mn"] = 54.938, ["Fe"] = 55.845, ["Co"] = 58.933, ["Ni"] = 58.693, ["Cu"] = 63.546,
        ["Ge"] = 72.630, ["Se"] = 78.971, ["Br"] = 79.904, ["Mo"] = 95.95, ["Ag"] = 107.87, ["In"] = 114.82,
        ["Sn"] = 118.71, ["Sb"] = 121.76, ["Te"] = 127.60, ["I"] = 126.90, ["Bi"] = 208.98,
    };

    [GeneratedRegex(@"([A-Z][a-z]?)(\d*\.?\d*)")]
    private static partial Regex Token();

    /// <summary>Molar mass in kg/mol; false for an unknown element or a malformed formula.</summary>
    public static bool TryMolarMass(string formula, out double kgPerMol)
    {
        kgPerMol = 0;
        int covered = 0;
        foreach (Match m in Token().Matches(formula))
        {
            if (m.Index != covered || !AtomicWeight.TryGetValue(m.Groups[1].Value, out double w)) return false;
            double count = m.Groups[2].Value.Length == 0 ? 1 : double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            kgPerMol += w * count * 1e-3;
            covered += m.Length;
        }
        return covered == formula.Length && kgPerMol > 0;
    }

    /// <summary>Theoretical specific capacity in C/kg (1 mAh/g = 3600 C/kg).</summary>
    public static double Capacity(double electrons, double molarMass) => electrons * Faraday / molarMass;
}
