using CreepCell.Geometry.Imaging;
using CreepCell.Io.Images;

namespace CreepCell.Analysis.Pores;

/// <summary>Threshold segmentation of pores in a gray image: optional median filter and Gaussian smoothing, a fixed or Otsu
/// threshold, removal of small regions, connected-component labelling.</summary>
internal static class Segmentation
{
    /// <summary>Segments one frame; <paramref name="otsuThreshold"/>, when given, replaces the Otsu threshold
    /// of this frame (used to apply the first frame's Otsu threshold to the whole sequence).</summary>
    public static SegmentedFrame Segment(GrayImage image, SegmentationOptions options, double? otsuThreshold = null)
    {
        options.Validate();
        var smooth = GaussianBlur.Apply(Denoise(image, options), options.SmoothSigma);
        if (options.Threshold is double fixedT) CheckInRange(smooth.Pixels, fixedT, options.BrightPores);
        double[]? classes = options.Threshold is null && options.Classes > 2 ? MultiOtsu.Thresholds(smooth.Pixels, options.Classes) : null;
        double t = options.Threshold ?? otsuThreshold ?? (classes is null ? Otsu.Threshold(smooth.Pixels) : options.BrightPores ? classes[^1] : classes[0]);
        var mask = Mask(smooth.Pixels, t, options);
        var labels = ConnectedComponents.Label(mask, image.Width, image.Height, options.Connectivity, options.MinPoreArea);
        if (options.SplitDepth is double depth) labels = Split(labels, options.Connectivity, depth);
        double porosity = labels.Regions.Sum(r => (double)r.AreaPx) / mask.Length;
        return new SegmentedFrame(t, labels, porosity) { ClassThresholds = classes, ClassFractions = classes is null ? null : Fractions(smooth.Pixels, classes) };
    }

    /// <summary>The denoising filter of the options (median or non-local means), or the image itself.</summary>
    internal static GrayImage Denoise(GrayImage image, SegmentationOptions options) =>
        NonLocalMeans.Apply(MedianFilter.Apply(image, options.MedianRadius), options.NlmStrength);

    /// <summary>Watershed split of the pores left after small-region removal.</summary>
    static LabelMap Split(LabelMap labels, int connectivity, double depth)
    {
        var mask = labels.Labels.Select(l => l > 0).ToArray();
        return ConnectedComponents.FromLabels(Watershed.Split(mask, labels.Width, labels.Height, connectivity, depth), labels.Width, labels.Height);
    }

    /// <summary>Area fraction of each class: class c holds the values above threshold c - 1 up to threshold c.</summary>
    static double[] Fractions(float[] pixels, double[] thresholds)
    {
        var count = new double[thresholds.Length + 1];
        foreach (float v in pixels)
        {
            int c = 0;
            while (c < thresholds.Length && v > thresholds[c]) c++;
            count[c]++;
        }
        return count.Select(n => n / pixels.Length).ToArray();
    }

    /// <summary>A fixed threshold that makes every pixel pore, or none, segments nothing: refuse it.</summary>
    static void CheckInRange(float[] pixels, double t, bool bright)
    {
        float min = pixels.Min(), max = pixels.Max();
        bool inside = bright ? t > min && t <= max : t >= min && t < max;
        if (!inside)
            throw new ArgumentException($"--threshold {t.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside the gray levels of the image ({min} to {max}{(bright ? ", bright pores need min < threshold <= max" : ", dark pores need min <= threshold < max")}): every pixel would be pore or none would");
    }

    /// <summary>Pore pixels for threshold t under the options' rule (dark: v &lt;= t; bright: v &gt;= t fixed, v &gt; t Otsu).</summary>
    public static bool[] Mask(float[] pixels, double t, SegmentationOptions options)
    {
        var mask = new bool[pixels.Length];
        bool otsu = options.Threshold is null;
        for (int i = 0; i < pixels.Length; i++)
        {
            double v = pixels[i];
            mask[i] = !options.BrightPores ? v <= t : otsu ? v > t : v >= t;
        }
        return mask;
    }
}
