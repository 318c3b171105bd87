using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CreepCell.Geometry;
using CreepCell.Geometry.Packing;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Simulation.Integrity;

namespace CreepCell.Bench;

/// <summary>
/// Peak stresses under mesh refinement: the preset (se-60mse by default) run to its first full lithiation
/// in up to three series. "plain": the packing drawn with boundary edges h (edge_length = h, so the outline
/// changes with h; relative_element_size = h / 1 um as in docs/presets.md). "refined": the preset's packing
/// (edge 0.25 um) meshed with boundary_edge = h, fillet_edges, contact_edge = h x the contact ratio and
/// contact_reach. "adaptive": the refined mesh at the first h, then refined around the spots the previous
/// runs found (peak elements, their partners, hard-pressed contact points) to each spot edge in turn.
/// Per run and phase: the largest and the 1 % von Mises and largest principal stresses, steps, Newton
/// iterations, elements; where each phase's largest von Mises stress sits; and the spread of each value
/// over the levels of a series against its finest level. Writes the table to the out file when given.
/// Usage: peaks [preset] [edges um, comma-separated] [fillet edges] [contact edge / h] [contact reach um]
///        [out file or -] [series: plain,refined,adaptive] [spot edges um, comma-separated]
/// </summary>
static class PeaksBench
{
    sealed record Level(string Settings, double H, int Elements, int Nodes, int Steps, long Iterations, double Seconds, PhasePeaks[] Peaks, string[] Where)
    {
        /// <summary>Where the next mesh should be fine: the peak spots of every phase and the hard-pressed contact points.</summary>
        public Vec2[] Spots { get; init; } = Array.Empty<Vec2>();
    }

    public static int Run(string[] args)
    {
        string preset = args.Length > 0 ? args[0] : "se-60mse";
        var edges = (args.Length > 1 ? args[1] : "0.25,0.18,0.125,0.09").Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        int fillet = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        double contactRatio = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0.25;
        double reach = args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 0.75;
        string? outFile = args.Length > 5 && args[5] != "-" ? args[5] : null;
        var modes = (args.Length > 6 ? args[6] : "plain,refined,adaptive").Split(',');
        var spotEdges = (args.Length > 7 ? args[7] : "0.032,0.016,0.008,0.004").Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        const int threads = 1;
        string text = BuiltInCases.Text(preset);
        var levels = new List<Level>();
        if (modes.Contains("plain")) foreach (double h in edges) levels.Add(Once(preset, Plain(text, h), "packing edge = h", h, threads));
        string refined = $"fillet_edges = {fillet}, contact_edge = {Um(contactRatio)} h, contact_reach = {Um(reach)} um";
        if (modes.Contains("refined")) foreach (double h in edges) levels.Add(Once(preset, Refined(text, h, fillet, contactRatio, reach), refined, h, threads));
        if (modes.Contains("adaptive")) levels.AddRange(Adaptive(preset, Refined(text, edges[0], fillet, contactRatio, reach), edges[0], spotEdges, threads));
        string report = Report(preset, levels, $"{string.Join(",", edges.Select(Um))} {fillet} {Um(contactRatio)} {Um(reach)} {outFile ?? "-"} {string.Join(",", modes)} {string.Join(",", spotEdges.Select(Um))}");
        Console.WriteLine(report);
        if (outFile is not null) File.WriteAllText(outFile, report);
        return 0;
    }

    /// <summary>The default meshing at boundary edge h: the packing itself is drawn with edges of h.</summary>
    static string Plain(string text, double h) =>
        Mesh(Edge(text, h), $"relative_element_size = {Um(h)}\norder = 2\n");

    /// <summary>The preset's packing (edge 0.25 um) meshed with boundary edges of h, resolved fillets and
    /// refinement near contacts; interior edges scaled like the plain runs.</summary>
    static string Refined(string text, double h, int fillet, double contactRatio, double reach) =>
        Mesh(Edge(text, 0.25), $"relative_element_size = {Um(h)}\norder = 2\nboundary_edge = \"{Um(h)} um\"\nfillet_edges = {fillet}\n" +
            $"contact_edge = \"{Um(h * contactRatio)} um\"\ncontact_reach = \"{Um(reach)} um\"\n");

    static string Um(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);

    static string Edge(string text, double h) => Regex.Replace(text, @"(?m)^edge_length = ""[^""]*""", $"edge_length = \"{Um(h)} um\"");

    static string Mesh(string text, string body) => Regex.Replace(text, @"(?ms)^\[mesh\]\n.*?(?=^\[)", "[mesh]\n" + body + "\n");

    /// <summary>
    /// Refinement where the peaks are: a first run on the refined settings at edge h finds the spots of
    /// each phase's largest stresses (<see cref="PhasePeaks.Spots"/>) and the boundary points pressed with
    /// at least a quarter of the largest contact pressure (<see cref="RunResult.PressedSpots"/>); each
    /// further run refines around all spots found so far to the next, smaller edge.
    /// </summary>
    static IEnumerable<Level> Adaptive(string preset, string text, double h, double[] spotEdges, int threads)
    {
        var spots = new List<Vec2>();
        var first = Once(preset, text, "spots: none", h, threads);
        yield return first;
        spots.AddRange(first.Spots);
        foreach (double e in spotEdges)
        {
            var level = Once(preset, text, "spots: refined to edge (um)", e, threads, o => o with { RefinePoints = spots.ToArray(), RefineEdge = e * 1e-6 });
            yield return level;
            spots.AddRange(level.Spots.Where(p => !spots.Contains(p)));
        }
    }

    static Level Once(string preset, string text, string settings, double h, int threads, Func<ParticleMeshOptions, ParticleMeshOptions>? adapt = null)
    {
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-bench-peaks");
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        var def = CaseReader.Read(preset, text, dir);
        def = def with { Protocol = ToFirstFullLithiation(def.Protocol), Solver = def.Solver with { Threads = threads } };
        if (adapt is not null) def = def with { Mesh = def.Mesh with { ParticleOptions = adapt(def.Mesh.ParticleOptions!) } };
        var mesh = MeshFactory.Build(def.Mesh);
        var clock = Stopwatch.StartNew();
        var result = new CaseRunner(def, dir).Run();
        double seconds = clock.Elapsed.TotalSeconds;
        var packing = PackingGenerator.Generate(def.Mesh.Microstructure!);
        var bodies = ParticleMesh.Build(packing, def.Mesh.ParticleOptions).Bodies;
        var where = result.Peaks.Select(p => Where(mesh, packing, bodies, p.VonMisesMaxElement)).ToArray();
        var level = new Level(settings, h, mesh.ElementCount, mesh.NodeCount, result.Steps, result.NewtonIterations, seconds, result.Peaks, where)
        {
            Spots = result.Peaks.SelectMany(p => p.Spots).Concat(result.PressedSpots).Distinct().ToArray(),
        };
        var peaks = string.Join("; ", result.Peaks.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Phase} vm {p.VonMisesMax / 1e6:F1}/{p.VonMisesTop1 / 1e6:F1} s1 {p.Sigma1Max / 1e6:F1}/{p.Sigma1Top1 / 1e6:F1} MPa")));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings}, h = {h}: {mesh.ElementCount} elements, {result.Steps} steps, {seconds:F1} s, {peaks}; {string.Join("; ", where)}"));
        return level;
    }

    /// <summary>The protocol up to its first full lithiation (the first point where theta stops rising).</summary>
    static LithiationProtocol ToFirstFullLithiation(LithiationProtocol p)
    {
        int k = 1;
        while (k + 1 < p.Points.Count && p.Points[k + 1].Theta > p.Points[k].Theta) k++;
        return new LithiationProtocol(p.Points.Take(k + 1).ToList());
    }

    /// <summary>Where an element lies in the reference configuration: distance of its centroid from the
    /// nearest fillet point of its particle and from the nearest other particle, in nm.</summary>
    static string Where(Mesh mesh, Packing packing, IReadOnlyList<MeshBody> bodies, int element)
    {
        if (element < 0) return "-";
        var c = Centroid(mesh, element);
        var body = bodies.First(b => element >= b.FirstElement && element < b.FirstElement + b.ElementCount);
        var p = packing.Particles[body.Index];
        double fillet = double.PositiveInfinity;
        for (int i = 0; i < p.Vertices.Length; i++)
            if (i < p.EdgeArcs.Length && (p.EdgeArcs[i] is not null || p.EdgeArcs[(i + p.Vertices.Length - 1) % p.Vertices.Length] is not null))
                fillet = Math.Min(fillet, (p.Vertices[i] - c).Length);
        double other = packing.Particles.Where((_, j) => j != body.Index).Min(q => Distance(q.Vertices, c));
        double surface = Distance(p.Vertices, c);
        double wall = Math.Min(Math.Min(c.X, packing.Side - c.X), Math.Min(c.Y, packing.Side - c.Y));
        return string.Create(CultureInfo.InvariantCulture,
            $"{p.Phase} {body.Index}: surface {surface * 1e9:F0}, fillet {fillet * 1e9:F0}, {Corner(p, c)}, neighbour {other * 1e9:F0}, wall {wall * 1e9:F0} nm");
    }

    /// <summary>The particle's vertex nearest to c that is no fillet point (a corner left sharp), and its
    /// distance and turn angle; "no sharp corner" when every vertex starts or ends a fillet or a straight run.</summary>
    static string Corner(Particle p, Vec2 c)
    {
        int n = p.Vertices.Length, best = -1;
        double bestD = double.PositiveInfinity, bestTurn = 0;
        for (int i = 0; i < n; i++)
        {
            if (p.EdgeArcs.Length == n && (p.EdgeArcs[i] is not null || p.EdgeArcs[(i + n - 1) % n] is not null)) continue;
            Vec2 a = p.Vertices[(i + n - 1) % n], v = p.Vertices[i], b = p.Vertices[(i + 1) % n];
            double turn = Math.Abs(Math.Atan2(Vec2.Cross(v - a, b - v), Vec2.Dot(v - a, b - v))) * 180 / Math.PI;
            if (turn < 1) continue; // a point inside a straight edge
            double d = (v - c).Length;
            if (d < bestD) { bestD = d; best = i; bestTurn = turn; }
        }
        return best < 0 ? "no sharp corner" : string.Create(CultureInfo.InvariantCulture, $"sharp corner {bestD * 1e9:F0} (turn {bestTurn:F0} deg)");
    }

    static Vec2 Centroid(Mesh mesh, int e)
    {
        var nodes = mesh.ElementNodes(e);
        double x = 0, y = 0;
        for (int k = 0; k < 3; k++) { x += mesh.Nodes[nodes[k]].X; y += mesh.Nodes[nodes[k]].Y; }
        return new Vec2(x / 3, y / 3);
    }

    static double Distance(Vec2[] polygon, Vec2 p)
    {
        double best = double.PositiveInfinity;
        for (int k = 0; k < polygon.Length; k++)
        {
            Vec2 a = polygon[k], ab = polygon[(k + 1) % polygon.Length] - a;
            double t = Math.Clamp(Vec2.Dot(p - a, ab) / Math.Max(Vec2.Dot(ab, ab), 1e-300), 0, 1);
            best = Math.Min(best, (p - (a + t * ab)).Length);
        }
        return best;
    }

    static string Report(string preset, List<Level> levels, string settings)
    {
        var sb = new StringBuilder();
        var I = CultureInfo.InvariantCulture;
        sb.AppendLine($"# {preset}: peak stresses at the first full lithiation under mesh refinement");
        sb.AppendLine();
        sb.AppendLine(string.Create(I, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:u}. `dotnet run -c Release --project bench/CreepCell.Bench -- peaks {preset} {settings}`."));
        sb.AppendLine("The preset (8 um box) run from theta = 0 to its first full lithiation (theta = 0.768, 7.7 h at 0.1 C). vm: von Mises; s1: largest principal stress (zz included); max: over the quadrature points of the phase; 1 %: the value exceeded on 1 % of the phase's current area. MPa.");
        sb.AppendLine();
        var phases = levels[0].Peaks.Select(p => p.Phase).ToArray();
        sb.Append("| settings | h (um) | elements | nodes | steps | Newton iterations | wall (s) |");
        foreach (var ph in phases) sb.Append($" {ph} vm max | {ph} vm 1 % | {ph} s1 max | {ph} s1 1 % |");
        sb.AppendLine();
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|" + string.Concat(phases.Select(_ => "---:|---:|---:|---:|")));
        foreach (var l in levels)
        {
            sb.Append(string.Create(I, $"| {l.Settings} | {l.H} | {l.Elements} | {l.Nodes} | {l.Steps} | {l.Iterations} | {l.Seconds:F1} |"));
            foreach (var p in l.Peaks) sb.Append(string.Create(I, $" {p.VonMisesMax / 1e6:F1} | {p.VonMisesTop1 / 1e6:F1} | {p.Sigma1Max / 1e6:F1} | {p.Sigma1Top1 / 1e6:F1} |"));
            sb.AppendLine();
        }
        sb.AppendLine();
        sb.AppendLine("Where each phase's largest von Mises stress sits, in nm, in the reference configuration: from its element's centroid to its particle's outline, the nearest fillet point, the nearest corner left sharp (and its turn), the nearest other particle and the nearest side of the box:");
        sb.AppendLine();
        sb.AppendLine("| settings | h (um) | " + string.Join(" | ", phases) + " |");
        sb.AppendLine("|---|---:|" + string.Concat(phases.Select(_ => "---|")));
        foreach (var l in levels) sb.AppendLine(string.Create(I, $"| {l.Settings} | {l.H} | {string.Join(" | ", l.Where)} |"));
        sb.AppendLine();
        sb.AppendLine("Largest deviation from the finest level of the same settings, over the coarser levels (in brackets: of the level next to the finest):");
        sb.AppendLine();
        sb.AppendLine("| settings | quantity | " + string.Join(" | ", phases) + " |");
        sb.AppendLine("|---|---|" + string.Concat(phases.Select(_ => "---:|")));
        foreach (var g in levels.GroupBy(l => l.Settings))
        {
            var list = g.OrderByDescending(l => l.H).ToList();
            foreach (var (name, f) in Quantities)
            {
                sb.Append($"| {g.Key} | {name} |");
                for (int r = 0; r < phases.Length; r++)
                {
                    double fine = f(list[^1].Peaks[r]);
                    double worst = list.Take(list.Count - 1).Select(l => Math.Abs(f(l.Peaks[r]) / fine - 1)).DefaultIfEmpty(0).Max();
                    double next = list.Count > 1 ? Math.Abs(f(list[^2].Peaks[r]) / fine - 1) : 0;
                    sb.Append(string.Create(I, $" {100 * worst:F1} % ({100 * next:F1} %) |"));
                }
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }

    static readonly (string, Func<PhasePeaks, double>)[] Quantities =
    {
        ("vm max", p => p.VonMisesMax), ("vm 1 %", p => p.VonMisesTop1), ("s1 max", p => p.Sigma1Max), ("s1 1 %", p => p.Sigma1Top1),
    };
}
