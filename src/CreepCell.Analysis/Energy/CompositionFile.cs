using System.Globalization;
using CreepCell.Io;
using Tomlyn;
using Tomlyn.Model;

namespace CreepCell.Analysis.Energy;

/// <summary>
/// Reads a TOML composition file: <c>name</c>, one <c>[[component]]</c> per component (name, wt_percent,
/// density, active, capacity), an optional <c>[energy]</c> table (mean_voltage, reference, porosity or
/// electrode_density, cathode_capacity) and an optional <c>[pellet]</c> table (mass, diameter, pressings).
/// Quantities are strings with units ("4.81 g/cm3") or plain numbers in the unit named in the docs.
/// </summary>
internal static class CompositionFile
{
    public static CompositionCase Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, null, "file not found");
        TomlTable root;
        try
        {
            root = (TomlTable)TomlSerializer.Deserialize(File.ReadAllText(path), typeof(TomlTable), new TomlSerializerOptions())!;
        }
        catch (TomlException ex)
        {
            throw new InputException(path, null, $"not valid TOML: {ex.Message}");
        }
        string name = root.TryGetValue("name", out var n) ? Convert.ToString(n, CultureInfo.InvariantCulture)! : Path.GetFileNameWithoutExtension(path);
        if (!root.TryGetValue("component", out var comps) || comps is not TomlTableArray arr || arr.Count == 0)
            throw new InputException(path, "component", "expected one [[component]] table per component");
        var specs = new List<ComponentSpec>();
        var given = new GivenDensities();
        for (int i = 0; i < arr.Count; i++) specs.Add(ReadComponent(path, $"component[{i + 1}]", arr[i], given));
        var c = new CompositionCase(name, specs, given, null, null, null, null, null, null, new List<Pressing>());
        if (root.TryGetValue("energy", out var e)) c = ReadEnergy(path, Table(path, "energy", e), c);
        if (root.TryGetValue("pellet", out var p)) c = ReadPellet(path, Table(path, "pellet", p), c);
        return c;
    }

    static ComponentSpec ReadComponent(string path, string key, TomlTable t, GivenDensities given)
    {
        string name = t.TryGetValue("name", out var n) && n is string s && s.Length > 0 ? s : throw new InputException(path, $"{key}.name", "expected a component name");
        double wt = t.TryGetValue("wt_percent", out var w) ? Number(path, $"{key}.wt_percent", w) / 100 : throw new InputException(path, $"{key}.wt_percent", "expected the mass percentage");
        double? rho = t.TryGetValue("density", out var d) ? Value(path, $"{key}.density", d, Dimension.Density, 1000) : null;
        double? cap = t.TryGetValue("capacity", out var q) ? Value(path, $"{key}.capacity", q, Dimension.SpecificCharge, 3600) : null;
        bool active = t.TryGetValue("active", out var a) ? a as bool? ?? throw new InputException(path, $"{key}.active", "expected true or false") : cap is not null;
        if (rho is double r) given.Add(new MaterialDensity(name, r, $"{Path.GetFileName(path)}"));
        return new ComponentSpec(name, wt, rho, active, cap);
    }

    static CompositionCase ReadEnergy(string path, TomlTable t, CompositionCase c)
    {
        double? v = t.TryGetValue("mean_voltage", out var mv) ? Value(path, "energy.mean_voltage", mv, Dimension.Voltage, 1) : null;
        var reference = t.TryGetValue("reference", out var r) ? ParseReference(Convert.ToString(r, CultureInfo.InvariantCulture)!, path, "energy.reference") : null;
        double? phi = t.TryGetValue("porosity", out var ph) ? Number(path, "energy.porosity", ph) : null;
        double? rhoE = t.TryGetValue("electrode_density", out var ed) ? Value(path, "energy.electrode_density", ed, Dimension.Density, 1000) : null;
        if (phi is not null && rhoE is not null) throw new InputException(path, "energy", "give porosity or electrode_density, not both");
        double? q = t.TryGetValue("cathode_capacity", out var cq) ? Value(path, "energy.cathode_capacity", cq, Dimension.SpecificCharge, 3600) : null;
        return c with { MeanVoltage = v, Reference = reference, Packing = phi is null && rhoE is null ? null : new Packing(phi, rhoE), CathodeCapacity = q };
    }

    static CompositionCase ReadPellet(string path, TomlTable t, CompositionCase c)
    {
        double? m = t.TryGetValue("mass", out var mm) ? Value(path, "pellet.mass", mm, Dimension.Mass, 1e-6) : null;
        double? d = t.TryGetValue("diameter", out var dd) ? Value(path, "pellet.diameter", dd, Dimension.Length, 1e-3) : null;
        var list = new List<Pressing>();
        if (t.TryGetValue("pressings", out var ps))
        {
            if (ps is not TomlArray pa && ps is not TomlTableArray) throw new InputException(path, "pellet.pressings", "expected a list of { pressure, thickness } tables");
            var items = ps is TomlTableArray ta ? ta.Cast<object>().ToList() : ((TomlArray)ps).Cast<object>().ToList();
            for (int i = 0; i < items.Count; i++)
            {
                string key = $"pellet.pressings[{i + 1}]";
                var it = items[i] as TomlTable ?? throw new InputException(path, key, "expected { pressure = \"100 MPa\", thickness = \"0.5 mm\" }");
                double pr = it.TryGetValue("pressure", out var pv) ? Value(path, $"{key}.pressure", pv, Dimension.Pressure, 1e6) : throw new InputException(path, $"{key}.pressure", "missing");
                double th = it.TryGetValue("thickness", out var tv) ? Value(path, $"{key}.thickness", tv, Dimension.Length, 1e-3) : throw new InputException(path, $"{key}.thickness", "missing");
                list.Add(new Pressing(pr, th));
            }
        }
        return c with { PelletMass = m, PelletDiameter = d, Pressings = list };
    }

    /// <summary>"In-Li", "InLi", "Li" or a potential vs Li/Li+ such as "0.6 V".</summary>
    public static ReferenceElectrode ParseReference(string text, string source, string key)
    {
        string t = text.Trim();
        if (t.Equals("Li", StringComparison.OrdinalIgnoreCase) || t.Equals("Li/Li+", StringComparison.OrdinalIgnoreCase)) return ReferenceElectrode.Li;
        if (t.Replace("-", "").Replace(" ", "").Equals("InLi", StringComparison.OrdinalIgnoreCase)) return ReferenceElectrode.InLi;
        if (Quantity.TryParse(t, Dimension.Voltage, out double v, out _)) return new ReferenceElectrode($"{v.ToString("G4", CultureInfo.InvariantCulture)} V vs Li/Li+", v);
        throw new InputException(source, key, $"expected Li, In-Li or a potential vs Li/Li+ such as \"0.6 V\", got \"{text}\"");
    }

    static TomlTable Table(string path, string key, object o) => o as TomlTable ?? throw new InputException(path, key, "expected a table");

    static double Number(string path, string key, object o) => o switch
    {
        long l => l, int i => i, double d when double.IsFinite(d) => d,
        _ => throw new InputException(path, key, $"expected a number, got \"{o}\""),
    };

    /// <summary>A quantity: a string with a unit, or a bare number in the documented unit (<paramref name="plainScale"/> to SI).</summary>
    static double Value(string path, string key, object o, Dimension dim, double plainScale) => o switch
    {
        string s => Quantity.Parse(s, dim, path, key),
        long or int or double => Number(path, key, o) * plainScale,
        _ => throw new InputException(path, key, $"expected a number or a quantity with a unit, got \"{o}\""),
    };
}
