using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>A parametrised boundary curve. Segments that carry a curve are split on the curve and
/// second-order mid-nodes are placed on it.</summary>
internal interface ICurve
{
    Vec2 Point(double t);
}

/// <summary>Ellipse with centre, semi-axes A (along the rotated x axis) and B, rotation Angle in
/// radians; parameter t is the eccentric angle. A circle is an ellipse with A = B.</summary>
internal sealed record Ellipse(Vec2 Centre, double A, double B, double Angle) : ICurve
{
    readonly double cos = Math.Cos(Angle), sin = Math.Sin(Angle);

    public static Ellipse Circle(Vec2 centre, double radius) => new(centre, radius, radius, 0);

    public Vec2 Point(double t)
    {
        double x = A * Math.Cos(t), y = B * Math.Sin(t);
        return new Vec2(Centre.X + cos * x - sin * y, Centre.Y + sin * x + cos * y);
    }

    /// <summary>Ramanujan's second approximation of the perimeter (relative error below 1e-7 for B/A >= 1/3).</summary>
    public double Perimeter()
    {
        double h = (A - B) * (A - B) / ((A + B) * (A + B));
        return Math.PI * (A + B) * (1 + 3 * h / (10 + Math.Sqrt(4 - 3 * h)));
    }

    public double Area => Math.PI * A * B;

    /// <summary>Approximate distance from p to the curve ((rho - 1) * min(A, B) in the ellipse frame,
    /// exact for circles), good enough for a size field.</summary>
    public double DistanceEstimate(Vec2 p)
    {
        var d = p - Centre;
        if (A == B) return Math.Abs(d.Length - A);
        double x = cos * d.X + sin * d.Y, y = -sin * d.X + cos * d.Y;
        double rho = Math.Sqrt(x * x / (A * A) + y * y / (B * B));
        return Math.Abs(rho - 1) * Math.Min(A, B);
    }

    /// <summary>True if p lies inside the ellipse.</summary>
    public bool Contains(Vec2 p)
    {
        var d = p - Centre;
        double x = cos * d.X + sin * d.Y, y = -sin * d.X + cos * d.Y;
        return x * x / (A * A) + y * y / (B * B) < 1;
    }

    /// <summary>n parameters spaced equally in arc length, starting at t = 0 (arc length summed over
    /// 64 n chords and interpolated linearly).</summary>
    public double[] EqualArcParameters(int n)
    {
        int m = 64 * n;
        var s = new double[m + 1];
        Vec2 prev = Point(0);
        for (int k = 1; k <= m; k++)
        {
            var p = Point(2 * Math.PI * k / m);
            s[k] = s[k - 1] + (p - prev).Length;
            prev = p;
        }
        var t = new double[n];
        int j = 0;
        for (int i = 0; i < n; i++)
        {
            double target = s[m] * i / n;
            while (s[j + 1] < target) j++;
            double f = (target - s[j]) / (s[j + 1] - s[j]);
            t[i] = 2 * Math.PI * (j + f) / m;
        }
        return t;
    }
}
