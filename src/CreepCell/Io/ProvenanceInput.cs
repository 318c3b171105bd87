using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CreepCell.Io;

/// <summary>An input of a result: where it came from and the SHA-256 of its bytes (UTF-8 for texts).</summary>
internal sealed record ProvenanceInput(string Source, string Sha256, long Bytes)
{
    public static ProvenanceInput OfText(string source, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new ProvenanceInput(source, Provenance.Sha256(bytes), bytes.Length);
    }

    public static ProvenanceInput OfFile(string path)
    {
        var full = Path.GetFullPath(path);
        using var s = File.OpenRead(full);
        return new ProvenanceInput(full, Convert.ToHexStringLower(SHA256.HashData(s)), s.Length);
    }
}
