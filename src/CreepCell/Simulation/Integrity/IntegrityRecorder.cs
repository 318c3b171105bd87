using CreepCell.Contact;
using CreepCell.Io;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Simulation.Integrity;

/// <summary>
/// Integrity indicators of a run, evaluated only where cycles.csv reports (the ends of lithiation and of
/// charge of every cycle), never on the other steps: per phase whose database material
/// has Weibull parameters and a toughness, the mean failure probability of its particles, its largest
/// principal stress and the edge-flaw check of its worst surface point; per phase pair the share of the
/// contacts of full lithiation open again at the end of charge. docs/integrity.md has the formulas.
/// </summary>
internal sealed class IntegrityRecorder
{
    /// <summary>Depth of the edge flaw of the crack-driving-force check (assumed: 0.1 um, a few percent of
    /// the 2-3 um particles, the scale of surface steps and grain boundaries of such powders).</summary>
    public const double FlawDepth = 0.1e-6;

    readonly LithiationProtocol protocol;
    readonly Particles particles;
    readonly WeibullParameters?[] weibull;
    readonly (int Region, FractureProperties Properties, Material Material)[] rated;
    readonly ContactModel? contact;
    readonly (int A, int B)[] pairs;

    /// <summary>Per phase P with fracture properties: pf_mean_P, sigma1_max_P_Pa, flaw_G_P_J_per_m2, flaw_G_over_Gc_P.</summary>
    public IReadOnlyList<string> FractureColumns { get; }
    /// <summary>Per phase pair of particles: full_contacts_A_B (contacts at full lithiation, a count).</summary>
    public IReadOnlyList<string> CountColumns { get; }
    /// <summary>Per phase pair of particles: contact_loss_A_B (share of those open at the end of charge).</summary>
    public IReadOnlyList<string> LossColumns { get; }

    IntegrityRecorder(CaseDefinition def, Mesh mesh, ContactModel? contact, (int Region, FractureProperties Properties, Material Material)[] rated)
    {
        protocol = def.Protocol;
        this.contact = contact;
        this.rated = rated;
        particles = Particles.Of(mesh);
        weibull = new WeibullParameters?[mesh.RegionNames.Length];
        foreach (var (r, p, _) in rated) weibull[r] = p.Weibull;
        FractureColumns = rated.SelectMany(b => Names(mesh.RegionNames[b.Region])).ToArray();
        var order = def.Materials.Keys.ToList();
        var present = contact is null ? Array.Empty<int>()
            : contact.Bodies.RegionOfBody.Distinct().OrderBy(r => order.IndexOf(mesh.RegionNames[r])).ToArray();
        pairs = present.SelectMany((a, i) => present.Skip(i).Select(b => (a, b))).ToArray();
        CountColumns = pairs.Select(p => $"full_contacts_{mesh.RegionNames[p.A]}_{mesh.RegionNames[p.B]}").ToArray();
        LossColumns = pairs.Select(p => $"contact_loss_{mesh.RegionNames[p.A]}_{mesh.RegionNames[p.B]}").ToArray();
    }

    static string[] Names(string phase) =>
        new[] { $"pf_mean_{phase}", $"sigma1_max_{phase}_Pa", $"flaw_G_{phase}_J_per_m2", $"flaw_G_over_Gc_{phase}" };

    /// <summary>The recorder of a case, or null when it has neither a phase with fracture properties nor contact.</summary>
    public static IntegrityRecorder? Create(CaseDefinition def, Mesh mesh, ContactModel? contact)
    {
        var rated = new List<(int, FractureProperties, Material)>();
        for (int r = 0; r < mesh.RegionNames.Length; r++)
            if (FractureProperties.ForPhase(mesh.RegionNames[r]) is { } p && def.Materials.TryGetValue(mesh.RegionNames[r], out var m))
                rated.Add((r, p, m));
        return rated.Count == 0 && contact is null ? null : new IntegrityRecorder(def, mesh, contact, rated.ToArray());
    }

    /// <summary>At the end of a lithiation or a charge, the indicators of the step into the run's log.</summary>
    public void Record(StepState s, MechanicsProblem problem)
    {
        if (ClosingHalf(s.Time) is not { } half) return;
        var row = new List<double> { s.Time };
        row.AddRange(FractureValues(problem));
        if (contact is not null)
        {
            var graph = ContactGraph.Build(contact, problem.U);
            if (half == HalfCycle.Lithiation)
            {
                s.Integrity.ContactsAtFull = ContactLoss.Keys(graph);
                row.AddRange(ContactLoss.Counts(graph, pairs));
            }
            else
                row.AddRange(ContactLoss.OpenFractions(s.Integrity.ContactsAtFull, graph, pairs));
        }
        s.Integrity.Rows.RemoveAll(r => r[0] == s.Time);
        s.Integrity.Rows.Add(row.ToArray());
    }

    /// <summary>The half cycle whose last segment ends at t (the rows cycles.csv takes), or null.</summary>
    HalfCycle? ClosingHalf(double t) => protocol.ClosingHalf(t) is { } half && half != HalfCycle.Rest ? half : null;

    ParticleFracture[] Evaluate(MechanicsProblem problem) =>
        FractureEvaluation.Evaluate(particles, problem.Assembler.PointOffsets, problem.Responses, weibull);

    /// <summary>The values of <see cref="FractureColumns"/> for the current state.</summary>
    public double[] FractureValues(MechanicsProblem problem)
    {
        var fracture = Evaluate(problem);
        var values = new List<double>();
        foreach (var (region, props, material) in rated)
        {
            var mine = fracture.Where(f => f.Region == region).ToArray();
            if (mine.Length == 0) { values.AddRange(new double[4]); continue; }
            double worst = mine.Max(f => f.SurfacePrincipal);
            double g = EdgeFlaw.EnergyReleaseRate(worst, FlawDepth, material.YoungsModulus, material.PoissonRatio);
            double gc = EdgeFlaw.CriticalEnergyReleaseRate(props.Toughness, material.YoungsModulus, material.PoissonRatio);
            values.AddRange(new[] { mine.Average(f => f.FailureProbability), mine.Max(f => f.LargestPrincipal), g, g / gc });
        }
        return values.ToArray();
    }

    /// <summary>The grid with the cell field failure_probability: the P_f of each element's particle.</summary>
    public VtuGrid WithCellFields(VtuGrid grid, MechanicsProblem problem)
    {
        var pf = FractureEvaluation.PerElement(particles, Evaluate(problem));
        return grid with { CellData = grid.CellData.Append(new VtuArray("failure_probability", "Float64", 1, pf, "1")).ToArray() };
    }

    /// <summary>Column names cycles.csv gains: full_ and charged_ fracture columns, the contacts at full
    /// lithiation, then the contact losses.</summary>
    public IEnumerable<string> CycleHeader() =>
        FractureColumns.Select(c => "full_" + c).Concat(FractureColumns.Select(c => "charged_" + c)).Concat(CountColumns).Concat(LossColumns);

    /// <summary>The cells of one cycle from the log rows at the times of its full and charged rows (empty when missing).</summary>
    public IEnumerable<double?> CycleCells(IntegrityLog log, double? fullTime, double? chargedTime)
    {
        double[]? At(double? t) => t is { } time ? log.Rows.LastOrDefault(r => r[0] == time) : null;
        var full = At(fullTime);
        var charged = At(chargedTime);
        int n = FractureColumns.Count;
        IEnumerable<double?> Take(double[]? row, int from, int count) =>
            row is not null && row.Length >= from + count ? row.Skip(from).Take(count).Select(v => (double?)v) : Enumerable.Repeat<double?>(null, count);
        return Take(full, 1, n).Concat(Take(charged, 1, n)).Concat(Take(full, 1 + n, CountColumns.Count)).Concat(Take(charged, 1 + n, LossColumns.Count));
    }
}
