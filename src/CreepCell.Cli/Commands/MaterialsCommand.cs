using CreepCell.Materials;
using System.CommandLine;
using System.Globalization;
using System.Text;
using CreepCell.Analysis.CreepLaw;
using CreepCell.Io;
using CreepCell.Materials.Database;
using Spectre.Console;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell materials [--temperature 70degC]`: the materials database with homologous temperature and deformation regime.</summary>
static class MaterialsCommand
{
    const string Src = "command line";
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var temperature = new Option<string>("--temperature") { Description = "working temperature, e.g. \"70 degC\"", DefaultValueFactory = _ => "70 degC" };
        var file = new Option<string?>("--file") { Description = "a materials TOML file of the same shape instead of the embedded one" };
        var show = new Option<string?>("--show") { Description = "print every property of one material with its source (name, formula or alias)" };
        var csv = new Option<string?>("--csv") { Description = "also write the table as CSV to this file (SI-derived units in the headers)" };
        var cmd = new Command("materials", "Materials database: melting point, homologous temperature T/Tm and deformation regime, density, capacity, volume change, elasticity");
        foreach (var o in new Option[] { temperature, file, show, csv }) cmd.Options.Add(o);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            double t = OptionQuantity.Parse(pr.GetValue(temperature)!, Dimension.Temperature, "--temperature", "70 degC");
            if (!(t > 0)) throw new InputException(Src, "--temperature", "expected an absolute temperature above 0 K");
            var db = pr.GetValue(file) is string f ? MaterialsDatabase.Load(f) : MaterialsDatabase.Default;
            if (pr.GetValue(show) is string name) { Show(db.Get(name, Src), t); return ExitCodes.Ok; }
            if (pr.GetValue(csv) is string path) AtomicFile.WriteAllText(path, Csv(db, t));
            Table(db, t);
            if (pr.GetValue(csv) is string p2) ScreenTable.Line($"wrote [blue]{Markup.Escape(p2)}[/]");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    static string V(MaterialProperty? p, double scale, string fmt) => p is null ? "-" : (p.Value / scale).ToString(fmt, Inv) + (p.IsAssumed ? "*" : "");

    static string Capacity(MaterialRecord m)
    {
        if (m.TheoreticalCapacity is not double q) return "-";
        string s = (q / 3600).ToString("F0", Inv);
        return m.StatedCapacity != null && m.ComputedCapacity is double c ? $"{s} ({(c / 3600).ToString("F0", Inv)})" : s;
    }

    static void Table(MaterialsDatabase db, double t)
    {
        var table = new ScreenTable($"T = {t.ToString("F2", Inv)} K ({(t - 273.15).ToString("F1", Inv)} degC); T/Tm >= {Homologous.CreepThreshold.ToString(Inv)} creeps",
            "material", "Tm K", "T/Tm", "regime", "rho g/cm3", "Q mAh/g", "dV/V", "E GPa", "v", "σe S/cm", "σi S/cm");
        foreach (var m in db.All)
        {
            double? h = m.HomologousTemperature(t);
            string regime = m.Regime(t) switch { DeformationRegime.Creep => "creep", DeformationRegime.BrittleElastic => "brittle", _ => "-" };
            table.Add(m.Key, V(m.MeltingPoint, 1, "F0"), h is double x ? x.ToString("F2", Inv) + (m.MeltingPoint!.IsAssumed ? "*" : "") : "-", regime,
                V(m.Density, 1000, "G4"), Capacity(m), V(m.VolumeChange, 1, "G3"), V(m.YoungsModulus, 1e9, "G3"), V(m.PoissonRatio, 1, "G3"),
                V(m.ElectronicConductivity, 100, "G2"), V(m.IonicConductivity, 100, "G2"));
        }
        table.Write();
        ScreenTable.Line("* assumed value (--show NAME gives every source). Q: theoretical capacity, the computed z F / M in brackets where a stated value is used. dV/V: volume change on full lithiation. brittle: brittle/elastic.");
    }

    static void Show(MaterialRecord m, double t)
    {
        ScreenTable.Line($"[bold]{Markup.Escape(m.Key)}[/]: {Markup.Escape(m.Name)}, formula {Markup.Escape(m.Formula)}, role {m.Role}; also known as {Markup.Escape(string.Join(", ", m.Aliases))}");
        var table = new ScreenTable(null, "property", "value", "SI", "source");
        void Row(string n, MaterialProperty? p) { if (p != null) table.Add(n, p.Text, p.Value.ToString("G6", Inv), p.Source); }
        Row("melting point", m.MeltingPoint); Row("density", m.Density); Row("theoretical capacity", m.StatedCapacity);
        Row("volume change", m.VolumeChange); Row("Young's modulus", m.YoungsModulus); Row("Poisson ratio", m.PoissonRatio);
        Row("electronic conductivity", m.ElectronicConductivity); Row("ionic conductivity", m.IonicConductivity);
        Row("Weibull strength", m.WeibullStrength); Row("Weibull modulus", m.WeibullModulus); Row("Weibull area", m.WeibullArea); Row("fracture toughness (Pa m^1/2)", m.FractureToughness);
        if (m.ComputedCapacity is double c) table.Add("capacity z F / M", $"{(c / 3600).ToString("F1", Inv)} mAh/g", c.ToString("G6", Inv), $"computed: {m.Electrons} e- per {m.Formula}");
        if (m.HomologousTemperature(t) is double h) table.Add("T/Tm", h.ToString("F3", Inv), h.ToString("G6", Inv), $"at {t:F2} K: {(h >= Homologous.CreepThreshold ? "creeps" : "brittle/elastic")}");
        if (m.ShearModulus is double g) table.Add("shear modulus", $"{(g / 1e9).ToString("G4", Inv)} GPa", g.ToString("G6", Inv), "E / (2 (1 + v))");
        table.Write();
    }

    static string Csv(MaterialsDatabase db, double t)
    {
        static string N(double? v) => v is double x && double.IsFinite(x) ? x.ToString("G6", Inv) : "";
        var sb = new StringBuilder("material,formula,role,melting_point_K,homologous_temperature,regime,density_kg_per_m3,capacity_mAh_per_g,capacity_computed_mAh_per_g,volume_change,youngs_modulus_GPa,poisson_ratio,electronic_conductivity_S_per_m,ionic_conductivity_S_per_m\n");
        foreach (var m in db.All)
            sb.Append(string.Join(',', m.Key, m.Formula, m.Role, N(m.MeltingPoint?.Value), N(m.HomologousTemperature(t)), m.Regime(t)?.ToString() ?? "", N(m.Density?.Value),
                N(m.TheoreticalCapacity / 3600), N(m.ComputedCapacity / 3600), N(m.VolumeChange?.Value), N(m.YoungsModulus?.Value / 1e9), N(m.PoissonRatio?.Value),
                N(m.ElectronicConductivity?.Value), N(m.IonicConductivity?.Value))).Append('\n');
        return sb.ToString();
    }
}
