using CreepCell.Io;
using CreepCell.Io.Plots;
using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>The picture a run leaves when a step cannot converge: where the flow outran the mesh.</summary>
internal static class FailurePicture
{
    public const string FileName = "last_converged_creep_strain.png";

    /// <summary>The deformed shape and largest creep strain per element of the last converged state.</summary>
    public static void Write(string outDir, Mesh mesh, MechanicsProblem problem, double time)
    {
        var creep = new double[mesh.ElementCount];
        var off = problem.Assembler.PointOffsets;
        for (int e = 0; e < creep.Length; e++)
        {
            for (int q = off[e]; q < off[e + 1]; q++) creep[e] = Math.Max(creep[e], problem.States[q].CreepStrain);
        }
        Pictures.Writer?.FieldMap(Path.Combine(outDir, FileName), mesh, problem.U, creep,
            $"largest equivalent creep strain per element, last converged state (t = {time:G6} s)", "-");
    }
}
