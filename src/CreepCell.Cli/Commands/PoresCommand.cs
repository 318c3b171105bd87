using System.CommandLine;
using System.Globalization;
using CreepCell.Analysis.Pores;
using CreepCell.Io;
using CreepCell.Io.Images;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell pores FRAMES... --out DIR`: pore segmentation and tracking over an in-situ SEM sequence.</summary>
static class PoresCommand
{
    const string Cl = "command line";

    /// <summary>Everything `pores` writes into its --out folder (and overlays/).</summary>
    static readonly string[] Written =
    {
        "pores.json", "relative_area.png", "relative_area_bars.png", "porosity.png", "pores.csv", "pores.parquet", "frames.csv", "frames.parquet", "events.csv", "pore_summary.csv", StackReport.FileName, StackReport.PoresFileName, Provenance.FileName,
    };

    public static Command Create()
    {
        var files = new Argument<string[]>("frames") { Description = "image files in time order (PNG, JPEG, TIFF; every page of a multi-page TIFF is a frame)", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "out/pores" };
        var threshold = new Option<double?>("--threshold") { Description = "fixed gray level: pores are the pixels at or below it (at or above with --bright-pores); default: Otsu per frame" };
        var otsuFirst = new Option<bool>("--otsu-first-frame") { Description = "compute Otsu's threshold on the first frame and apply it to all frames" };
        var classes = new Option<int>("--classes") { Description = "gray-level classes of the automatic threshold: 2 = Otsu; 3 or 4 = multi-level Otsu for images with several solid phases (pores: the darkest class, the brightest with --bright-pores; class fractions in frames.csv)", DefaultValueFactory = _ => 2 };
        var bright = new Option<bool>("--bright-pores") { Description = "pores are bright instead of dark" };
        var smooth = new Option<double>("--smooth") { Description = "Gaussian smoothing sigma in pixels before thresholding (0: none)", DefaultValueFactory = _ => 0 };
        var minArea = new Option<int>("--min-area") { Description = "smallest pore in pixels; smaller regions are noise and are removed", DefaultValueFactory = _ => 1 };
        var connectivity = new Option<int>("--connectivity") { Description = "pixel connectivity of a pore: 4 or 8", DefaultValueFactory = _ => 8 };
        var denoise = new Option<string?>("--denoise") { Description = "denoise before smoothing and thresholding: median:R = median filter of radius R pixels (R >= 1; 1 is a 3 x 3 window), against salt-and-pepper noise; nlm:H = non-local means of strength H gray levels, against Gaussian noise" };
        var split = new Option<bool>("--split") { Description = "split touching pores by a watershed of the distance transform (in 3D with --stack)" };
        var splitDepth = new Option<double?>("--split-depth") { Description = "with --split: how much wider (in radius, pixels) than the neck both pores must be to be split (default 2)" };
        var stack = new Option<bool>("--stack") { Description = "the images (or the pages of a TIFF, or the images of one folder, by name) are the z-slices of one volume: volume fraction per class and connected porosity in stack.csv" };
        var diffusion = new Option<bool>("--diffusion") { Description = "with --stack: also the diffusion tortuosity factor along z (steady diffusion through the pores, conjugate gradients; minutes for 256^3)" };
        var voxel = new Option<string?>("--voxel") { Description = "with --stack: side of a cubic voxel, e.g. \"10 nm\"" };
        var roi = new Option<string?>("--roi") { Description = "region of interest X,Y,WIDTH,HEIGHT in pixels (default: whole frame)" };
        var barPx = new Option<double?>("--scale-bar-px") { Description = "length of the scale bar in pixels (with --scale-bar)" };
        var bar = new Option<string?>("--scale-bar") { Description = "length the scale bar stands for, e.g. \"5 um\"" };
        var pixelSize = new Option<string?>("--pixel-size") { Description = "side of one pixel, e.g. \"12.5 nm\" (instead of a scale bar)" };
        var interval = new Option<string?>("--frame-interval") { Description = "time between frames, e.g. \"20 min\"" };
        var times = new Option<string?>("--frame-times") { Description = "time of every frame, comma separated, e.g. \"0 h, 0.5 h, 2 h\"" };
        var edge = new Option<bool>("--exclude-edge-pores") { Description = "leave pores that touch the region border in any frame out of the per-pore results (they still count in porosity)" };
        var drift = new Option<int>("--max-drift") { Description = "largest frame-to-frame drift in pixels to correct before tracking (0: none)", DefaultValueFactory = _ => 0 };
        var noOverlays = new Option<bool>("--no-overlays") { Description = "do not write the overlay pictures" };
        var compare = new Option<string?>("--compare-frames") { Description = "frames of the relative-area bar chart (Fig. 3d style), comma separated, e.g. \"2,4,6\"; default: up to five spread over the sequence" };
        var reference = new Option<double?>("--reference-area") { Description = "relative area to mark in the plots, e.g. 0.78 (the paper's pore size expected without creep)" };
        var plotPores = new Option<int>("--plot-pores") { Description = "how many of the largest first-frame pores the relative-area plot shows", DefaultValueFactory = _ => 20 };

        var cmd = new Command("pores", "Segment and track pores through an in-situ SEM image sequence; porosity per frame and area of each pore relative to the first frame");
        cmd.Arguments.Add(files);
        var force = OutputFolder.ForceOption();
        foreach (var o in new Option[] { outDir, threshold, otsuFirst, classes, bright, smooth, minArea, connectivity, denoise, split, splitDepth, stack, diffusion, voxel, roi, barPx, bar, pixelSize, interval, times, edge, drift, noOverlays, compare, reference, plotPores, force })
            cmd.Options.Add(o);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            var seg = new SegmentationOptions(pr.GetValue(threshold), pr.GetValue(bright), pr.GetValue(smooth), pr.GetValue(minArea), pr.GetValue(connectivity), pr.GetValue(classes), SplitDepth(pr.GetValue(split), pr.GetValue(splitDepth)), Denoise(pr.GetValue(denoise)).Median, Denoise(pr.GetValue(denoise)).Nlm);
            ValidateSegmentation(seg);
            var paths = pr.GetValue(files)!;
            if (pr.GetValue(stack))
            {
                var unused = new (string, bool)[]
                {
                    ("--roi", pr.GetValue(roi) is not null), ("--min-area", seg.MinPoreArea != 1),
                    ("--otsu-first-frame", pr.GetValue(otsuFirst)), ("--max-drift", pr.GetValue(drift) != 0), ("--exclude-edge-pores", pr.GetValue(edge)),
                    ("--frame-interval", pr.GetValue(interval) is not null), ("--frame-times", pr.GetValue(times) is not null),
                    ("--scale-bar", pr.GetValue(bar) is not null), ("--pixel-size", pr.GetValue(pixelSize) is not null),
                    ("--compare-frames", pr.GetValue(compare) is not null), ("--reference-area", pr.GetValue(reference) is not null),
                };
                foreach (var (name, given) in unused)
                    if (given) throw new InputException(Cl, name, "does not apply to --stack (a stack is one volume, not a sequence; give its voxel size with --voxel)");
                return RunStack(seg, paths, pr.GetValue(voxel), pr.GetValue(outDir)!, pr.GetValue(force), pr.GetValue(diffusion));
            }
            if (pr.GetValue(voxel) is not null) throw new InputException(Cl, "--voxel", "applies to --stack; give --stack too");
            if (pr.GetValue(diffusion)) throw new InputException(Cl, "--diffusion", "applies to --stack; give --stack too");
            var options = new PoreSequenceOptions(seg, ParseRoi(pr.GetValue(roi)),
                PixelSize(pr.GetValue(barPx), pr.GetValue(bar), pr.GetValue(pixelSize)),
                FrameTimes(pr.GetValue(interval), pr.GetValue(times), CountFrames(paths)),
                pr.GetValue(edge), NonNegative(pr.GetValue(drift), "--max-drift"), pr.GetValue(otsuFirst));
            if (seg.Classes != 2 && seg.Threshold is not null)
                throw new InputException(Cl, "--classes", "applies to the automatic (Otsu) threshold; it cannot be combined with --threshold");
            if (options.OtsuFromFirstFrame && seg.Threshold is not null)
                throw new InputException(Cl, "--otsu-first-frame", "applies to Otsu's method; it cannot be combined with --threshold");
            int plot = pr.GetValue(plotPores);
            if (plot < 1) throw new InputException(Cl, "--plot-pores", $"expected at least 1, got {plot}");
            var folder = OutputFolder.Claim(pr.GetValue(outDir)!, "--out", "pores", Written, pr.GetValue(force), new[] { ("overlays", (IReadOnlyList<string>)new[] { "*.png" }) });
            string dir = folder.Path;
            var result = folder.Use(_ => PoreReport.Run(paths, options, dir, new PoreReportOptions(!pr.GetValue(noOverlays), plot, ParseFrames(pr.GetValue(compare)), Reference(pr.GetValue(reference)))));
            Provenance.WriteFolder(dir);
            Echo(result, dir);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    static int RunStack(SegmentationOptions seg, string[] paths, string? voxelText, string outDir, bool force, bool diffusion)
    {
        double? voxel = voxelText is null ? null : OptionQuantity.Positive(voxelText, Dimension.Length, "--voxel", "10 nm");
        var slices = paths.Length == 1 && Directory.Exists(paths[0]) ? SlicesOf(paths[0]) : paths;
        var folder = OutputFolder.Claim(outDir, "--out", "pores", Written, force);
        string dir = folder.Path;
        var r = folder.Use(_ =>
        {
            var result = PoreStack.Analyze(ImageDecoder.ReadFrames(slices), seg, voxel, diffusion);
            StackReport.Write(result, dir);
            return result;
        });
        Provenance.WriteFolder(dir);
        Console.WriteLine($"stack: {r.Slices} slices of {r.Width}x{r.Height} px; thresholds {string.Join(", ", r.Thresholds.Select(t => t.ToString("G6", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"porosity {100 * r.Porosity:F2} %, connected through the stack {100 * r.ConnectedPorosity:F2} % ({100 * r.ConnectedFractionOfPores:F1} % of the pores; {r.SpanningClusters} of {r.PoreClusters} clusters)");
        Console.WriteLine($"{r.Pores.Count} pores ({(r.Split ? "3D watershed regions" : "6-connected clusters")}; shapes in {StackReport.PoresFileName}); geometric tortuosity along z {(r.Tortuosity is { } t ? $"{t.Tau.ToString("F3", CultureInfo.InvariantCulture)} over {t.OutletVoxels} outlet voxels" : "none (no cluster spans the stack)")}");
        if (r.Diffusion is { } df)
            Console.WriteLine($"diffusion tortuosity factor along z {df.TortuosityFactor.ToString("F4", CultureInfo.InvariantCulture)} (D_eff/D = {df.RelativeDiffusivity.ToString("G5", CultureInfo.InvariantCulture)}, porosity {df.VolumeFraction.ToString("G5", CultureInfo.InvariantCulture)}; {df.Iterations} CG iterations, residual {df.Residual.ToString("G2", CultureInfo.InvariantCulture)})");
        Console.WriteLine($"class volume fractions, darkest first: {string.Join(", ", r.ClassFractions.Select(f => (100 * f).ToString("F2", CultureInfo.InvariantCulture) + " %"))}");
        Console.WriteLine($"written to {dir}");
        return ExitCodes.Ok;
    }

    /// <summary>The image files of a folder in name order, as slices from the top.</summary>
    static string[] SlicesOf(string folder)
    {
        string[] ext = { ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".bmp" };
        var files = Directory.GetFiles(folder).Where(f => ext.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToArray();
        return files.Length > 0 ? files : throw new InputException(folder, null, "no image slices (.tif, .tiff, .png, .jpg, .bmp) in this folder");
    }

    /// <summary>--denoise median:R or nlm:H as (median radius, non-local means strength).</summary>
    static (int Median, double Nlm) Denoise(string? denoise)
    {
        if (denoise is null) return (0, 0);
        const string expected = "expected median:R (a whole radius R >= 1 pixels) or nlm:H (a strength H > 0 gray levels), e.g. median:1 or nlm:20";
        var parts = denoise.Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && parts[0] == "median" && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) && r >= 1)
            return (r, 0);
        if (parts.Length == 2 && parts[0] == "nlm" && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double h) && double.IsFinite(h) && h > 0)
            return (0, h);
        throw new InputException(Cl, "--denoise", $"{expected}, got '{denoise}'");
    }

    static double? SplitDepth(bool split, double? given)
    {
        double depth = given ?? 2;
        if (given is not null && !split) throw new InputException(Cl, "--split-depth", "applies to --split; give --split too");
        if (!double.IsFinite(depth) || depth <= 0) throw new InputException(Cl, "--split-depth", $"expected a depth > 0 pixels, got {depth}");
        return split ? depth : null;
    }

    static void ValidateSegmentation(SegmentationOptions s)
    {
        if (s.Threshold is { } t && !double.IsFinite(t)) throw new InputException(Cl, "--threshold", "expected a finite gray level");
        if (!double.IsFinite(s.SmoothSigma) || s.SmoothSigma < 0) throw new InputException(Cl, "--smooth", $"expected a sigma >= 0 pixels, got {s.SmoothSigma}");
        if (s.MinPoreArea < 1) throw new InputException(Cl, "--min-area", $"expected at least 1 pixel, got {s.MinPoreArea}");
        if (s.Classes is < 2 or > 4) throw new InputException(Cl, "--classes", $"expected 2, 3 or 4 classes, got {s.Classes}");
        if (s.Connectivity is not (4 or 8)) throw new InputException(Cl, "--connectivity", $"expected 4 or 8, got {s.Connectivity}");
    }

    static int NonNegative(int v, string key) => v >= 0 ? v : throw new InputException(Cl, key, $"expected a number of pixels >= 0, got {v}");

    static double? Reference(double? v) => v is null ? null : Positive(v.Value, "--reference-area");

    static IReadOnlyList<int>? ParseFrames(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var v = new int[parts.Length];
        if (parts.Where((p, i) => !int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out v[i]) || v[i] < 0).Any())
            throw new InputException(Cl, "--compare-frames", $"expected frame numbers (0 = first frame) separated by commas, got \"{text}\"");
        return v;
    }

    static PixelRect? ParseRoi(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var v = new int[4];
        if (parts.Length != 4 || parts.Where((p, i) => !int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out v[i])).Any()
            || v[0] < 0 || v[1] < 0 || v[2] < 1 || v[3] < 1)
            throw new InputException(Cl, "--roi", $"expected X,Y,WIDTH,HEIGHT as whole pixels (width and height >= 1), got \"{text}\"");
        return new PixelRect(v[0], v[1], v[2], v[3]);
    }

    static double? PixelSize(double? barPx, string? bar, string? pixelSize)
    {
        if (pixelSize is not null)
        {
            if (barPx is not null || bar is not null) throw new InputException(Cl, "--pixel-size", "give either --pixel-size or --scale-bar with --scale-bar-px, not both");
            return OptionQuantity.Positive(pixelSize, Dimension.Length, "--pixel-size", "12.5 nm");
        }
        if (barPx is null && bar is null) return null;
        if (barPx is null || bar is null) throw new InputException(Cl, barPx is null ? "--scale-bar-px" : "--scale-bar", "--scale-bar and --scale-bar-px go together");
        double length = OptionQuantity.Positive(bar, Dimension.Length, "--scale-bar", "5 um");
        return length / Positive(barPx.Value, "--scale-bar-px");
    }

    static double Positive(double v, string key) =>
        double.IsFinite(v) && v > 0 ? v : throw new InputException(Cl, key, $"expected a positive value, got {v}");

    static IReadOnlyList<double>? FrameTimes(string? interval, string? times, Func<int> frameCount)
    {
        if (interval is not null && times is not null) throw new InputException(Cl, "--frame-times", "give either --frame-interval or --frame-times, not both");
        if (interval is not null)
        {
            double dt = OptionQuantity.Positive(interval, Dimension.Time, "--frame-interval", "20 min");
            return Enumerable.Range(0, frameCount()).Select(i => i * dt).ToArray();
        }
        if (times is null) return null;
        var t = times.Split(',', StringSplitOptions.TrimEntries).Select((s, i) => OptionQuantity.Parse(s, Dimension.Time, $"--frame-times item {i + 1}", "0 h, 0.5 h, 2 h")).ToArray();
        for (int i = 1; i < t.Length; i++)
            if (!(t[i] > t[i - 1])) throw new InputException(Cl, $"--frame-times item {i + 1}", "expected times that increase from frame to frame");
        return t;
    }

    /// <summary>Frame count for --frame-interval, read lazily so the images are only opened when needed.</summary>
    static Func<int> CountFrames(string[] paths) => () => ImageDecoder.CountFrames(paths);

    static void Echo(PoreSequenceResult r, string dir)
    {
        var s = r.Options.Segmentation;
        var first = r.Frames[0];
        var last = r.Frames[^1];
        Console.WriteLine($"frames: {r.Frames.Count} ({r.RegionWidth}x{r.RegionHeight} px analysed)");
        Console.WriteLine($"threshold: {(s.Threshold is null ? (s.Classes > 2 ? $"multi-level Otsu ({s.Classes} classes) " : "") + (r.Options.OtsuFromFirstFrame ? "Otsu of the first frame" : "Otsu per frame") : "fixed " + s.Threshold.Value.ToString(CultureInfo.InvariantCulture))}, {(s.BrightPores ? "bright" : "dark")} pores, smoothing {s.SmoothSigma} px, min area {s.MinPoreArea} px, {s.Connectivity}-connected{(s.MedianRadius > 0 ? $", median filter radius {s.MedianRadius} px" : "")}{(s.NlmStrength > 0 ? $", non-local means h = {s.NlmStrength.ToString(CultureInfo.InvariantCulture)}" : "")}{(s.SplitDepth is { } d ? $", watershed split (depth {d.ToString(CultureInfo.InvariantCulture)} px)" : "")}");
        if (r.Options.PixelSize is { } px) Console.WriteLine($"pixel size: {px * 1e9:G6} nm");
        Console.WriteLine($"porosity: {100 * first.Porosity:F2} % (frame 0) -> {100 * last.Porosity:F2} % (frame {last.Index})");
        Console.WriteLine($"pores tracked: {r.Pores.Count}; events: " + string.Join(", ",
            Enum.GetValues<PoreEventKind>().Select(k => $"{r.Events.Count(e => e.Kind == k)} {k.ToString().ToLowerInvariant()}")));
        Console.WriteLine($"written to {dir}");
    }
}
