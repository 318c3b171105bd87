using CreepCell.Fem;

namespace CreepCell.Simulation;

internal sealed partial class MechanicsProblem
{
    /// <summary>
    /// Backtracking (Armijo) on the incremental potential, from the collision-free step bound. The
    /// potential, not the residual norm: the Newton direction of a convex model is a descent direction
    /// of the potential, while the residual can grow on the way, for example when a pair enters the
    /// barrier where its curvature is still zero. A trial that inverts an element or closes a gap counts as a failure.
    /// Under generalized plane strain F33 moves along with U, and its residual (the derivative of the
    /// potential in F33) joins the slopes.
    /// </summary>
    bool LineSearch(LoadState load, double loadFactor, ref double norm, ref double energy, NewtonOptions options, List<double> steps)
    {
        double slope = 0;
        for (int i = 0; i < delta.Length; i++) slope += residual[i] * delta[i];
        bool free = OutOfPlane.Generalized;
        if (free) slope += stretchResidual * deltaStretch;
        ascent = slope > 0;
        if (!(slope < 0)) return false;
        var start = (double[])trialU.Clone();
        double startStretch = trialStretch;
        double alpha = Contact is null ? 1 : Contact.MaxStep(start, FullStep());
        double flat = EnergyRoundoff * energyScale;
        var newResidual = new double[residual.Length];
        for (int k = 0; k <= options.MaxLineSearchSteps; k++)
        {
            Array.Copy(start, trialU, start.Length);
            for (int d = 0; d < Dofs.DofCount; d++)
                if (Dofs.Equation[d] is var eq and >= 0) trialU[d] += alpha * delta[eq];
            if (free) trialStretch = startStretch + alpha * deltaStretch;
            bool tangent = k == 0;
            if (TryEvaluate(trialU, trialStretch, load, loadFactor, trialForce, tangent, out double trialEnergy))
            {
                double trial = FreeResidual(trialForce, loadFactor, newResidual, out double trialStretchResidual);
                double change = trialEnergy - energy;
                if (Math.Abs(change) <= flat)
                {
                    // the difference of two large sums has lost its digits: the trapezoidal rule on the
                    // exact slopes at both ends estimates it to third order in the step instead
                    double trialSlope = 0;
                    for (int i = 0; i < delta.Length; i++) trialSlope += newResidual[i] * delta[i];
                    if (free) trialSlope += trialStretchResidual * deltaStretch;
                    change = 0.5 * alpha * (slope + trialSlope);
                }
                if (change <= 1e-4 * alpha * slope)
                {
                    if (!tangent) TryEvaluate(trialU, trialStretch, load, loadFactor, trialForce, withTangent: true, out trialEnergy);
                    norm = trial;
                    stretchResidual = trialStretchResidual;
                    energy = trialEnergy;
                    steps.Add(alpha);
                    Array.Copy(newResidual, residual, residual.Length);
                    Array.Copy(trialForce, InternalForce, InternalForce.Length);
                    return true;
                }
            }
            alpha *= 0.5;
            Backtracks++;
        }
        Array.Copy(start, trialU, start.Length);
        trialStretch = startStretch;
        return false;
    }

    /// <summary>The last line search failed because its direction climbs the potential.</summary>
    bool ascent;

    /// <summary>Largest multiple of the reversed Newton step that <see cref="Escape"/> tries.</summary>
    const double MaxEscape = 1024;

    /// <summary>
    /// A Newton step of an indefinite tangent that climbs the potential (slope r.du &gt; 0) has negative
    /// curvature along it (du^T K du = -r.du), so its reverse descends, and ever faster: the state sits near
    /// a saddle, typically two pressed boundaries whose vertices are about to slide past each other. The
    /// projected tangent would leave it by steps that grow only by some 10 % per iteration, and the solve
    /// runs out of iterations until the drag of a much shorter step makes the saddle a minimum. The reverse
    /// step is doubled instead while the potential keeps falling and its slope stays negative, within the
    /// collision-free bound. False, with the trial point back where it was, if not even the reverse step
    /// itself lowers the potential.
    /// </summary>
    bool Escape(LoadState load, double loadFactor, ref double norm, ref double energy, List<double> steps)
    {
        for (int i = 0; i < delta.Length; i++) delta[i] = -delta[i];
        deltaStretch = -deltaStretch;
        double slope = Slope(residual, stretchResidual);
        if (!(slope < 0)) return false;
        var start = (double[])trialU.Clone();
        double startStretch = trialStretch, best = 0, bestChange = 0, flat = EnergyRoundoff * energyScale;
        var full = FullStep();
        var newResidual = new double[residual.Length];
        for (double alpha = 1; alpha <= MaxEscape; alpha *= 2)
        {
            if (Contact is not null && Contact.MaxStep(start, Scaled(full, alpha)) < 1) break;
            Move(start, startStretch, alpha);
            if (!TryEvaluate(trialU, trialStretch, load, loadFactor, trialForce, withTangent: false, out double trialEnergy)) break;
            FreeResidual(trialForce, loadFactor, newResidual, out double trialStretchResidual);
            double trialSlope = Slope(newResidual, trialStretchResidual), change = trialEnergy - energy;
            // below the round-off of the potential its change is taken from the slopes, as in the line search
            if (Math.Abs(change) <= flat) change = 0.5 * alpha * (slope + trialSlope);
            if (!(change <= 1e-4 * alpha * slope && change < bestChange)) break;
            (best, bestChange) = (alpha, change);
            if (!(trialSlope < 0)) break;
        }
        Move(start, startStretch, best);
        if (best == 0 || !TryEvaluate(trialU, trialStretch, load, loadFactor, InternalForce, withTangent: true, out energy))
        {
            Move(start, startStretch, 0);
            return false;
        }
        norm = FreeResidual(InternalForce, loadFactor, residual, out stretchResidual);
        steps.Add(-best);
        return true;
    }

    /// <summary>The slope of the potential along the step in <see cref="delta"/> for the residuals r (and r33).</summary>
    double Slope(double[] r, double r33)
    {
        double sum = OutOfPlane.Generalized ? r33 * deltaStretch : 0;
        for (int i = 0; i < delta.Length; i++) sum += r[i] * delta[i];
        return sum;
    }

    /// <summary>The trial point start + alpha du (and F33 with it).</summary>
    void Move(double[] start, double startStretch, double alpha)
    {
        Array.Copy(start, trialU, start.Length);
        for (int d = 0; d < Dofs.DofCount; d++)
            if (Dofs.Equation[d] is var eq and >= 0) trialU[d] += alpha * delta[eq];
        if (OutOfPlane.Generalized) trialStretch = startStretch + alpha * deltaStretch;
    }

    static double[] Scaled(double[] v, double factor) => v.Select(x => x * factor).ToArray();

    double[] FullStep()
    {
        var du = new double[Dofs.DofCount];
        for (int d = 0; d < du.Length; d++)
            if (Dofs.Equation[d] is var eq and >= 0) du[d] = delta[eq];
        return du;
    }
}
