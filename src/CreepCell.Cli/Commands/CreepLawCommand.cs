using System.CommandLine;
using System.Globalization;
using CreepCell.Analysis.CreepLaw;
using CreepCell.Io;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell creep-law`: evaluates the power-law creep of the Methods (eq. 4) and prints the Norton form for a case file.</summary>
static class CreepLawCommand
{
    const string Src = "command line";

    public static Command Create()
    {
        Option<string> Q(string name, string desc, string def) => new(name) { Description = desc, DefaultValueFactory = _ => def };
        var factor = Q("--factor", "material factor f of eq. 4 (1/s)", "1e10 1/s");
        var n = new Option<double>("--n") { Description = "stress exponent n", DefaultValueFactory = _ => 3 };
        var shear = Q("--shear-modulus", "shear modulus G", "3.7 GPa");
        var burgers = Q("--burgers", "Burgers vector b", "0.4 nm");
        var grain = Q("--grain-size", "grain size d", "1 um");
        var p = new Option<double>("--p") { Description = "inverse grain-size exponent p", DefaultValueFactory = _ => 0 };
        var q = Q("--activation-energy", "activation energy Q", "50 kJ/mol");
        var temperature = Q("--temperature", "temperature", "70 degC");
        var sigmaRef = Q("--sigma-ref", "reference stress of the Norton form", "100 MPa");
        var name = Q("--material-name", "NAME of the printed [materials.NAME.creep] table", "NAME");
        var cmd = new Command("creep-law", "Power-law creep (eq. 4): strain rate at a stress and temperature, and the Norton form (A, n, sigma_ref) for a case file");
        foreach (var o in new Option[] { factor, n, shear, burgers, grain, p, q, temperature, sigmaRef, name }) cmd.Options.Add(o);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            double Pos(Option<string> o, Dimension d) { double v = Units.Parse(pr.GetValue(o)!, d, Src, o.Name); return v > 0 ? v : throw new InputException(Src, o.Name, $"expected a positive value, got \"{pr.GetValue(o)}\""); }
            var law = new PowerLawCreep(Pos(factor, Dimension.Rate), pr.GetValue(n), Pos(shear, Dimension.Pressure), Pos(burgers, Dimension.Length),
                Pos(grain, Dimension.Length), pr.GetValue(p), Units.Parse(pr.GetValue(q)!, Dimension.MolarEnergy, Src, "--activation-energy"));
            if (!(law.StressExponent > 0)) throw new InputException(Src, "--n", "expected a positive stress exponent");
            var norton = law.ToNorton(Pos(sigmaRef, Dimension.Pressure), Pos(temperature, Dimension.Temperature));
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"# eq. 4 at T = {Pos(temperature, Dimension.Temperature).ToString("F2", inv)} K: strain rate {norton.A.ToString("G6", inv)} 1/s at {(norton.SigmaRef / 1e6).ToString("G6", inv)} MPa");
            Console.WriteLine($"[materials.{pr.GetValue(name)}.creep]");
            Console.WriteLine($"A = \"{norton.A.ToString("G6", inv)} 1/s\"");
            Console.WriteLine($"n = {norton.N.ToString("G6", inv)}");
            Console.WriteLine($"sigma_ref = \"{(norton.SigmaRef / 1e6).ToString("G6", inv)} MPa\"");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
