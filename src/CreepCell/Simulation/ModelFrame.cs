using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>
/// What a model keeps from the mesh the case made when remeshing builds a new one: the RVE box (the walls
/// and the plate's rest height; a remeshed body that lifted the plate reaches above it), per particle node
/// the plate's lift when that node's reference was made (a remeshed body's reference is its shape under
/// the lifted plate, a kept body's its shape as meshed; the wall offsets are measured from there), and
/// the contact reach and stiffness (their defaults follow the bodies' current sizes, which swelling
/// changes). A checkpoint keeps it, so that a resumed run builds the model it left.
/// </summary>
/// <param name="ReferenceLift">per particle node, the plate's lift at its reference (null: all at rest)</param>
internal sealed record ModelFrame(Vec2 BoxLo, Vec2 BoxHi, double[]? ReferenceLift, double? Reach, double? Stiffness)
{
    /// <summary>The frame of a case's first mesh: its bounding box, the plate at rest, the contact settings as given.</summary>
    public static ModelFrame Of(Mesh particles)
    {
        var (lo, hi) = particles.BoundingBox();
        return new ModelFrame(lo, hi, null, null, null);
    }

    public void Write(BinaryWriter w)
    {
        w.Write(BoxLo.X); w.Write(BoxLo.Y); w.Write(BoxHi.X); w.Write(BoxHi.Y);
        w.Write(Reach ?? double.NaN); w.Write(Stiffness ?? double.NaN);
        w.Write(ReferenceLift?.Length ?? 0);
        foreach (double v in ReferenceLift ?? Array.Empty<double>()) w.Write(v);
    }

    public static ModelFrame Read(BinaryReader r)
    {
        var lo = new Vec2(r.ReadDouble(), r.ReadDouble());
        var hi = new Vec2(r.ReadDouble(), r.ReadDouble());
        double reach = r.ReadDouble(), stiffness = r.ReadDouble();
        var lift = new double[r.ReadInt32()];
        for (int i = 0; i < lift.Length; i++) lift[i] = r.ReadDouble();
        if (!(hi.X > lo.X && hi.Y > lo.Y) || !lift.All(double.IsFinite)) throw new InvalidDataException("model frame");
        return new ModelFrame(lo, hi, lift.Length == 0 ? null : lift, double.IsNaN(reach) ? null : reach, double.IsNaN(stiffness) ? null : stiffness);
    }

    /// <summary>The frame of a remeshed model: the same box and contact reach and stiffness; kept nodes keep
    /// their reference lift, the new nodes (after the kept ones) take the plate's current lift.</summary>
    public ModelFrame Remeshed(int[] nodeMap, int nodeCount, double lift, double? reach, double? stiffness)
    {
        var result = Enumerable.Repeat(lift, nodeCount).ToArray();
        for (int n = 0; n < nodeMap.Length; n++)
            if (nodeMap[n] >= 0) result[nodeMap[n]] = ReferenceLift?[n] ?? 0;
        return this with { ReferenceLift = result, Reach = reach ?? Reach, Stiffness = stiffness ?? Stiffness };
    }
}
