using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CreepCell.Io;
using Xunit.Abstractions;

namespace CreepCell.Tests.Io;

/// <summary>
/// The binary (zlib, appended) and ASCII VTU forms hold the same numbers: meshio reads both back equal to
/// each other and to what was written, with the time and the phase names as field data; the block layout
/// follows VTK's (UInt64 header, 32 KiB blocks, zlib streams).
/// </summary>
public class VtuBinaryTests(ITestOutputHelper output)
{
    const string Script = """
        import json, sys
        import numpy as np
        import meshio
        a, b = meshio.read(sys.argv[1]), meshio.read(sys.argv[2])
        same = lambda x, y: bool(np.array_equal(x, y))
        print(json.dumps({
            "points_equal": same(a.points, b.points),
            "cells_equal": all(ca.type == cb.type and same(ca.data, cb.data) for ca, cb in zip(a.cells, b.cells)),
            "point_data_equal": sorted(a.point_data) == sorted(b.point_data) and all(same(a.point_data[k], b.point_data[k]) for k in a.point_data),
            "cell_data_equal": sorted(a.cell_data) == sorted(b.cell_data) and all(same(x, y) for k in a.cell_data for x, y in zip(a.cell_data[k], b.cell_data[k])),
            "field_data": {k: [float(v) for v in np.ravel(a.field_data[k])] for k in a.field_data},
            "ascii_field_data": {k: [float(v) for v in np.ravel(b.field_data[k])] for k in b.field_data},
            "von_mises": [float(v) for c in a.cell_data["von_mises"] for v in c],
            "x": [float(v) for v in a.points[:, 0]],
        }))
        """;

    [SkippableFact]
    public void MeshioReadsBinaryAndAsciiFormsEqual()
    {
        string? python = PythonTools.Find("meshio", "numpy");
        Skip.If(python is null, "meshio is not importable by python3 (apt-get install python3-meshio)");
        var (mesh, p) = VtuMeshioTests.SolvedInclusion(quadrilaterals: false);
        using var _ = p;
        string dir = Directory.CreateTempSubdirectory("creepcell-vtub-").FullName;
        string bin = Path.Combine(dir, "b.vtu"), asc = Path.Combine(dir, "a.vtu");
        var gap = Enumerable.Range(0, mesh.NodeCount).Select(n => 1e-9 * n).ToArray();
        VtuWriter.Write(bin, mesh, p.U, p.Assembler.PointOffsets, p.Responses, p.States, new[] { ("contact_gap", gap) }, new VtuOptions(VtuEncoding.Binary, 3600.5));
        VtuWriter.Write(asc, mesh, p.U, p.Assembler.PointOffsets, p.Responses, p.States, new[] { ("contact_gap", gap) }, new VtuOptions(VtuEncoding.Ascii, 3600.5));
        output.WriteLine($"binary {new FileInfo(bin).Length} bytes, ascii {new FileInfo(asc).Length} bytes");
        using var json = JsonDocument.Parse(PythonTools.RunScript(python, dir, Script, bin, asc));
        var r = json.RootElement;
        foreach (var key in new[] { "points_equal", "cells_equal", "point_data_equal", "cell_data_equal" }) Assert.True(r.GetProperty(key).GetBoolean(), key);
        foreach (var form in new[] { "field_data", "ascii_field_data" })
        {
            var fd = r.GetProperty(form);
            Assert.Equal(3600.5, fd.GetProperty("TimeValue")[0].GetDouble());
            for (int i = 0; i < mesh.RegionNames.Length; i++) Assert.Equal(i, fd.GetProperty("phase:" + mesh.RegionNames[i])[0].GetDouble());
        }
        var avg = VtuWriter.CellAverages(mesh, p.Assembler.PointOffsets, p.Responses, p.States);
        var vm = r.GetProperty("von_mises").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(Enumerable.Range(0, mesh.ElementCount).Select(e => avg[7 * e]), vm);
        Assert.Equal(mesh.Nodes.Select(n => n.X), r.GetProperty("x").EnumerateArray().Select(x => x.GetDouble()));
        Assert.True(new FileInfo(bin).Length < new FileInfo(asc).Length / 2, "the compressed form should be well under half the ASCII size");
    }

    const string VtkScript = """
        import json, sys
        import numpy as np
        import vtk
        from vtk.util.numpy_support import vtk_to_numpy
        key = vtk.vtkDataArray.UNITS_LABEL()
        grids = []
        for f in sys.argv[1:]:
            r = vtk.vtkXMLUnstructuredGridReader()
            r.SetFileName(f)
            r.Update()
            grids.append(r.GetOutput())
        def arrays(g):
            d = [g.GetPoints().GetData()] + [g.GetPointData().GetArray(i) for i in range(g.GetPointData().GetNumberOfArrays())]
            return d + [g.GetCellData().GetArray(i) for i in range(g.GetCellData().GetNumberOfArrays())]
        a, b = grids
        print(json.dumps({
            "equal": all(np.array_equal(vtk_to_numpy(x), vtk_to_numpy(y)) for x, y in zip(arrays(a), arrays(b))),
            "arrays": len(arrays(a)),
            "units": {x.GetName() or "Points": x.GetInformation().Get(key) for x in arrays(a) if x.GetInformation().Has(key)},
            "time": float(vtk_to_numpy(a.GetFieldData().GetArray("TimeValue"))[0]),
        }))
        """;

    /// <summary>VTK itself (the reader behind ParaView) reads both forms equal, with the units and the time.</summary>
    [SkippableFact]
    public void VtkReadsBothFormsWithUnits()
    {
        string? python = PythonTools.Find("vtk", "numpy");
        Skip.If(python is null, "VTK's Python module is not importable by python3 (apt-get install python3-vtk9)");
        var (mesh, p) = VtuMeshioTests.SolvedInclusion(quadrilaterals: true);
        using var _ = p;
        string dir = Directory.CreateTempSubdirectory("creepcell-vtk-").FullName;
        string bin = Path.Combine(dir, "b.vtu"), asc = Path.Combine(dir, "a.vtu");
        VtuWriter.Write(bin, mesh, p.U, p.Assembler.PointOffsets, p.Responses, p.States, null, new VtuOptions(VtuEncoding.Binary, 7.25));
        VtuWriter.Write(asc, mesh, p.U, p.Assembler.PointOffsets, p.Responses, p.States, null, new VtuOptions(VtuEncoding.Ascii, 7.25));
        using var json = JsonDocument.Parse(PythonTools.RunScript(python, dir, VtkScript, bin, asc));
        var r = json.RootElement;
        Assert.True(r.GetProperty("equal").GetBoolean());
        Assert.Equal(1 + 1 + 8, r.GetProperty("arrays").GetInt32());
        Assert.Equal(7.25, r.GetProperty("time").GetDouble());
        var units = r.GetProperty("units");
        Assert.Equal("m", units.GetProperty("displacement").GetString());
        Assert.Equal("Pa", units.GetProperty("von_mises").GetString());
        Assert.Equal("1", units.GetProperty("creep_strain").GetString());
    }

    [Fact]
    public void BlocksFollowVtkLayoutAndInflateToTheValues()
    {
        // 5000 doubles = 40000 bytes: one full 32 KiB block and a partial one
        var values = Enumerable.Range(0, 5000).Select(i => Math.Sin(i)).ToArray();
        var grid = new VtuGrid(4, 1, new VtuArray("Points", "Float64", 3, new double[12], "m"), Array.Empty<VtuArray>(),
            new[] { new VtuArray("v", "Float64", 1, values, "Pa") }, Array.Empty<VtuArray>(), Array.Empty<VtuArray>());
        using var ms = new MemoryStream();
        VtuBinary.Write(ms, grid);
        byte[] file = ms.ToArray();
        string text = Encoding.Latin1.GetString(file);
        Assert.Contains("header_type=\"UInt64\" compressor=\"vtkZLibDataCompressor\"", text);
        Assert.Contains("<InformationKey name=\"UNITS_LABEL\" location=\"vtkDataArray\">Pa</InformationKey>", text);
        int start = text.IndexOf("\n_", StringComparison.Ordinal) + 2;
        int offset = int.Parse(System.Text.RegularExpressions.Regex.Match(text, "Name=\"v\" format=\"appended\" offset=\"(\\d+)\"").Groups[1].Value);
        byte[] data = file[(start + offset)..];
        ulong U(int i) => BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(8 * i));
        Assert.Equal(2UL, U(0));
        Assert.Equal(32768UL, U(1));
        Assert.Equal((ulong)(40000 - 32768), U(2));
        var raw = new MemoryStream();
        int at = 8 * 5;
        for (int b = 0; b < 2; b++)
        {
            using var z = new ZLibStream(new MemoryStream(data, at, (int)U(3 + b)), CompressionMode.Decompress);
            z.CopyTo(raw);
            at += (int)U(3 + b);
        }
        var back = new double[5000];
        Buffer.BlockCopy(raw.ToArray(), 0, back, 0, 40000);
        Assert.Equal(values, back);
    }
}
