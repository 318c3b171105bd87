using CreepCell.Contact;
using CreepCell.Fem;

namespace CreepCell.Simulation;

/// <summary>
/// The displacements a fitted jump lands with: those of the last snapshot moved along their trend, as far
/// as the moved state is one a step can start from. Displacements left at the last cycle while the creep
/// state moves on many cycles give Newton a start it cannot recover from; moved too far, they invert an
/// element (the distorted elements of a run without remeshing keep distorting along the trend) or close a
/// contact, and the first step after the jump fails before its first iteration.
/// </summary>
static class CycleLanding
{
    /// <summary>Halvings of the trend's share tried before the landing keeps the last cycle's displacements.</summary>
    const int Halvings = 6;

    public static double[] Displacements(MechanicsProblem problem, List<CycleSnapshot> recent, int landing)
    {
        var u = recent[^1].U;
        if (recent.Any(s => s.U.Length != u.Length)) return u;
        var du = CycleStateExtrapolation.FittedChange(recent, landing);
        // no boundary point may cross another body on the way (with the contact model's safety fraction)
        double share = problem.Contact?.MaxStep(u, du) ?? 1;
        for (int k = 0; k <= Halvings; k++, share /= 2)
        {
            var moved = u.Select((v, i) => v + share * du[i]).ToArray();
            if (Admissible(problem, moved)) return moved;
        }
        return u;
    }

    /// <summary>Whether a step can start from u: det F (F-bar where on) positive at every integration point,
    /// as the material law needs it, and no contact distance closed.</summary>
    public static bool Admissible(MechanicsProblem problem, double[] u)
    {
        var assembler = problem.Assembler;
        var f = new double[4 * assembler.PointOffsets.Zip(assembler.PointOffsets.Skip(1), (a, b) => b - a).DefaultIfEmpty(0).Max()];
        try
        {
            for (int e = 0; e < problem.Mesh.ElementCount; e++)
            {
                assembler.PointDeformations(e, u, f);
                for (int q = 0; q < assembler.PointOffsets[e + 1] - assembler.PointOffsets[e]; q++)
                    if (!(f[4 * q] * f[4 * q + 3] - f[4 * q + 1] * f[4 * q + 2] > 0)) return false;
            }
        }
        catch (ElementInversionException)
        {
            return false;
        }
        return problem.Contact is not { } contact || contact.Evaluate(u, new double[u.Length], HessianKind.None, out _);
    }
}
