namespace CreepCell.Sweeps;

/// <summary>Mean, sample standard deviation and 95 % confidence interval of the mean (Student t with n - 1
/// degrees of freedom); the spread needs two values, the mean one.</summary>
internal sealed record Statistics(int N, double? Mean, double? Sd, double? CiLow, double? CiHigh)
{
    public static Statistics Of(IReadOnlyList<double> x)
    {
        if (x.Count == 0) return new Statistics(0, null, null, null, null);
        double mean = x.Average();
        if (x.Count == 1) return new Statistics(1, mean, null, null, null);
        double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1));
        double half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, x.Count - 1, 0.975) * sd / Math.Sqrt(x.Count);
        return new Statistics(x.Count, mean, sd, mean - half, mean + half);
    }
}
