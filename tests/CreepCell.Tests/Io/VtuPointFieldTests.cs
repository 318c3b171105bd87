using System.Globalization;
using System.Xml.Linq;
using CreepCell.Fem;
using CreepCell.Io;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Simulation;
using CreepCell.Sparse;

namespace CreepCell.Tests.Io;

/// <summary>Point fields (the contact pressure and gap) land in the VTU's PointData, value for value.</summary>
public class VtuPointFieldTests
{
    [Fact]
    public void PointFieldsAreWrittenAfterTheDisplacementWithTheirValues()
    {
        var mesh = StructuredMesh.Rectangle(2e-6, 1e-6, 2, 1, ElementType.Tri6, "Se");
        var material = new Material("Se", 10e9, 0.3);
        var dofs = new DofMap(mesh.NodeCount, new[] { (0, 0.0), (1, 0.0), (3, 0.0) });
        using var p = new MechanicsProblem(mesh, new[] { material }, dofs, new double[dofs.DofCount], true, SparseSolvers.Create("builtin", indefinite: true));
        var pressure = Enumerable.Range(0, mesh.NodeCount).Select(n => 1e6 * n + 0.125).ToArray();
        var gap = Enumerable.Range(0, mesh.NodeCount).Select(n => 1e-9 * (n % 3)).ToArray();
        string path = Path.Combine(Directory.CreateTempSubdirectory("creepcell-vtu-").FullName, "f.vtu");
        VtuWriter.Write(path, mesh, p.U, p.Assembler.PointOffsets, p.Responses, p.States, new[] { ("contact_pressure", pressure), ("contact_gap", gap) },
            new VtuOptions(VtuEncoding.Ascii));

        var arrays = XDocument.Load(path).Descendants("PointData").Single().Elements("DataArray").ToList();
        Assert.Equal(new[] { "displacement", "contact_pressure", "contact_gap" }, arrays.Select(a => (string)a.Attribute("Name")!));
        Assert.Equal(pressure, Values(arrays[1]));
        Assert.Equal(gap, Values(arrays[2]));
        Assert.Equal(new[] { "m", "Pa", "m" }, arrays.Select(a => a.Element("InformationKey")?.Value));
    }

    static double[] Values(XElement array) =>
        array.Nodes().OfType<XText>().First().Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
