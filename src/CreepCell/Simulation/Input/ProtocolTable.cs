using CreepCell.Io;
using Tomlyn.Model;

namespace CreepCell.Simulation;

/// <summary>Reads the [protocol] table of a case and its [protocol.jump].</summary>
internal static class ProtocolTable
{
    /// <summary>The lithiation protocol of the table: galvanostatic cycles or a table of (time, theta).</summary>
    public static LithiationProtocol Read(TomlSection s)
    {
        string kind = s.Choice("kind", s.Has("lithiation") ? "table" : "galvanostatic", "table", "galvanostatic");
        var protocol = kind == "table" ? ReadTable(s) : ReadGalvanostatic(s);
        s.Section("jump"); // read by ReadJump
        s.RejectUnknownKeys();
        return protocol;
    }

    /// <summary>[protocol.jump]: cycle jumping, on by default for long galvanostatic protocols.</summary>
    public static JumpSpec ReadJump(TomlSection protocolTable, LithiationProtocol protocol)
    {
        var d = new JumpSpec();
        bool periodic = protocol.GalvanostaticParameters is not null;
        bool byDefault = periodic && protocol.CycleCount > JumpSpec.DefaultFromCycles;
        if (protocolTable.Section("jump") is not { } s) return d with { Enabled = byDefault };
        var spec = new JumpSpec
        {
            Enabled = s.Has("enabled") ? s.Boolean("enabled", byDefault) : byDefault,
            Tolerance = s.Number("tolerance", d.Tolerance),
            FirstAfter = s.Integer("first_after", d.FirstAfter),
            FullCyclesBetween = s.Integer("full_cycles_between", d.FullCyclesBetween),
            MaxCycles = s.Integer("max_cycles", d.MaxCycles),
        };
        s.RejectUnknownKeys();
        foreach (var (key, expected) in spec.Problems()) throw new InputException(s.File, s.Key(key), expected);
        if (spec.Enabled && !periodic)
            throw new InputException(s.File, s.Key("enabled"), "cycle jumping needs a galvanostatic protocol (kind = \"galvanostatic\"), whose cycles repeat");
        return spec;
    }

    static LithiationProtocol ReadGalvanostatic(TomlSection s)
    {
        double cRate = s.Number("c_rate");
        if (!(cRate > 0)) throw new InputException(s.File, s.Key("c_rate"), $"expected a positive C-rate, got {cRate}");
        int cycles = s.Integer("cycles");
        if (cycles < 1) throw new InputException(s.File, s.Key("cycles"), $"expected at least 1 cycle, got {cycles}");
        double start = Fraction(s, "theta_start", 0);
        double full = Fraction(s, "theta_full", 1);
        double end = Fraction(s, "theta_end", start);
        double endFirst = Fraction(s, "theta_end_first", end);
        if (full <= start) throw new InputException(s.File, s.Key("theta_full"), "expected a full lithiation above theta_start");
        if (end >= full || endFirst >= full) throw new InputException(s.File, s.Key("theta_end"), "expected end-of-charge residuals below theta_full");
        double restL = s.Quantity("rest_after_lithiation", Dimension.Time, 0);
        double restD = s.Quantity("rest_after_delithiation", Dimension.Time, 0);
        if (restL < 0 || restD < 0) throw new InputException(s.File, s.Key("rest_after_lithiation"), "expected non-negative rest times");
        return LithiationProtocol.Galvanostatic(cRate, cycles, start, full, endFirst, end, restL, restD);
    }

    static double Fraction(TomlSection s, string key, double fallback)
    {
        double v = s.Number(key, fallback);
        if (v < 0 || v > 1) throw new InputException(s.File, s.Key(key), $"expected a state of lithiation in [0, 1], got {v}");
        return v;
    }

    static LithiationProtocol ReadTable(TomlSection s)
    {
        var table = s.Array("lithiation") ?? throw new InputException(s.File, s.Key("lithiation"), "missing required key: [[time, theta], ...]");
        var points = new List<(double, double)>();
        int i = 0;
        foreach (var row in table)
        {
            string key = $"{s.Key("lithiation")}[{i++}]";
            if (row is not TomlArray pair || pair.Count != 2) throw new InputException(s.File, key, "expected a pair [time, theta]");
            double t = s.ToQuantity(pair[0]!, Dimension.Time, key);
            double theta = s.ToQuantity(pair[1]!, Dimension.None, key);
            if (theta < 0 || theta > 1) throw new InputException(s.File, key, $"expected a state of lithiation in [0, 1], got {theta}");
            if (points.Count > 0 && t <= points[^1].Item1) throw new InputException(s.File, key, "times must increase strictly");
            points.Add((t, theta));
        }
        if (points.Count < 2) throw new InputException(s.File, s.Key("lithiation"), "expected at least two points");
        return new LithiationProtocol(points);
    }
}
