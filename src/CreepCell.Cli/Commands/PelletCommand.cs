using System.CommandLine;
using CreepCell.Analysis.Energy;
using CreepCell.Io;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell pellet`: pellet density and porosity at each pressing pressure, with a plot.</summary>
static class PelletCommand
{
    public static Command Create()
    {
        var comp = new CompositionInput();
        var mass = new Option<string?>("--mass") { Description = "pellet (composite) mass, e.g. \"60 mg\"" };
        var diameter = new Option<string?>("--diameter") { Description = "die diameter, e.g. \"10 mm\"" };
        var press = new Option<string[]>("--press") { Description = "PRESSURE=THICKNESS after pressing, e.g. \"100 MPa=0.25 mm\"; repeat per pressure" };
        var mold = new Option<string?>("--mold-height") { Description = "height of the empty mold; the --press values are then the readings with the pellet inside, thickness = reading - mold height" };
        var output = new Output("pellet", "pellet.csv", "pellet.json", "pellet.png");
        var cmd = new Command("pellet", "Pellet density and porosity from composition, true densities, mass, diameter and thickness at each pressing pressure");
        comp.AddTo(cmd);
        foreach (var o in new Option[] { mass, diameter, press, mold }) cmd.Options.Add(o);
        output.AddTo(cmd);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            var (c, composition) = comp.Load(pr);
            double m = pr.GetValue(mass) is string ms ? OptionQuantity.Parse(ms, Dimension.Mass, "--mass", "60 mg")
                : c?.PelletMass ?? throw new InputException("command line", "--mass", "the pellet mass is required (or mass in [pellet])");
            double d = pr.GetValue(diameter) is string ds ? OptionQuantity.Parse(ds, Dimension.Length, "--diameter", "10 mm")
                : c?.PelletDiameter ?? throw new InputException("command line", "--diameter", "the die diameter is required (or diameter in [pellet])");
            var pressings = pr.GetValue(press) is { Length: > 0 } ps ? ps.Select(ParsePress).ToList() : c?.Pressings ?? new List<Pressing>();
            if (pressings.Count == 0) throw new InputException("command line", "--press", "give at least one PRESSURE=THICKNESS (or pressings in [pellet])");
            if (pr.GetValue(mold) is string hm)
            {
                double h0 = OptionQuantity.Parse(hm, Dimension.Length, "--mold-height", "12 mm");
                pressings = pressings.Select(p => p.Thickness > h0 ? p with { Thickness = p.Thickness - h0 }
                    : throw new InputException("command line", "--press", $"reading {p.Thickness * 1e3:G6} mm at {p.Pressure / 1e6:G4} MPa is not above the mold height {h0 * 1e3:G6} mm")).ToList();
            }
            string pressKey = pr.GetValue(press) is { Length: > 0 } ? "--press" : "pellet.pressings";
            pressings = pressings.OrderBy(p => p.Pressure).ToList();
            var states = EnergyCommand.Guard(pressKey, () => Pellet.Compute(composition, m, d, pressings));
            var lines = Lines(composition, m, d, states);
            output.Write(pr, composition.Name, lines, dir =>
            {
                AtomicFile.WriteAllText(Path.Combine(dir, "pellet.csv"), EnergyReport.PelletCsv(states));
                AtomicFile.WriteAllText(Path.Combine(dir, "pellet.json"), EnergyReport.PelletJson(composition, m, d, states));
                AtomicFile.WriteAllBytes(Path.Combine(dir, "pellet.png"), EnergyReport.PelletPlot(states, composition.Name));
            }, () => EnergyReport.PelletJson(composition, m, d, states));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    static Pressing ParsePress(string s)
    {
        int eq = s.IndexOf('=');
        if (eq <= 0) throw new InputException("command line", "--press", $"expected PRESSURE=THICKNESS such as \"100 MPa=0.25 mm\", got \"{s}\"");
        double p = OptionQuantity.Parse(s[..eq], Dimension.Pressure, "--press", "100 MPa=0.25 mm");
        double h = OptionQuantity.Parse(s[(eq + 1)..], Dimension.Length, "--press", "100 MPa=0.25 mm");
        return new Pressing(p, h);
    }

    static List<CalcLine> Lines(Composition comp, double mass, double diameter, List<PelletState> states)
    {
        var lines = new List<CalcLine>();
        foreach (var c in comp.Components)
        {
            lines.Add(new($"{c.Name} mass fraction", c.MassFraction * 100, "wt.%", "given"));
            lines.Add(new($"{c.Name} true density", c.Density / 1000, "g/cm3", c.DensitySource));
        }
        lines.Add(new("pore-free density rho_s", comp.TrueDensity / 1000, "g/cm3", "1 / sum(w_i/rho_i)"));
        lines.Add(new("pellet mass", mass * 1e6, "mg", "given"));
        lines.Add(new("die diameter", diameter * 1e3, "mm", "given"));
        foreach (var s in states)
        {
            string at = $"at {s.Pressure / 1e6:G4} MPa";
            lines.Add(new($"thickness {at}", s.Thickness * 1e3, "mm", "measured"));
            lines.Add(new($"density {at}", s.Density / 1000, "g/cm3", "m / (pi D^2/4 h)"));
            lines.Add(new($"porosity {at}", s.Porosity * 100, "vol.%", "1 - rho/rho_s"));
        }
        return lines;
    }
}
