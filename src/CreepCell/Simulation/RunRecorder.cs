using System.Globalization;
using System.Text;
using System.Text.Json;
using CreepCell.Io;
using CreepCell.Io.Plots;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>
/// Results of a run: history.csv (a row per converged step), cycles.csv (per cycle, the values at full
/// lithiation and at the end of charge), VTU fields with their .pvd, and summary.json.
/// </summary>
internal sealed class RunRecorder
{
    static readonly string[] PhaseColumns = { "vm_mean_{0}_Pa", "vm_max_{0}_Pa", "vm_p99_{0}_Pa", "p_mean_{0}_Pa", "area_{0}_m2", "creep_mean_{0}", "min_angle_{0}_deg", "distorted_area_{0}" };
    readonly CaseDefinition def;
    readonly Mesh mesh;
    readonly string outDir;

    public IReadOnlyList<string> Columns { get; }

    readonly CreepCell.Contact.ContactModel? contact;
    readonly Integrity.IntegrityRecorder? integrity;

    readonly Model model;

    /// <summary>The recorder of a model's accepted states, writing into <paramref name="outDir"/>.</summary>
    public RunRecorder(CaseDefinition def, Model model, string outDir)
    {
        this.def = def;
        this.model = model;
        mesh = model.Mesh;
        contact = model.Contact;
        this.outDir = outDir;
        var columns = new List<string> { "time_s", "step", "cycle", "half_cycle", "lithiation", "newton_iterations" };
        foreach (var name in mesh.RegionNames) columns.AddRange(PhaseColumns.Select(c => string.Format(CultureInfo.InvariantCulture, c, name)));
        columns.AddRange(new[] { "vm_p99_solids_Pa", "porosity" });
        var start = contact is null ? null : CreepCell.Contact.ContactMeasure.Measure(contact, new double[2 * mesh.NodeCount], mesh.RegionNames);
        if (contact is not null && start is not null)
        {
            columns.AddRange(start.Ratios.Select(PairColumn));
            columns.AddRange(start.SurfaceInContact.Select(p => $"surface_in_contact_{p.Phase}"));
            columns.AddRange(new[] { "min_gap_m", "max_penetration_m" });
            if (contact.Plate is not null) columns.AddRange(new[] { "stack_lift_m", "stack_stress_Pa" });
        }
        if (def.Solver.RemeshAngle > 0) columns.Add("remeshed_bodies");
        if (start is not null)
        {
            columns.AddRange(start.Fractions.Select(f => $"contact_fraction_{f.A}_on_{f.B}"));
            conduction = RegionConduction(def, mesh);
            if (conduction is not null) columns.AddRange(new[] { "active_with_electronic_path", "active_with_ionic_path", "active_connected" });
            if (conduction is { } cc) columns.AddRange((transport = new(mesh, cc.Active, cc.Electrons, cc.Ions,
                Siemens(def, mesh, m => m.ElectronicConductivity), Siemens(def, mesh, m => m.IonicConductivity))).Columns);
        }
        // last, and only when F33 is an unknown: plane-strain tables keep their columns
        if (def.Solver.OutOfPlane.Generalized) columns.AddRange(new[] { "out_of_plane_strain", "out_of_plane_stress_Pa" });
        Columns = columns;
        integrity = Integrity.IntegrityRecorder.Create(def, mesh, contact);
    }

    public void Record(StepState s, MechanicsProblem problem, int iterations)
    {
        var seg = def.Protocol.SegmentAt(s.Time);
        var row = new List<double> { s.Time, s.Step, seg.Cycle, (int)seg.Half, def.Protocol.ThetaAt(s.Time), iterations };
        var (stats, solidsP99) = PhaseStatistics.Summarize(mesh, problem.Assembler.PointOffsets, problem.Responses, problem.States);
        var (angles, distorted) = Distortion(problem);
        for (int r = 0; r < stats.Length; r++)
        {
            var p = stats[r];
            row.AddRange(new[] { p.VonMisesMean, p.VonMisesMax, p.VonMisesP99, p.PressureMean, p.Area, p.CreepMean, angles[r], distorted[r] / Math.Max(p.Area, 1e-300) });
        }
        // what the solids do not fill of the box (rollers, and the stack plate on top) is pore
        double porosity = 1 - stats.Sum(p => p.Area) / model.BoxArea(problem.U);
        row.Add(solidsP99);
        row.Add(porosity);
        var m = contact is null ? null : CreepCell.Contact.ContactMeasure.Measure(contact, problem.U, mesh.RegionNames);
        if (contact is not null && m is not null)
        {
            row.AddRange(m.Ratios.Select(r => r.Ratio));
            row.AddRange(m.SurfaceInContact.Select(p => p.Fraction));
            row.Add(m.MinGap);
            row.Add(m.MaxPenetration);
            if (contact.Plate is not null)
            {
                // the electrode's push on the plate per unit width: the stack pressure once the plate has lifted
                row.Add(contact.Lift(problem.U));
                row.Add(m.PlateForce / contact.Plate.Width);
            }
        }
        if (def.Solver.RemeshAngle > 0) row.Add(s.RemeshedBodies);
        if (contact is not null && m is not null)
        {
            row.AddRange(m.Fractions.Select(f => f.Fraction));
            if (conduction is { } c) row.AddRange(ConnectedFractions(c, CreepCell.Contact.ContactGraph.Build(contact, problem.U)));
            // after active_connected, which the capacity estimate scales
            if (transport is not null) row.AddRange(transport.Row(def.Protocol, s, Columns, problem.U, contact, row[^1]));
        }
        if (def.Solver.OutOfPlane.Generalized)
        {
            row.Add(problem.Stretch - 1);
            row.Add(problem.Assembler.StretchForce / problem.Assembler.OriginalArea);
        }
        foreach (double v in row)
            if (!double.IsFinite(v)) throw new NotConvergedException($"non-finite result at t = {s.Time:G8} s; the step is rejected");
        s.HistoryRows.Add(row.ToArray());
        integrity?.Record(s, problem);
    }

    /// <summary>Per region: active, conducts electrons, conducts ions; null unless the case says what the
    /// phases conduct ([materials.X] conducts) and names an active phase ([materials.X] active = true).</summary>
    readonly (bool[] Active, bool[] Electrons, bool[] Ions)? conduction;

    /// <summary>Effective conductivities, tortuosity factors and the capacity estimate, with <see cref="conduction"/>.</summary>
    readonly CreepCell.Simulation.Transport.ElectrodeTransport? transport;

    /// <summary>Per region its conductivity in S/m (0 where it does not conduct), when the case gives one for every conducting phase.</summary>
    static double[]? Siemens(CaseDefinition def, Mesh mesh, Func<Material, double?> of)
    {
        var given = mesh.RegionNames.Select(n => of(def.Materials[n])).ToArray();
        return given.Any(g => g is not null) ? given.Select(g => g ?? 0).ToArray() : null;
    }

    static (bool[] Active, bool[] Electrons, bool[] Ions)? RegionConduction(CaseDefinition def, Mesh mesh)
    {
        var materials = mesh.RegionNames.Select(n => def.Materials[n]).ToArray();
        if (materials.All(m => m.Conducts is null) || !materials.Any(m => m.Active)) return null;
        return (materials.Select(m => m.Active).ToArray(),
            materials.Select(m => (m.Conducts ?? Conduction.None).HasFlag(Conduction.Electrons)).ToArray(),
            materials.Select(m => (m.Conducts ?? Conduction.None).HasFlag(Conduction.Ions)).ToArray());
    }

    /// <summary>Area fractions of the active material with an electronic path to the bottom side, an ionic
    /// path to the top, and both (<see cref="CreepCell.Contact.Connectivity"/>).</summary>
    static double[] ConnectedFractions((bool[] Active, bool[] Electrons, bool[] Ions) c, CreepCell.Contact.ContactGraph graph)
    {
        var electronic = CreepCell.Contact.Connectivity.PathToCollector(graph, c.Electrons, graph.TouchesBottom);
        var ionic = CreepCell.Contact.Connectivity.PathToCollector(graph, c.Ions, graph.TouchesTop);
        var both = electronic.Zip(ionic, (e, i) => e && i).ToArray();
        return new[] { electronic, ionic, both }.Select(f => CreepCell.Contact.Connectivity.AreaFraction(graph, c.Active, f)).ToArray();
    }

    /// <summary>Below this smallest corner angle (degrees) an element counts as badly distorted.</summary>
    public const double DistortedAngle = 5;

    /// <summary>Per region: the smallest deformed corner angle of its elements, and the current area of
    /// the elements whose smallest angle is below <see cref="DistortedAngle"/> (folded ones included).</summary>
    (double[] MinAngle, double[] DistortedArea) Distortion(MechanicsProblem problem)
    {
        var min = new double[mesh.RegionNames.Length];
        var area = new double[mesh.RegionNames.Length];
        Array.Fill(min, 180);
        var offsets = problem.Assembler.PointOffsets;
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            int r = mesh.Region[e];
            double angle = MeshQuality.DeformedMinAngle(mesh, e, problem.U);
            min[r] = Math.Min(min[r], angle);
            if (angle >= DistortedAngle) continue;
            for (int q = offsets[e]; q < offsets[e + 1]; q++) area[r] += problem.Responses[q].Area;
        }
        return (min, area);
    }

    /// <summary>Per phase, the largest distorted_area_P of the recorded steps.</summary>
    public double[] LargestDistortedArea(StepState s) =>
        mesh.RegionNames.Select(name => Columns.ToList().IndexOf($"distorted_area_{name}"))
            .Select(c => s.HistoryRows.Select(r => r[c]).DefaultIfEmpty(0).Max()).ToArray();

    /// <summary>contact_ratio_A_B with the phases in the order of [materials] in the case (Se before MSe).</summary>
    string PairColumn(CreepCell.Contact.PhasePairRatio r)
    {
        var order = def.Materials.Keys.ToList();
        bool swap = order.IndexOf(r.A) > order.IndexOf(r.B);
        return swap ? $"contact_ratio_{r.B}_{r.A}" : $"contact_ratio_{r.A}_{r.B}";
    }

    public void WriteFields(StepState s, MechanicsProblem problem, int step)
    {
        string name = $"fields_{step:D5}.vtu";
        var grid = VtuGrid.Build(mesh, problem.U, problem.Assembler.PointOffsets, problem.Responses, problem.States,
            contact is null ? null : CreepCell.Contact.ContactMeasure.PointFields(contact, problem.U, mesh.RegionNames, mesh.NodeCount), s.Time);
        if (integrity is not null) grid = integrity.WithCellFields(grid, problem);
        if (conduction is { } c && contact is not null) grid = ConnectivityFields.With(grid, mesh, contact, problem.U, c);
        VtuWriter.Write(Path.Combine(outDir, name), grid, def.Output.Vtu);
        s.FieldFiles.RemoveAll(f => f.File == name);
        s.FieldFiles.Add((s.Time, name));
        VtuWriter.WritePvd(Path.Combine(outDir, "fields.pvd"), s.FieldFiles);
        XdmfSeries.Add(outDir, Path.GetFileNameWithoutExtension(name), s.Time, grid,
            s.FieldFiles.Select(f => (f.Time, Path.GetFileNameWithoutExtension(f.File))).ToList());
    }

    /// <summary>Field maps (PNG) of von Mises and creep strain in the deformed shape, at full lithiation of
    /// the first and the last cycle.</summary>
    public void WriteMapsIfFullLithiation(StepState s, MechanicsProblem problem)
    {
        int cycle = def.Protocol.SegmentAt(s.Time).Cycle;
        if (def.Protocol.ClosingHalf(s.Time) != HalfCycle.Lithiation || (cycle != 1 && cycle != def.Protocol.CycleCount)) return;
        var avg = VtuWriter.CellAverages(mesh, problem.Assembler.PointOffsets, problem.Responses, problem.States);
        var vm = new double[mesh.ElementCount];
        var creep = new double[mesh.ElementCount];
        for (int e = 0; e < vm.Length; e++) { vm[e] = avg[7 * e]; creep[e] = avg[7 * e + 6]; }
        string tag = $"cycle{cycle:D2}";
        Pictures.Writer?.FieldMap(Path.Combine(outDir, $"map_von_mises_{tag}.png"), mesh, problem.U, vm,
            $"von Mises stress, full lithiation, cycle {cycle}", "GPa", new FieldMapOptions { UnitScale = 1e-9 });
        Pictures.Writer?.FieldMap(Path.Combine(outDir, $"map_creep_strain_{tag}.png"), mesh, problem.U, creep,
            $"equivalent creep strain, full lithiation, cycle {cycle}", "-");
    }

    public void WriteTables(StepState s)
    {
        var history = new HistoryTable(Columns);
        foreach (var row in s.HistoryRows) history.Add(row);
        history.Write(Path.Combine(outDir, "history.csv"));
        ParquetTables.Write(Path.Combine(outDir, "history.parquet"), Columns, s.HistoryRows.Select(r => r.Select(v => (double?)v).ToArray()).ToList());
        CycleTable.Write(outDir, def, Columns, integrity, s);
    }

    public void WriteSummary(RunResult r)
    {
        var caseInput = ProvenanceInput.OfText(def.Source, def.Text);
        int threads = def.Solver.Threads > 0 ? def.Solver.Threads : Environment.ProcessorCount;
        var provenance = Provenance.Capture(DateTimeOffset.Now - TimeSpan.FromSeconds(r.WallSeconds), threads, new[] { caseInput });
        var summary = new
        {
            software = "CreepCell",
            version = provenance.Version,
            case_file = def.Source,
            provenance = provenance.ToJson(),
            @case = new { source = def.Source, sha256 = caseInput.Sha256, text = def.Text },
            overrides = def.Overrides.ToDictionary(o => o.Key, o => CaseOverrides.Plain(o.Value)),
            mesh = new { nodes = mesh.NodeCount, elements = mesh.ElementCount, phases = mesh.RegionNames },
            materials = def.Materials.Values.Select(m => new
            {
                name = m.Name, youngs_modulus_Pa = m.YoungsModulus, poisson_ratio = m.PoissonRatio, swelling = m.Swelling,
                creep = m.Creep is { } c ? new { A_per_s = c.A, n = c.N, sigma_ref_Pa = c.SigmaRef, activation_energy_J_per_mol = c.ActivationEnergy, reference_temperature_K = c.ReferenceTemperature } : null,
            }),
            protocol = new { cycles = def.Protocol.CycleCount, points = def.Protocol.Points.Select(p => new[] { p.Time, p.Theta }) },
            temperature_K = def.Temperature,
            boundary = def.Boundary.Kind,
            stack_pressure_Pa = def.Boundary.StackPressure,
            solver = SolverJson(def.Solver),
            steps = r.Steps,
            newton_iterations = r.NewtonIterations,
            wall_time_s = r.WallSeconds,
            remeshed_bodies = r.RemeshedBodies,
            out_of_plane = new { condition = def.Solver.OutOfPlane.Name, stress_Pa = def.Solver.OutOfPlane.Stress, final_strain = r.OutOfPlaneStrain },
            pressed_spots_m = r.PressedSpots.Select(p => new[] { p.X, p.Y }),
            warnings = def.Warnings,
            final = mesh.RegionNames.Select((n, i) => new
            {
                phase = n, vm_mean_Pa = r.Final[i].VonMisesMean, vm_max_Pa = r.Final[i].VonMisesMax, vm_p99_Pa = r.Final[i].VonMisesP99,
                p_mean_Pa = r.Final[i].PressureMean, area_m2 = r.Final[i].Area, creep_mean = r.Final[i].CreepMean,
                largest_distorted_area = r.LargestDistortedArea.Length > i ? r.LargestDistortedArea[i] : 0,
                sigma1_max_Pa = r.Peaks.Length > i ? r.Peaks[i].Sigma1Max : 0,
                sigma1_p99_Pa = r.Peaks.Length > i ? r.Peaks[i].Sigma1Top1 : 0,
                peak_spots_m = r.Peaks.Length > i ? r.Peaks[i].Spots.Select(p => new[] { p.X, p.Y }) : Enumerable.Empty<double[]>(),
            }),
        };
        string json = JsonSerializer.Serialize(summary, Provenance.Indented);
        if (contact?.Bonds is { } bonds)
        {
            // only runs with bonded phases carry the entry, so every other summary stays as it was
            var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            node.Add("bonds", BondsJson(def, bonds));
            json = node.ToJsonString(Provenance.Indented);
        }
        AtomicFile.WriteAllText(Path.Combine(outDir, "summary.json"), json);
    }

    /// <summary>The bonded phases, the ties (one per tied boundary node), the body pairs they join and the reach.</summary>
    static System.Text.Json.Nodes.JsonNode BondsJson(CaseDefinition def, CreepCell.Contact.BondTies bonds) =>
        System.Text.Json.JsonSerializer.SerializeToNode(new
        {
            phases = def.Mesh.Image?.BondedPhases ?? Array.Empty<string>(),
            tied_nodes = bonds.Count, body_pairs = bonds.BodyPairs, reach_m = bonds.Reach, mean_stiffness_Pa = bonds.Stiffness,
        })!;

    /// <summary>The [solver] table under the names of the case file, with SI unit suffixes.</summary>
    static object SolverJson(SolverSpec s) => new
    {
        max_iterations = s.MaxIterations, tolerance = s.Tolerance, linear_solver = s.LinearSolver, fbar = s.Fbar,
        max_lithiation_step = s.MaxLithiationStep, max_cutbacks = s.MaxCutbacks, max_creep_increment = s.MaxCreepIncrement,
        max_step_s = s.MaxStep, min_step_s = s.MinStep, threads = s.Threads, remesh_angle_deg = s.RemeshAngle,
        out_of_plane = s.OutOfPlane.Name, out_of_plane_stress_Pa = s.OutOfPlane.Stress,
    };
}
