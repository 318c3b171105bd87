using CreepCell.Contact;
using CreepCell.Fem;
using CreepCell.Io;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Sparse;

namespace CreepCell.Simulation;

/// <summary>
/// What one case is on one mesh: the particles, the material of each region, the stack plate, the
/// constrained dofs, the contact energy terms and the dead load. Built by <see cref="Build"/> from a case
/// and a mesh; remeshing builds a new one (<see cref="Remesher"/>) instead of patching this one.
/// </summary>
internal sealed class Model
{
    /// <summary>The mesh of the particles, as meshed or as last remeshed (no plate node).</summary>
    public Mesh Particles { get; }
    /// <summary>The particles and, under a stack pressure, the plate node appended last.</summary>
    public Mesh Mesh { get; }
    public Material[] MaterialOfRegion { get; }
    public StackPlate? Plate { get; }
    public DofMap Dofs { get; }
    /// <summary>Contact, wall and plate barriers, edge ties and anchors; null when contact is off.</summary>
    public ContactModel? Contact { get; }
    /// <summary>Dead external forces for a unit load factor, all dofs.</summary>
    public double[] Load { get; }

    /// <summary>The box, plate lift and contact settings this model was built in (<see cref="ModelFrame"/>).</summary>
    public ModelFrame Frame { get; }

    Model(Mesh particles, Mesh mesh, Material[] materials, StackPlate? plate, DofMap dofs, ContactModel? contact, double[] load, ModelFrame frame)
    {
        Particles = particles;
        Frame = frame;
        Mesh = mesh;
        MaterialOfRegion = materials;
        Plate = plate;
        Dofs = dofs;
        Contact = contact;
        Load = load;
        (boxWidth, boxHeight) = (frame.BoxHi.X - frame.BoxLo.X, frame.BoxHi.Y - frame.BoxLo.Y);
    }

    readonly double boxWidth, boxHeight;

    /// <summary>Current area of the RVE box: the stack plate raises its top.</summary>
    public double BoxArea(double[] u) => boxWidth * (boxHeight + (Contact?.Lift(u) ?? 0));

    /// <summary>
    /// Solids that fill more than the fixed box overlap: elements have folded over one another (a mesh
    /// too coarse for the creep flow there). Such a state must not be accepted.
    /// </summary>
    public bool SolidsOverlap(MechanicsProblem problem)
    {
        double area = 0;
        foreach (var r in problem.Responses) area += r.Area;
        return area > (1 + 1e-3) * BoxArea(problem.U);
    }

    /// <summary>The model of <paramref name="def"/> on the particle mesh <paramref name="particles"/>, in the
    /// frame of an earlier model of the run (remeshing, resuming) or of this mesh.</summary>
    public static Model Build(CaseDefinition def, Mesh particles, ModelFrame? frame = null)
    {
        frame ??= ModelFrame.Of(particles);
        var box = (frame.BoxLo, frame.BoxHi);
        var materials = MaterialsOfRegions(def, particles);
        var (mesh, plate) = def.Boundary.StackPressure is { } pressure ? StackPlate.Attach(particles, pressure, box) : (particles, null);
        var dofs = new DofMap(mesh.NodeCount, Boundary.Rollers(mesh, plate, box));
        var settings = def.Contact with { Distance = frame.Reach ?? def.Contact.Distance, Stiffness = frame.Stiffness ?? def.Contact.Stiffness };
        var contact = ContactModel.Create(mesh, materials, settings, plate, Bonds(def), box, frame.ReferenceLift);
        if (contact is null) FloatingBodies.Reject(mesh, dofs, def.Source);
        var load = new double[dofs.DofCount];
        if (plate is not null) load[plate.Dof] = -plate.Pressure * plate.Width;
        return new Model(particles, mesh, materials, plate, dofs, contact, load, frame);
    }

    /// <summary>The frame of a model of this one remeshed into <paramref name="spliced"/> in state u (<see cref="ModelFrame.Remeshed"/>).</summary>
    public ModelFrame FrameAfter(SplicedMesh spliced, double[] u) =>
        Frame.Remeshed(spliced.NodeMap, spliced.Mesh.NodeCount, Contact?.Lift(u) ?? 0, Contact?.Dhat, Contact is { } c ? c.Kappa * c.Dhat : null);

    /// <summary>The bonded phases of an image RVE, with its gap when the case gives one; null when none is bonded.</summary>
    static BondSpec? Bonds(CaseDefinition def) =>
        def.Mesh.Image is { BondedPhases.Count: > 0 } image ? new BondSpec(image.BondedPhases, image.Gap) : null;

    static Material[] MaterialsOfRegions(CaseDefinition def, Mesh mesh)
    {
        var materials = new Material[mesh.RegionNames.Length];
        for (int r = 0; r < materials.Length; r++)
        {
            if (!def.Materials.TryGetValue(mesh.RegionNames[r], out var m))
                throw new InputException(def.Source, "materials", $"the mesh has phase \"{mesh.RegionNames[r]}\" but there is no [materials.{mesh.RegionNames[r]}]");
            materials[r] = m;
        }
        return materials;
    }

    /// <summary>A mechanics problem of this model at rest, with the linear solver and threads of <paramref name="solver"/>.</summary>
    public MechanicsProblem NewProblem(SolverSpec solver)
    {
        var linear = SparseSolvers.Create(solver.LinearSolver, indefinite: true, threads: solver.Threads);
        var problem = new MechanicsProblem(Mesh, MaterialOfRegion, Dofs, Load, solver.Fbar, linear, Contact, solver.OutOfPlane);
        problem.Assembler.MaxThreads = solver.Threads > 0 ? solver.Threads : -1;
        return problem;
    }
}
