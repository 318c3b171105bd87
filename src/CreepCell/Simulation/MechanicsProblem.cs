using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Sparse;

namespace CreepCell.Simulation;

/// <summary>
/// The quasi-static mechanics problem: displacements, committed quadrature states, and the Newton
/// solve of one load step (line search, consistent tangent). States of a step become the committed
/// ones only through <see cref="Commit"/>, after convergence.
/// </summary>
public sealed class MechanicsProblem : IDisposable
{
    public Mesh Mesh { get; }
    public DofMap Dofs { get; }
    public Assembler Assembler { get; }
    public Material[] MaterialOfRegion { get; }
    /// <summary>Dead external forces for a unit load factor, all dofs.</summary>
    public double[] ExternalForce { get; }
    public double[] U { get; }
    public PointState[] States { get; private set; }
    public PointState[] TrialStates { get; private set; }
    public PointResponse[] Responses { get; }
    public double[] InternalForce { get; }
    public double ForceScale { get; }
    public long TotalIterations { get; private set; }

    readonly ISymmetricSolver solver;
    readonly double[] stiffness, residual, delta, trialU, trialForce;
    bool analyzed;

    public MechanicsProblem(Mesh mesh, Material[] materialOfRegion, DofMap dofs, double[] externalForce, bool fbar, ISymmetricSolver solver)
    {
        Mesh = mesh;
        MaterialOfRegion = materialOfRegion;
        Dofs = dofs;
        ExternalForce = externalForce;
        Assembler = new Assembler(mesh, materialOfRegion, dofs, fbar);
        this.solver = solver;
        U = new double[dofs.DofCount];
        States = Assembler.InitialStates();
        TrialStates = Assembler.InitialStates();
        Responses = new PointResponse[Assembler.PointCount];
        InternalForce = new double[dofs.DofCount];
        trialForce = new double[dofs.DofCount];
        trialU = new double[dofs.DofCount];
        stiffness = new double[Assembler.Pattern.NonZeros];
        residual = new double[dofs.FreeCount];
        delta = new double[dofs.FreeCount];
        var (lo, hi) = mesh.BoundingBox();
        double size = Math.Max(hi.X - lo.X, hi.Y - lo.Y);
        ForceScale = materialOfRegion.Max(m => m.YoungsModulus) * size * 1e-6;
    }

    public int FreeDofs => Dofs.FreeCount;

    /// <summary>Solves one step; on success U, TrialStates and Responses hold the converged state.</summary>
    public NewtonResult SolveStep(LoadState load, double loadFactor, NewtonOptions options)
    {
        Array.Copy(U, trialU, U.Length);
        for (int i = 0; i < U.Length; i++)
            if (Dofs.IsConstrained(i)) trialU[i] = Dofs.Prescribed[i] * loadFactor;
        var norms = new List<double>();
        if (!TryEvaluate(trialU, load, InternalForce, withTangent: true))
            return new NewtonResult(false, 0, norms.ToArray(), "an element inverted at the start of the step");
        double norm = FreeResidual(InternalForce, loadFactor, residual);
        norms.Add(norm);
        double reference = Math.Max(norm, ForceScale);
        for (int it = 1; it <= options.MaxIterations; it++)
        {
            if (norm <= options.RelativeTolerance * reference)
            {
                Array.Copy(trialU, U, U.Length);
                return new NewtonResult(true, it - 1, norms.ToArray());
            }
            if (!SolveLinear(out string? failure)) return new NewtonResult(false, it, norms.ToArray(), failure);
            TotalIterations++;
            if (!LineSearch(load, loadFactor, ref norm, options))
            {
                // No decrease from a point already far below the reference: round-off floor of the residual.
                bool floor = norm <= options.StagnationTolerance * reference;
                if (floor) Array.Copy(trialU, U, U.Length);
                return new NewtonResult(floor, it, norms.ToArray(), floor ? null : "line search found no decrease");
            }
            norms.Add(norm);
            if (!double.IsFinite(norm)) return new NewtonResult(false, it, norms.ToArray(), "non-finite residual");
        }
        bool ok = norm <= options.RelativeTolerance * reference;
        if (ok) Array.Copy(trialU, U, U.Length);
        return new NewtonResult(ok, options.MaxIterations, norms.ToArray(), ok ? null : "iteration limit reached");
    }

    /// <summary>Makes the trial states of the converged step the committed ones.</summary>
    public void Commit() => (States, TrialStates) = (TrialStates, States);

    /// <summary>Restores a saved state (checkpoint): displacements and committed quadrature states.</summary>
    public void Restore(double[] u, PointState[] states, long iterations)
    {
        if (u.Length != U.Length || states.Length != States.Length) throw new ArgumentException("saved state does not fit this model");
        Array.Copy(u, U, U.Length);
        Array.Copy(states, States, States.Length);
        TotalIterations = iterations;
    }

    bool SolveLinear(out string? failure)
    {
        failure = null;
        var a = Assembler.Pattern.WithValues(stiffness);
        try
        {
            if (!analyzed) { solver.Analyze(a); analyzed = true; }
            solver.Factorize(a);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = "linear solve failed: " + e.Message;
            return false;
        }
        solver.Solve(residual, delta);
        for (int i = 0; i < delta.Length; i++) delta[i] = -delta[i];
        return true;
    }

    /// <summary>Backtracking on the residual norm; a trial that inverts an element counts as a failure.</summary>
    bool LineSearch(LoadState load, double loadFactor, ref double norm, NewtonOptions options)
    {
        double alpha = 1;
        var start = (double[])trialU.Clone();
        var newResidual = new double[residual.Length];
        for (int k = 0; k <= options.MaxLineSearchSteps; k++)
        {
            Array.Copy(start, trialU, start.Length);
            for (int d = 0; d < Dofs.DofCount; d++)
                if (Dofs.Equation[d] is var eq and >= 0) trialU[d] += alpha * delta[eq];
            if (TryEvaluate(trialU, load, trialForce, withTangent: true))
            {
                double trial = FreeResidual(trialForce, loadFactor, newResidual);
                if (trial < (1 - 1e-4 * alpha) * norm || (k == options.MaxLineSearchSteps && trial < norm) || alpha == 1 && trial <= norm * 1.0000001)
                {
                    norm = trial;
                    Array.Copy(newResidual, residual, residual.Length);
                    Array.Copy(trialForce, InternalForce, InternalForce.Length);
                    return true;
                }
            }
            alpha *= 0.5;
        }
        Array.Copy(start, trialU, start.Length);
        return false;
    }

    bool TryEvaluate(double[] u, LoadState load, double[] force, bool withTangent)
    {
        try
        {
            Assembler.Assemble(u, load, States, TrialStates, Responses, force, withTangent ? stiffness : null);
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

    double FreeResidual(double[] fint, double loadFactor, double[] r)
    {
        double sum = 0;
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

    public void Dispose() => solver.Dispose();
}
