using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Contact;

/// <summary>
/// A rigid plate on the top edge of the RVE under a constant stack pressure. It is a node of its own
/// (<see cref="Node"/>, in no element; x fixed, y free) appended to the mesh, so its displacement is one
/// more unknown. The particles meet it through the wall barrier of <see cref="ContactModel"/>; the
/// pressure acts on it as a dead load p W (W the RVE width).
/// <para>The plate rests on a stop at its initial height: the electrode was compacted at a higher
/// pressure (the paper: 360 MPa) and is held at the stack pressure, so it does not compact further,
/// while a 2D frictionless packing could not carry that load. The plate lifts once the electrode pushes
/// up with more than p W, and settles back on the stop when it shrinks.</para>
/// </summary>
internal sealed record StackPlate(int Node, double Pressure, double Width)
{
    public int Dof => 2 * Node + 1;

    /// <summary>The mesh with the plate node appended at the middle of the top edge of the RVE box (by
    /// default the mesh's bounding box), and the plate.</summary>
    public static (Mesh Mesh, StackPlate Plate) Attach(Mesh mesh, double pressure, (Vec2 Lo, Vec2 Hi)? box = null)
    {
        var (lo, hi) = box ?? mesh.BoundingBox();
        var nodes = mesh.Nodes.Append(new Vec2(0.5 * (lo.X + hi.X), hi.Y)).ToArray();
        var withPlate = new Mesh(nodes, mesh.Types, mesh.Offsets, mesh.Connectivity, mesh.Region, mesh.RegionNames, mesh.Boundaries);
        return (withPlate, new StackPlate(mesh.NodeCount, pressure, hi.X - lo.X));
    }
}
