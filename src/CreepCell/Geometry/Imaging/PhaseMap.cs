using System.Globalization;
using CreepCell.Io;
using CreepCell.Io.Images;

namespace CreepCell.Geometry.Imaging;

/// <summary>
/// The phase of every pixel of the analysed region: indices into <see cref="Names"/>, row by row from
/// the top as in the image. <see cref="PixelSize"/> is the side of one (possibly coarsened) pixel, m.
/// </summary>
internal sealed record PhaseMap(int Width, int Height, int[] Phase, IReadOnlyList<string> Names, double PixelSize,
    GrayImage Image, IReadOnlyList<double> Thresholds)
{
    public int VoidIndex => Names.ToList().IndexOf(ImageSpec.VoidPhase);

    /// <summary>Pixels of each phase.</summary>
    public long[] Counts()
    {
        var c = new long[Names.Count];
        foreach (int p in Phase) c[p]++;
        return c;
    }

    /// <summary>The same map with every pixel split into m x m pixels of its phase and grey level (pixel size / m):
    /// the same staircase, whose smoothed outlines then cut its corners m times closer.</summary>
    public PhaseMap Split(int m)
    {
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(m), m, "expected a split of at least 1");
        int w = Width * m, h = Height * m;
        var phase = new int[w * h];
        var grey = new float[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                phase[y * w + x] = Phase[y / m * Width + x / m];
                grey[y * w + x] = Image.Pixels[y / m * Width + x / m];
            }
        return this with { Width = w, Height = h, Phase = phase, PixelSize = PixelSize / m, Image = new GrayImage(w, h, grey, Image.Source) };
    }
}

/// <summary>Reads the image of a spec and turns it into a <see cref="PhaseMap"/>: page, crop, label table or
/// thresholds (fixed or multi-level Otsu), then the optional coarsening (<see cref="PhaseCoarsening"/>).</summary>
internal static class PhaseSegmentation
{
    public static PhaseMap Read(ImageSpec spec)
    {
        var image = Crop(spec, Page(spec));
        var names = spec.PhaseNames;
        int[] phase;
        IReadOnlyList<double> thresholds = Array.Empty<double>();
        if (spec.Labels is { } labels) phase = ByLabel(spec, image, labels, names);
        else
        {
            thresholds = spec.Thresholds ?? MultiOtsu.Thresholds(image.Pixels, spec.Phases!.Count);
            phase = ByThreshold(image, thresholds, spec.Phases!, names);
        }
        var map = new PhaseMap(image.Width, image.Height, phase, names, spec.PixelSize, image, thresholds);
        if (spec.Coarsen > 1) map = Coarsen(map, spec);
        RequireTwoPhases(map, spec);
        return map;
    }

    static GrayImage Page(ImageSpec spec)
    {
        if (!File.Exists(spec.Path)) throw new InputException(spec.Source, spec.Key("image"), $"file not found: {spec.Path}");
        int count = Pictures.Images.CountFrames(new[] { spec.Path });
        if (spec.Page >= count)
            throw new InputException(spec.Source, spec.Key("page"), $"{Path.GetFileName(spec.Path)} has {count} page(s), numbered from 0; got page {spec.Page}");
        return Pictures.Images.ReadFrames(spec.Path).ElementAt(spec.Page);
    }

    static GrayImage Crop(ImageSpec spec, GrayImage image)
    {
        if (spec.Crop is not { } r) return image;
        if (r.X + r.Width > image.Width || r.Y + r.Height > image.Height)
            throw new InputException(spec.Source, spec.Key("crop"), $"the crop [{r.X}, {r.Y}, {r.Width}, {r.Height}] reaches outside the {image.Width} x {image.Height} image");
        return image.Crop(r);
    }

    static int[] ByLabel(ImageSpec spec, GrayImage image, IReadOnlyDictionary<double, string> labels, IReadOnlyList<string> names)
    {
        var index = labels.ToDictionary(kv => (float)kv.Key, kv => names.ToList().IndexOf(kv.Value));
        var phase = new int[image.Pixels.Length];
        var unknown = new SortedDictionary<float, long>();
        for (int i = 0; i < phase.Length; i++)
        {
            if (index.TryGetValue(image.Pixels[i], out int p)) phase[i] = p;
            else unknown[image.Pixels[i]] = unknown.GetValueOrDefault(image.Pixels[i]) + 1;
        }
        if (unknown.Count > 0)
        {
            var inv = CultureInfo.InvariantCulture;
            string list = string.Join(", ", unknown.Take(5).Select(kv => string.Format(inv, "{0} ({1} pixels)", kv.Key, kv.Value)));
            throw new InputException(spec.Source, spec.Key("phases"),
                $"the image has grey levels that are not in the table: {list}{(unknown.Count > 5 ? ", ..." : "")}; add them to the table (is the image segmented?)");
        }
        return phase;
    }

    static int[] ByThreshold(GrayImage image, IReadOnlyList<double> thresholds, IReadOnlyList<string> classes, IReadOnlyList<string> names)
    {
        var index = classes.Select(c => names.ToList().IndexOf(c)).ToArray();
        var phase = new int[image.Pixels.Length];
        for (int i = 0; i < phase.Length; i++)
        {
            int k = 0;
            while (k < thresholds.Count && image.Pixels[i] > thresholds[k]) k++;
            phase[i] = index[k];
        }
        return phase;
    }

    static PhaseMap Coarsen(PhaseMap m, ImageSpec spec)
    {
        int n = spec.Coarsen;
        if (m.Width % n != 0 || m.Height % n != 0)
            throw new InputException(spec.Source, spec.Key("coarsen"), $"the {m.Width} x {m.Height} region does not divide into blocks of {n} x {n} pixels; change the crop or the block size");
        return PhaseCoarsening.Coarsen(m, n, spec.CoarsenRule);
    }

    static void RequireTwoPhases(PhaseMap m, ImageSpec spec)
    {
        var counts = m.Counts();
        var present = m.Names.Where((_, i) => counts[i] > 0).ToList();
        if (present.Count < 2)
            throw new InputException(spec.Source, spec.Key("image"), $"the analysed region holds one phase only ({present.Single()}); an RVE needs at least two (check the crop and the phase table)");
        if (!present.Any(p => p != ImageSpec.VoidPhase))
            throw new InputException(spec.Source, spec.Key("phases"), "no solid phase in the analysed region");
    }
}
