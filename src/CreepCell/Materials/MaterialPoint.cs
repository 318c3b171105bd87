namespace CreepCell.Materials;

/// <summary>Result of one material-point update.</summary>
internal struct PointResponse
{
    /// <summary>First Piola-Kirchhoff stress, in-plane components (xx, xy, yx, yy), per reference volume.</summary>
    public double P0, P1, P2, P3;
    /// <summary>First Piola-Kirchhoff stress zz: the out-of-plane force per reference area, the conjugate of F33.</summary>
    public double P33;
    /// <summary>Cauchy stress, zz included.</summary>
    public SymTensor Cauchy;
    /// <summary>Equivalent creep strain increment of this step.</summary>
    public double CreepIncrement;
    /// <summary>Current area (per unit thickness) that this quadrature point stands for; set by the element.</summary>
    public double Area;
    /// <summary>
    /// Incremental potential of the step whose derivative is the stress: elastic energy plus, for creep,
    /// the dissipation of the step. The material law writes it per reference volume; the element
    /// multiplies it by the point's reference volume.
    /// </summary>
    public double Energy;
}

/// <summary>
/// The material law, a pure function: (F, lithiation, time step, old state) -> (stress, tangent,
/// new state). F = Fe Fs Fc with Fs = J_s^(1/3) I and F = diag(F_plane, F33), F33 = 1 in plane strain; Hencky elasticity on be = Fe Fe^T in the swollen
/// configuration; Norton J2 creep integrated by the exponential map (Weber-Anand / Simo) with a
/// scalar return equation in log space. The tangent dP/dF is the exact derivative of this algorithm,
/// obtained by running it in <see cref="Dual5"/> arithmetic, which gives the F33 row and column as well.
/// </summary>
internal static class MaterialPoint
{
    /// <summary>The plane-strain update: F33 = 1.</summary>
    public static PointState Update(Material mat, ReadOnlySpan<double> f, double theta, double dt, double temperature,
        in PointState old, ref PointResponse response, Span<double> tangent) =>
        Update(mat, f, 1.0, theta, dt, temperature, old, ref response, tangent, Span<double>.Empty);

    /// <param name="f">in-plane deformation gradient (xx, xy, yx, yy).</param>
    /// <param name="stretch">F33, the out-of-plane stretch.</param>
    /// <param name="tangent">if not empty, receives dP_i/dF_k at [4 i + k] (in-plane i, k).</param>
    /// <param name="stretchTangent">if not empty, receives dP_i/dF33 at [i] (i = 0..3), dP33/dF_k at [4 + k]
    /// and dP33/dF33 at [8].</param>
    public static PointState Update(Material mat, ReadOnlySpan<double> f, double stretch, double theta, double dt, double temperature,
        in PointState old, ref PointResponse response, Span<double> tangent, Span<double> stretchTangent)
    {
        if (tangent.IsEmpty && stretchTangent.IsEmpty)
            return Update<Plain>(mat, f, stretch, theta, dt, temperature, old, ref response, out _);
        var state = Update<Dual5>(mat, f, stretch, theta, dt, temperature, old, ref response, out var p);
        if (!tangent.IsEmpty) WriteTangent(tangent, p.P0, p.P1, p.P2, p.P3);
        if (!stretchTangent.IsEmpty) WriteStretchTangent(stretchTangent, p.P0, p.P1, p.P2, p.P3, p.P33);
        return state;
    }

    /// <summary>The update in the arithmetic T; the stresses P (in-plane and zz) come back in it for the tangent.</summary>
    static PointState Update<T>(Material mat, ReadOnlySpan<double> f, double stretch, double theta, double dt, double temperature,
        in PointState old, ref PointResponse response, out (T P0, T P1, T P2, T P3, T P33) stress) where T : struct, IScalar<T>
    {
        T a = T.Variable(f[0], 0), b = T.Variable(f[1], 1), c = T.Variable(f[2], 2), d = T.Variable(f[3], 3);
        T lambda = T.Variable(stretch, 4);
        double js = mat.SwellingJacobian(theta);
        double js23 = Math.Pow(js, -2.0 / 3.0);
        var cc = old.CreepInverse;

        // Trial elastic left Cauchy-Green tensor be = Js^(-2/3) F Cc^-1 F^T; F33 enters only its zz entry.
        T fc00 = a * cc.Xx + b * cc.Xy, fc01 = a * cc.Xy + b * cc.Yy;
        T fc10 = c * cc.Xx + d * cc.Xy, fc11 = c * cc.Xy + d * cc.Yy;
        T bxx = js23 * (fc00 * a + fc01 * b);
        T byy = js23 * (fc10 * c + fc11 * d);
        T bxy = js23 * (fc00 * c + fc01 * d);
        T bzz = (js23 * cc.Zz) * (lambda * lambda);

        var (exx, eyy, exy) = PlaneLog.Log(bxx, byy, bxy);
        exx = 0.5 * exx; eyy = 0.5 * eyy; exy = 0.5 * exy;
        T ezz = 0.5 * T.Log(bzz);
        T tr = exx + eyy + ezz;
        T mean = (1.0 / 3.0) * tr;
        T sxx = exx - mean, syy = eyy - mean, szz = ezz - mean, sxy = exy;

        double k = mat.BulkModulus, g = mat.ShearModulus;
        T scale = 1.0;
        double creepIncrement = 0;
        if (mat.Creep is { } law && dt > 0)
        {
            T q = 6 * g * g * (sxx * sxx + syy * syy + szz * szz + 2 * sxy * sxy);
            (scale, creepIncrement) = NortonReturn(law, g, dt, temperature, q);
        }
        sxx = scale * sxx; syy = scale * syy; szz = scale * szz; sxy = scale * sxy;

        // Kirchhoff stress per reference volume: tau = (Js / v) (K tr(ee) 1 + 2G dev(ee)), where Js / v is
        // the stress-free volume per reference volume (v = 1 until the mesh is rezoned).
        double jr = js / old.VolumeRatio;
        T p = (jr * k) * tr;
        T txx = p + (2 * jr * g) * sxx, tyy = p + (2 * jr * g) * syy, txy = (2 * jr * g) * sxy;
        T tzz = p + (2 * jr * g) * szz;

        T j = a * d - b * c;
        T p0 = (txx * d - txy * b) / j, p1 = (txy * a - txx * c) / j;
        T p2 = (txy * d - tyy * b) / j, p3 = (tyy * a - txy * c) / j;
        T p33 = tzz / lambda;
        response.P0 = p0.V; response.P1 = p1.V; response.P2 = p2.V; response.P3 = p3.V;
        response.P33 = p33.V;
        double jv = j.V * stretch;
        response.Cauchy = new SymTensor(txx.V / jv, tyy.V / jv, txy.V / jv, tzz.V / jv);
        response.CreepIncrement = creepIncrement;
        double dev2 = sxx.V * sxx.V + syy.V * syy.V + szz.V * szz.V + 2 * sxy.V * sxy.V;
        response.Energy = jr * (0.5 * k * tr.V * tr.V + g * dev2);
        if (creepIncrement > 0) response.Energy += jr * NortonDissipation(mat.Creep!, dt, temperature, creepIncrement);
        stress = (p0, p1, p2, p3, p33);

        if (mat.Creep is null) return old;
        var creepInverse = NewCreepInverse(f, stretch, js, old.VolumeRatio, mean.V, sxx.V, syy.V, sxy.V, szz.V);
        return old with { CreepInverse = creepInverse, CreepStrain = old.CreepStrain + creepIncrement };
    }

    static void WriteTangent(Span<double> t, Dual5 p0, Dual5 p1, Dual5 p2, Dual5 p3)
    {
        for (int kk = 0; kk < 4; kk++)
        {
            t[kk] = p0.D(kk);
            t[4 + kk] = p1.D(kk);
            t[8 + kk] = p2.D(kk);
            t[12 + kk] = p3.D(kk);
        }
    }

    static void WriteStretchTangent(Span<double> t, Dual5 p0, Dual5 p1, Dual5 p2, Dual5 p3, Dual5 p33)
    {
        t[0] = p0.D4; t[1] = p1.D4; t[2] = p2.D4; t[3] = p3.D4;
        for (int kk = 0; kk < 4; kk++) t[4 + kk] = p33.D(kk);
        t[8] = p33.D4;
    }

    /// <summary>
    /// Implicit Norton return: the deviatoric elastic strain scales by x = sigma_e / sigma_e_trial,
    /// where x + c x^n = 1 and c = 3 G dt A_T sigma_tr^(n-1) / sigma_ref^n. Solved for y = ln x, where
    /// the equation is convex and increasing, so Newton from the right converges monotonically for any
    /// n >= 1 and any step length (no overflow: the start keeps c x^n <= 1). The derivative of x with
    /// respect to the trial state comes from one Newton step taken in dual arithmetic at the root.
    /// </summary>
    internal static (T Scale, double Increment) NortonReturn<T>(CreepLaw law, double g, double dt, double temperature, T q) where T : struct, IScalar<T>
    {
        double rate = law.RateAt(temperature) * dt;
        if (q.V <= 0 || rate <= 0) return (1.0, 0);
        T sigmaTrial = T.Sqrt(q);
        if (sigmaTrial.V < 1e-12 * g) return (1.0, 0);
        T lc = Math.Log(3 * g * rate) + (law.N - 1) * T.Log(sigmaTrial) - law.N * Math.Log(law.SigmaRef);
        double y = SolveLogReturn(lc.V, law.N);
        // One Newton step in dual arithmetic at the root gives the implicit derivative dy/d(trial).
        double ey = Math.Exp(y), ecy = Math.Exp(lc.V + law.N * y);
        double slope = ey + law.N * ecy;
        T residual = (T)ey + T.Exp(lc + law.N * y) - 1.0;
        T yDual = (T)y - (1.0 / slope) * residual;
        T x = T.Exp(yDual);
        double increment = sigmaTrial.V * (1 - x.V) / (3 * g);
        return (x, increment);
    }

    /// <summary>
    /// Dissipation of a step with equivalent creep increment dg: dt phi(dg / dt) with the Norton
    /// potential phi(r) = sigma_ref A n / (n + 1) (r / A)^((n + 1) / n). Its derivative in dg is
    /// sigma_ref (dg / (A dt))^(1/n), so minimizing elastic energy plus this over dg is the implicit
    /// Norton return above (Ortiz and Stainier, CMAME 171, 1999).
    /// </summary>
    internal static double NortonDissipation(CreepLaw law, double dt, double temperature, double dg)
    {
        double rate = law.RateAt(temperature) * dt;
        return law.SigmaRef * rate * law.N / (law.N + 1) * Math.Pow(dg / rate, (law.N + 1) / law.N);
    }

    /// <summary>Root y &lt;= 0 of e^y + e^(lc + n y) = 1.</summary>
    internal static double SolveLogReturn(double lc, double n)
    {
        double y = Math.Min(0, -lc / n);
        for (int it = 0; it < 200; it++)
        {
            double ey = Math.Exp(y), ecy = Math.Exp(lc + n * y);
            double r = ey + ecy - 1;
            double dy = r / (ey + n * ecy);
            y -= dy;
            if (Math.Abs(dy) <= 1e-15 * Math.Max(1, Math.Abs(y))) return y;
        }
        throw new InvalidOperationException($"creep return did not converge (ln c = {lc}, n = {n})");
    }

    /// <summary>New Cc^-1 = Js^(2/3) F^-1 exp(2 ee) F^-T with the full F = diag(F_plane, F33), rescaled to
    /// the determinant v^2 of the old one (creep is isochoric; v = 1 until the mesh is rezoned).</summary>
    static SymTensor NewCreepInverse(ReadOnlySpan<double> f, double f33, double js, double v, double mean, double sxx, double syy, double sxy, double szz)
    {
        var (bxx, byy, bxy) = PlaneLog.Exp(2 * (mean + sxx), 2 * (mean + syy), 2 * sxy);
        double bzz = Math.Exp(2 * (mean + szz));
        double j = f[0] * f[3] - f[1] * f[2];
        // F^-1 = [[d, -b], [-c, a]] / J
        double i00 = f[3] / j, i01 = -f[1] / j, i10 = -f[2] / j, i11 = f[0] / j;
        double m00 = i00 * bxx + i01 * bxy, m01 = i00 * bxy + i01 * byy;
        double m10 = i10 * bxx + i11 * bxy, m11 = i10 * bxy + i11 * byy;
        double js23 = Math.Pow(js, 2.0 / 3.0);
        double cxx = js23 * (m00 * i00 + m01 * i01);
        double cxy = js23 * (m00 * i10 + m01 * i11);
        double cyy = js23 * (m10 * i10 + m11 * i11);
        double czz = js23 * bzz / (f33 * f33);
        double det = (cxx * cyy - cxy * cxy) * czz;
        double s = Math.Cbrt(v * v) / Math.Cbrt(det);
        return new SymTensor(s * cxx, s * cyy, s * cxy, s * czz);
    }
}
