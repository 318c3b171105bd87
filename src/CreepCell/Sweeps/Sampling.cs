using CreepCell.Geometry.Packing;

namespace CreepCell.Sweeps;

/// <summary>Points in the unit cube [0, 1)^d for sampled sweeps: Latin hypercube and Sobol.</summary>
internal static class Sampling
{
    /// <summary>Latin hypercube (McKay, Beckman and Conover 1979): each axis cut into n equal strata, one
    /// point in each, at a uniform position inside it; the strata are paired by random permutations.</summary>
    public static double[][] LatinHypercube(int n, int dimensions, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var points = Enumerable.Range(0, n).Select(_ => new double[dimensions]).ToArray();
        for (int d = 0; d < dimensions; d++)
        {
            var perm = Enumerable.Range(0, n).ToArray();
            for (int i = n - 1; i > 0; i--)
            {
                int j = (int)(rng.NextUInt64() % (ulong)(i + 1));
                (perm[i], perm[j]) = (perm[j], perm[i]);
            }
            for (int i = 0; i < n; i++) points[i][d] = (perm[i] + rng.NextDouble()) / n;
        }
        return points;
    }

    /// <summary>Sobol's sequence with the direction numbers of Joe and Kuo (2008, new-joe-kuo-6.21201):
    /// per dimension s, a and the initial m_1..m_s (the first dimension is van der Corput's).</summary>
    static readonly (int S, int A, int[] M)[] Directions =
    {
        (1, 0, new[] { 1 }),
        (2, 1, new[] { 1, 3 }),
        (3, 1, new[] { 1, 3, 1 }),
        (3, 2, new[] { 1, 1, 1 }),
        (4, 1, new[] { 1, 1, 3, 3 }),
        (4, 4, new[] { 1, 3, 5, 13 }),
        (5, 2, new[] { 1, 1, 5, 5, 17 }),
        (5, 4, new[] { 1, 1, 5, 5, 5 }),
        (5, 7, new[] { 1, 1, 7, 11, 19 }),
        (5, 11, new[] { 1, 1, 5, 1, 1 }),
        (5, 13, new[] { 1, 1, 1, 3, 11 }),
        (5, 14, new[] { 1, 3, 5, 5, 31 }),
    };

    public static int SobolMaxDimensions => Directions.Length + 1;

    const int Bits = 32;

    /// <summary>The first n points of Sobol's sequence (starting at the origin, as scipy's
    /// <c>Sobol(scramble=False)</c>); a non-zero seed applies a random digital shift (an XOR of each
    /// coordinate with a random bit string), which keeps the sequence's stratification.</summary>
    public static double[][] Sobol(int n, int dimensions, ulong seed)
    {
        if (dimensions > SobolMaxDimensions) throw new ArgumentOutOfRangeException(nameof(dimensions), $"at most {SobolMaxDimensions} dimensions");
        var v = Enumerable.Range(0, dimensions).Select(DirectionNumbers).ToArray();
        var rng = new SplitMix64(seed);
        var shift = Enumerable.Range(0, dimensions).Select(_ => seed == 0 ? 0u : (uint)(rng.NextUInt64() >> 32)).ToArray();
        var x = new uint[dimensions];
        var points = new double[n][];
        for (int i = 0; i < n; i++)
        {
            if (i > 0)
            {
                // Gray-code order (Antonov and Saleev): flip by the lowest zero bit of i - 1
                int c = System.Numerics.BitOperations.TrailingZeroCount(~(uint)(i - 1));
                for (int d = 0; d < dimensions; d++) x[d] ^= v[d][c];
            }
            points[i] = Enumerable.Range(0, dimensions).Select(d => (x[d] ^ shift[d]) / 4294967296.0).ToArray();
        }
        return points;
    }

    static uint[] DirectionNumbers(int dimension)
    {
        var v = new uint[Bits];
        if (dimension == 0)
        {
            for (int j = 0; j < Bits; j++) v[j] = 1u << (Bits - 1 - j);
            return v;
        }
        var (s, a, m) = Directions[dimension - 1];
        for (int j = 0; j < s; j++) v[j] = (uint)m[j] << (Bits - 1 - j);
        for (int j = s; j < Bits; j++)
        {
            v[j] = v[j - s] ^ (v[j - s] >> s);
            for (int k = 1; k < s; k++)
                if (((a >> (s - 1 - k)) & 1) != 0) v[j] ^= v[j - k];
        }
        return v;
    }
}
