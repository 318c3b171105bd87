using System.Diagnostics;
using System.Globalization;
using System.Text;
using CreepCell.Io;
using CreepCell.Sparse;

namespace CreepCell.Bench;

/// <summary>
/// Sparse direct solver benchmark on 2D plane-strain elasticity (see <see cref="ElasticityGrid"/>):
/// assembly, ordering, symbolic, numeric factorization and solve times, fill and memory of the
/// built-in solver, and CHOLMOD's times on the same matrix when libcholmod is installed.
/// Options: --sizes 10000,50000,200000,500000  --write-mm DIR  --threads N  --out FILE  --no-cholmod
/// --repeat R (numeric factorization and solve are repeated R times on the analyzed pattern; the fastest run is reported)
/// </summary>
static class SparseBench
{
    sealed record Measured(SolverStatistics Stats, double FactorCpu, double Residual);

    sealed record Row(int Unknowns, long NonZeros, double Assembly, Measured Builtin, long PeakBytes, Measured? Cholmod);

    public static int Run(string[] args)
    {
        var sizes = new List<int> { 10_000, 50_000, 200_000, 500_000 };
        string? mmDir = null, outFile = null;
        int threads = Environment.ProcessorCount;
        bool useCholmod = true;
        int repeat = 3;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes": sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(); break;
                case "--write-mm": mmDir = args[++i]; break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": outFile = args[++i]; break;
                case "--no-cholmod": useCholmod = false; break;
                case "--repeat": repeat = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        outFile ??= Path.Combine(RepositoryRoot(), "bench", "results", "sparse.md");
        if (mmDir != null) Directory.CreateDirectory(mmDir);
        useCholmod &= CholmodSolver.IsAvailable;
        WarmUp(threads, useCholmod);
        var rows = new List<Row>();
        foreach (int size in sizes)
        {
            var row = Measure(size, threads, useCholmod, mmDir, repeat);
            rows.Add(row);
            Console.Error.WriteLine($"{row.Unknowns} unknowns: factor {row.Builtin.Stats.FactorSeconds:F3} s" +
                (row.Cholmod != null ? $", CHOLMOD {row.Cholmod.Stats.FactorSeconds:F3} s" : ""));
        }
        string table = Format(rows, threads, useCholmod);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        AtomicFile.WriteAllText(outFile, table);
        Console.WriteLine(table);
        return 0;
    }

    static void WarmUp(int threads, bool useCholmod)
    {
        var a = ElasticityGrid.Build(40).Matrix;
        Solve(new SupernodalLdlSolver(threads: threads), a, 1);
        if (useCholmod) Solve(new CholmodSolver(), a, 1);
    }

    static Row Measure(int size, int threads, bool useCholmod, string? mmDir, int repeat)
    {
        var grid = ElasticityGrid.Build(ElasticityGrid.CellsFor(size));
        var a = grid.Matrix;
        if (mmDir != null) MatrixMarket.Write(Path.Combine(mmDir, $"elasticity2d_{a.Rows}.mtx"), a);
        GC.Collect();
        var builtin = Solve(new SupernodalLdlSolver(threads: threads), a, repeat);
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Measured? cholmod = null;
        if (useCholmod)
        {
            GC.Collect();
            cholmod = Solve(new CholmodSolver(), a, repeat);
        }
        return new Row(a.Rows, a.NonZeros, grid.AssemblySeconds, builtin, peak, cholmod);
    }

    static Measured Solve(ISymmetricSolver solver, CscMatrix a, int repeat)
    {
        using (solver)
        {
            var b = new double[a.Rows];
            for (int i = 1; i < b.Length; i += 2) b[i] = -1.0;
            var x = new double[a.Rows];
            var clock = Stopwatch.StartNew();
            solver.Analyze(a);
            double analyze = clock.Elapsed.TotalSeconds;
            double factor = double.MaxValue, solve = double.MaxValue, cpu = double.MaxValue;
            var process = Process.GetCurrentProcess();
            for (int rep = 0; rep < repeat; rep++)
            {
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                solver.Factorize(a);
                process.Refresh();
                cpu = Math.Min(cpu, (process.TotalProcessorTime - cpu0).TotalSeconds);
                solver.Solve(b, x);
                factor = Math.Min(factor, solver.Statistics.FactorSeconds);
                solve = Math.Min(solve, solver.Statistics.SolveSeconds);
            }
            var ax = new double[a.Rows];
            a.Multiply(x, ax);
            double r = 0, nb = 0;
            for (int i = 0; i < b.Length; i++) { r += (b[i] - ax[i]) * (b[i] - ax[i]); nb += b[i] * b[i]; }
            var s = solver.Statistics with { FactorSeconds = factor, SolveSeconds = solve };
            if (s.SymbolicSeconds == 0) s = s with { OrderingSeconds = analyze };
            return new Measured(s, cpu, Math.Sqrt(r / nb));
        }
    }

    static string Format(List<Row> rows, int threads, bool useCholmod)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("# Sparse direct solver: 2D plane-strain elasticity (linear triangles, E = 1, nu = 0.3, bottom clamped)");
        sb.AppendLine();
        sb.AppendLine($"Machine: {Environment.ProcessorCount} cores, {threads} solver threads, .NET {Environment.Version}, " +
            $"CHOLMOD: {(useCholmod ? CholmodNativeName() : "not available")}. Times in seconds (wall clock); " +
            "fill = nnz(L) / nnz(tril(A)); peak = process peak working set after the built-in solve.");
        sb.AppendLine();
        sb.AppendLine("| unknowns | nnz(A) | assembly | ordering | symbolic | factor | factor CPU | solve | nnz(L) | fill | supernodes | GFlop/s | peak MB | residual | CHOLMOD analyze | CHOLMOD factor | CHOLMOD factor CPU | CHOLMOD nnz(L) | builtin/CHOLMOD factor |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var s = r.Builtin.Stats;
            long lowerA = (r.NonZeros + r.Unknowns) / 2;
            string chol = r.Cholmod is { } c
                ? string.Format(inv, "{0:F3} | {1:F3} | {2:F3} | {3:N0} | {4:F2}", c.Stats.OrderingSeconds, c.Stats.FactorSeconds, c.FactorCpu,
                    c.Stats.FactorNonzeros, s.FactorSeconds / c.Stats.FactorSeconds)
                : "- | - | - | - | -";
            sb.AppendLine(string.Format(inv,
                "| {0:N0} | {1:N0} | {2:F3} | {3:F3} | {4:F3} | {5:F3} | {6:F3} | {7:F4} | {8:N0} | {9:F2} | {10:N0} | {11:F1} | {12:N0} | {13:E1} | {14} |",
                r.Unknowns, r.NonZeros, r.Assembly, s.OrderingSeconds, s.SymbolicSeconds, s.FactorSeconds, r.Builtin.FactorCpu, s.SolveSeconds,
                s.FactorNonzeros, (double)s.FactorNonzeros / lowerA, s.Supernodes, s.FactorFlops / s.FactorSeconds / 1e9,
                r.PeakBytes / 1048576.0, r.Builtin.Residual, chol));
        }
        sb.AppendLine();
        sb.AppendLine($"Load average while measuring: {LoadAverage()}. Wall times are the fastest of the repeated factorizations; " +
            "'factor CPU' is the process CPU time of that phase (all threads; OpenBLAS threads that spin while waiting count too).");
        return sb.ToString();
    }

    static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    static string CholmodNativeName() => "libcholmod (SuiteSparse), cholmod_l_* API, default ordering";

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CreepCell.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
