using System.Runtime.InteropServices;

namespace CreepCell.Sparse;

/// <summary>Run-time binding of the cholmod_l_* entry points (NativeLibrary.TryLoad, no link-time dependency).</summary>
static unsafe class CholmodNative
{
    static readonly string[] Candidates =
    [
        "libcholmod.so.5", "libcholmod.so.4", "libcholmod.so.3", "libcholmod.so", "libcholmod.dylib", "cholmod",
    ];

    public sealed class Functions
    {
        public delegate* unmanaged[Cdecl]<void*, int> Start;
        public delegate* unmanaged[Cdecl]<void*, int> Finish;
        public delegate* unmanaged[Cdecl]<nuint, nuint, nuint, int, int, int, int, void*, void*> AllocateSparse;
        public delegate* unmanaged[Cdecl]<void**, void*, int> FreeSparse;
        public delegate* unmanaged[Cdecl]<void*, void*, void*> Analyze;
        public delegate* unmanaged[Cdecl]<void*, void*, void*, int> Factorize;
        public delegate* unmanaged[Cdecl]<void**, void*, int> FreeFactor;
        public delegate* unmanaged[Cdecl]<nuint, nuint, nuint, int, void*, void*> AllocateDense;
        public delegate* unmanaged[Cdecl]<void**, void*, int> FreeDense;
        public delegate* unmanaged[Cdecl]<int, void*, void*, void*, void*> Solve;
    }

    static readonly Lazy<Functions?> api = new(Load);

    /// <summary>The bound functions, or null when no CHOLMOD library is installed.</summary>
    public static Functions? Api => api.Value;

    /// <summary>Name of the library that was loaded, or null.</summary>
    public static string? LibraryName { get; private set; }

    static Functions? Load()
    {
        foreach (string name in Candidates)
        {
            if (!NativeLibrary.TryLoad(name, out IntPtr lib)) continue;
            try
            {
                var f = new Functions
                {
                    Start = (delegate* unmanaged[Cdecl]<void*, int>)NativeLibrary.GetExport(lib, "cholmod_l_start"),
                    Finish = (delegate* unmanaged[Cdecl]<void*, int>)NativeLibrary.GetExport(lib, "cholmod_l_finish"),
                    AllocateSparse = (delegate* unmanaged[Cdecl]<nuint, nuint, nuint, int, int, int, int, void*, void*>)NativeLibrary.GetExport(lib, "cholmod_l_allocate_sparse"),
                    FreeSparse = (delegate* unmanaged[Cdecl]<void**, void*, int>)NativeLibrary.GetExport(lib, "cholmod_l_free_sparse"),
                    Analyze = (delegate* unmanaged[Cdecl]<void*, void*, void*>)NativeLibrary.GetExport(lib, "cholmod_l_analyze"),
                    Factorize = (delegate* unmanaged[Cdecl]<void*, void*, void*, int>)NativeLibrary.GetExport(lib, "cholmod_l_factorize"),
                    FreeFactor = (delegate* unmanaged[Cdecl]<void**, void*, int>)NativeLibrary.GetExport(lib, "cholmod_l_free_factor"),
                    AllocateDense = (delegate* unmanaged[Cdecl]<nuint, nuint, nuint, int, void*, void*>)NativeLibrary.GetExport(lib, "cholmod_l_allocate_dense"),
                    FreeDense = (delegate* unmanaged[Cdecl]<void**, void*, int>)NativeLibrary.GetExport(lib, "cholmod_l_free_dense"),
                    Solve = (delegate* unmanaged[Cdecl]<int, void*, void*, void*, void*>)NativeLibrary.GetExport(lib, "cholmod_l_solve"),
                };
                LibraryName = name;
                return f;
            }
            catch (EntryPointNotFoundException)
            {
                NativeLibrary.Free(lib);
            }
        }
        return null;
    }
}
