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
        if (!(slope < 0))
        {
            lineSearchFailure = $"the Newton direction does not descend (slope {slope:E3})";
            return false;
        }
        int inadmissible = 0;
        double smallestRise = double.PositiveInfinity;
        var start = lineStart;
        Array.Copy(trialU, start, start.Length);
        double startStretch = trialStretch;
        double alpha = Contact is null ? 1 : Contact.MaxStep(start, FullStep());
        double flat = EnergyRoundoff * energyScale;
        var newResidual = lineResidual;
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
                smallestRise = Math.Min(smallestRise, change);
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
            else inadmissible++;
            alpha *= 0.5;
            Backtracks++;
        }
        lineSearchFailure = $"{inadmissible} of {options.MaxLineSearchSteps + 1} trials inverted an element or closed a contact, " +
            $"the others changed the potential by {smallestRise:E3} or more (slope {slope:E3}, its round-off {flat:E1}, shortest step {2 * alpha:E3})";
        Array.Copy(start, trialU, start.Length);
        trialStretch = startStretch;
        return false;
    }

    /// <summary>Why the last line search failed, for the failure message.</summary>
    string lineSearchFailure = "";

    /// <summary>The Newton step over all dofs (zero on the constrained ones), in <see cref="fullStep"/>.</summary>
    double[] FullStep()
    {
        var du = fullStep;
        for (int d = 0; d < du.Length; d++) du[d] = Dofs.Equation[d] is var eq and >= 0 ? delta[eq] : 0;
        return du;
    }

    /// <summary>The start of a line search, its trial residual and the full step: kept, since every
    /// Newton iteration searches once.</summary>
    readonly double[] lineStart, lineResidual, fullStep;
}
