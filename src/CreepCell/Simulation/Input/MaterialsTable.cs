using CreepCell.Io;
using CreepCell.Materials;

namespace CreepCell.Simulation;

/// <summary>Reads the materials of a case: elasticity, swelling, Norton creep, conduction, active role.</summary>
internal static class MaterialsTable
{
    /// <summary>The [materials.NAME] tables of a case.</summary>
    public static Dictionary<string, Material> Read(TomlSection s)
    {
        var result = new Dictionary<string, Material>();
        foreach (var (name, m) in s.Subsections())
        {
            double e = CaseReader.Positive(m, "youngs_modulus", Dimension.Pressure);
            double nu = m.Number("poisson_ratio");
            if (!(nu > -1 && nu < 0.5)) throw new InputException(m.File, m.Key("poisson_ratio"), $"expected a value in (-1, 0.5), got {nu}");
            double beta = m.Number("swelling", 0);
            if (beta <= -1) throw new InputException(m.File, m.Key("swelling"), "expected a volume change above -1");
            var creep = m.Section("creep") is { } c ? ReadCreep(c) : null;
            var conducts = ReadConduction(m);
            double? electronic = Conductivity(m, "electronic_conductivity", conducts, Conduction.Electrons, "electrons");
            double? ionic = Conductivity(m, "ionic_conductivity", conducts, Conduction.Ions, "ions");
            bool active = m.Boolean("active", false);
            m.RejectUnknownKeys();
            result[name] = new Material(name, e, nu, beta, creep)
            {
                Conducts = conducts, Active = active, ElectronicConductivity = electronic, IonicConductivity = ionic,
            };
        }
        if (result.Count == 0) throw new InputException(s.File, "materials", "expected at least one [materials.NAME] table");
        AllOrNone(s.File, result.Values, Conduction.Electrons, m => m.ElectronicConductivity, "electronic_conductivity", "electrons");
        AllOrNone(s.File, result.Values, Conduction.Ions, m => m.IonicConductivity, "ionic_conductivity", "ions");
        return result;
    }

    /// <summary>The Arrhenius factor exp(-Q/R (1/T - 1/T_ref)) must leave a finite creep rate: a
    /// temperature far from the reference (a unit slip) would otherwise overflow inside the creep return.</summary>
    public static void CheckCreepRates(Dictionary<string, Material> materials, double temperature, string source)
    {
        foreach (var m in materials.Values)
        {
            if (m.Creep is not { } law) continue;
            double rate = law.RateAt(temperature);
            if (!double.IsFinite(rate) || rate > 1e30 || rate <= 0)
                throw new InputException(source, $"materials.{m.Name}.creep",
                    $"the Arrhenius factor at temperature = {temperature:G6} K against reference_temperature = {law.ReferenceTemperature:G6} K gives a creep rate A f(T) = {rate:G4} 1/s; check both temperatures and their units");
        }
    }

    /// <summary>Conductivities in S/m are given for every phase that conducts the carrier or for none: an
    /// effective conductivity of phases half in S/m and half relative would mean nothing.</summary>
    static void AllOrNone(string file, IEnumerable<Material> materials, Conduction carrier, Func<Material, double?> of, string key, string name)
    {
        var conducting = materials.Where(m => m.Conducts is { } c && c.HasFlag(carrier)).ToList();
        if (!conducting.Any(m => of(m) is not null)) return;
        if (conducting.FirstOrDefault(m => of(m) is null) is { } missing)
            throw new InputException(file, $"materials.{missing.Name}.{key}", $"expected a conductivity (S/m) for every phase that conducts {name} once one is given (here for {string.Join(", ", conducting.Where(m => of(m) is not null).Select(m => m.Name))})");
    }

    /// <summary>An optional conductivity (S/m) of a carrier the phase conducts.</summary>
    static double? Conductivity(TomlSection m, string key, Conduction? conducts, Conduction carrier, string name)
    {
        if (!m.Has(key)) return null;
        double sigma = CaseReader.Positive(m, key, Dimension.Conductivity);
        if (conducts is not { } c || !c.HasFlag(carrier))
            throw new InputException(m.File, m.Key(key), $"a conductivity for {name}, but conducts does not list \"{name}\"; add it to conducts or remove {key}");
        return sigma;
    }

    /// <summary>conducts = ["electrons", "ions"] (either, both, or [] for an insulator); null when absent.</summary>
    static Conduction? ReadConduction(TomlSection m)
    {
        if (m.Array("conducts") is not { } list) return null;
        var result = Conduction.None;
        foreach (var item in list)
        {
            result |= item switch
            {
                "electrons" => Conduction.Electrons,
                "ions" => Conduction.Ions,
                _ => throw new InputException(m.File, m.Key("conducts"), $"expected a list of \"electrons\" and \"ions\" (or [] for an insulator), got {item}"),
            };
        }
        return result;
    }

    static CreepLaw ReadCreep(TomlSection c)
    {
        double a = CaseReader.Positive(c, "A", Dimension.Rate);
        double n = c.Number("n");
        if (!(n >= 1 && n <= 20)) throw new InputException(c.File, c.Key("n"), $"expected a stress exponent in [1, 20], got {n}");
        double sref = CaseReader.Positive(c, "sigma_ref", Dimension.Pressure);
        double q = c.Quantity("activation_energy", Dimension.MolarEnergy, 0);
        if (q < 0) throw new InputException(c.File, c.Key("activation_energy"), "expected a non-negative energy");
        double tref = q > 0 ? CaseReader.Positive(c, "reference_temperature", Dimension.Temperature) : c.Quantity("reference_temperature", Dimension.Temperature, 0);
        c.RejectUnknownKeys();
        return new CreepLaw(a, n, sref, q, tref);
    }
}
