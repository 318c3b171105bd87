using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Contact;

/// <summary>
/// A quadratic boundary edge and its reference shape in the frame of its chord d = X_B - X_A: the middle
/// node sits at (X_A + X_B) / 2 + Along d + Across perp(d). Offsets below 1e-9 of the chord are taken as
/// zero, so the edges of a packed particle are exactly straight.
/// </summary>
internal readonly record struct EdgeShape(int A, int Mid, int B, double Along, double Across)
{
    public bool Straight => Along == 0 && Across == 0;

    public static EdgeShape Of(Mesh mesh, int a, int mid, int b)
    {
        var d = mesh.Nodes[b] - mesh.Nodes[a];
        var offset = mesh.Nodes[mid] - 0.5 * (mesh.Nodes[a] + mesh.Nodes[b]);
        double d2 = Vec2.Dot(d, d);
        if (offset.Length <= 1e-9 * Math.Sqrt(d2)) return new EdgeShape(a, mid, b, 0, 0);
        return new EdgeShape(a, mid, b, Vec2.Dot(offset, d) / d2, Vec2.Cross(d, offset) / d2);
    }
}
