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
/// collision-free step bound. Under generalized plane strain the out-of-plane stretch F33 is one more
/// unknown: the bordered system [K c; r^T k] is solved by its Schur complement with two solves of the one
/// factorization of K, so the step stays the exact Newton step.
/// </summary>
internal sealed partial class MechanicsProblem : IDisposable
{
    public Mesh Mesh { get; }
    public DofMap Dofs { get; }
    public Assembler Assembler { get; }
    public Material[] MaterialOfRegion { get; }
    /// <summary>Dead external forces for a unit load factor, all dofs.</summary>
    public double[] ExternalForce { get; }
    public double[] U { get; }
    /// <summary>The out-of-plane condition (plane strain unless the case asks for generalized plane strain).</summary>
    public OutOfPlane OutOfPlane { get; }
    /// <summary>F33 of the current solution: 1 in plane strain; under generalized plane strain it is solved
    /// with U, taken over on convergence like U and put back by the stepper on a cut-back.</summary>
    public double Stretch { get; internal set; } = 1;
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
    /// <summary>
    /// The kind of contact Hessian the next tangent takes: projected (IPC's choice, robust far from the
    /// solution) or exact (quadratic convergence near it). The Newton loop chooses it from the residual;
    /// a step starts with the kind its predecessor ended with, so a checkpoint keeps it.
    /// </summary>
    public bool ContactHessianProjected { get; private set; } = true;
    HessianKind ContactHessian => ContactHessianProjected ? HessianKind.Projected : HessianKind.Exact;
    /// <summary>The kind of contact Hessian in the tangent of the last evaluation with a tangent: the one the
    /// next Newton direction is solved with.</summary>
    bool tangentProjected = true;
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
    /// <summary>Iterations solved with the tangent's diagonal raised, after a direction that did not descend.</summary>
    public long ShiftedIterations { get; private set; }
    /// <summary>The first and largest share of its diagonal added to an indefinite tangent.</summary>
    const double FirstShift = 1e-3, LargestShift = 1;

    /// <summary>Relative change of the potential below which its difference is taken from the slopes.</summary>
    const double EnergyRoundoff = 1e-9;
    double energyScale, dampingScale;
    /// <summary>Time constant tau of the drag of bodies in contact runs (s); 0 switches it off.</summary>
    public double DampingTime { get; init; } = 1e-2;
    readonly ISymmetricSolver solver;
    readonly double[] stiffness, residual, delta, trialU, trialForce, beforeContact;
    bool analyzed;
    /// <summary>F33 of the iteration, its Newton increment, and the out-of-plane residual there (net force
    /// minus the prescribed one).</summary>
    double trialStretch = 1, deltaStretch, stretchResidual;
    /// <summary>Length that turns the out-of-plane residual (a force times a length, per unit thickness) into a force for the norm.</summary>
    readonly double stretchLength;
    readonly ContactTangent? contactTangent;

    public MechanicsProblem(Mesh mesh, Material[] materialOfRegion, DofMap dofs, double[] externalForce, bool fbar, ISymmetricSolver solver,
        ContactModel? contact = null, OutOfPlane? outOfPlane = null)
    {
        Contact = contact;
        OutOfPlane = outOfPlane ?? OutOfPlane.PlaneStrain;
        Mesh = mesh;
        MaterialOfRegion = materialOfRegion;
        Dofs = dofs;
        ExternalForce = externalForce;
        Assembler = new Assembler(mesh, materialOfRegion, dofs, fbar, OutOfPlane.Generalized);
        if (contact is not null) contactTangent = new ContactTangent(contact, Assembler, dofs);
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
        (lineStart, fullStep, lineResidual) = (new double[dofs.DofCount], new double[dofs.DofCount], new double[dofs.FreeCount]);
        var (lo, hi) = mesh.BoundingBox();
        double size = Math.Max(hi.X - lo.X, hi.Y - lo.Y);
        ForceScale = materialOfRegion.Max(m => m.YoungsModulus) * size * 1e-4;
        stretchLength = size;
    }

    public int FreeDofs => Dofs.FreeCount;

    /// <summary>Solves one step; on success U, TrialStates and Responses hold the converged state.</summary>
    public NewtonResult SolveStep(LoadState load, double loadFactor, NewtonOptions options)
    {
        Array.Copy(U, trialU, U.Length);
        trialStretch = Stretch;
        for (int i = 0; i < U.Length; i++)
            if (Dofs.IsConstrained(i)) trialU[i] = Dofs.Prescribed[i] * loadFactor;
        var norms = new List<double>();
        var steps = new List<double>();
        double firstNorm = 0;
        double Reference() => Math.Max(Math.Max(firstNorm, ForceScale), ForceMagnitude);
        NewtonResult Result(bool converged, int iterations, string? failure = null) =>
            new(converged, iterations, norms.ToArray(), failure) { Reference = Reference(), StepLengths = steps };
        if (!TryEvaluate(trialU, trialStretch, load, loadFactor, InternalForce, withTangent: true, out double energy))
            return Result(false, 0, Contact is null ? "an element inverted at the start of the step" : "an element inverted or bodies touch at the start of the step");
        double norm = FreeResidual(InternalForce, loadFactor, residual, out stretchResidual);
        norms.Add(norm);
        firstNorm = norm;
        bool projectNext = false;
        double shift = 0;
        for (int it = 1; it <= options.MaxIterations; it++)
        {
            // exact contact Hessian near the solution keeps Newton quadratic; projected (PSD) further away
            if (Contact is not null) ContactHessianProjected = projectNext || norm > ExactContactHessianBelow * Reference();
            projectNext = false;
            if (norm <= options.RelativeTolerance * Reference())
            {
                TakeTrial();
                return Result(true, it - 1);
            }
            if (!SolveLinear(shift, out string? failure)) return Result(false, it, failure);
            TotalIterations++;
            double usedShift = shift;
            shift = 0;
            if (!LineSearch(load, loadFactor, ref norm, ref energy, options, steps))
            {
                // The exact contact Hessian can be indefinite under strongly pressed contacts: one iteration
                // with the projected one, which gives a descent direction, then the exact one again (kept
                // projected for the rest of the step, Newton only converged linearly: FeS took 60 % more
                // iterations). The tangent's kind is that of the evaluation it came from, not the one chosen
                // above for the next evaluation: after a residual jump the flag says projected while the
                // direction came from the exact Hessian. The element tangent can be indefinite too, where the
                // stresses are high against the stiffness (their initial-stress term, a Hencky solid far from
                // its reference): then the tangent's diagonal is raised by a growing share until the direction
                // descends.
                bool projectContact = Contact is not null && !tangentProjected;
                double nextShift = usedShift == 0 ? FirstShift : 10 * usedShift;
                bool shiftTangent = !projectContact && nextShift <= LargestShift && norm > options.StagnationTolerance * Reference();
                if (projectContact || shiftTangent)
                {
                    projectNext = true;
                    ContactHessianProjected = true;
                    if (shiftTangent) (shift, ShiftedIterations) = (nextShift, ShiftedIterations + 1);
                    if (!TryEvaluate(trialU, trialStretch, load, loadFactor, InternalForce, withTangent: true, out energy)) return Result(false, it, "evaluation failed");
                    norm = FreeResidual(InternalForce, loadFactor, residual, out stretchResidual);
                    norms.Add(norm);
                    continue;
                }
                // No decrease from a point already far below the reference: round-off floor of the residual.
                // The last evaluation was a rejected trial: the states and forces to commit are those of
                // the accepted point, so it is evaluated again.
                bool floor = norm <= options.StagnationTolerance * Reference()
                    && TryEvaluate(trialU, trialStretch, load, loadFactor, InternalForce, withTangent: false, out energy);
                if (floor) TakeTrial();
                return Result(floor, it, floor ? null : $"line search found no decrease: {lineSearchFailure}");
            }
            norms.Add(norm);
            if (!double.IsFinite(norm)) return Result(false, it, "non-finite residual");
            if (Stalled(norms) && norm <= options.StagnationTolerance * Reference())
            {
                // barely moving far below the reference: the floor of a non-smooth contact energy
                TakeTrial();
                return Result(true, it);
            }
        }
        bool ok = norm <= options.RelativeTolerance * Reference();
        if (ok) TakeTrial();
        return Result(ok, options.MaxIterations, ok ? null : "iteration limit reached");
    }

    void TakeTrial()
    {
        Array.Copy(trialU, U, U.Length);
        Stretch = trialStretch;
    }

    /// <summary>Linear tail: less than 25 % decrease over the last 5 iterations.</summary>
    static bool Stalled(List<double> norms) => norms.Count > 5 && norms[^1] > 0.75 * norms[^6];

    /// <summary>Displacements, stresses and energies of the trial state are all finite numbers.</summary>
    public bool TrialIsFinite()
    {
        foreach (double u in U) if (!double.IsFinite(u)) return false;
        if (!double.IsFinite(Stretch)) return false;
        foreach (var r in Responses)
            if (!double.IsFinite(r.P0 + r.P1 + r.P2 + r.P3 + r.P33 + r.Cauchy.Xx + r.Cauchy.Yy + r.Cauchy.Zz + r.Cauchy.Xy + r.CreepIncrement + r.Area + r.Energy)) return false;
        return true;
    }

    /// <summary>Makes the trial states of the converged step the committed ones.</summary>
    public void Commit() => (States, TrialStates) = (TrialStates, States);

    /// <summary>Restores a saved state (checkpoint): displacements, out-of-plane stretch and committed quadrature states.</summary>
    public void Restore(double[] u, PointState[] states, long iterations, bool contactHessianProjected = true, double stretch = 1)
    {
        ContactHessianProjected = contactHessianProjected;
        if (!OutOfPlane.Generalized && stretch != 1) throw new ArgumentException("a stretch F33 other than 1 does not fit a plane-strain model");
        Stretch = stretch;
        if (u.Length != U.Length || states.Length != States.Length) throw new ArgumentException("saved state does not fit this model");
        Array.Copy(u, U, U.Length);
        Array.Copy(states, States, States.Length);
        TotalIterations = iterations;
    }

    public void Dispose() => solver.Dispose();
}
