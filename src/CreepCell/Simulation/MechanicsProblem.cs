using CreepCell.Contact;
using CreepCell.Fem;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Sparse;

namespace CreepCell.Simulation;

/// <summary>
/// The quasi-static mechanics problem: displacements, committed quadrature states, and the Newton
/// solve of one load step (line search, consistent tangent). States of a step become the committed
/// ones only through <see cref="Commit"/>, after convergence. With a <see cref="ContactModel"/>, its
/// energy gradient and projected Hessian join the residual and the tangent, the tangent pattern grows by
/// the dof blocks of contact pairs (re-analysed only when it grows), and the line search starts from the
/// collision-free step bound.
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
    /// <summary>
    /// Norm over the free dofs of the summed magnitudes of element and contact forces at the last
    /// evaluation: what cancels in the residual, so the scale below which it is round-off. Large creep
    /// strains make the trial elastic strain a difference of large numbers, and this scale grows with them.
    /// </summary>
    public double ForceMagnitude { get; private set; }
    public long TotalIterations { get; private set; }
    public ContactModel? Contact { get; }
    /// <summary>Relative residual below which the contact Hessian is used unprojected.</summary>
    public double ExactContactHessianBelow { get; init; } = 1e-2;
    /// <summary>Symbolic analyses done (one per distinct tangent pattern) and their total time.</summary>
    public int PatternAnalyses { get; private set; }
    public double AnalyzeSeconds { get; private set; }
    /// <summary>Total time of numeric factorizations.</summary>
    public double FactorSeconds { get; private set; }
    /// <summary>Evaluations of forces and potential (one per line-search trial) and the time of their element loops.</summary>
    public long Evaluations { get; private set; }
    public double AssemblySeconds { get; private set; }
    /// <summary>Numeric factorizations of the tangent.</summary>
    public long Factorizations { get; private set; }
    /// <summary>Line-search trials rejected (each one halves the step).</summary>
    public long Backtracks { get; private set; }

    /// <summary>Relative change of the potential below which its difference is taken from the slopes.</summary>
    const double EnergyRoundoff = 1e-9;
    double energyScale, dampingScale;
    /// <summary>Time constant tau of the drag of bodies in contact runs (s); 0 switches it off.</summary>
    public double DampingTime { get; init; } = 1e-2;
    readonly ISymmetricSolver solver;
    readonly double[] stiffness, residual, delta, trialU, trialForce, beforeContact;
    bool analyzed;
    CscMatrix? contactPattern;
    int[] feToContact = Array.Empty<int>();
    int contactVersion = -1;

    public MechanicsProblem(Mesh mesh, Material[] materialOfRegion, DofMap dofs, double[] externalForce, bool fbar, ISymmetricSolver solver,
        ContactModel? contact = null)
    {
        Contact = contact;
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
        beforeContact = new double[dofs.DofCount];
        stiffness = new double[Assembler.Pattern.NonZeros];
        residual = new double[dofs.FreeCount];
        delta = new double[dofs.FreeCount];
        var (lo, hi) = mesh.BoundingBox();
        double size = Math.Max(hi.X - lo.X, hi.Y - lo.Y);
        ForceScale = materialOfRegion.Max(m => m.YoungsModulus) * size * 1e-4;
    }

    public int FreeDofs => Dofs.FreeCount;

    /// <summary>Solves one step; on success U, TrialStates and Responses hold the converged state.</summary>
    public NewtonResult SolveStep(LoadState load, double loadFactor, NewtonOptions options)
    {
        Array.Copy(U, trialU, U.Length);
        for (int i = 0; i < U.Length; i++)
            if (Dofs.IsConstrained(i)) trialU[i] = Dofs.Prescribed[i] * loadFactor;
        var norms = new List<double>();
        var steps = new List<double>();
        double firstNorm = 0;
        double Reference() => Math.Max(Math.Max(firstNorm, ForceScale), ForceMagnitude);
        NewtonResult Result(bool converged, int iterations, string? failure = null) =>
            new(converged, iterations, norms.ToArray(), failure) { Reference = Reference(), StepLengths = steps };
        if (!TryEvaluate(trialU, load, loadFactor, InternalForce, withTangent: true, out double energy))
            return Result(false, 0, Contact is null ? "an element inverted at the start of the step" : "an element inverted or bodies touch at the start of the step");
        double norm = FreeResidual(InternalForce, loadFactor, residual);
        norms.Add(norm);
        firstNorm = norm;
        bool projectAlways = false;
        for (int it = 1; it <= options.MaxIterations; it++)
        {
            // exact contact Hessian near the solution keeps Newton quadratic; projected (PSD) further away
            if (Contact is not null) Contact.ProjectHessian = projectAlways || norm > ExactContactHessianBelow * Reference();
            if (norm <= options.RelativeTolerance * Reference())
            {
                Array.Copy(trialU, U, U.Length);
                return Result(true, it - 1);
            }
            if (!SolveLinear(out string? failure)) return Result(false, it, failure);
            TotalIterations++;
            if (!LineSearch(load, loadFactor, ref norm, ref energy, options, steps))
            {
                if (Contact is not null && !Contact.ProjectHessian)
                {
                    // the exact contact Hessian can be indefinite under strongly pressed contacts: go on with
                    // the projected one, which gives a descent direction, from the current point
                    projectAlways = true;
                    Contact.ProjectHessian = true;
                    if (!TryEvaluate(trialU, load, loadFactor, InternalForce, withTangent: true, out energy)) return Result(false, it, "evaluation failed");
                    norm = FreeResidual(InternalForce, loadFactor, residual);
                    norms.Add(norm);
                    continue;
                }
                // No decrease from a point already far below the reference: round-off floor of the residual.
                // The last evaluation was a rejected trial: the states and forces to commit are those of
                // the accepted point, so it is evaluated again.
                bool floor = norm <= options.StagnationTolerance * Reference()
                    && TryEvaluate(trialU, load, loadFactor, InternalForce, withTangent: false, out energy);
                if (floor) Array.Copy(trialU, U, U.Length);
                return Result(floor, it, floor ? null : "line search found no decrease");
            }
            norms.Add(norm);
            if (!double.IsFinite(norm)) return Result(false, it, "non-finite residual");
            if (Stalled(norms) && norm <= options.StagnationTolerance * Reference())
            {
                // barely moving far below the reference: the floor of a non-smooth contact energy
                Array.Copy(trialU, U, U.Length);
                return Result(true, it);
            }
        }
        bool ok = norm <= options.RelativeTolerance * Reference();
        if (ok) Array.Copy(trialU, U, U.Length);
        return Result(ok, options.MaxIterations, ok ? null : "iteration limit reached");
    }

    /// <summary>Linear tail: less than 25 % decrease over the last 5 iterations.</summary>
    static bool Stalled(List<double> norms) => norms.Count > 5 && norms[^1] > 0.75 * norms[^6];

    /// <summary>Displacements, stresses and energies of the trial state are all finite numbers.</summary>
    public bool TrialIsFinite()
    {
        foreach (double u in U) if (!double.IsFinite(u)) return false;
        foreach (var r in Responses)
            if (!double.IsFinite(r.P0 + r.P1 + r.P2 + r.P3 + r.Cauchy.Xx + r.Cauchy.Yy + r.Cauchy.Zz + r.Cauchy.Xy + r.CreepIncrement + r.Area + r.Energy)) return false;
        return true;
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
        var a = Contact is null ? Assembler.Pattern.WithValues(stiffness) : ContactTangent();
        try
        {
            if (!analyzed)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                solver.Analyze(a);
                analyzed = true;
                PatternAnalyses++;
                AnalyzeSeconds += clock.Elapsed.TotalSeconds;
            }
            var factorClock = System.Diagnostics.Stopwatch.StartNew();
            solver.Factorize(a);
            Factorizations++;
            FactorSeconds += factorClock.Elapsed.TotalSeconds;
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

    /// <summary>FE tangent plus regularization springs and contact Hessians in the widened pattern.</summary>
    CscMatrix ContactTangent()
    {
        var contact = Contact!;
        if (contact.PatternVersion != contactVersion || contactPattern is null)
        {
            (contactPattern, feToContact) = SparsityPattern.WithCouplings(Assembler.Pattern, Dofs, contact.CouplingLists());
            contactVersion = contact.PatternVersion;
            analyzed = false;
        }
        var values = contactPattern.Values;
        Array.Clear(values);
        for (int k = 0; k < feToContact.Length; k++) values[feToContact[k]] += stiffness[k];
        for (int d = 0; d < Dofs.DofCount; d++)
            if (Dofs.Equation[d] is var eq and >= 0) values[contactPattern.IndexOf(eq, eq)] += contact.NodeSpring[d >> 1] + dampingScale * contact.NodeModulus[d >> 1];
        Span<int> nodes = stackalloc int[3];
        foreach (var t in contact.Terms)
        {
            nodes[0] = t.Point; nodes[1] = t.A; nodes[2] = t.B;
            for (int i = 0; i < 6; i++)
            {
                int row = Dofs.Equation[2 * nodes[i >> 1] + (i & 1)];
                if (row < 0) continue;
                for (int j = 0; j < 6; j++)
                {
                    int col = Dofs.Equation[2 * nodes[j >> 1] + (j & 1)];
                    if (col >= 0) values[contactPattern.IndexOf(row, col)] += t.Hessian[6 * i + j];
                }
            }
        }
        return contactPattern;
    }

    /// <summary>
    /// Backtracking (Armijo) on the incremental potential, from the collision-free step bound. The
    /// potential, not the residual norm: the Newton direction of a convex model is a descent direction
    /// of the potential, while the residual can grow on the way, for example when a pair enters the
    /// barrier where its curvature is still zero. A trial that inverts an element or closes a gap counts as a failure.
    /// </summary>
    bool LineSearch(LoadState load, double loadFactor, ref double norm, ref double energy, NewtonOptions options, List<double> steps)
    {
        double slope = 0;
        for (int i = 0; i < delta.Length; i++) slope += residual[i] * delta[i];
        if (!(slope < 0)) return false;
        var start = (double[])trialU.Clone();
        double alpha = Contact is null ? 1 : Contact.MaxStep(start, FullStep());
        double flat = EnergyRoundoff * energyScale;
        var newResidual = new double[residual.Length];
        for (int k = 0; k <= options.MaxLineSearchSteps; k++)
        {
            Array.Copy(start, trialU, start.Length);
            for (int d = 0; d < Dofs.DofCount; d++)
                if (Dofs.Equation[d] is var eq and >= 0) trialU[d] += alpha * delta[eq];
            bool tangent = k == 0;
            if (TryEvaluate(trialU, load, loadFactor, trialForce, tangent, out double trialEnergy))
            {
                double trial = FreeResidual(trialForce, loadFactor, newResidual);
                double change = trialEnergy - energy;
                if (Math.Abs(change) <= flat)
                {
                    // the difference of two large sums has lost its digits: the trapezoidal rule on the
                    // exact slopes at both ends estimates it to third order in the step instead
                    double trialSlope = 0;
                    for (int i = 0; i < delta.Length; i++) trialSlope += newResidual[i] * delta[i];
                    change = 0.5 * alpha * (slope + trialSlope);
                }
                if (change <= 1e-4 * alpha * slope)
                {
                    if (!tangent) TryEvaluate(trialU, load, loadFactor, trialForce, withTangent: true, out trialEnergy);
                    norm = trial;
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
        return false;
    }

    double[] FullStep()
    {
        var du = new double[Dofs.DofCount];
        for (int d = 0; d < du.Length; d++)
            if (Dofs.Equation[d] is var eq and >= 0) du[d] = delta[eq];
        return du;
    }

    /// <summary>
    /// Internal (and contact) forces at u, the tangent if wanted, and the incremental potential:
    /// point energies, contact energy, minus the work of the dead loads. False if an element inverts or
    /// a contact distance closes.
    /// </summary>
    bool TryEvaluate(double[] u, LoadState load, double loadFactor, double[] force, bool withTangent, out double energy)
    {
        energy = double.NaN;
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Evaluations++;
            Assembler.Assemble(u, load, States, TrialStates, Responses, force, withTangent ? stiffness : null);
            AssemblySeconds += clock.Elapsed.TotalSeconds;
            double contactEnergy = 0;
            var magnitude = Assembler.ForceMagnitude;
            if (Contact is not null)
            {
                Array.Copy(force, beforeContact, force.Length);
                if (!Contact.Evaluate(u, force, withTangent, out contactEnergy)) return false;
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
            if (dampingScale > 0) stored += AddDamping(u, force);
            for (int d = 0; d < u.Length; d++) work += ExternalForce[d] * u[d];
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

    /// <summary>
    /// Drag of every body against its position at the start of the step: energy 1/2 (tau / dt) k_n |u - u_n|^2
    /// with k_n = E_body A_n / A_body. A particle pressed into an unstable position (squeezed sideways out
    /// of a contact) releases so little energy per unit of sliding that a quasi-static Newton solve
    /// needs hundreds of iterations to follow it; the drag spreads that slide over a few steps. Its force,
    /// tau E_body times the velocity, is about 1e-2 N/m at the swelling velocities of a 0.1 C cycle (contact forces
    /// are 1-30 N/m).
    /// </summary>
    double AddDamping(double[] u, double[] force)
    {
        double energy = 0;
        var modulus = Contact!.NodeModulus;
        for (int d = 0; d < u.Length; d++)
        {
            if (Dofs.Equation[d] < 0) continue;
            double k = dampingScale * modulus[d >> 1], du = u[d] - U[d];
            force[d] += k * du;
            energy += 0.5 * k * du * du;
        }
        return energy;
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
