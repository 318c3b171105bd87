using System.Diagnostics;
using System.Globalization;
using System.Text;
using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Io;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Sparse;

namespace CreepCell.Bench;

/// <summary>
/// Finite-element benchmark on the inclusion geometry (one circular swelling inclusion in a square
/// matrix, Tri6, rollers): mesh generation, assembly of residual and tangent, ordering + symbolic
/// analysis, numeric factorization and solve of the built-in LDL^T (and CHOLMOD when present), fill
/// and peak memory; then the built-in default case end to end with a split of one Newton iteration.
/// Options: --sizes 10000,50000,200000,500000  --out FILE  --no-cholmod  --skip-default
/// </summary>
static class FemBench
{
    sealed record Row(int Unknowns, int Elements, double Mesh, double Setup, double Assembly, double Residual,
        double Analyze, double Factor, double Solve, long FactorNonzeros, long LowerNonzeros, long PeakBytes, double? CholmodFactor);

    sealed record DefaultRun(int Unknowns, int Steps, long Iterations, double Wall, double Assembly, double Residual, double Factor, double Solve);

    static readonly Material Inclusion = new("SE", 10e9, 0.3, 0.0927);
    static readonly Material Matrix = new("MSE", 100e9, 0.3);

    public static int Run(string[] args)
    {
        var sizes = new List<int> { 10_000, 50_000, 200_000, 500_000 };
        string? outFile = null;
        bool useCholmod = CholmodSolver.IsAvailable, runDefault = true;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes": sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(); break;
                case "--out": outFile = args[++i]; break;
                case "--no-cholmod": useCholmod = false; break;
                case "--skip-default": runDefault = false; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        outFile ??= Path.Combine(RepositoryRoot(), "bench", "results", "fem.md");
        for (int k = 0; k < 3; k++) Measure(MeshFor(5000), useCholmod, 0); // warm-up: JIT tiers and thread pool
        var rows = new List<Row>();
        foreach (int size in sizes)
        {
            var clock = Stopwatch.StartNew();
            var mesh = MeshFor(size);
            var row = Measure(mesh, useCholmod, clock.Elapsed.TotalSeconds);
            rows.Add(row);
            Console.Error.WriteLine($"{row.Unknowns} unknowns: assembly {row.Assembly:F3} s, factor {row.Factor:F3} s");
        }
        var defaultRun = runDefault ? RunDefaultCase() : null;
        string table = Format(rows, defaultRun, useCholmod);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        AtomicFile.WriteAllText(outFile, table);
        Console.WriteLine(table);
        return 0;
    }

    /// <summary>Inclusion mesh with about the requested number of unknowns (edge length from a pilot mesh, unknowns ~ 1/h^2).</summary>
    static Mesh MeshFor(int unknowns)
    {
        const double h0 = 0.05;
        int pilot = 2 * Generate(h0).NodeCount;
        return Generate(h0 * Math.Sqrt((double)pilot / unknowns));
    }

    static Mesh Generate(double h) =>
        InclusionMesh.Generate(1, 1, new[] { CreepCell.Meshing.Inclusion.Circle(new Vec2(0.5, 0.5), 0.2, "SE") }, "MSE",
            new InclusionSizes(h, h) { SecondOrder = true });

    static Material[] MaterialsOf(Mesh mesh) => mesh.RegionNames.Select(n => n == "SE" ? Inclusion : Matrix).ToArray();

    static Row Measure(Mesh mesh, bool useCholmod, double meshSeconds)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var dofs = new DofMap(mesh.NodeCount, Boundary.Rollers(mesh));
        var assembler = new Assembler(mesh, MaterialsOf(mesh), dofs, fbar: true);
        double setup = clock.Elapsed.TotalSeconds;
        var (values, assembly, residual) = Assemble(assembler, dofs, new LoadState(0.5, 0, 343));
        var a = assembler.Pattern.WithValues(values);
        long lower = (a.NonZeros + a.Rows) / 2;
        double analyze, factor, solve;
        long nnzL;
        using (var solver = SparseSolvers.Create("builtin", indefinite: true))
            (analyze, factor, solve, nnzL) = Factorize(solver, a);
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        double? cholmod = null;
        if (useCholmod)
            using (var solver = SparseSolvers.Create("cholmod", indefinite: true))
                cholmod = Factorize(solver, a).Factor;
        return new Row(a.Rows, mesh.ElementCount, meshSeconds, setup, assembly, residual, analyze, factor, solve, nnzL, lower, peak, cholmod);
    }

    /// <summary>Tangent values, fastest of three assemblies with the tangent and of three without.</summary>
    static (double[] Values, double Assembly, double Residual) Assemble(Assembler assembler, DofMap dofs, LoadState load)
    {
        var u = new double[dofs.DofCount];
        var states = assembler.InitialStates();
        var trial = assembler.InitialStates();
        var responses = new PointResponse[assembler.PointCount];
        var force = new double[dofs.DofCount];
        var values = new double[assembler.Pattern.NonZeros];
        double withTangent = double.MaxValue, withoutTangent = double.MaxValue;
        for (int rep = 0; rep < 3; rep++)
        {
            var clock = Stopwatch.StartNew();
            assembler.Assemble(u, load, states, trial, responses, force, values);
            withTangent = Math.Min(withTangent, clock.Elapsed.TotalSeconds);
            clock.Restart();
            assembler.Assemble(u, load, states, trial, responses, force, null);
            withoutTangent = Math.Min(withoutTangent, clock.Elapsed.TotalSeconds);
        }
        return (values, withTangent, withoutTangent);
    }

    /// <summary>Analysis once, then the fastest of <paramref name="repeat"/> factorizations and solves.</summary>
    static (double Analyze, double Factor, double Solve, long FactorNonzeros) Factorize(ISymmetricSolver solver, CscMatrix a, int repeat = 3)
    {
        var clock = Stopwatch.StartNew();
        solver.Analyze(a);
        double analyze = clock.Elapsed.TotalSeconds;
        var b = new double[a.Rows];
        for (int i = 0; i < b.Length; i++) b[i] = 1;
        var x = new double[a.Rows];
        double factor = double.MaxValue, solve = double.MaxValue;
        for (int rep = 0; rep < repeat; rep++)
        {
            clock.Restart();
            solver.Factorize(a);
            factor = Math.Min(factor, clock.Elapsed.TotalSeconds);
            clock.Restart();
            solver.Solve(b, x);
            solve = Math.Min(solve, clock.Elapsed.TotalSeconds);
        }
        if (x.Any(v => !double.IsFinite(v))) throw new InvalidOperationException("non-finite solution in the benchmark");
        return (analyze, factor, solve, solver.Statistics.FactorNonzeros);
    }

    /// <summary>The built-in default case end to end, then its assembly and factorization alone at mid lithiation.</summary>
    static DefaultRun RunDefaultCase()
    {
        var def = CaseReader.Read("default", BuiltInCases.Text("default"), Directory.GetCurrentDirectory());
        string outDir = Path.Combine(Directory.CreateTempSubdirectory("creepcell-bench-").FullName, "out");
        var result = new CaseRunner(def, outDir).Run();
        Directory.Delete(Path.GetDirectoryName(outDir)!, recursive: true);

        var mesh = MeshFactory.Build(def.Mesh);
        var materials = mesh.RegionNames.Select(n => def.Materials[n]).ToArray();
        var dofs = new DofMap(mesh.NodeCount, Boundary.Rollers(mesh));
        var assembler = new Assembler(mesh, materials, dofs, def.Solver.Fbar);
        var (values, assembly, residual) = Assemble(assembler, dofs, new LoadState(0.5, 1800, def.Temperature));
        using var solver = SparseSolvers.Create(def.Solver.LinearSolver, indefinite: true);
        var a = assembler.Pattern.WithValues(values);
        var (_, factor, solve, _) = Factorize(solver, a);
        return new DefaultRun(dofs.FreeCount, result.Steps, result.NewtonIterations, result.WallSeconds, assembly, residual, factor, solve);
    }

    /// <summary>One thread, one distorted Tri6 element, F-bar: microseconds per element call without and with the tangent (fastest of 5 batches).</summary>
    static (double Residual, double Tangent) KernelMicroseconds() =>
        (KernelBench.Time(Inclusion, 0, false, 20000), KernelBench.Time(Inclusion, 0, true, 20000));

    static string Format(List<Row> rows, DefaultRun? run, bool useCholmod)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("# Finite-element core: inclusion geometry (unit square, circle r = 0.2, Tri6, F-bar, rollers)");
        sb.AppendLine();
        sb.AppendLine($"Machine: {Environment.ProcessorCount} cores ({Environment.ProcessorCount} assembly threads, builtin solver default threads), " +
            $".NET {Environment.Version}, CHOLMOD: {(useCholmod ? "libcholmod (SuiteSparse)" : "not available")}. Wall times in seconds. " +
            "Assembly: residual and tangent of all elements at u = 0, theta = 0.5 (swelling only), fastest of 3; factor and solve: fastest of 3; " +
            "analyze = ordering + symbolic; fill = nnz(L) / nnz(tril(A)); peak = process peak working set so far; " +
            "builtin/CHOLMOD below 1: the built-in factorization is the faster one. Mesh time includes a small pilot mesh that sets the edge length.");
        sb.AppendLine();
        sb.AppendLine("| unknowns | elements | mesh | setup (pattern, colouring) | assembly r+K | assembly r | analyze | factor | solve | nnz(L) | fill | peak MB | CHOLMOD factor | builtin/CHOLMOD |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            string chol = r.CholmodFactor is double c ? string.Format(inv, "{0:F3} | {1:F2}", c, r.Factor / c) : "- | -";
            sb.AppendLine(string.Format(inv, "| {0:N0} | {1:N0} | {2:F3} | {3:F3} | {4:F3} | {5:F3} | {6:F3} | {7:F3} | {8:F4} | {9:N0} | {10:F2} | {11:N0} | {12} |",
                r.Unknowns, r.Elements, r.Mesh, r.Setup, r.Assembly, r.Residual, r.Analyze, r.Factor, r.Solve,
                r.FactorNonzeros, (double)r.FactorNonzeros / r.LowerNonzeros, r.PeakBytes / 1048576.0, chol));
        }
        var (kr, kk) = KernelMicroseconds();
        sb.AppendLine();
        sb.AppendLine(string.Format(inv, "Element kernel alone (one thread, Tri6 with F-bar, 3 points): {0:F2} us per element for the residual, " +
            "{1:F2} us with the tangent. Load average while measuring: {2} (other jobs share the machine: wall times vary by a factor of 2-3 between runs).",
            kr, kk, LoadAverage()));
        if (run is null) return sb.ToString();
        sb.AppendLine();
        sb.AppendLine("## Built-in default case (`creepcell run`, no file)");
        sb.AppendLine();
        sb.AppendLine("| unknowns | steps | Newton iterations | wall | wall / iteration | assembly r+K | assembly r | factor | solve |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        sb.AppendLine(string.Format(inv, "| {0:N0} | {1} | {2} | {3:F2} | {4:F4} | {5:F4} | {6:F4} | {7:F4} | {8:F4} |",
            run.Unknowns, run.Steps, run.Iterations, run.Wall, run.Wall / run.Iterations, run.Assembly, run.Residual, run.Factor, run.Solve));
        // Each step assembles residual and tangent once at its start and once per Newton iteration (line-search
        // trials, rarely more than one, add to that); each iteration factorizes and solves once.
        double assembly = (run.Iterations + run.Steps) * run.Assembly, linear = run.Iterations * (run.Factor + run.Solve);
        sb.AppendLine();
        sb.AppendLine(string.Format(inv, "Where the time of the default case goes (the isolated timings times their counts): assembly of residual " +
            "and tangent {0:F2} s ({1:P0}), factorization and solve {2:F2} s ({3:P0}), the rest (analysis, output files, statistics, " +
            "extra line-search trials, setup and meshing) {4:F2} s ({5:P0}). Within one assembly the tangent dominates: residual only {6:F4} s " +
            "against {7:F4} s with the tangent.",
            assembly, assembly / run.Wall, linear, linear / run.Wall, run.Wall - assembly - linear, (run.Wall - assembly - linear) / run.Wall,
            run.Residual, run.Assembly));
        return sb.ToString();
    }

    static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CreepCell.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
