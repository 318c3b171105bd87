using CreepCell.Sparse;

namespace CreepCell.Simulation;

internal sealed partial class MechanicsProblem
{
    /// <summary>The Newton direction of one iteration into <see cref="delta"/>: the tangent assembled (with
    /// the contact blocks; its diagonal raised by the share <paramref name="shift"/> if not 0), analysed when
    /// its pattern changed, factorized and solved; under generalized plane strain the bordered system by its
    /// Schur complement.</summary>
    bool SolveLinear(double shift, out string? failure)
    {
        failure = null;
        var a = contactTangent is null ? Assembler.Pattern.WithValues(stiffness) : contactTangent.Assemble(stiffness, dampingScale);
        if (contactTangent is { PatternChanged: true }) analyzed = false;
        if (shift > 0) RaiseDiagonal(a, shift);
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
        if (OutOfPlane.Generalized && !BorderedStep(out failure)) return false;
        for (int i = 0; i < delta.Length; i++) delta[i] = -delta[i];
        return true;
    }

    /// <summary>Every diagonal entry times 1 + <paramref name="shift"/> (the values are those of this
    /// iteration's tangent, assembled again before the next solve).</summary>
    static void RaiseDiagonal(CscMatrix a, double shift)
    {
        for (int j = 0; j < a.Columns; j++)
        {
            int p = a.IndexOf(j, j);
            if (p >= 0) a.Values[p] *= 1 + shift;
        }
    }

    /// <summary>
    /// The Newton step of the bordered system K du + c dl = -r, row^T du + k dl = -r33 from x1 = K^-1 r
    /// (in <see cref="delta"/>) and x2 = K^-1 c: dl = (row^T x1 - r33) / (k - row^T x2), du = -(x1 + x2 dl).
    /// Leaves x1 + x2 dl in <see cref="delta"/> (the caller negates it) and dl in <see cref="deltaStretch"/>.
    /// </summary>
    bool BorderedStep(out string? failure)
    {
        failure = null;
        var column = new double[delta.Length];
        var row = new double[delta.Length];
        for (int d = 0; d < Dofs.DofCount; d++)
            if (Dofs.Equation[d] is var eq and >= 0) { column[eq] = Assembler.StretchColumn[d]; row[eq] = Assembler.StretchRow[d]; }
        var x2 = new double[delta.Length];
        solver.Solve(column, x2);
        double rowX1 = 0, rowX2 = 0;
        for (int i = 0; i < delta.Length; i++) { rowX1 += row[i] * delta[i]; rowX2 += row[i] * x2[i]; }
        double schur = Assembler.StretchStiffness - rowX2;
        // the condensed out-of-plane stiffness of a stable state is positive; zero or less means no minimum along F33
        if (!(schur > 0)) { failure = $"the condensed out-of-plane stiffness is not positive ({schur:E3})"; return false; }
        deltaStretch = (rowX1 - stretchResidual) / schur;
        for (int i = 0; i < delta.Length; i++) delta[i] += x2[i] * deltaStretch;
        return true;
    }
}
