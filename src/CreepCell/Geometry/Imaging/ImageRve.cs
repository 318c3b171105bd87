namespace CreepCell.Geometry.Imaging;

/// <summary>An RVE from an image: the box [0, Width] x [0, Height] (m, y up), its bodies, the phase map
/// (for pictures) and the body index of every pixel (rows from the top, -1 = void).</summary>
internal sealed record ImageRve(double Width, double Height, IReadOnlyList<ImageBody> Bodies, ImageReport Report, PhaseMap Map,
    int[] BodyOfPixel, ImageSpec Spec)
{
    public long PixelCount => (long)Map.Width * Map.Height;
}
