using CreepCell.Materials;

namespace CreepCell.Contact;

/// <summary>
/// A weak spring energy 1/2 k_n |u_n|^2 per node, k_n = eps E_body A_n / A_body, that anchors bodies
/// that touch nothing (their total translational stiffness is eps E_body). Its Hessian is diagonal and
/// constant: the tangent adds <see cref="NodeSpring"/> to the diagonal directly.
/// </summary>
internal sealed class AnchorSprings : IEnergyTerm
{
    /// <summary>Regularization stiffness per node (N/m per metre of thickness), acting on both components.</summary>
    public double[] NodeSpring { get; }
    /// <summary>E_body A_n / A_body per node: the springs of a body with this per-node stiffness sum to its modulus.</summary>
    public double[] NodeModulus { get; }

    public AnchorSprings(int nodeCount, ContactBodies bodies, Material[] materialOfRegion, double eps, StackPlate? plate, double emax)
    {
        NodeSpring = new double[nodeCount];
        NodeModulus = new double[nodeCount];
        for (int n = 0; n < nodeCount; n++)
        {
            int body = bodies.BodyOfNode[n];
            if (body < 0) continue;
            double e = materialOfRegion[bodies.RegionOfBody[body]].YoungsModulus;
            NodeModulus[n] = e * bodies.NodeArea[n] / bodies.BodyArea[body];
            NodeSpring[n] = eps * NodeModulus[n];
        }
        if (plate is null) return;
        // anchored like a body of the stiffest material, so a plate that touches nothing stays regular
        NodeModulus[plate.Node] = emax;
        NodeSpring[plate.Node] = eps * emax;
    }

    public bool Add(double[] u, double[] force, HessianBlocks? hessian, HessianKind kind, ref double energy)
    {
        for (int n = 0; n < NodeSpring.Length; n++)
        {
            double k = NodeSpring[n];
            energy += 0.5 * k * (u[2 * n] * u[2 * n] + u[2 * n + 1] * u[2 * n + 1]);
            force[2 * n] += k * u[2 * n];
            force[2 * n + 1] += k * u[2 * n + 1];
        }
        return true;
    }
}
