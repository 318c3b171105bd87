namespace CreepCell.Simulation;

/// <summary>
/// The out-of-plane condition of the 2D model. Plane strain: F33 = 1 everywhere. Generalized plane
/// strain: F33 = lambda, one unknown for the whole model (all bodies), with the net out-of-plane force
/// sum over points of dv P33 equal to <see cref="Stress"/> times the original area (zero by default), a
/// dead nominal stress on the faces z = const.
/// </summary>
public sealed record OutOfPlane(bool Generalized, double Stress = 0)
{
    public static readonly OutOfPlane PlaneStrain = new(false);

    /// <summary>The case-file names of the two conditions ([solver] out_of_plane).</summary>
    public const string PlaneStrainName = "plane_strain", GeneralizedName = "generalized_plane_strain";

    public string Name => Generalized ? GeneralizedName : PlaneStrainName;
}
