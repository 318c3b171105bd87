using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>Boundary conditions of the RVE.</summary>
internal static class Boundary
{
    /// <summary>
    /// "symmetric": rollers on the four sides of the bounding box (normal displacement zero). Under a
    /// stack plate the top side has none (the plate holds it through contact) and the plate moves only
    /// vertically.
    /// </summary>
    public static IEnumerable<(int Dof, double Value)> Rollers(Mesh mesh, CreepCell.Contact.StackPlate? plate = null,
        (Geometry.Vec2 Lo, Geometry.Vec2 Hi)? box = null)
    {
        var (lo, hi) = box ?? mesh.BoundingBox();
        double tol = 1e-9 * Math.Max(hi.X - lo.X, hi.Y - lo.Y);
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            var p = mesh.Nodes[n];
            if (n == plate?.Node)
            {
                yield return (2 * n, 0);
                continue;
            }
            if (Math.Abs(p.X - lo.X) < tol || Math.Abs(p.X - hi.X) < tol) yield return (2 * n, 0);
            if (Math.Abs(p.Y - lo.Y) < tol || (plate is null && Math.Abs(p.Y - hi.Y) < tol)) yield return (2 * n + 1, 0);
        }
    }
}
