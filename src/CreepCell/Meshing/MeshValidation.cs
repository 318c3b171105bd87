using CreepCell.Fem;
using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>How messages name elements and nodes: Gmsh tags and file lines for a mesh that was read,
/// numbers from 1 for a generated one.</summary>
internal sealed record MeshNames(Func<int, string> Element, Func<int, string> Node)
{
    public static MeshNames Numbered { get; } = new(e => $"element {e + 1}", n => $"node {n + 1}");
}

/// <summary>
/// Checks that a mesh (elements already counter-clockwise) can be computed on, and names the first element
/// that cannot: a map from the reference element that is not one-to-one (<see cref="ElementValidity"/>:
/// bow-tie or dart quadrilaterals, mid-edge nodes across their edge), a duplicate element, an edge shared
/// by elements on the same side (a folded element) or by more than two, quadratic neighbours that share an
/// edge's corners but not its middle node, and overlapping or touching bodies (<see cref="MeshOverlap"/>).
/// Every problem is an <see cref="InputException"/> naming <paramref name="source"/>.
/// </summary>
internal static class MeshValidation
{
    /// <param name="reversed">Per element, whether the reader reversed its node order (it was clockwise);
    /// lets a fold be blamed on the element whose orientation disagrees with the rest of the mesh.</param>
    public static void Check(Mesh mesh, string source, MeshNames? names = null, bool[]? reversed = null)
    {
        names ??= MeshNames.Numbered;
        CheckJacobians(mesh, source, names);
        CheckDuplicates(mesh, source, names);
        CheckSharedEdges(mesh, source, names, reversed);
        MeshOverlap.Check(mesh, source, names);
    }

    static void CheckJacobians(Mesh mesh, string source, MeshNames names)
    {
        Span<Vec2> x = stackalloc Vec2[9];
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            for (int a = 0; a < nodes.Length; a++) x[a] = mesh.Nodes[nodes[a]];
            var type = mesh.Types[e];
            if (ElementValidity.Check(type, x[..nodes.Length]) is not { } defect) continue;
            bool corner = defect.Where.StartsWith("node ") && int.Parse(defect.Where[5..]) <= type.CornerCount();
            string why = type.CornerCount() == 4 && corner
                ? "a bow-tie (self-crossing) or dart-shaped (non-convex) quadrilateral"
                : type.Order() == 2 ? "a mid-edge node lies too far from the middle of its edge, or across it" : "a degenerate element";
            throw new InputException(source, names.Element(e),
                $"the {type} element is inverted or tangled: its Jacobian determinant is {defect.Determinant:G3} at {defect.Where} " +
                $"(xi, eta) = ({defect.Xi:G3}, {defect.Eta:G3}); {why}. Expected a positive Jacobian everywhere in every element");
        }
    }

    static void CheckDuplicates(Mesh mesh, string source, MeshNames names)
    {
        var seen = new Dictionary<(int, int, int, int), int>();
        Span<int> c = stackalloc int[4];
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            int k = mesh.Types[e].CornerCount();
            c.Fill(-1);
            nodes[..k].CopyTo(c);
            c[..k].Sort();
            var key = (c[0], c[1], c[2], c[3]);
            if (seen.TryGetValue(key, out int first))
                throw new InputException(source, names.Element(e), $"duplicate element: it has the same corner nodes as {names.Element(first)}; expected each element once");
            seen[key] = e;
        }
    }

    /// <summary>Each edge belongs to at most two elements, which run along it in opposite directions
    /// (one on each side) and, when quadratic, share its middle node.</summary>
    static void CheckSharedEdges(Mesh mesh, string source, MeshNames names, bool[]? reversed)
    {
        var edges = new Dictionary<(int, int), (int Element, bool Forward, int Mid, int Count)>();
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            var type = mesh.Types[e];
            int k = type.CornerCount();
            for (int i = 0; i < k; i++)
            {
                int a = nodes[i], b = nodes[(i + 1) % k];
                int mid = type.Order() == 2 ? nodes[k + i] : -1;
                var key = (Math.Min(a, b), Math.Max(a, b));
                if (!edges.TryGetValue(key, out var other)) { edges[key] = (e, a < b, mid, 1); continue; }
                string Edge() => $"their shared edge from {names.Node(a)} to {names.Node(b)}";
                if (other.Count >= 2)
                    throw new InputException(source, names.Element(e), $"{Edge().Replace("their shared", "the")} belongs to three or more elements; the elements overlap there (expected at most two elements on an edge, one on each side)");
                if (other.Forward == a < b)
                    throw Fold(source, e, other.Element, Edge(), names, reversed);
                if (other.Mid != mid)
                    throw new InputException(source, names.Element(e), $"it shares the corners of an edge with {names.Element(other.Element)} but not the middle node (the mesh is not conforming there; expected one node in the middle of each shared edge)");
                edges[key] = other with { Count = 2 };
            }
        }
    }

    static InputException Fold(string source, int e, int other, string edge, MeshNames names, bool[]? reversed)
    {
        if (reversed is not null && reversed[e] != reversed[other])
        {
            // the element whose node order disagrees with most of the mesh is the folded one
            bool mostlyReversed = reversed.Count(r => r) * 2 > reversed.Length;
            int folded = reversed[e] != mostlyReversed ? e : other;
            int neighbour = folded == e ? other : e;
            return new InputException(source, names.Element(folded), $"the element is folded over {names.Element(neighbour)}: its nodes run " +
                $"{(mostlyReversed ? "counter-clockwise" : "clockwise")} while the rest of the mesh runs the other way, so both lie on the same side of {edge}. " +
                "Expected elements that do not overlap");
        }
        return new InputException(source, names.Element(e), $"it overlaps {names.Element(other)}: both lie on the same side of {edge} (a folded or tangled element). Expected elements that do not overlap");
    }
}
