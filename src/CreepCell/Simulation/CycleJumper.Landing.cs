namespace CreepCell.Simulation;

/// <summary>Where a jump lands: the plan's state put into the problem and settled into equilibrium, the
/// jump shortened when no equilibrium is found.</summary>
internal sealed partial class CycleJumper
{
    /// <summary>The longest jump within room whose landing finds equilibrium, halving it up to
    /// <see cref="LandingRetries"/> times; null if none (the problem stays at the snapshot).</summary>
    Plan? LandedPlan(MechanicsProblem problem, CycleJumpState jump, CycleSnapshot n, int room, bool scatters)
    {
        for (int attempt = 0; ; attempt++)
        {
            var plan = scatters ? FittedPlan(problem, jump.Recent, room) : ChordPlan(jump.Recent, room);
            if (plan is null) return null;
            if (Land(problem, n, plan)) return plan;
            jump.Log.Add($"cycle {n.Cycle}: the landing of a jump of {plan.Length} cycles found no equilibrium");
            if (attempt == LandingRetries)
            {
                jump.Cap = plan.Length / 2 - spec.FullCyclesBetween;
                return null;
            }
            room = plan.Length / 2;
        }
    }

    /// <summary>Solves the last landing took to its equilibrium (0: none found or none sought).</summary>
    int settleSolves;

    /// <summary>Puts the problem in the landing state of the plan, in equilibrium where a settling solve is
    /// given; false (with the problem back at the snapshot) if none was found.</summary>
    bool Land(MechanicsProblem problem, CycleSnapshot n, Plan plan)
    {
        // F33 lands at the last cycle's value, like the displacements of a chord jump: Newton takes it on from there
        problem.Restore(plan.U ?? n.U, plan.States, problem.TotalIterations, problem.ContactHessianProjected, n.Stretch);
        if (Settle is null) return true;
        settleSolves = Settle(problem, cycleEnd[n.Cycle + plan.Length], n);
        if (settleSolves > 0) return true;
        problem.Restore(n.U, n.States, problem.TotalIterations, problem.ContactHessianProjected, n.Stretch);
        return false;
    }
}
