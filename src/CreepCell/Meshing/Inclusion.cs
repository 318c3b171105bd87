using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>An elliptical (or circular) inclusion: centre, semi-axes A and B, rotation in radians, region name.</summary>
internal sealed record Inclusion(Vec2 Centre, double A, double B, double Angle, string Name)
{
    public static Inclusion Circle(Vec2 centre, double radius, string name) => new(centre, radius, radius, 0, name);

    public Ellipse Shape => new(Centre, A, B, Angle);
}
