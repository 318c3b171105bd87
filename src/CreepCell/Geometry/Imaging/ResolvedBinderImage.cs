using CreepCell.Io.Images;

namespace CreepCell.Geometry.Imaging;

/// <summary>
/// A labelled three-phase image (pore 0, NMC 85, binder 170) of 200 x 200 pixels, drawn in code, whose
/// binder is resolved by its pixels: five NMC disks (a central one of radius 42 px and four of radius
/// 43 px centred 20 px in from the corners, so the box sides cut them), four binder necks 20 px wide
/// joining the central disk to the corner ones across gaps of 28 px, two binder bars 20 px thick along
/// the top and right sides between the corner disks, a binder coating 16 px thick over 30 degrees of
/// the central disk, and a binder lump of radius 14 px on it. Every binder feature is at least 16 px
/// across, so it is still 4 px across at 4x coarsening. It separates the coarsening error of a resolved
/// binder from that of the electrode's binder, whose bridges are 1 to 3 pixels wide (ImageRveBench
/// `--synthetic`, ResolvedBinderCoarseningTests).
/// </summary>
internal static class ResolvedBinderImage
{
    public const int Side = 200;
    public const float Pore = 0, Nmc = 85, Binder = 170;

    static readonly Vec2 Centre = new(100, 100);
    static readonly Vec2[] Corners = { new(20, 20), new(180, 20), new(20, 180), new(180, 180) };

    /// <summary>Each pixel takes the label of the last shape its centre lies in (the disks last, so the
    /// binder shapes end at the particles' outlines). <paramref name="pixels"/> per side draws the same shapes with pixels Side / pixels times as large: a finer or coarser image of the
    /// same microstructure, which coarsening cannot give.</summary>
    public static GrayImage Draw(int pixels = Side)
    {
        double s = (double)Side / pixels;
        var p = new float[pixels * pixels];
        for (int y = 0; y < pixels; y++)
            for (int x = 0; x < pixels; x++) p[y * pixels + x] = Label(new Vec2(s * (x + 0.5), s * (y + 0.5)));
        return new GrayImage(pixels, pixels, p, "resolved binder image");
    }

    static float Label(Vec2 q)
    {
        if ((q - Centre).Length <= 42 || Corners.Any(c => (q - c).Length <= 43)) return Nmc;
        return IsBinder(q) ? Binder : Pore;
    }

    static bool IsBinder(Vec2 q) =>
        Corners.Any(c => Strip(q, Centre, c, 10)) // necks
        || (q.Y < 20 && q.X > 20 && q.X < 180) || (q.X > 180 && q.Y > 20 && q.Y < 180) // bars on the top and right sides
        || Coating(q - Centre) || (q - new Vec2(100, 152)).Length <= 14; // coating and lump

    /// <summary>Within half-width w of the segment a-b.</summary>
    static bool Strip(Vec2 q, Vec2 a, Vec2 b, double w)
    {
        var d = b - a;
        double t = Vec2.Dot(q - a, d) / Vec2.Dot(d, d);
        return t >= 0 && t <= 1 && Math.Abs(Vec2.Cross(d, q - a)) / d.Length <= w;
    }

    /// <summary>The annulus 42 to 58 px from the centre over 165 to 195 degrees (the side facing the left edge).</summary>
    static bool Coating(Vec2 r)
    {
        double angle = Math.Atan2(r.Y, r.X) * 180 / Math.PI;
        return r.Length <= 58 && Math.Abs(angle) >= 165;
    }
}
