using CreepCell.Fem;

namespace CreepCell.Simulation;

/// <summary>
/// Drag of every body against its position at the start of the step: energy 1/2 (tau / dt) k_n |u - u_n|^2
/// with k_n = E_body A_n / A_body. A particle pressed into an unstable position (squeezed sideways out
/// of a contact) releases so little energy per unit of sliding that a quasi-static Newton solve
/// needs hundreds of iterations to follow it; the drag spreads that slide over a few steps. Its force,
/// tau E_body times the velocity, is about 1e-2 N/m at the swelling velocities of a 0.1 C cycle (contact forces
/// are 1-30 N/m). Its Hessian, (tau / dt) k_n on the diagonal, joins the tangent in <see cref="ContactTangent"/>.
/// </summary>
static class BodyDrag
{
    /// <summary>Adds the drag force at u (from the step's start) to force; returns its energy.</summary>
    public static double Add(double scale, double[] nodeModulus, DofMap dofs, double[] start, double[] u, double[] force)
    {
        double energy = 0;
        for (int d = 0; d < u.Length; d++)
        {
            if (dofs.Equation[d] < 0) continue;
            double k = scale * nodeModulus[d >> 1], du = u[d] - start[d];
            force[d] += k * du;
            energy += 0.5 * k * du * du;
        }
        return energy;
    }
}
