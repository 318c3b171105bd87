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

    Model(Mesh particles, Mesh mesh, Material[] materials, StackPlate? plate, DofMap dofs, ContactModel? contact, double[] load)
    {
        Particles = particles;
        Mesh = mesh;
        MaterialOfRegion = materials;
        Plate = plate;
        Dofs = dofs;
        Contact = contact;
        Load = load;
        var (lo, hi) = mesh.BoundingBox();
        (boxWidth, boxHeight) = (hi.X - lo.X, hi.Y - lo.Y);
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

    /// <summary>The model of <paramref name="def"/> on the particle mesh <paramref name="particles"/>.</summary>
    public static Model Build(CaseDefinition def, Mesh particles)
    {
        var materials = MaterialsOfRegions(def, particles);
        var (mesh, plate) = def.Boundary.StackPressure is { } pressure ? StackPlate.Attach(particles, pressure) : (particles, null);
        var dofs = new DofMap(mesh.NodeCount, Boundary.Rollers(mesh, plate));
        var contact = ContactModel.Create(mesh, materials, def.Contact, plate, Bonds(def));
        if (contact is null) FloatingBodies.Reject(mesh, dofs, def.Source);
        var load = new double[dofs.DofCount];
        if (plate is not null) load[plate.Dof] = -plate.Pressure * plate.Width;
        return new Model(particles, mesh, materials, plate, dofs, contact, load);
    }

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
