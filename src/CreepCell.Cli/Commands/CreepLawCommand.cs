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
            double Pos(Option<string> o, Dimension d, string example) => OptionQuantity.Positive(pr.GetValue(o)!, d, o.Name, example);
            string material = pr.GetValue(name)!;
            if (!System.Text.RegularExpressions.Regex.IsMatch(material, "^[A-Za-z0-9_-]+$"))
                throw new InputException(Src, "--material-name", $"expected letters, digits, '_' or '-' (a TOML table name), got \"{material}\"");
            double stressExponent = pr.GetValue(n), grainExponent = pr.GetValue(p);
            if (!(stressExponent > 0) || !double.IsFinite(stressExponent)) throw new InputException(Src, "--n", $"expected a positive stress exponent, got {stressExponent}");
            if (!double.IsFinite(grainExponent) || grainExponent < 0) throw new InputException(Src, "--p", $"expected a grain-size exponent of 0 or more, got {grainExponent}");
            var law = new PowerLawCreep(Pos(factor, Dimension.Rate, "1e10 1/s"), stressExponent, Pos(shear, Dimension.Pressure, "3.7 GPa"), Pos(burgers, Dimension.Length, "0.4 nm"),
                Pos(grain, Dimension.Length, "1 um"), grainExponent, Pos(q, Dimension.MolarEnergy, "50 kJ/mol"));
            double t = Pos(temperature, Dimension.Temperature, "70 degC");
            var norton = law.ToNorton(Pos(sigmaRef, Dimension.Pressure, "100 MPa"), t);
            if (!(norton.A > 0) || !double.IsFinite(norton.A))
                throw new InputException(Src, "--factor", $"the strain rate at sigma_ref is {norton.A.ToString("G6", CultureInfo.InvariantCulture)} 1/s, not a positive finite number; check the factor, n and the stresses");
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"# eq. 4 at T = {t.ToString("F2", inv)} K: strain rate {norton.A.ToString("G6", inv)} 1/s at {(norton.SigmaRef / 1e6).ToString("G6", inv)} MPa");
            Console.WriteLine($"[materials.{material}.creep]");
            Console.WriteLine($"A = \"{norton.A.ToString("G6", inv)} 1/s\"");
            Console.WriteLine($"n = {norton.N.ToString("G6", inv)}");
            Console.WriteLine($"sigma_ref = \"{(norton.SigmaRef / 1e6).ToString("G6", inv)} MPa\"");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
