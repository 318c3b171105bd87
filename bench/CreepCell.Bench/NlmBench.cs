using System.Diagnostics;
using System.Globalization;
using System.Text;
using CreepCell.Analysis.Pores;
using CreepCell.Io;
using CreepCell.Io.Images;

namespace CreepCell.Bench;

/// <summary>
/// `nlm [--sizes 256,1024] [--sigma S] [--repeat N] [--no-direct]`: non-local means (21 x 21 window, 7 x 7 patches) on noisy images
/// of realistic size, the direct offset-by-offset filter (<see cref="DirectNlm"/>, the implementation before the
/// symmetric one, kept here to time against) and <see cref="NonLocalMeans"/>, in one run. Images: dark disks (gray 40)
/// on a solid of 200 at each size, and page 128 of the TauFactor electrode (256 x 256; pore 0, NMC 85, binder 170),
/// each with Gaussian noise of S gray levels (default 30, seed 1) and filtered with h = S. Reports the
/// machine-independent counts (pixels, patch comparisons, exponentials evaluated) beside the wall times, the largest
/// difference between the two results, and where the direct filter spends its time. Each time is the shortest of N runs
/// (default 3; the machine is shared). Writes bench/results/nlm.md.
/// </summary>
public static class NlmBench
{
    sealed record Row(string Image, int Pixels, long Comparisons, long DirectExps, long FastExps, double Direct, double Fast, double MaxDiff, (double Diff, double Box, double Weights) Phases);

    public static int Run(string[] args)
    {
        var sizes = Option(args, "--sizes", "256,1024").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        double sigma = double.Parse(Option(args, "--sigma", "30"), CultureInfo.InvariantCulture);
        bool direct = !args.Contains("--no-direct");
        int repeat = int.Parse(Option(args, "--repeat", "3"), CultureInfo.InvariantCulture);
        // Both filters once on a small image first, so neither timing includes the JIT.
        var warm = Noisy(Disks(48), sigma, 2);
        NonLocalMeans.Apply(warm, sigma);
        DirectNlm.Apply(warm, sigma, out _);
        var images = sizes.Select(n => ($"disks {n} x {n}", Noisy(Disks(n), sigma, 1))).ToList();
        string tiff = Path.GetFullPath(Path.Combine("tests", "CreepCell.Tests", "Fixtures", "taufactor_electrode", "electrode.tiff"));
        if (File.Exists(tiff)) images.Add(("electrode page 128, 256 x 256", Noisy(ImageDecoder.ReadFrames(tiff).ElementAt(128), sigma, 1)));
        var rows = new List<Row>();
        foreach (var (name, img) in images)
        {
            rows.Add(Once(name, img, sigma, direct, repeat));
            Console.WriteLine(Line(rows[^1]));
        }
        Write(rows, sigma, direct, repeat, string.Join(" ", args));
        return 0;
    }

    static Row Once(string name, GrayImage img, double h, bool direct, int repeat)
    {
        int n = img.Width * img.Height;
        int offsets = (2 * NonLocalMeans.Search + 1) * (2 * NonLocalMeans.Search + 1) - 1;
        GrayImage fast = img;
        double tFast = Shortest(repeat, () => fast = NonLocalMeans.Apply(img, h));
        double tDirect = double.NaN, maxDiff = double.NaN;
        (double Diff, double Box, double Weights) phases = (double.NaN, double.NaN, double.NaN);
        if (direct)
        {
            GrayImage d = img;
            tDirect = Shortest(repeat, () =>
            {
                d = DirectNlm.Apply(img, h, out var p);
                if (double.IsNaN(phases.Diff) || p.Diff + p.Box + p.Weights < phases.Diff + phases.Box + phases.Weights) phases = p;
            });
            maxDiff = 0;
            for (int i = 0; i < n; i++) maxDiff = Math.Max(maxDiff, Math.Abs(d.Pixels[i] - fast.Pixels[i]));
        }
        return new Row(name, n, (long)n * offsets, (long)n * offsets, FastExponentials(img.Width, img.Height), tDirect, tFast, maxDiff, phases);
    }

    static double Shortest(int repeat, Action run)
    {
        double best = double.PositiveInfinity;
        for (int r = 0; r < Math.Max(1, repeat); r++)
        {
            var clock = Stopwatch.StartNew();
            run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    /// <summary>
    /// Exponentials the symmetric filter evaluates: every pixel for each of the 220 half offsets o, plus, for -o, the
    /// pixels outside the rectangle where both patches of the pair lie inside the image (as in <see cref="NonLocalMeans"/>).
    /// </summary>
    static long FastExponentials(int w, int h)
    {
        int s = NonLocalMeans.Search, p = NonLocalMeans.Patch;
        long count = 0;
        for (int oy = 0; oy <= s; oy++)
            for (int ox = oy == 0 ? 1 : -s; ox <= s; ox++)
            {
                long inner = (long)Math.Max(0, Math.Min(w - 1 - p, w - 1 - p + ox) - Math.Max(p, p + ox) + 1) * Math.Max(0, h - 1 - p - (p + oy) + 1);
                count += 2L * w * h - inner;
            }
        return count;
    }

    static GrayImage Disks(int n)
    {
        var px = new float[n * n];
        // Disks of radius n/16 to n/6 at fixed places, about a third of the area.
        var disks = new (double X, double Y, double R)[] { (0.22, 0.25, 0.16), (0.68, 0.3, 0.12), (0.35, 0.72, 0.14), (0.8, 0.78, 0.09), (0.55, 0.52, 0.07), (0.1, 0.9, 0.06) };
        for (int y = 0; y < n; y++)
            for (int x = 0; x < n; x++)
                px[y * n + x] = disks.Any(d => Math.Pow(x - d.X * n, 2) + Math.Pow(y - d.Y * n, 2) <= Math.Pow(d.R * n, 2)) ? 40 : 200;
        return new GrayImage(n, n, px, $"disks {n}");
    }

    static GrayImage Noisy(GrayImage img, double sigma, int seed)
    {
        var rng = new Random(seed);
        var p = img.Pixels.Select(v => (float)(v + sigma * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()))).ToArray();
        return new GrayImage(img.Width, img.Height, p, img.Source);
    }

    static string Line(Row r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Image}: {r.Pixels} px, {r.Comparisons:N0} patch comparisons; direct {r.Direct:F2} s ({r.DirectExps:N0} exp), fast {r.Fast:F2} s ({r.FastExps:N0} exp), speed-up {r.Direct / r.Fast:F1}, max |diff| {r.MaxDiff:G2}");

    static void Write(List<Row> rows, double sigma, bool direct, int repeat, string args)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"# Non-local means: direct and symmetric offset-by-offset filters\n\n");
        string tiered = Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") == "0" ? "DOTNET_TieredCompilation=0 " : "";
        sb.Append(inv, $"`{tiered}dotnet run -c Release --project bench/CreepCell.Bench -- nlm {args}`, one run, shortest of {repeat} per filter and image,\n");
        sb.Append(inv, $"{Environment.ProcessorCount} logical processors shared with other work (both filters single-threaded), {DateTime.UtcNow:yyyy-MM-dd}.\n");
        sb.Append(inv, $"21 x 21 search window (440 offsets), 7 x 7 patches, h = {sigma:G3} on images with Gaussian noise of {sigma:G3} gray levels (seed 1).\n");
        sb.Append("Patch comparisons: pixels x 440 (each a 7 x 7 patch distance and a weight). Exponentials: weights computed; the\n");
        sb.Append("symmetric filter computes one per pixel pair where both patches lie inside the image and serves both pixels with it.\n\n");
        sb.Append("| image | pixels | patch comparisons | exp direct | exp symmetric | direct (s) | symmetric (s) | speed-up | ns per comparison direct / symmetric | max abs difference (gray levels) |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in rows)
            sb.Append(inv, $"| {r.Image} | {r.Pixels:N0} | {r.Comparisons:N0} | {r.DirectExps:N0} | {r.FastExps:N0} | {r.Direct:F2} | {r.Fast:F2} | {r.Direct / r.Fast:F1} | {r.Direct / r.Comparisons * 1e9:F1} / {r.Fast / r.Comparisons * 1e9:F1} | {r.MaxDiff:G2} |\n");
        if (direct)
        {
            sb.Append("\nWhere the direct filter spends its time (the same run; squared differences read the shifted pixel through a\n");
            sb.Append("mirrored index, the 7 x 7 box sum reflects 14 indices per pixel, the weights take one exponential each):\n\n");
            sb.Append("| image | squared differences (s) | box sums (s) | weights and sums (s) |\n|---|---:|---:|---:|\n");
            foreach (var r in rows) sb.Append(inv, $"| {r.Image} | {r.Phases.Diff:F2} | {r.Phases.Box:F2} | {r.Phases.Weights:F2} |\n");
        }
        Console.Write(sb.ToString());
        Directory.CreateDirectory(Path.Combine("bench", "results"));
        AtomicFile.WriteAllText(Path.Combine("bench", "results", "nlm.md"), sb.ToString());
    }

    static string Option(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>
    /// The direct filter as it was before the symmetric one: for each of the 440 offsets, the squared differences
    /// through mirrored indices, a separable 7-term box sum with mirrored indices, and a weight per pixel; the time
    /// of each phase is added up.
    /// </summary>
    static class DirectNlm
    {
        const int Search = NonLocalMeans.Search, Patch = NonLocalMeans.Patch;

        public static GrayImage Apply(GrayImage image, double h, out (double Diff, double Box, double Weights) phases)
        {
            int w = image.Width, hgt = image.Height, n = w * hgt;
            var src = image.Pixels;
            var sum = new double[n];
            var weight = new double[n];
            var best = new double[n];
            var diff = new double[n];
            var box = new double[n];
            double norm = 1.0 / ((2 * Patch + 1) * (2 * Patch + 1) * h * h);
            var clock = new Stopwatch();
            long tDiff = 0, tBox = 0, tWeights = 0;
            for (int oy = -Search; oy <= Search; oy++)
                for (int ox = -Search; ox <= Search; ox++)
                {
                    if (ox == 0 && oy == 0) continue;
                    clock.Restart();
                    for (int y = 0; y < hgt; y++)
                        for (int x = 0; x < w; x++)
                        {
                            double d = src[y * w + x] - src[At(x + ox, y + oy, w, hgt)];
                            diff[y * w + x] = d * d;
                        }
                    tDiff += clock.ElapsedTicks;
                    clock.Restart();
                    BoxSum(diff, box, w, hgt);
                    tBox += clock.ElapsedTicks;
                    clock.Restart();
                    for (int y = 0; y < hgt; y++)
                        for (int x = 0; x < w; x++)
                        {
                            int i = y * w + x;
                            double wt = Math.Exp(-box[i] * norm);
                            sum[i] += wt * src[At(x + ox, y + oy, w, hgt)];
                            weight[i] += wt;
                            if (wt > best[i]) best[i] = wt;
                        }
                    tWeights += clock.ElapsedTicks;
                }
            var outp = new float[n];
            for (int i = 0; i < n; i++)
            {
                double self = best[i] > 0 ? best[i] : 1;
                outp[i] = (float)((sum[i] + self * src[i]) / (weight[i] + self));
            }
            double f = 1.0 / Stopwatch.Frequency;
            phases = (tDiff * f, tBox * f, tWeights * f);
            return new GrayImage(w, hgt, outp, image.Source);
        }

        static int At(int x, int y, int w, int h) => Mirror(y, h) * w + Mirror(x, w);

        static int Mirror(int i, int n)
        {
            if (n == 1) return 0;
            int period = 2 * (n - 1);
            i %= period;
            if (i < 0) i += period;
            return i < n ? i : period - i;
        }

        static void BoxSum(double[] v, double[] result, int w, int h)
        {
            var rows = new double[v.Length];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    double s = 0;
                    for (int k = -Patch; k <= Patch; k++) s += v[y * w + Mirror(x + k, w)];
                    rows[y * w + x] = s;
                }
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    double s = 0;
                    for (int k = -Patch; k <= Patch; k++) s += rows[Mirror(y + k, h) * w + x];
                    result[y * w + x] = s;
                }
        }
    }
}
