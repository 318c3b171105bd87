using CreepCell.Io.Images;

namespace CreepCell.Analysis.Pores;

/// <summary>How pores are told apart from solid in one frame.</summary>
/// <param name="Threshold">Fixed gray-level threshold; null selects Otsu's method for every frame.</param>
/// <param name="BrightPores">Pores are the bright pixels (at or above a fixed threshold, above Otsu's);
/// by default they are the dark pixels (at or below), as in secondary-electron SEM images.</param>
/// <param name="SmoothSigma">Standard deviation of a Gaussian blur applied before thresholding, in pixels; 0 turns it off.</param>
/// <param name="MinPoreArea">Connected pore regions smaller than this many pixels are treated as noise and
/// removed from the pore mask (so they count neither as pores nor as porosity).</param>
/// <param name="Connectivity">4 (edge neighbours) or 8 (edge and corner neighbours).</param>
/// <param name="Classes">Gray-level classes of the automatic threshold: 2 is Otsu's method; 3 or 4 is multi-level
/// Otsu (for images with more than one solid phase), and the pores are the darkest class (the brightest with
/// bright pores).</param>
/// <param name="SplitDepth">When set, touching pores are split by a watershed of the distance transform (see
/// <see cref="Watershed"/>); a neck splits two pores when both are at least this many pixels wider (in radius)
/// than the neck's half-width. Null leaves connected pore pixels as one pore.</param>
/// <param name="MedianRadius">Radius in pixels of a median filter applied first (before smoothing), against
/// salt-and-pepper noise; 0 turns it off.</param>
/// <param name="NlmStrength">Filtering strength h (gray levels) of non-local means applied first; 0 turns it off.</param>
public sealed record SegmentationOptions(
    double? Threshold = null,
    bool BrightPores = false,
    double SmoothSigma = 0,
    int MinPoreArea = 1,
    int Connectivity = 8,
    int Classes = 2,
    double? SplitDepth = null,
    int MedianRadius = 0,
    double NlmStrength = 0)
{
    public void Validate()
    {
        if (Threshold is { } t && !double.IsFinite(t)) throw new ArgumentException("threshold must be finite");
        if (!double.IsFinite(SmoothSigma) || SmoothSigma < 0) throw new ArgumentException("smoothing sigma must be >= 0");
        if (MinPoreArea < 1) throw new ArgumentException("minimum pore area must be at least 1 pixel");
        if (Connectivity is not (4 or 8)) throw new ArgumentException("connectivity must be 4 or 8");
        if (SplitDepth is { } d && (!double.IsFinite(d) || d <= 0)) throw new ArgumentException("split depth must be > 0 pixels");
        if (!double.IsFinite(NlmStrength) || NlmStrength < 0) throw new ArgumentException("non-local means strength must be >= 0");
        if (MedianRadius < 0) throw new ArgumentException("median radius must be >= 0 pixels");
        if (Classes is < 2 or > 4) throw new ArgumentException("the number of gray-level classes must be 2, 3 or 4");
    }
}
