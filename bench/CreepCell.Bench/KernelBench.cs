using System.Diagnostics;
using System.Globalization;
using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Bench;

/// <summary>
/// The element kernel alone, one thread: microseconds per Tri6 element with F-bar (3 points) for the
/// residual and for residual and tangent, for an elastic swelling phase and for a creeping one (a
/// Norton return at every point). `kernel [calls]`; fastest of 5 batches.
/// </summary>
static class KernelBench
{
    static readonly Material Elastic = new("MSE", 100e9, 0.3, 0.02);
    static readonly Material Creeping = new("SE", 10e9, 0.3, 0.0927, new CreepLaw(1e-3, 3, 10e6));

    public static int Run(string[] args)
    {
        int calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20000;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("| material | residual (us) | residual and tangent (us) |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, mat, dt) in new[] { ("elastic, swelling", Elastic, 0.0), ("Norton creep, dt = 10 s", Creeping, 10.0) })
            Console.WriteLine(string.Format(inv, "| {0} | {1:F2} | {2:F2} |", name, Time(mat, dt, false, calls), Time(mat, dt, true, calls)));
        return 0;
    }

    /// <summary>Microseconds per call (fastest of 5 batches of <paramref name="calls"/>), at theta = 0.5.</summary>
    internal static double Time(Material mat, double dt, bool stiffness, int calls)
    {
        var re = ReferenceElement.Of(ElementType.Tri6);
        double[] x = { 0, 0, 1, 0.1, 0.2, 1, 0.5, 0.05, 0.6, 0.55, 0.1, 0.5 };
        var u = x.Select((v, i) => 0.01 * Math.Sin(3 * v + i)).ToArray();
        var ws = new ElementWorkspace();
        var old = new PointState[re.PointCount];
        Array.Fill(old, PointState.Initial);
        var states = new PointState[re.PointCount];
        var responses = new PointResponse[re.PointCount];
        double best = double.MaxValue;
        for (int batch = 0; batch < 5; batch++)
        {
            var clock = Stopwatch.StartNew();
            for (int k = 0; k < calls; k++)
                ElementKernel.Compute(new ElementInput(re, x, u, mat, true, 0.5, dt, 298), ws, old, states, responses, stiffness);
            best = Math.Min(best, clock.Elapsed.TotalSeconds / calls * 1e6);
        }
        return best;
    }
}
