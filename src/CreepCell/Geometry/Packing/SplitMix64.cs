namespace CreepCell.Geometry.Packing;

/// <summary>
/// SplitMix64 pseudo-random generator (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014; constants as in Vigna's reference C code). It is written out here so that
/// a seed gives the same numbers on every machine and runtime, which System.Random does not promise.
/// Normal and log-normal draws use only IEEE arithmetic, sqrt and <see cref="DetMath"/>.
/// </summary>
internal sealed class SplitMix64
{
    ulong _state;

    /// <summary>A generator whose state starts at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Standard normal draw by Marsaglia's polar method (no trigonometric functions).</summary>
    public double NextNormal()
    {
        while (true)
        {
            double u = 2 * NextDouble() - 1;
            double v = 2 * NextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) return u * Math.Sqrt(-2 * DetMath.Log(s) / s);
        }
    }

    /// <summary>
    /// Log-normal draw with the given arithmetic mean and coefficient of variation:
    /// sigma^2 = ln(1 + cv^2), mu = ln(mean) - sigma^2 / 2.
    /// </summary>
    public double NextLogNormal(double mean, double cv)
    {
        if (cv == 0) return mean;
        double s2 = DetMath.Log(1 + cv * cv);
        double mu = DetMath.Log(mean) - s2 / 2;
        return DetMath.Exp(mu + Math.Sqrt(s2) * NextNormal());
    }
}
