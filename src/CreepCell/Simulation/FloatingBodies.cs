using System.Globalization;
using CreepCell.Fem;
using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>
/// With contact off, only the rollers hold a body that shares no node with the rest of the mesh: its
/// constrained dofs must stop both translations and the rotation, or the tangent is singular and every
/// step fails. A rigid motion u = (a - w y, b + w x) is stopped when no (a, b, w) other than zero leaves
/// all constrained components at zero, i.e. when the 3 x 3 sum of g g^T over the constraints
/// (g = (1, 0, -y) for an x dof, (0, 1, x) for a y dof) is regular.
/// </summary>
internal static class FloatingBodies
{
    public static void Reject(Mesh mesh, DofMap dofs, string source)
    {
        var bodies = BodyRemesher.Bodies(mesh);
        if (bodies.Count < 2) return;
        foreach (var body in bodies)
        {
            var nodes = body.SelectMany(e => mesh.ElementNodes(e).ToArray()).Distinct().ToArray();
            if (Held(mesh, dofs, nodes)) continue;
            double cx = nodes.Average(n => mesh.Nodes[n].X), cy = nodes.Average(n => mesh.Nodes[n].Y);
            string phase = mesh.RegionNames[mesh.Region[body[0]]];
            throw new InputException(source, "contact.enabled", string.Create(CultureInfo.InvariantCulture,
                $"a body of phase \"{phase}\" ({body.Length} elements around ({cx:G4}, {cy:G4}) m) is held by nothing: it shares no node with the rest of the mesh, ") +
                "the rollers on the sides of the box do not stop it, and contact is off. Expected every body connected to the mesh or held by the rollers; remove [contact] enabled = false to let contact hold it");
        }
    }

    static bool Held(Mesh mesh, DofMap dofs, int[] nodes)
    {
        double cx = nodes.Average(n => mesh.Nodes[n].X), cy = nodes.Average(n => mesh.Nodes[n].Y);
        double scale = nodes.Max(n => Math.Max(Math.Abs(mesh.Nodes[n].X - cx), Math.Abs(mesh.Nodes[n].Y - cy)));
        if (!(scale > 0)) return false;
        var m = new double[3, 3];
        foreach (int n in nodes)
        {
            double x = (mesh.Nodes[n].X - cx) / scale, y = (mesh.Nodes[n].Y - cy) / scale;
            if (dofs.IsConstrained(2 * n)) Add(m, 1, 0, -y);
            if (dofs.IsConstrained(2 * n + 1)) Add(m, 0, 1, x);
        }
        double det = m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
            + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
        double trace = m[0, 0] + m[1, 1] + m[2, 2];
        return trace > 0 && det > 1e-12 * trace * trace * trace;
    }

    static void Add(double[,] m, double g0, double g1, double g2)
    {
        Span<double> g = [g0, g1, g2];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) m[i, j] += g[i] * g[j];
    }
}
