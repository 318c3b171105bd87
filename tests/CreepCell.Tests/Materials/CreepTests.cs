using CreepCell.Materials;

namespace CreepCell.Tests.Materials;

/// <summary>Norton creep at a single material point against closed forms and an independent ODE solution.</summary>
public class CreepTests
{
    const double E = 10e9, Nu = 0.3;

    /// <summary>Updates a point with F = diag(fxx, fyy); fyy is found so that sigma_yy = 0 when <paramref name="freeY"/>.</summary>
    static PointState Step(Material m, double fxx, ref double fyy, bool freeY, double theta, double dt, PointState old, out PointResponse r)
    {
        var t = new double[16];
        r = default;
        PointState next = old;
        for (int it = 0; it < 50; it++)
        {
            next = MaterialPoint.Update(m, new[] { fxx, 0, 0, fyy }, theta, dt, 343, old, ref r, t);
            if (!freeY || Math.Abs(r.P3) < 1e-9 * E * 1e-6) break;
            fyy -= r.P3 / t[15];
        }
        return next;
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    [InlineData(10.0)]
    public void ConstantStressCreepMatchesTheFiniteStrainClosedFormAndStaysIsochoric(double n)
    {
        var law = new CreepLaw(1e-5, n, 100e6);
        var m = new Material("Se", E, Nu, 0, law);
        double s = 60e6, g = m.ShearModulus;          // pure shear: sigma_xx = s, sigma_yy = -s, sigma_zz = 0
        double rate = law.A * Math.Pow(Math.Sqrt(3) * s / law.SigmaRef, n);
        double tEnd = 0.4 / rate;                      // about 40 % equivalent creep strain
        int steps = 2000;
        double dt = tEnd / steps, lambda = 1;
        var state = PointState.Initial;
        for (int k = 0; k < steps; k++)
        {
            PointResponse r = default;
            var tmp = new double[16];
            PointState next = state;
            for (int it = 0; it < 50; it++)
            {
                next = MaterialPoint.Update(m, new[] { lambda, 0, 0, 1 / lambda }, 0, dt, 343, state, ref r, tmp);
                double res = r.Cauchy.Xx - s;
                if (Math.Abs(res) < 1e-10 * s) break;
                // d sigma_xx / d lambda along F = diag(lambda, 1/lambda)
                double dsig = (tmp[0] - tmp[3] / (lambda * lambda)) * lambda;
                lambda -= res / dsig;
            }
            Assert.Equal(-s, r.Cauchy.Yy, 1e-9 * s);
            Assert.Equal(0, r.Cauchy.Zz, 1e-9 * s);
            state = next;
        }
        double expectedCreep = rate * tEnd;
        Assert.Equal(expectedCreep, state.CreepStrain, 1e-6 * expectedCreep);
        double expectedStretch = Math.Exp(s / (2 * g) + Math.Sqrt(3) / 2 * expectedCreep);
        Assert.Equal(expectedStretch, lambda, 1e-6 * expectedStretch);
        var c = state.CreepInverse;
        Assert.Equal(1.0, (c.Xx * c.Yy - c.Xy * c.Xy) * c.Zz, 1e-12);
    }

    /// <summary>Relaxation at fixed total strain: d sigma_e/dt = -3 G A (sigma_e/sigma_ref)^n.</summary>
    static double Relaxed(double n, double sigma0, double g, CreepLaw law, double t) => n == 1
        ? sigma0 * Math.Exp(-3 * g * law.A * t / law.SigmaRef)
        : Math.Pow(Math.Pow(sigma0, 1 - n) + (n - 1) * 3 * g * law.A * Math.Pow(law.SigmaRef, -n) * t, 1 / (1 - n));

    static double RelaxationError(double n, int steps)
    {
        var law = new CreepLaw(1e-4, n, 100e6);
        var m = new Material("Se", E, Nu, 0, law);
        double lambda = Math.Exp(0.01), g = m.ShearModulus;
        double sigma0 = Math.Sqrt(3) * 2 * g * 0.01;
        double tau = law.SigmaRef / (3 * g * law.A * Math.Pow(sigma0 / law.SigmaRef, n - 1));
        double tEnd = 3 * tau, dt = tEnd / steps;
        var state = PointState.Initial;
        PointResponse r = default;
        for (int k = 0; k < steps; k++) state = MaterialPoint.Update(m, new[] { lambda, 0, 0, 1 / lambda }, 0, dt, 343, state, ref r, Span<double>.Empty);
        double exact = Relaxed(n, sigma0, g, law, tEnd);
        Assert.True(r.Cauchy.VonMises > 0);
        return Math.Abs(r.Cauchy.VonMises - exact) / exact;
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void StressRelaxationConvergesAtFirstOrderToTheNortonClosedForm(double n)
    {
        double e1 = RelaxationError(n, 400), e2 = RelaxationError(n, 800), e3 = RelaxationError(n, 1600);
        Assert.True(e3 < 5e-3, $"error {e3}");
        double order = Math.Log2(e2 / e3);
        Assert.InRange(order, 0.9, 1.1);
        Assert.InRange(Math.Log2(e1 / e2), 0.9, 1.1);
    }

    [Fact]
    public void ReturnEquationIsRobustForLongStepsAndHighExponents()
    {
        foreach (double n in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            foreach (double lc in new[] { -700.0, -20, 0, 5, 50, 700, 1e5 })
            {
                double y = MaterialPoint.SolveLogReturn(lc, n);
                Assert.True(double.IsFinite(y) && y <= 0);
                double x = Math.Exp(y);
                double residual = x + Math.Exp(lc + n * y) - 1;
                Assert.True(Math.Abs(residual) < 1e-12, $"n {n} lc {lc}: residual {residual}");
            }
        }
        // a step 1e8 relaxation times long ends with a small, positive stress
        var law = new CreepLaw(1e-3, 10, 100e6);
        var m = new Material("Se", E, Nu, 0, law);
        PointResponse r = default;
        MaterialPoint.Update(m, new[] { 1.05, 0, 0, 1 / 1.05 }, 0, 1e10, 343, PointState.Initial, ref r, new double[16]);
        Assert.True(r.Cauchy.VonMises > 0 && r.Cauchy.VonMises < law.SigmaRef);
    }

    /// <summary>Independent reference: forward RK4 of the creep ODE for a point held in x, free in y, plane strain, swelling.</summary>
    static (double Sxx, double Szz) OdeReference(Material m, Func<double, double> theta, double tEnd, int steps)
    {
        double h = tEnd / steps;
        var c = new double[3];
        double[] Rate(double t, double[] cc)
        {
            var (s, _, _) = Deviator(m, theta(t), cc);
            double se = Math.Sqrt(1.5 * (s[0] * s[0] + s[1] * s[1] + s[2] * s[2]));
            if (se == 0) return new double[3];
            double f = 1.5 * m.Creep!.A * Math.Pow(se / m.Creep.SigmaRef, m.Creep.N) / se;
            return new[] { f * s[0], f * s[1], f * s[2] };
        }
        for (int i = 0; i < steps; i++)
        {
            double t = i * h;
            var k1 = Rate(t, c);
            var k2 = Rate(t + h / 2, Add(c, k1, h / 2));
            var k3 = Rate(t + h / 2, Add(c, k2, h / 2));
            var k4 = Rate(t + h, Add(c, k3, h));
            for (int j = 0; j < 3; j++) c[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
        }
        var (dev, p, ly) = Deviator(m, theta(tEnd), c);
        double js = m.SwellingJacobian(theta(tEnd));
        return (js * (dev[0] + p) / Math.Exp(ly), js * (dev[2] + p) / Math.Exp(ly));
    }

    static (double[] Dev, double Pressure, double Ly) Deviator(Material m, double theta, double[] c)
    {
        double k = m.BulkModulus, g = m.ShearModulus, ls = Math.Log(m.SwellingJacobian(theta));
        double ly = (k * ls + 2 * g * c[1]) / (k + 4 * g / 3);
        double ex = -ls / 3 - c[0], ey = ly - ls / 3 - c[1], ez = -ls / 3 - c[2];
        double tr = ex + ey + ez;
        return (new[] { 2 * g * (ex - tr / 3), 2 * g * (ey - tr / 3), 2 * g * (ez - tr / 3) }, k * tr, ly);
    }

    static double[] Add(double[] a, double[] b, double s) => new[] { a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2] };

    static (double Sxx, double Szz) Integrate(Material m, Func<double, double> theta, double tEnd, int steps)
    {
        double fyy = 1, dt = tEnd / steps;
        var state = PointState.Initial;
        PointResponse r = default;
        for (int i = 1; i <= steps; i++) state = Step(m, 1, ref fyy, true, theta(i * dt), dt, state, out r);
        return (r.Cauchy.Xx, r.Cauchy.Zz);
    }

    static readonly Material Swelling = new("Se", E, Nu, 0.98, new CreepLaw(2e-4, 3, 100e6));

    [Fact]
    public void ConstrainedSwellingPointWithCreepAgreesWithAnIndependentOdeIntegration()
    {
        Func<double, double> theta = t => Math.Min(1, t / 3600);
        var reference = OdeReference(Swelling, theta, 3600, 200000);
        var fe = Integrate(Swelling, theta, 3600, 4000);
        Assert.True(Math.Abs(fe.Sxx - reference.Sxx) < 2e-3 * Math.Abs(reference.Sxx), $"{fe.Sxx} vs {reference.Sxx}");
        Assert.True(Math.Abs(fe.Szz - reference.Szz) < 2e-3 * Math.Abs(reference.Szz), $"{fe.Szz} vs {reference.Szz}");
    }

    [Fact]
    public void CyclingCaseConvergesAtFirstOrderInTheTimeStep()
    {
        // two cycles: 0 -> 1 -> 0.22 -> 1 in 4 h
        Func<double, double> theta = t => t < 3600 ? t / 3600 : t < 7200 ? 1 - 0.78 * (t - 3600) / 3600 : 0.22 + 0.78 * (t - 7200) / 3600;
        var reference = OdeReference(Swelling, theta, 10800, 400000);
        double Error(int steps) => Math.Abs(Integrate(Swelling, theta, 10800, steps).Sxx - reference.Sxx);
        double e1 = Error(600), e2 = Error(1200), e3 = Error(2400);
        Assert.InRange(Math.Log2(e1 / e2), 0.85, 1.15);
        Assert.InRange(Math.Log2(e2 / e3), 0.85, 1.15);
    }

    [Fact]
    public void ArrheniusFactorScalesTheRateAboutTheReferenceTemperature()
    {
        var law = new CreepLaw(1e-5, 3, 100e6, 50e3, 343.15);
        Assert.Equal(1e-5, law.RateAt(343.15), 1e-18);
        double expected = 1e-5 * Math.Exp(-50e3 / CreepLaw.GasConstant * (1 / 298.15 - 1 / 343.15));
        Assert.Equal(expected, law.RateAt(298.15), 1e-12 * expected);
        Assert.True(law.RateAt(298.15) < law.RateAt(343.15));
    }
}
