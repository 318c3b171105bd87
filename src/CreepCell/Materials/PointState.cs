namespace CreepCell.Materials;

/// <summary>
/// History of one quadrature point: Cc^-1 = Fc^-1 Fc^-T, where Fc maps the reference to the stress-free,
/// unswollen state, the accumulated equivalent creep strain, and v = 1 / det Fc, the reference volume per
/// stress-free volume. In the initial reference creep is the whole of Fc (isochoric, v = 1); after a
/// rezoning the reference is the deformed state of that moment, and Fc carries its elastic and volume
/// part as well (det Cc^-1 = v^2 stays constant from then on).
/// </summary>
internal readonly record struct PointState(SymTensor CreepInverse, double CreepStrain, double VolumeRatio = 1)
{
    public static readonly PointState Initial = new(SymTensor.Identity, 0);

    /// <summary>
    /// The same material state with the deformed configuration as its new reference, F = (xx, xy, yx, yy)
    /// being the deformation gradient from the old reference: Cc^-1 becomes F Cc^-1 F^T and v becomes
    /// v det F, in plane only: F33 keeps the original thickness as its reference (one stretch for the
    /// whole model, 1 in plane strain), so zz stays as it is. The stress at F = I in the new reference equals the old one at F.
    /// </summary>
    public PointState InDeformedReference(double fxx, double fxy, double fyx, double fyy)
    {
        var c = CreepInverse;
        double axx = fxx * c.Xx + fxy * c.Xy, axy = fxx * c.Xy + fxy * c.Yy;
        double ayx = fyx * c.Xx + fyy * c.Xy, ayy = fyx * c.Xy + fyy * c.Yy;
        var pushed = new SymTensor(axx * fxx + axy * fxy, ayx * fyx + ayy * fyy, axx * fyx + axy * fyy, c.Zz);
        return this with { CreepInverse = pushed, VolumeRatio = VolumeRatio * (fxx * fyy - fxy * fyx) };
    }
}
