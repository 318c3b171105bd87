using CreepCell.Contact;
using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>
/// Bodies with an element whose deformed corner angle fell below [solver] remesh_angle get a new mesh
/// of their deformed shape (<see cref="BodyRemesher"/>), with their state carried over
/// (<see cref="StateTransfer"/>); the result is a new <see cref="Model"/> on the spliced mesh and a
/// problem that starts from the carried state. The old model and problem are left as they were.
/// </summary>
internal sealed class Remesher
{
    readonly CaseDefinition def;

    /// <param name="asMeshed">the particle mesh as the case makes it, when at hand (a resumed run builds it when it first remeshes)</param>
    public Remesher(CaseDefinition def, Mesh? asMeshed)
    {
        this.def = def;
        if (asMeshed is not null && def.Solver.RemeshAngle > 0) meshSizes = MeshSizes(asMeshed);
    }

    /// <summary>Per region, the median boundary edge and the longest edge of the mesh as the case makes it:
    /// the sizes every new body mesh keeps (measured on the remeshed mesh they would drift).</summary>
    (double Boundary, double Longest)[]? meshSizes;

    /// <summary>Smallest angle asked of a new body mesh (that of the particle meshes).</summary>
    const double RemeshMinAngle = 28;

    /// <summary>
    /// The model with new meshes for the distorted bodies and its problem in the carried state, or null
    /// when no body needs or takes one. A new boundary point on or inside another body (the barrier
    /// would be infinite there) keeps the old mesh for the next 10 steps.
    /// </summary>
    public (Model Model, MechanicsProblem Problem, SnapshotCarrier Snapshots)? Remesh(Model model, MechanicsProblem problem, StepState state)
    {
        if (def.Solver.RemeshAngle <= 0) return null;
        if (state.RemeshPause > 0) { state.RemeshPause--; return null; }
        var replacements = NewBodyMeshes(model, problem, def.Solver.RemeshAngle);
        return replacements.Count == 0 ? null : Splice(model, problem, state, replacements);
    }

    /// <summary>The model with the given new body meshes spliced in and its problem in the carried state, or
    /// null when a new boundary point lies on or inside another body.</summary>
    internal (Model Model, MechanicsProblem Problem, SnapshotCarrier Snapshots)? Splice(Model model, MechanicsProblem problem, StepState state,
        List<(IReadOnlyList<int> Elements, Mesh Body)> replacements)
    {
        var spliced = MeshSplice.Replace(model.Particles, replacements);
        var fresh = Model.Build(def, spliced.Mesh, model.FrameAfter(spliced, problem.U));
        var next = fresh.NewProblem(def.Solver);
        int[] bodies = model.Contact is { } before && fresh.Contact is { } after
            ? NewBodyNumbers(before.Bodies, after.Bodies, spliced, model.Particles, replacements) : Array.Empty<int>();
        (int, int)? plate = problem.Contact?.Plate is { } oldPlate && next.Contact?.Plate is { } newPlate ? (oldPlate.Dof, newPlate.Dof) : null;
        // the current state and the jump snapshots reach the new mesh by the same carrier
        var carrier = new SnapshotCarrier(spliced, replacements, problem.Assembler, model.Mesh, (double[])problem.U.Clone(), next.Assembler,
            next.U.Length, plate, bodies, Math.Max(1, bodies.Length));
        // F33 is measured from the original thickness in every mesh, so it carries over unchanged
        next.Restore(carrier.Displacements(problem.U), carrier.States(problem.States), problem.TotalIterations, stretch: problem.Stretch);
        if (!Admissible(fresh, next))
        {
            next.Dispose();
            state.RemeshPause = 10;
            return null;
        }
        state.RemeshedBodies += replacements.Count;
        if (bodies.Length > 0) state.Integrity.RenumberBodies(bodies);
        return (fresh, next, carrier);
    }

    /// <summary>The number each old body has in the spliced mesh: kept bodies through their kept nodes,
    /// remeshed ones through the first node of their new mesh (new meshes follow the kept nodes, in order).</summary>
    internal static int[] NewBodyNumbers(ContactBodies before, ContactBodies after, SplicedMesh spliced, Mesh old,
        List<(IReadOnlyList<int> Elements, Mesh Body)> replacements)
    {
        var map = new int[before.BodyCount];
        for (int n = 0; n < spliced.NodeMap.Length; n++)
            if (spliced.NodeMap[n] >= 0 && before.BodyOfNode[n] >= 0) map[before.BodyOfNode[n]] = after.BodyOfNode[spliced.NodeMap[n]];
        int first = spliced.NodeMap.Count(m => m >= 0);
        foreach (var (elements, body) in replacements)
        {
            map[before.BodyOfNode[old.ElementNodes(elements[0])[0]]] = after.BodyOfNode[first];
            first += body.NodeCount;
        }
        return map;
    }

    /// <summary>New meshes of the bodies distorted below <paramref name="limit"/> degrees.</summary>
    List<(IReadOnlyList<int> Elements, Mesh Body)> NewBodyMeshes(Model model, MechanicsProblem problem, double limit)
    {
        meshSizes ??= MeshSizes(MeshFactory.Build(def.Mesh));
        var (mesh, u) = (model.Mesh, problem.U);
        var replacements = new List<(IReadOnlyList<int> Elements, Mesh Body)>();
        // the contact pressures are measured only once a body needs a new mesh, not after every step
        var size = new Lazy<Func<CreepCell.Geometry.Vec2, double>?>(() => PressedSizeField(model, problem));
        foreach (var body in BodyRemesher.Bodies(model.Particles))
        {
            var angles = body.Select(e => MeshQuality.DeformedMinAngle(mesh, e, u)).ToArray();
            if (angles.Min() >= limit) continue;
            var (boundaryEdge, interiorEdge) = meshSizes[mesh.Region[body[0]]];
            var fresh = BodyRemesher.Remesh(mesh, u, body, boundaryEdge, interiorEdge, RemeshMinAngle, size.Value)
                ?? BodyRemesher.Remesh(mesh, u, body, 0.5 * boundaryEdge, interiorEdge, RemeshMinAngle, size.Value);
            if (fresh is null || !Better(MeshQuality.MinAngles(fresh), angles, limit)) continue;
            replacements.Add((body, fresh));
        }
        return replacements;
    }

    /// <summary>Share of the largest contact pressure above which a boundary point counts as pressed hard.</summary>
    internal const double PressedShare = 0.25;

    /// <summary>
    /// With [mesh] contact_edge, the edge-length field of a new body mesh: contact_edge at the boundary
    /// points (current positions) whose contact pressure is at least <see cref="PressedShare"/> of the
    /// largest, growing by contact_grading with the distance from them. The deformed shape shows where
    /// the pressure concentrates, which the packing at mesh time could only guess. Null without the key
    /// or without pressed points.
    /// </summary>
    Func<CreepCell.Geometry.Vec2, double>? PressedSizeField(Model model, MechanicsProblem problem)
    {
        if (model.Contact is not { } contact || def.Mesh.ParticleOptions is not { ContactEdge: { } edge } options) return null;
        var pressed = PressedPoints(contact, problem.U, model.Mesh);
        return pressed.Count == 0 ? null : ParticleOutline.SizeField(pressed, edge, options.ContactGrading);
    }

    /// <summary>Current positions of the boundary points pressed with at least <see cref="PressedShare"/> of the largest pressure.</summary>
    static List<CreepCell.Geometry.Vec2> PressedPoints(ContactModel contact, double[] u, Mesh mesh) =>
        PressedNodes(contact, u, mesh).Select(n => mesh.Nodes[n] + new CreepCell.Geometry.Vec2(u[2 * n], u[2 * n + 1])).ToList();

    /// <summary>The boundary nodes whose contact pressure is at least <see cref="PressedShare"/> of the largest.</summary>
    internal static List<int> PressedNodes(ContactModel contact, double[] u, Mesh mesh)
    {
        var m = contact.Measure(u, mesh.RegionNames);
        double top = m.NodePressure.DefaultIfEmpty(0).Max();
        var points = contact.Bodies.Points;
        var pressed = new List<int>();
        if (!(top > 0)) return pressed;
        for (int i = 0; i < points.Length; i++)
            if (m.NodePressure[i] >= PressedShare * top) pressed.Add(points[i]);
        return pressed;
    }

    static (double Boundary, double Longest)[] MeshSizes(Mesh original)
    {
        var bodies = BodyRemesher.Bodies(original);
        return Enumerable.Range(0, original.RegionNames.Length).Select(r =>
        {
            var sizes = bodies.Where(b => original.Region[b[0]] == r).Select(b => BodyRemesher.ReferenceEdges(original, b)).ToList();
            return sizes.Count == 0 ? (0.0, 0.0) : (sizes.Select(s => s.Boundary).Order().ElementAt(sizes.Count / 2), sizes.Max(s => s.Longest));
        }).ToArray();
    }

    /// <summary>No boundary point on or inside another body (the barrier would be infinite there).</summary>
    static bool Admissible(Model model, MechanicsProblem problem) =>
        model.Contact is not { } contact || ContactMeasure.Measure(contact, problem.U, model.Mesh.RegionNames).MinGap > 0;

    /// <summary>
    /// A new body mesh is taken when it has fewer elements with an angle below the limit, or raises the
    /// smallest angle by 2 degrees. A sharp corner of the outline bounds the angles of any new mesh:
    /// remeshing such a body again and again would only crowd ever smaller elements into that corner.
    /// </summary>
    static bool Better(double[] fresh, double[] old, double limit) =>
        fresh.Count(a => a < limit) < old.Count(a => a < limit) || fresh.Min() >= old.Min() + 2;
}
