namespace CreepCell.Analysis.Indentation;

/// <summary>Strain-rate sensitivity m = dlnH/dln(eps_dot) with its standard error, and the creep exponent n = 1/m.</summary>
public sealed record RateSensitivity(string Indent, IReadOnlyList<RateSegment> Segments, double M, double MError)
{
    /// <summary>ln(H / Pa) of the fitted line at eps_dot = 1/s.</summary>
    public double LnHIntercept { get; init; }

    public double N => 1 / M;
    /// <summary>Propagated error of n = 1/m: dn = dm / m^2.</summary>
    public double NError => MError / (M * M);
}
