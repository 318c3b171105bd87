using System.CommandLine;
using System.Globalization;
using CreepCell.Io;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell units "70 degC" --as temperature`: shows how a quantity is read into SI.</summary>
static class UnitsCommand
{
    static readonly Dictionary<string, (Dimension Dim, string Unit)> Kinds = new()
    {
        ["pressure"] = (Dimension.Pressure, "Pa"), ["length"] = (Dimension.Length, "m"), ["time"] = (Dimension.Time, "s"),
        ["temperature"] = (Dimension.Temperature, "K"), ["rate"] = (Dimension.Rate, "1/s"), ["force"] = (Dimension.Force, "N"),
        ["molar-energy"] = (Dimension.MolarEnergy, "J/mol"), ["density"] = (Dimension.Density, "kg/m^3"), ["mass"] = (Dimension.Mass, "kg"),
    };

    public static Command Create()
    {
        var quantity = new Argument<string>("quantity") { Description = "a number with a unit, e.g. \"10 GPa\"" };
        var kind = new Option<string>("--as") { Description = "what it measures: " + string.Join(", ", Kinds.Keys), DefaultValueFactory = _ => "pressure" };
        var cmd = new Command("units", "Convert a quantity with a unit to SI, as case files read it");
        cmd.Arguments.Add(quantity);
        cmd.Options.Add(kind);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            string k = pr.GetValue(kind)!;
            if (!Kinds.TryGetValue(k, out var target)) throw new InputException("command line", "--as", $"expected one of {string.Join(", ", Kinds.Keys)}, got \"{k}\"");
            double v = Units.Parse(pr.GetValue(quantity)!, target.Dim, "command line", "quantity");
            if (target.Dim == Dimension.Temperature && !(v > 0))
                throw new InputException("command line", "quantity", $"\"{pr.GetValue(quantity)}\" is {Clean(v)} K, at or below absolute zero");
            Console.WriteLine($"{Clean(v)} {target.Unit}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>
    /// The value with 15 significant digits: the unit factors are exact decimals, so the binary rounding
    /// of a product such as 4.81 * 1000 (4809.999999999999) is noise, not a digit of the quantity.
    /// </summary>
    public static string Clean(double v) => double.Parse(v.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
}
