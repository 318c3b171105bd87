namespace CreepCell.Geometry.Imaging;

/// <summary>One body: its phase, outer loop (counter-clockwise) and holes (clockwise) in metres, a point
/// inside each hole, its pixel count and the area its outline encloses (m^2).</summary>
internal sealed record ImageBody(int Index, string Phase, Vec2[] Outer, Vec2[][] Holes, Vec2[] HolePoints, long Pixels, double Area);
