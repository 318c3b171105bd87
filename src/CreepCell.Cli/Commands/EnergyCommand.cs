using System.CommandLine;
using System.Globalization;
using CreepCell.Analysis.Energy;
using CreepCell.Io;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell energy`: cathode-level gravimetric and volumetric energy density, shown as a calculation table.</summary>
static class EnergyCommand
{
    public static Command Create()
    {
        var comp = new CompositionInput();
        var voltage = new Option<string?>("--voltage") { Description = "mean discharge voltage against --reference, e.g. \"1.4 V\"" };
        var reference = new Option<string?>("--reference") { Description = "reference of --voltage: Li (default), In-Li (0.6 V vs Li/Li+) or a potential vs Li/Li+ such as \"0.6 V\"" };
        var porosity = new Option<string?>("--porosity") { Description = "electrode porosity, e.g. \"24.7%\" or 0.247" };
        var rhoE = new Option<string?>("--electrode-density") { Description = "apparent electrode density instead of --porosity, e.g. \"4.3 g/cm3\"" };
        var capacity = new Option<string?>("--capacity") { Description = "measured capacity per gram of cathode, e.g. \"286 mAh/g\" (default: sum of w_i q_i)" };
        var capacityPer = new Option<string?>("--capacity-per") { Description = "the --capacity is per gram of this component (e.g. Se), not of the cathode" };
        var output = new Output("energy", "energy.csv", "energy.json", "energy.png");
        var cmd = new Command("energy", "Cathode-level energy density (Wh/kg, Wh/L) from composition, capacities, mean voltage and packing");
        comp.AddTo(cmd);
        foreach (var o in new Option[] { voltage, reference, porosity, rhoE, capacity, capacityPer }) cmd.Options.Add(o);
        output.AddTo(cmd);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            var (c, composition) = comp.Load(pr);
            double v = pr.GetValue(voltage) is string vs ? OptionQuantity.Positive(vs, Dimension.Voltage, "--voltage", "1.4 V")
                : c?.MeanVoltage ?? throw new InputException("command line", "--voltage", "the mean discharge voltage is required (or mean_voltage in [energy] of the composition file)");
            var refEl = pr.GetValue(reference) is string rs ? Reference(rs) : c?.Reference ?? ReferenceElectrode.Li;
            var packing = ReadPacking(pr.GetValue(porosity), pr.GetValue(rhoE)) ?? c?.Packing ?? new Packing(0, null);
            double? q = pr.GetValue(capacity) is string qs ? OptionQuantity.Positive(qs, Dimension.SpecificCharge, "--capacity", "286 mAh/g") : c?.CathodeCapacity;
            if (pr.GetValue(capacityPer) is string per)
            {
                if (q is null) throw new InputException("command line", "--capacity-per", "needs --capacity");
                q = Guard("--capacity-per", () => composition.PerCathodeMass(q.Value, per));
            }
            var result = Guard("energy", () => EnergyDensity.Compute(new EnergyInputs(composition, v, refEl, packing, q)));
            var lines = EnergyReport.Lines(result);
            output.Write(pr, composition.Name, lines, dir =>
            {
                AtomicFile.WriteAllText(Path.Combine(dir, "energy.csv"), EnergyReport.Csv(lines));
                AtomicFile.WriteAllText(Path.Combine(dir, "energy.json"), EnergyReport.Json(composition.Name, lines));
            }, () => EnergyReport.Json(composition.Name, lines));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>Li, In-Li or a potential with its unit; a bare number would silently be read in volts, so it is refused.</summary>
    static ReferenceElectrode Reference(string text)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw new InputException("command line", "--reference", $"\"{text.Trim()}\" has no unit; write the potential vs Li/Li+ with one, e.g. --reference \"0.6 V\" (or Li, In-Li)");
        return CompositionFile.ParseReference(text, "command line", "--reference");
    }

    static Packing? ReadPacking(string? porosity, string? density)
    {
        if (porosity is not null && density is not null) throw new InputException("command line", "--porosity", "give --porosity or --electrode-density, not both");
        if (porosity is not null) return new Packing(CompositionInput.Fraction(porosity, "--porosity"), null);
        if (density is not null) return new Packing(null, OptionQuantity.Positive(density, Dimension.Density, "--electrode-density", "4.3 g/cm3"));
        return null;
    }

    /// <summary>Turns a library argument check into bad-input exit code 2.</summary>
    public static T Guard<T>(string key, Func<T> f)
    {
        try { return f(); }
        catch (ArgumentException e) { throw new InputException("command line", key, e.Message); }
    }
}

/// <summary>Composition options shared by `energy` and `pellet`: a TOML file, components and density overrides.</summary>
sealed class CompositionInput
{
    readonly Option<string?> file = new("--composition") { Description = "TOML composition file with [[component]] tables (see docs/energy-pellet.md)" };
    readonly Option<string[]> component = new("--component") { Description = "NAME:WT%[:DENSITY][:active|inert][:CAPACITY], e.g. \"Se:40:4.81 g/cm3:active:675 mAh/g\"; repeat per component" };
    readonly Option<string[]> density = new("--density") { Description = "true density override NAME=VALUE, e.g. \"Mo6Se8=6.52 g/cm3\"; repeat" };
    readonly Option<string> name = new("--name") { Description = "label of the composition", DefaultValueFactory = _ => "" };

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { file, component, density, name }) cmd.Options.Add(o);
    }

    /// <summary>Reads the file (if any), applies command-line components and densities, resolves densities.</summary>
    public (CompositionCase? Case, Composition Composition) Load(ParseResult pr)
    {
        CompositionCase? c = pr.GetValue(file) is string path ? CompositionFile.Read(path) : null;
        var specs = pr.GetValue(component) is { Length: > 0 } cs
            ? cs.Select(s => CompositionBuilder.ParseSpec(s, "command line", "--component")).ToList()
            : c?.Components ?? throw new InputException("command line", "--component", "give the components with --component or --composition FILE");
        var given = new GivenDensities();
        foreach (var s in pr.GetValue(density) ?? Array.Empty<string>())
        {
            int eq = s.IndexOf('=');
            if (eq <= 0) throw new InputException("command line", "--density", $"expected NAME=DENSITY, got \"{s}\"");
            double rho = OptionQuantity.Parse(s[(eq + 1)..], Dimension.Density, "--density", "Mo6Se8=6.52 g/cm3");
            if (!(rho > 0)) throw new InputException("command line", "--density", $"density must be positive, got \"{s}\"");
            given.Add(new MaterialDensity(s[..eq].Trim(), rho, "command line --density"));
        }
        // A --density override wins over a density written in the component itself.
        specs = specs.Select(s => given.TryGet(s.Name, out _) ? s with { Density = null } : s).ToList();
        var source = DensitySources.Chain(given, c?.Densities ?? new GivenDensities(), DensitySources.BuiltIn);
        string label = pr.GetValue(name) is { Length: > 0 } n ? n : c?.Name ?? string.Join("-", specs.Select(s => $"{s.MassFraction * 100:G3}{s.Name}"));
        return (c, CompositionBuilder.Resolve(label, specs, source, pr.GetValue(file) ?? "command line"));
    }

    /// <summary>A fraction given as "24.7%" or 0.247.</summary>
    public static double Fraction(string text, string key)
    {
        string t = text.Trim();
        bool pct = t.EndsWith('%');
        if (!double.TryParse(pct ? t[..^1] : t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new InputException("command line", key, $"expected a fraction such as 0.247 or \"24.7%\", got \"{text}\"");
        v = pct ? v / 100 : v;
        if (v is < 0 or >= 1) throw new InputException("command line", key, $"expected a value in [0, 1) or [0 %, 100 %), got \"{text}\"");
        return v;
    }
}

/// <summary>--out, --force and --json handling shared by the calculators (`energy`, `pellet`, `cv`,
/// `conductivity`); <paramref name="files"/> name what each writes into its folder (* as wildcard).</summary>
sealed class Output(string command, params string[] files)
{
    readonly Option<string?> dir = new("--out") { Description = "folder for the CSV, JSON (and PNG) results" };
    readonly Option<bool> json = new("--json") { Description = "print JSON instead of the table" };
    readonly Option<bool> force = OutputFolder.ForceOption();

    public void AddTo(Command cmd)
    {
        cmd.Options.Add(dir);
        cmd.Options.Add(json);
        cmd.Options.Add(force);
    }

    public void Write(ParseResult pr, string title, IReadOnlyList<CalcLine> lines, Action<string> writeFiles, Func<string> toJson)
    {
        if (pr.GetValue(dir) is string d)
        {
            string folder = OutputFolder.Claim(d, "--out", command, files.Append(Provenance.FileName).ToArray(), pr.GetValue(force)).Path;
            writeFiles(folder);
            Provenance.WriteFolder(folder);
        }
        if (pr.GetValue(json)) { Console.WriteLine(toJson()); return; }
        var t = new ScreenTable(title.Length > 0 ? title : null, "quantity", "value", "unit", "how");
        foreach (var l in lines)
            t.Add(l.Quantity, l.Value.ToString(Math.Abs(l.Value) >= 100 ? "F1" : "G4", CultureInfo.InvariantCulture), l.Unit, l.How);
        t.Write();
    }
}
