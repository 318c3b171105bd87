using System.Globalization;
using CreepCell.Analysis.Energy;
using CreepCell.Io;

namespace CreepCell.Cli;

/// <summary>
/// Quantities given on the command line. Case files read a bare number as SI, but on the command line
/// "--mass 60" would silently mean 60 kg, so an option that carries a dimension must carry its unit.
/// </summary>
static class OptionQuantity
{
    const string Src = "command line";

    /// <summary>Reads "60 mg", "10 mm", "0.1 nm/mN" into SI; a bare number is refused with an example.</summary>
    public static double Parse(string text, Dimension dim, string option, string example)
    {
        string t = text.Trim();
        if (dim != Dimension.None && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw new InputException(Src, option, $"\"{t}\" has no unit; write it with one, e.g. {option} \"{example}\"");
        return Quantity.Parse(t, dim, Src, option);
    }

    /// <summary>As <see cref="Parse"/>, and the value must be above zero.</summary>
    public static double Positive(string text, Dimension dim, string option, string example)
    {
        double v = Parse(text, dim, option, example);
        return v > 0 ? v : throw new InputException(Src, option, $"expected a positive value, got \"{text.Trim()}\"");
    }
}
