using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Fem;

/// <summary>A trial displacement turned an element inside out (J &lt;= 0 at a quadrature point).</summary>
internal sealed class ElementInversionException : Exception
{
    public ElementInversionException() : base("an element was inverted (J <= 0)") { }
}

/// <summary>Per-element input of the kernel: geometry, displacements, material, loading.</summary>
internal readonly ref struct ElementInput
{
    public readonly ReferenceElement Ref;
    public readonly ReadOnlySpan<double> X;     // reference coordinates, x0 y0 x1 y1 ...
    public readonly ReadOnlySpan<double> U;     // displacements, same layout
    public readonly Material Material;
    public readonly bool Fbar;
    public readonly double Theta, Dt, Temperature;
    /// <summary>F33, one value for the whole model (1 in plane strain).</summary>
    public readonly double Stretch;
    /// <summary>F33 is an unknown (generalized plane strain): the element adds its out-of-plane force and couplings.</summary>
    public readonly bool StretchFree;

    public ElementInput(ReferenceElement re, ReadOnlySpan<double> x, ReadOnlySpan<double> u, Material material, bool fbar,
        double theta, double dt, double temperature, double stretch = 1, bool stretchFree = false)
    {
        Ref = re; X = x; U = u; Material = material; Fbar = fbar; Theta = theta; Dt = dt; Temperature = temperature;
        Stretch = stretch; StretchFree = stretchFree;
    }
}

/// <summary>
/// Total-Lagrangian plane-strain element with the F-bar treatment of the volume:
/// Fbar_q = sqrt(Jbar_q / J_q) F_q in plane. Jbar_q is the L2 projection of J over the element onto
/// constants for Tri3/Quad4/Tri6 (mean dilatation, Q1/P0) and onto {1, xi, eta} for Quad8/Quad9
/// (Q2/P1disc, which keeps full order for 9-node quadrilaterals). The residual and tangent are the
/// exact first and second derivatives of sum_q w_q W(Fbar_q), so the tangent is symmetric whenever
/// dP/dF is (de Souza Neto, Peric and Owen, Computational Methods for Plasticity, ch. 15; projected
/// dilatation: Simo, Taylor and Pister, CMAME 51, 1985). Under generalized plane strain F33 is one
/// model-wide unknown beside the displacements; F-bar acts in plane only, since a uniform F33 cannot lock.
/// </summary>
internal static partial class ElementKernel
{
    /// <summary>Fills ws.Residual and (if wanted) ws.Stiffness; writes new states and responses per point.</summary>
    public static void Compute(in ElementInput input, ElementWorkspace ws, ReadOnlySpan<PointState> oldStates,
        Span<PointState> newStates, Span<PointResponse> responses, bool wantStiffness)
    {
        var re = input.Ref;
        int nn = re.NodeCount, nd = 2 * nn, nq = re.PointCount;
        double v0 = Kinematics(input, ws);
        bool linear = input.Fbar && ProjectsLinearly(re.Type);
        if (linear) JProjection.Linear(re, ws.Volume0, ws.Projection);
        int rows = linear ? nq : 1;
        VolumeDerivatives(ws, nn, nq, rows, v0, linear, wantStiffness && input.Fbar);

        var res = ws.Residual.AsSpan(0, nd);
        res.Clear();
        var k = ws.Stiffness.AsSpan(0, nd * nd);
        if (wantStiffness) k.Clear();
        ws.ClearStretch(nd);
        bool stretchTangent = wantStiffness && input.StretchFree;
        for (int q = 0; q < nq; q++)
        {
            int row = linear ? q : 0;
            double s = FbarScale(input.Fbar, ws, q, row);
            var f = ws.F.AsSpan(4 * q, 4);
            for (int i = 0; i < 4; i++) ws.Fbar[i] = s * f[i];
            newStates[q] = MaterialPoint.Update(input.Material, ws.Fbar, input.Stretch, input.Theta, input.Dt, input.Temperature,
                oldStates[q], ref ws.Response, wantStiffness ? ws.Tangent : Span<double>.Empty,
                stretchTangent ? ws.StretchTangent : Span<double>.Empty);
            ws.Response.Area = ws.Volume0[q] * ws.J[q];
            ws.Response.Energy *= ws.Volume0[q];
            responses[q] = ws.Response;
            PointContribution(input.Fbar, ws, q, row, nn, s, wantStiffness);
            if (input.StretchFree) StretchContribution(ws, q, nd, oldStates[q].VolumeRatio, stretchTangent);
        }
        if (wantStiffness) MirrorUpper(k, nd);
    }

    /// <summary>
    /// Adds one point's share of the out-of-plane force dv P33, of the original area dv / v (the area the
    /// point stood for before any rezoning, on which a prescribed out-of-plane stress acts), and of the
    /// bordering entries: dR_u/dF33 = dv B^T dP/dF33, dR33/du = dv dP33/dFbar B, dR33/dF33 = dv dP33/dF33.
    /// Reads the B of <see cref="PointContribution"/>.
    /// </summary>
    static void StretchContribution(ElementWorkspace ws, int q, int nd, double volumeRatio, bool wantStiffness)
    {
        double dv = ws.Volume0[q];
        ws.StretchForce += dv * ws.Response.P33;
        ws.OriginalArea += dv / volumeRatio;
        if (!wantStiffness) return;
        var t = ws.StretchTangent;
        ws.StretchStiffness += dv * t[8];
        for (int i = 0; i < nd; i++)
        {
            double b0 = ws.B[4 * i], b1 = ws.B[4 * i + 1], b2 = ws.B[4 * i + 2], b3 = ws.B[4 * i + 3];
            ws.StretchColumn[i] += dv * (b0 * t[0] + b1 * t[1] + b2 * t[2] + b3 * t[3]);
            ws.StretchRow[i] += dv * (b0 * t[4] + b1 * t[5] + b2 * t[6] + b3 * t[7]);
        }
    }

    /// <summary>The deformation gradient each point hands to its material law (F-bar where on), at [4 q + i].</summary>
    public static void PointDeformations(in ElementInput input, ElementWorkspace ws, Span<double> f)
    {
        var re = input.Ref;
        int nn = re.NodeCount, nq = re.PointCount;
        double v0 = Kinematics(input, ws);
        bool linear = input.Fbar && ProjectsLinearly(re.Type);
        if (linear) JProjection.Linear(re, ws.Volume0, ws.Projection);
        VolumeDerivatives(ws, nn, nq, linear ? nq : 1, v0, linear, false);
        for (int q = 0; q < nq; q++)
        {
            double s = FbarScale(input.Fbar, ws, q, linear ? q : 0);
            for (int i = 0; i < 4; i++) f[4 * q + i] = s * ws.F[4 * q + i];
        }
    }

    /// <summary>Fbar_q = sqrt(Jbar_row / J_q) F_q: the factor (1 without F-bar).</summary>
    static double FbarScale(bool fbar, ElementWorkspace ws, int q, int row) => fbar ? Math.Sqrt(ws.Jbar[row] / ws.J[q]) : 1.0;

    /// <summary>Gradients dN/dX, reference volumes and F at the points; returns the element's reference volume.</summary>
    static double Kinematics(in ElementInput input, ElementWorkspace ws)
    {
        var re = input.Ref;
        int nn = re.NodeCount;
        double v0 = 0;
        for (int q = 0; q < re.PointCount; q++)
        {
            double j00 = 0, j01 = 0, j10 = 0, j11 = 0;
            int dBase = q * nn * 2;
            for (int a = 0; a < nn; a++)
            {
                double dxi = re.DN[dBase + 2 * a], deta = re.DN[dBase + 2 * a + 1];
                j00 += input.X[2 * a] * dxi; j01 += input.X[2 * a] * deta;
                j10 += input.X[2 * a + 1] * dxi; j11 += input.X[2 * a + 1] * deta;
            }
            double det = j00 * j11 - j01 * j10;
            if (!(det > 0)) throw new InvalidOperationException("element with non-positive reference Jacobian (inverted or degenerate)");
            ws.Volume0[q] = re.Weights[q] * det;
            v0 += ws.Volume0[q];
            double f00 = 1, f01 = 0, f10 = 0, f11 = 1;
            for (int a = 0; a < nn; a++)
            {
                double dxi = re.DN[dBase + 2 * a], deta = re.DN[dBase + 2 * a + 1];
                double gx = (j11 * dxi - j10 * deta) / det, gy = (-j01 * dxi + j00 * deta) / det;
                ws.GradN[dBase + 2 * a] = gx; ws.GradN[dBase + 2 * a + 1] = gy;
                double ux = input.U[2 * a], uy = input.U[2 * a + 1];
                f00 += ux * gx; f01 += ux * gy; f10 += uy * gx; f11 += uy * gy;
            }
            ws.F[4 * q] = f00; ws.F[4 * q + 1] = f01; ws.F[4 * q + 2] = f10; ws.F[4 * q + 3] = f11;
            ws.J[q] = f00 * f11 - f01 * f10;
            if (!(ws.J[q] > 0)) throw new ElementInversionException();
        }
        return v0;
    }

    /// <summary>
    /// Quadratic quadrilaterals project J linearly; the others use the element mean. For Tri6 the
    /// three-point rule makes the linear projection an interpolation (Jbar_q = J_q), i.e. the standard
    /// element: Cook's membrane 8x8 gives 7.21 against 7.95 with the mean (converged value about 7.7).
    /// </summary>
    public static bool ProjectsLinearly(ElementType type) => type is ElementType.Quad8 or ElementType.Quad9;

    /// <summary>
    /// dJ/du per point, and per projected row r the values Jbar_r = sum_p P_rp J_p, dJbar_r/du and
    /// d2Jbar_r/du2 (one row, the volume average, unless <paramref name="linear"/>).
    /// </summary>
    static void VolumeDerivatives(ElementWorkspace ws, int nn, int nq, int rows, double v0, bool linear, bool second)
    {
        const int MD = ElementWorkspace.MaxDofs, MP = ElementWorkspace.MaxPoints;
        int nd = 2 * nn;
        if (!linear)
            for (int p = 0; p < nq; p++) ws.Projection[p] = ws.Volume0[p] / v0;
        for (int r = 0; r < rows; r++)
        {
            ws.Jbar[r] = 0;
            ws.DJbar.AsSpan(r * MD, nd).Clear();
            if (second) ws.DDJbar.AsSpan(r * MD * MD, nd * nd).Clear();
        }
        for (int p = 0; p < nq; p++)
        {
            double a = ws.F[4 * p], b = ws.F[4 * p + 1], c = ws.F[4 * p + 2], d = ws.F[4 * p + 3];
            int g = p * nn * 2;
            for (int n = 0; n < nn; n++)
            {
                double gx = ws.GradN[g + 2 * n], gy = ws.GradN[g + 2 * n + 1];
                // cofactor of F: [[d, -c], [-b, a]]
                ws.DJ[p * MD + 2 * n] = d * gx - c * gy;
                ws.DJ[p * MD + 2 * n + 1] = -b * gx + a * gy;
            }
            for (int r = 0; r < rows; r++)
            {
                double w = ws.Projection[r * MP + p];
                ws.Jbar[r] += w * ws.J[p];
                for (int i = 0; i < nd; i++) ws.DJbar[r * MD + i] += w * ws.DJ[p * MD + i];
                if (second) AddSecondDerivative(ws, nn, g, w, ws.DDJbar.AsSpan(r * MD * MD, nd * nd));
            }
        }
    }

    /// <summary>Adds w d2J_p/du2 (only x/y pairs: J is bilinear in F).</summary>
    static void AddSecondDerivative(ElementWorkspace ws, int nn, int g, double w, Span<double> target)
    {
        int nd = 2 * nn;
        for (int m = 0; m < nn; m++)
        {
            double mx = ws.GradN[g + 2 * m], my = ws.GradN[g + 2 * m + 1];
            for (int n = 0; n < nn; n++)
            {
                double cross = w * (mx * ws.GradN[g + 2 * n + 1] - my * ws.GradN[g + 2 * n]);
                target[(2 * m) * nd + 2 * n + 1] += cross;
                target[(2 * m + 1) * nd + 2 * n] -= cross;
            }
        }
    }
}
