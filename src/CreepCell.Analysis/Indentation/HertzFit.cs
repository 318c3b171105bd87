namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Hertzian fit P = k (h - h0)^(3/2) of the elastic loading before the first pop-in, with k = 4/3 Er sqrt(R)
/// (Johnson, Contact Mechanics, 1985, eq. 4.22-4.23), so R = (3 k / (4 Er))^2. The maximum shear stress under
/// the tip at the pop-in load is 0.31 p0 with p0 = (6 P Er^2 / (pi^3 R^2))^(1/3) (Johnson eq. 4.24 and Fig. 4.4).
/// </summary>
public sealed record HertzFit(double K, double SurfaceOffset, double RSquared, int Points, double ReducedModulus, double TipRadius, double MaxShearAtPopIn);
