using CreepCell.Materials;
using CreepCell.Contact;
using CreepCell.Meshing;

namespace CreepCell.Simulation.Transport;

/// <summary>
/// Per step of a run: the electrode's effective ionic and electronic conductivity (top to bottom, on the
/// deformed microstructure), the tortuosity factors, and the capacity estimate (connected active fraction
/// x theoretical capacity of the active phase). When the case gives the conductivity of every phase that
/// conducts a carrier ([materials.X] electronic_conductivity, ionic_conductivity), that carrier's column is
/// in S/m; otherwise every conducting phase gets the same sigma0 and the column is sigma_eff / sigma0.
/// </summary>
internal sealed class ElectrodeTransport
{
    readonly Mesh mesh;
    readonly double[] ions, electrons;
    readonly double? capacity;

    /// <param name="active">Per region, whether it is the active material.</param>
    /// <param name="electronicS">Per region, its electronic conductivity in S/m, when every conducting region has one.</param>
    public ElectrodeTransport(Mesh mesh, bool[] active, bool[] conductsElectrons, bool[] conductsIons, double[]? electronicS = null, double[]? ionicS = null)
    {
        this.mesh = mesh;
        electrons = electronicS ?? conductsElectrons.Select(c => c ? 1.0 : 0).ToArray();
        ions = ionicS ?? conductsIons.Select(c => c ? 1.0 : 0).ToArray();
        ConductionColumns = new[]
        {
            ionicS is null ? "ionic_conductivity_relative" : "ionic_conductivity_S_per_m", "ionic_tortuosity",
            electronicS is null ? "electronic_conductivity_relative" : "electronic_conductivity_S_per_m", "electronic_tortuosity",
        };
        var activeNames = mesh.RegionNames.Where((_, r) => active[r]).Distinct().ToList();
        if (activeNames.Count == 1 && LiteratureCapacities.TryGet(activeNames[0], out double cPerKg, out _))
            capacity = cPerKg / LiteratureCapacities.MilliampHourPerGram;
    }

    /// <summary>Columns of the conduction solves (<see cref="Measure"/>).</summary>
    public IReadOnlyList<string> ConductionColumns { get; }

    /// <summary>Columns of <see cref="Capacity"/>: one when the case has a single active phase of known theoretical capacity.</summary>
    public IReadOnlyList<string> CapacityColumns => capacity is null ? Array.Empty<string>() : new[] { "capacity_estimate_mAh_g" };

    /// <summary>Columns of <see cref="Row"/>.</summary>
    public IReadOnlyList<string> Columns => ConductionColumns.Concat(CapacityColumns).ToList();

    /// <summary>
    /// The values of <see cref="Columns"/> for a history row (<paramref name="columns"/>: the history's). The
    /// conduction solves (two per row, each costing about one or two Newton iterations) run at the first row and where
    /// a half-cycle ends, the rows cycles.csv reports; rows in between repeat the last solve. The capacity
    /// estimate follows <paramref name="connectedActive"/> (active_connected) at every row.
    /// </summary>
    public double[] Row(LithiationProtocol protocol, StepState s, IReadOnlyList<string> columns, double[] u, ContactModel? contact, double connectedActive)
    {
        bool closes = protocol.ClosingHalf(s.Time) is not null;
        int at = columns.ToList().IndexOf(ConductionColumns[0]);
        var conduction = closes || s.HistoryRows.Count == 0 ? Measure(u, contact) : s.HistoryRows[^1].Skip(at).Take(ConductionColumns.Count).ToArray();
        return conduction.Concat(Capacity(connectedActive)).ToArray();
    }

    /// <summary>The values of <see cref="ConductionColumns"/> in the configuration <paramref name="u"/>.</summary>
    public double[] Measure(double[] u, ContactModel? contact)
    {
        var ionic = Solve(mesh, u, contact, ions);
        var electronic = Solve(mesh, u, contact, electrons);
        return new[] { ionic.EffectiveConductivity, ionic.Tortuosity, electronic.EffectiveConductivity, electronic.Tortuosity };
    }

    /// <summary>The values of <see cref="CapacityColumns"/> for the active_connected fraction <paramref name="connectedActive"/>.</summary>
    public double[] Capacity(double connectedActive) => capacity is { } c ? new[] { connectedActive * c } : Array.Empty<double>();

    /// <summary>Bottom, top, left and right of the nodes of the elements.</summary>
    static (double Lo, double Hi, double Left, double Right) ElementNodeBox(Mesh mesh)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity, left = double.PositiveInfinity, right = double.NegativeInfinity;
        foreach (int n in mesh.Connectivity)
        {
            var p = mesh.Nodes[n];
            (lo, hi, left, right) = (Math.Min(lo, p.Y), Math.Max(hi, p.Y), Math.Min(left, p.X), Math.Max(right, p.X));
        }
        return (lo, hi, left, right);
    }

    /// <summary>
    /// Top-to-bottom conduction of the electrode: the bottom collector is the bottom side, the top one the
    /// top side or the stack plate (points within dhat of either count, as for <see cref="ContactGraph"/>);
    /// contacts between bodies conduct through <see cref="ContactLinks"/> (perfect unless
    /// <paramref name="interfaceConductance"/>, S/m2, is given).
    /// </summary>
    public static ConductionResult Solve(Mesh mesh, double[] u, ContactModel? contact, double[] regionConductivity, double? interfaceConductance = null)
    {
        // the walls' box where there are walls: a body remeshed under the lifted plate has its reference above the top
        var (lo, hi, left, right) = contact is null ? ElementNodeBox(mesh) : (contact.Box.Lo.Y, contact.Box.Hi.Y, contact.Box.Lo.X, contact.Box.Hi.X);
        hi += contact?.Lift(u) ?? 0;
        double reach = Math.Max(contact?.Dhat ?? 0, 1e-9 * (hi - lo));
        var top = new bool[mesh.NodeCount];
        var bottom = new bool[mesh.NodeCount];
        foreach (int n in mesh.Connectivity)
        {
            double y = mesh.Nodes[n].Y + u[2 * n + 1];
            top[n] = hi - y < reach;
            bottom[n] = y - lo < reach;
        }
        var links = contact is null ? new List<ConductanceLink>()
            : ContactLinks.Build(contact, u, ContactLinks.NodeConductivity(mesh, regionConductivity), interfaceConductance);
        return Conduction.Solve(mesh, u, regionConductivity, links, top, bottom, right - left, hi - lo);
    }
}
