using CreepCell.Contact;
using CreepCell.Fem;

namespace CreepCell.Simulation;

internal sealed partial class MechanicsProblem
{
    /// <summary>
    /// Internal (and contact) forces at u, the tangent if wanted, and the incremental potential:
    /// point energies, contact energy, minus the work of the dead loads. False if an element inverts or
    /// a contact distance closes.
    /// </summary>
    bool TryEvaluate(double[] u, double stretch, LoadState load, double loadFactor, double[] force, bool withTangent, out double energy)
    {
        energy = double.NaN;
        // a line-search trial may overshoot F33 through zero: like an inverted element, not a state
        if (!(stretch > 0)) return false;
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Evaluations++;
            Assembler.Assemble(u, stretch, load, States, TrialStates, Responses, force, withTangent ? stiffness : null);
            AssemblySeconds += clock.Elapsed.TotalSeconds;
            if (withTangent) tangentProjected = ContactHessianProjected;
            double contactEnergy = 0;
            var magnitude = Assembler.ForceMagnitude;
            if (Contact is not null)
            {
                Array.Copy(force, beforeContact, force.Length);
                if (!Contact.Evaluate(u, force, withTangent ? ContactHessian : HessianKind.None, out contactEnergy)) return false;
            }
            double sum = 0;
            for (int d = 0; d < force.Length; d++)
            {
                if (Dofs.Equation[d] < 0) continue;
                double m = magnitude[d] + (Contact is null ? 0 : Math.Abs(force[d] - beforeContact[d]));
                sum += m * m;
            }
            ForceMagnitude = Math.Sqrt(sum);
            double stored = 0, work = 0;
            foreach (var r in Responses) stored += r.Energy;
            dampingScale = Contact is not null && load.Dt > 0 ? DampingTime / load.Dt : 0;
            if (dampingScale > 0) stored += BodyDrag.Add(dampingScale, Contact!.NodeModulus, Dofs, U, u, force);
            for (int d = 0; d < u.Length; d++) work += ExternalForce[d] * u[d];
            if (OutOfPlane.Generalized) work += OutOfPlane.Stress * Assembler.OriginalArea * (stretch - 1);
            energy = stored + contactEnergy - loadFactor * work;
            energyScale = stored + contactEnergy + Math.Abs(loadFactor * work);
            return true;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is ElementInversionException))
        {
            return false;
        }
        catch (ElementInversionException)
        {
            return false;
        }
    }

    /// <summary>The residual over the free dofs into <paramref name="r"/> and, under generalized plane strain,
    /// the out-of-plane one, from the last evaluation; returns the norm of both (the latter over a length).</summary>
    double FreeResidual(double[] fint, double loadFactor, double[] r, out double rStretch)
    {
        double sum = 0;
        rStretch = 0;
        if (OutOfPlane.Generalized)
        {
            rStretch = Assembler.StretchForce - loadFactor * OutOfPlane.Stress * Assembler.OriginalArea;
            sum = rStretch / stretchLength * (rStretch / stretchLength);
        }
        for (int d = 0; d < Dofs.DofCount; d++)
        {
            int eq = Dofs.Equation[d];
            if (eq < 0) continue;
            double v = fint[d] - loadFactor * ExternalForce[d];
            r[eq] = v;
            sum += v * v;
        }
        return Math.Sqrt(sum);
    }
}
