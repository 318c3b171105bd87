using System.Diagnostics;
using System.Text.Json;
using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Io;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Sparse;
using CreepCell.Tests.Fem;
using Xunit.Abstractions;

namespace CreepCell.Tests.Io;

/// <summary>
/// Independent reading of our VTU files by meshio (Python): counts, cell types, array names and the
/// displacement values must come back as written. Runs only where some python3 can import meshio.
/// </summary>
public class VtuMeshioTests(ITestOutputHelper output)
{
    const string Script = """
        import json, sys
        import meshio
        m = meshio.read(sys.argv[1])
        print(json.dumps({
            "points": int(len(m.points)),
            "cells": int(sum(len(c.data) for c in m.cells)),
            "types": [c.type for c in m.cells],
            "point_data": sorted(m.point_data),
            "cell_data": sorted(m.cell_data),
            "displacement": [float(v) for v in m.point_data["displacement"][:, :2].ravel()],
            "contact_gap": [float(v) for v in m.point_data["contact_gap"].ravel()],
            "phase": [int(v) for c in m.cell_data["phase"] for v in c],
        }))
        """;

    static readonly string[] CellArrays = { "creep_strain", "phase", "pressure", "stress_xx", "stress_xy", "stress_yy", "stress_zz", "von_mises" };

    /// <summary>The first interpreter (PATH python3, then the system one) that imports meshio, or null.</summary>
    static string? MeshioPython()
    {
        foreach (var exe in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                var (code, _) = RunPython(exe, "-c", "import meshio");
                if (code == 0) return exe;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // interpreter not installed under this name
            }
        }
        return null;
    }

    static (int Code, string Out) RunPython(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    internal static (Mesh Mesh, MechanicsProblem Problem) SolvedInclusion(bool quadrilaterals)
    {
        var mesh = quadrilaterals
            ? StructuredMesh.Rectangle(4e-6, 4e-6, 3, 3, ElementType.Quad9, "SE")
            : InclusionMesh.Generate(4e-6, 4e-6, new[] { Inclusion.Circle(new Vec2(2e-6, 2e-6), 1e-6, "SE") }, "MSE",
                new InclusionSizes(1e-6, 0.4e-6) { SecondOrder = true });
        var se = new Material("SE", 10e9, 0.3, 0.05, new CreepLaw(1e-4, 3, 100e6));
        var mse = new Material("MSE", 100e9, 0.25);
        var materials = mesh.RegionNames.Select(n => n == "SE" ? se : mse).ToArray();
        // rollers on the left and bottom only: the body swells freely to the right and up (a nonzero field)
        var dofs = new DofMap(mesh.NodeCount, FemTestKit.Fix(FemTestKit.NodesOf(mesh, "left"), true, false)
            .Concat(FemTestKit.Fix(FemTestKit.NodesOf(mesh, "bottom"), false, true)).DistinctBy(c => c.Item1));
        var p = new MechanicsProblem(mesh, materials, dofs, new double[dofs.DofCount], true, SparseSolvers.Create("builtin", indefinite: true));
        FemTestKit.Solve(p, new LoadState(1, 10, 343), 1, 1e-10);
        return (mesh, p);
    }

    [SkippableTheory]
    [InlineData(false, "triangle6")]
    [InlineData(true, "quad9")]
    public void MeshioReadsCountsArraysAndDisplacementsBack(bool quadrilaterals, string meshioType)
    {
        string? python = MeshioPython();
        Skip.If(python is null, "meshio is not importable by python3 (apt-get install python3-meshio)");
        var (mesh, p) = SolvedInclusion(quadrilaterals);
        using var _ = p;
        string dir = Directory.CreateTempSubdirectory("creepcell-vtu-").FullName;
        string vtu = Path.Combine(dir, "fields.vtu"), script = Path.Combine(dir, "read.py");
        var gap = Enumerable.Range(0, mesh.NodeCount).Select(n => 1e-9 * n).ToArray();
        VtuWriter.Write(vtu, mesh, p.U, p.Assembler.PointOffsets, p.Responses, p.States, new[] { ("contact_gap", gap) });
        File.WriteAllText(script, Script);
        var (code, text) = RunPython(python, script, vtu);
        Assert.True(code == 0, text);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        output.WriteLine($"{python}: {root.GetProperty("points")} points, {root.GetProperty("cells")} cells, types {root.GetProperty("types")}, cell arrays {root.GetProperty("cell_data")}");

        Assert.Equal(mesh.NodeCount, root.GetProperty("points").GetInt32());
        Assert.Equal(mesh.ElementCount, root.GetProperty("cells").GetInt32());
        Assert.All(root.GetProperty("types").EnumerateArray(), t => Assert.Equal(meshioType, t.GetString()));
        Assert.Equal(new[] { "contact_gap", "displacement" }, root.GetProperty("point_data").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.Equal(gap, root.GetProperty("contact_gap").EnumerateArray().Select(x => x.GetDouble()).ToArray());
        Assert.Equal(CellArrays, root.GetProperty("cell_data").EnumerateArray().Select(x => x.GetString()!).ToArray());
        var u = root.GetProperty("displacement").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(p.U.Length, u.Length);
        Assert.True(p.U.Max(Math.Abs) > 0, "the solved field should not be zero");
        for (int i = 0; i < u.Length; i++) Assert.Equal(p.U[i], u[i]);
        var phase = root.GetProperty("phase").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        Assert.Equal(mesh.Region.ToArray(), phase);
    }
}
