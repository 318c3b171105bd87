using CreepCell.Io.Images;

namespace CreepCell.Geometry.Imaging;

/// <summary>
/// How a segmented (or greyscale) image becomes an RVE: which file and page, the pixel size, the crop,
/// how grey levels map to phases, and the clean-up and outline settings. The phase named
/// <see cref="VoidPhase"/> is empty space (pores); every other phase is meshed as bodies.
/// </summary>
/// <param name="Path">Image file (TIFF page or PNG), absolute.</param>
/// <param name="Page">0-based page of a multi-page TIFF.</param>
/// <param name="PixelSize">Side of one pixel of the image file, m.</param>
/// <param name="Crop">Pixel rectangle (x, y from the top-left corner) analysed; null = whole image.</param>
/// <param name="Labels">Grey level to phase name (a labelled image); null when thresholds segment it.</param>
/// <param name="Phases">Phase names, dark to bright, when thresholds segment the image.</param>
/// <param name="Thresholds">Ascending grey levels between the phases (class k holds levels up to and
/// including threshold k); null selects multi-level Otsu.</param>
/// <param name="MinArea">Connected regions of one phase with fewer pixels are merged into the neighbour they
/// share most boundary with.</param>
/// <param name="NeckRatio">Touching particles of one phase are split where the neck's half-width (distance
/// transform at the saddle) is below this fraction of the smaller particle's inscribed radius; 0 never splits.</param>
/// <param name="Tolerance">Largest distance, in pixels, of a smoothed outline from the marching-squares
/// (pixel-edge midpoint) contour.</param>
/// <param name="Gap">Gap opened between bodies that touch in the image, m (the contact barrier needs a
/// positive distance); null = <see cref="DefaultGapOverRadius"/> times the bodies' mean equivalent radius.</param>
/// <param name="Coarsen">Block size of a coarsening of the labels (1 = none).</param>
/// <param name="CoarsenRule">How a block takes its phase: keeping every phase's area (default) or by majority vote.</param>
/// <param name="Periodic">The user declares the image periodic (a tile of a repeating microstructure). The RVE
/// is still bounded by rollers, so a body that would join itself across opposite edges of the analysed region
/// is refused (<see cref="PeriodicCheck"/>).</param>
/// <param name="Bonded">Phases whose bodies are bonded to every body they touch in the image (tied across the
/// gap by <see cref="CreepCell.Contact.BondTies"/>); empty or null: every body meets the others through
/// frictionless contact only.</param>
public sealed record ImageSpec(
    string Path,
    int Page,
    double PixelSize,
    PixelRect? Crop,
    IReadOnlyDictionary<double, string>? Labels,
    IReadOnlyList<string>? Phases,
    IReadOnlyList<double>? Thresholds,
    int MinArea = 10,
    double NeckRatio = 0.5,
    double Tolerance = 0.5,
    double? Gap = null,
    int Coarsen = 1,
    string Source = "image spec",
    string KeyPrefix = "microstructure",
    CoarsenRule CoarsenRule = CoarsenRule.Area,
    bool Periodic = false,
    IReadOnlyList<string>? Bonded = null)
{
    public const string VoidPhase = "pore";

    /// <summary>Every phase name, in table or dark-to-bright order, without repeats.</summary>
    public IReadOnlyList<string> PhaseNames => (Labels?.Values ?? Phases ?? Array.Empty<string>()).Distinct().ToList();

    /// <summary>The phases meshed as bodies (all but the void).</summary>
    public IEnumerable<string> SolidPhases => PhaseNames.Where(p => p != VoidPhase);

    /// <summary>The default gap over the mean equivalent radius of the bodies: 2.5 times the contact
    /// model's default barrier distance (1e-3 of that radius), so touching bodies start just outside the
    /// barrier, and a body loses at most about 0.25 % of its area to the gap.</summary>
    public const double DefaultGapOverRadius = 2.5e-3;

    /// <summary>The bonded phases, none when not given.</summary>
    public IReadOnlyList<string> BondedPhases => Bonded ?? Array.Empty<string>();

    internal string Key(string key) => $"{KeyPrefix}.{key}";
}
