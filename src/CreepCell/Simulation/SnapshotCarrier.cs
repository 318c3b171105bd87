using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>
/// Takes the jump snapshots of earlier cycles to the mesh a remeshing made, as the remesher takes the
/// current state. A new body mesh has the body's current shape as its reference, so a snapshot's
/// displacement there is its old displacement less the current one (u_j(X) - u_now(X), interpolated at
/// the material point of each new node), and its point states are pushed forward by the current
/// deformation, as the current state's are; kept nodes and elements keep theirs. The differences between
/// snapshots, which the jump extrapolates, are then those of the old mesh.
/// </summary>
internal sealed class SnapshotCarrier(SplicedMesh spliced, List<(IReadOnlyList<int> Elements, Mesh Body)> replacements,
    Assembler oldAssembler, Mesh oldMesh, double[] uNow, Assembler newAssembler, int newDofs, (int Old, int New)? plate, int[] bodyNumbers, int bodyCount)
{
    public double[] Displacements(double[] u)
    {
        var result = new double[newDofs];
        for (int n = 0; n < spliced.NodeMap.Length; n++)
        {
            int m = spliced.NodeMap[n];
            if (m < 0) continue;
            result[2 * m] = u[2 * n];
            result[2 * m + 1] = u[2 * n + 1];
        }
        var change = u.Zip(uNow, (a, b) => a - b).ToArray();
        int first = spliced.NodeMap.Count(m => m >= 0);
        foreach (var (elements, body) in replacements)
        {
            var moved = StateTransfer.FieldAt(oldAssembler, oldMesh, uNow, elements, body.Nodes, change);
            Array.Copy(moved, 0, result, 2 * first, moved.Length);
            first += body.NodeCount;
        }
        if (plate is { } p) result[p.New] = u[p.Old];
        return result;
    }

    public PointState[] States(PointState[] states)
    {
        var result = new PointState[newAssembler.PointCount];
        int[] from = oldAssembler.PointOffsets, to = newAssembler.PointOffsets;
        for (int e = 0; e < spliced.ElementMap.Length; e++)
        {
            int f = spliced.ElementMap[e];
            if (f >= 0) Array.Copy(states, from[e], result, to[f], from[e + 1] - from[e]);
        }
        int at = result.Length - replacements.Sum(r => PointsOf(r.Body));
        foreach (var (elements, body) in replacements)
        {
            var carried = StateTransfer.ToNewMesh(oldAssembler, oldMesh, uNow, states, elements, body);
            Array.Copy(carried, 0, result, at, carried.Length);
            at += carried.Length;
        }
        return result;
    }

    /// <summary>Pairs of particles in contact (a bodies + b, a &lt; b) under the new body numbers.</summary>
    public long[] Pairs(long[] pairs) => pairs.Select(p =>
    {
        int a = bodyNumbers[(int)(p / bodyCount)], b = bodyNumbers[(int)(p % bodyCount)];
        return (long)Math.Min(a, b) * bodyCount + Math.Max(a, b);
    }).Order().ToArray();

    static int PointsOf(Mesh body) => Enumerable.Range(0, body.ElementCount).Sum(e => ReferenceElement.Of(body.Types[e]).PointCount);
}
