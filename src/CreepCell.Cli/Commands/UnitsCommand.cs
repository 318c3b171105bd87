using System.CommandLine;
using System.Globalization;
using CreepCell.Io;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell units "70 degC" --as temperature`: shows how a quantity is read into SI.</summary>
static class UnitsCommand
{
    static readonly Dictionary<string, Dimension> Kinds = new()
    {
        ["pressure"] = Dimension.Pressure, ["length"] = Dimension.Length, ["time"] = Dimension.Time,
        ["temperature"] = Dimension.Temperature, ["rate"] = Dimension.Rate, ["force"] = Dimension.Force,
        ["molar-energy"] = Dimension.MolarEnergy, ["density"] = Dimension.Density, ["mass"] = Dimension.Mass,
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
            if (!Kinds.TryGetValue(k, out var dim)) throw new InputException("command line", "--as", $"expected one of {string.Join(", ", Kinds.Keys)}, got \"{k}\"");
            double v = Units.Parse(pr.GetValue(quantity)!, dim, "command line", "quantity");
            Console.WriteLine(v.ToString("R", CultureInfo.InvariantCulture) + " " + dim);
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
