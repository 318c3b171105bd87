using System.Globalization;
using CreepCell.Io;
using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>
/// Checks of a read case that look at several keys together, made before anything is meshed or written:
/// contradictory values are errors, a generated mesh must fit its rectangle without overlapping
/// inclusions and stay below the size limit, and values that are possible but implausible (a temperature
/// a user most likely meant in degC) become warnings, shown on screen and kept in summary.json.
/// </summary>
internal static class CaseChecks
{
    /// <summary>Largest [solver] threads: fixed rather than tied to this machine's cores, so that a case
    /// file reads the same everywhere; more threads than cores only slows a run (a warning says so).</summary>
    public const int MaxThreads = 1024;

    /// <summary>Below this temperature (K) a value is most likely meant in degC: the coldest battery
    /// operation is around 200 K (-70 degC), and 150 K leaves margin for cryogenic tests.</summary>
    public const double ColdestPlausible = 150;

    /// <summary>The case with its warnings; an <see cref="InputException"/> for contradictions and for a
    /// generated mesh that would be too large.</summary>
    public static CaseDefinition Check(CaseDefinition def)
    {
        Contradictions(def);
        if (def.Mesh.Generated is { } g) Generated(def, g);
        if (def.Mesh.Microstructure is { } spec && def.Mesh.ParticleOptions is { } options)
            Refuse(def, "mesh", SizeEstimate.ForParticles(spec, options),
                $"for a {Len(spec.Side)} x {Len(spec.Side)} RVE", "the units of microstructure.side, the particle diameters and mesh.element_size");
        return def with { Warnings = Warnings(def) };
    }

    static void Contradictions(CaseDefinition def)
    {
        var s = def.Solver;
        if (s.MaxStep > 0 && s.MinStep > s.MaxStep)
            throw new InputException(def.Source, "solver.min_step",
                $"min_step = {Num(s.MinStep)} s is larger than max_step = {Num(s.MaxStep)} s; expected min_step <= max_step");
        if (s.Threads > MaxThreads)
            throw new InputException(def.Source, "solver.threads", $"expected 0 (all cores) or a count up to {MaxThreads}, got {s.Threads}");
        if (def.Mesh.Image is { BondedPhases.Count: > 0 } image)
        {
            string key = image.Key("bonded");
            // the ties join nodes by their reference positions; a remeshed body gets a new reference
            // (its deformed shape) while its neighbours keep theirs, so the ties could not be rebuilt
            if (s.RemeshAngle > 0)
                throw new InputException(def.Source, key,
                    $"bonded bodies cannot be remeshed: remove {key} or set solver.remesh_angle = 0 (got {Num(s.RemeshAngle)} degrees)");
            if (def.Contact.Enabled == false)
                throw new InputException(def.Source, key, "the bonds are part of the contact model; remove " + key + " or contact.enabled = false");
        }
    }

    static void Generated(CaseDefinition def, GeneratedMesh g)
    {
        var (inclusions, sizes) = MeshFactory.Geometry(g);
        try
        {
            InclusionMesh.Validate(g.Width, g.Height, inclusions, sizes);
        }
        catch (ArgumentException e)
        {
            throw new InputException(def.Source, "mesh.inclusions", e.Message);
        }
        Refuse(def, "mesh.element_size", SizeEstimate.ForInclusionMesh(g.Width, g.Height, inclusions, sizes),
            $"for a {Len(g.Width)} x {Len(g.Height)} rectangle at element size {Len(g.ElementSize)}" +
            (g.InclusionElementSize < g.ElementSize ? $" ({Len(g.InclusionElementSize)} at the inclusions)" : ""),
            "the units of width, height and element_size");
    }

    static void Refuse(CaseDefinition def, string key, SizeEstimate estimate, string what, string units)
    {
        if (estimate.Unknowns <= def.Solver.MaxUnknowns) return;
        throw new InputException(def.Source, key,
            $"the mesh would be too large: {estimate} {what}, above the limit of {def.Solver.MaxUnknowns} unknowns. " +
            $"Check {units}; [solver] max_unknowns raises the limit");
    }

    static List<string> Warnings(CaseDefinition def)
    {
        var warnings = new List<string>();
        if (def.Temperature < ColdestPlausible) warnings.Add(Cold("temperature", def.Temperature));
        foreach (var m in def.Materials.Values)
            if (m.Creep is { ActivationEnergy: > 0 } c && c.ReferenceTemperature < ColdestPlausible)
                warnings.Add(Cold($"materials.{m.Name}.creep.reference_temperature", c.ReferenceTemperature));
        if (def.Solver.Threads > Environment.ProcessorCount)
            warnings.Add($"solver.threads = {def.Solver.Threads} is more than the {Environment.ProcessorCount} cores of this machine; the run is slower than with {Environment.ProcessorCount} (results are the same)");
        return warnings;
    }

    static string Cold(string key, double kelvin) =>
        $"{key} = {Num(kelvin)} K is below {Num(ColdestPlausible)} K; did you mean \"{Num(kelvin)} degC\"? (a number without a unit is read in kelvin)";

    static string Num(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    static string Len(double metres) => metres.ToString("G4", CultureInfo.InvariantCulture) + " m";
}
