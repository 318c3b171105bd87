using System.Diagnostics;
using System.Globalization;
using System.Text;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Bench;

/// <summary>
/// Wall time, steps and Newton iterations of the creeping inclusion case (the default geometry with a
/// creeping, strongly swelling inclusion) for 1, 5 and 20 galvanostatic cycles at 0.1 C.
/// Writes bench/results/cycling.md.
/// </summary>
static class CyclingBench
{
    const string Case = """
        temperature = "70 degC"
        [mesh]
        generator = "inclusion"
        width = "20 um"
        height = "20 um"
        matrix = "MSE"
        element_size = "1 um"
        inclusion_element_size = "0.25 um"
        [[mesh.inclusions]]
        phase = "Se"
        center = ["10 um", "10 um"]
        radius = "4 um"
        [materials.Se]
        youngs_modulus = "10 GPa"
        poisson_ratio = 0.3
        swelling = 0.98
        [materials.Se.creep]
        A = "1e-5 1/s"
        n = 3
        sigma_ref = "100 MPa"
        [materials.MSE]
        youngs_modulus = "100 GPa"
        poisson_ratio = 0.3
        [protocol]
        kind = "galvanostatic"
        c_rate = 0.1
        cycles = CYCLES
        theta_end_first = 0.22
        theta_end = 0.22
        [output]
        checkpoint_every = 1000000
        """;

    public static int Run(string[] args)
    {
        var cycles = args.Length > 0 ? args[0].Split(',').Select(int.Parse).ToArray() : new[] { 1, 5, 20 };
        var sb = new StringBuilder();
        sb.AppendLine("# Creeping inclusion: cost of galvanostatic cycling");
        sb.AppendLine();
        sb.AppendLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}. Case: 20 um square, Se inclusion r = 4 um (beta 0.98, Norton n = 3), elastic MSE matrix, 0.1 C, Tri6 F-bar.");
        sb.AppendLine();
        sb.AppendLine("| cycles | unknowns (2 per node) | steps | Newton iterations | iterations/step | wall time (s) | s/step | final vm_mean Se (MPa) |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int n in cycles)
        {
            string dir = Path.Combine(Path.GetTempPath(), $"creepcell-bench-cycling-{n}");
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            var def = CaseReader.Read("cycling bench", Case.Replace("CYCLES", n.ToString(CultureInfo.InvariantCulture)), dir);
            var clock = Stopwatch.StartNew();
            var r = new CaseRunner(def, dir).Run();
            double wall = clock.Elapsed.TotalSeconds;
            int se = r.Phases.ToList().IndexOf("Se");
            int dofs = CountDofs(dir);
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {n} | {dofs} | {r.Steps} | {r.NewtonIterations} | {(double)r.NewtonIterations / r.Steps:F2} | {wall:F1} | {wall / r.Steps:F3} | {r.Final[se].VonMisesMean / 1e6:F1} |");
            Console.WriteLine($"{n} cycles: {r.Steps} steps, {r.NewtonIterations} iterations, {wall:F1} s");
        }
        Directory.CreateDirectory(Path.Combine("bench", "results"));
        File.WriteAllText(Path.Combine("bench", "results", "cycling.md"), sb.ToString());
        Console.Write(sb);
        return 0;
    }

    static int CountDofs(string dir)
    {
        string json = File.ReadAllText(Path.Combine(dir, "summary.json"));
        int i = json.IndexOf("\"nodes\":", StringComparison.Ordinal);
        var digits = new string(json[(i + 8)..].SkipWhile(c => !char.IsDigit(c)).TakeWhile(char.IsDigit).ToArray());
        return 2 * int.Parse(digits, CultureInfo.InvariantCulture);
    }
}
