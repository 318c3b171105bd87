namespace CreepCell.Contact;

/// <summary>
/// The stop under the stack plate: the wall barrier along the plate's width against its lift, offset by
/// dhat so that it acts only below the initial height (lift in (-dhat, 0)).
/// </summary>
internal sealed class PlateStop(StackPlate plate, double dhat, double kappa) : IEnergyTerm
{
    public bool Add(double[] u, double[] force, HessianBlocks? hessian, HessianKind kind, ref double energy)
    {
        double d = u[plate.Dof] + dhat;
        if (!(d > 0)) return false;
        if (d >= dhat) return true;
        var (b, d1, d2) = PointSegmentBarrier.Scalar(d, dhat);
        double scale = kappa * plate.Width;
        energy += scale * b;
        force[plate.Dof] += scale * d1;
        if (kind != HessianKind.None) hessian!.Add(plate.Node, plate.Node, plate.Node)[6 * 1 + 1] = scale * d2;
        return true;
    }
}
