using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace CreepCell.Io;

/// <summary>
/// The binary form of a VTU file as VTK's XML writers make it by default: every array in one raw
/// AppendedData section, cut into blocks of 32 KiB that are zlib-compressed one by one
/// (compressor="vtkZLibDataCompressor"), each array preceded by a UInt64 header
/// [block count, block size, size of the last partial block (0 when full), compressed size of each block].
/// The XML part keeps names, types, component counts, units and the offset of each array.
/// </summary>
internal static class VtuBinary
{
    /// <summary>VTK's default block size.</summary>
    public const int BlockSize = 32768;

    public static void Write(Stream stream, VtuGrid g)
    {
        var appended = new MemoryStream();
        var xml = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        void Array(VtuArray a, string extra = "")
        {
            xml.Append(VtuWriter.OpenTag(a, extra)).Append(inv, $" format=\"appended\" offset=\"{appended.Length}\"");
            string unit = VtuWriter.UnitKey(a);
            xml.Append(unit.Length == 0 ? "/>\n" : ">\n" + unit + "</DataArray>\n");
            WriteCompressed(appended, Bytes(a.Values));
        }
        xml.Append("<?xml version=\"1.0\"?>\n<VTKFile type=\"UnstructuredGrid\" version=\"1.0\" byte_order=\"LittleEndian\" header_type=\"UInt64\" compressor=\"vtkZLibDataCompressor\">\n<UnstructuredGrid>\n");
        if (g.FieldData.Length > 0)
        {
            xml.Append("<FieldData>\n");
            foreach (var a in g.FieldData) Array(a, $" NumberOfTuples=\"{a.Length}\"");
            xml.Append("</FieldData>\n");
        }
        xml.Append(inv, $"<Piece NumberOfPoints=\"{g.PointCount}\" NumberOfCells=\"{g.CellCount}\">\n<Points>\n");
        Array(g.Points);
        xml.Append("</Points>\n<Cells>\n");
        foreach (var a in g.Cells) Array(a);
        xml.Append("</Cells>\n<PointData Vectors=\"displacement\">\n");
        foreach (var a in g.PointData) Array(a);
        xml.Append("</PointData>\n<CellData Scalars=\"von_mises\">\n");
        foreach (var a in g.CellData) Array(a);
        xml.Append("</CellData>\n</Piece>\n</UnstructuredGrid>\n<AppendedData encoding=\"raw\">\n_");
        var utf8 = new UTF8Encoding(false);
        stream.Write(utf8.GetBytes(xml.ToString()));
        appended.Position = 0;
        appended.CopyTo(stream);
        stream.Write(utf8.GetBytes("\n</AppendedData>\n</VTKFile>\n"));
    }

    /// <summary>Little-endian bytes of the values (the byte_order the file declares).</summary>
    static byte[] Bytes(Array values)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("VTU binary output is written on little-endian machines only");
        return values switch
        {
            double[] d => MemoryMarshal.AsBytes(d.AsSpan()).ToArray(),
            int[] n => MemoryMarshal.AsBytes(n.AsSpan()).ToArray(),
            byte[] b => b,
            _ => throw new NotSupportedException(values.GetType().Name),
        };
    }

    /// <summary>One array: its block header, then the zlib streams of its blocks.</summary>
    static void WriteCompressed(Stream output, byte[] raw)
    {
        int blocks = (raw.Length + BlockSize - 1) / BlockSize;
        var compressed = new byte[blocks][];
        for (int b = 0; b < blocks; b++)
        {
            using var ms = new MemoryStream();
            using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
                z.Write(raw, b * BlockSize, Math.Min(BlockSize, raw.Length - b * BlockSize));
            compressed[b] = ms.ToArray();
        }
        var header = new ulong[3 + blocks];
        header[0] = (ulong)blocks;
        header[1] = BlockSize;
        header[2] = (ulong)(raw.Length % BlockSize);
        for (int b = 0; b < blocks; b++) header[3 + b] = (ulong)compressed[b].Length;
        output.Write(MemoryMarshal.AsBytes(header.AsSpan()));
        foreach (var c in compressed) output.Write(c);
    }
}
