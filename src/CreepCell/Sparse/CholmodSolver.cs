using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CreepCell.Sparse;

/// <summary>
/// SuiteSparse CHOLMOD (Chen, Davis, Hager, Rajamanickam, "Algorithm 887: CHOLMOD, supernodal
/// sparse Cholesky factorization and update/downdate", ACM TOMS 35(3), 2008) through its
/// SuiteSparse_long C API (cholmod_l_*), loaded at run time. Only the lower triangle of A is passed
/// (stype = -1). The cholmod_common block is not mirrored: a generously sized zeroed unmanaged
/// buffer is handed to cholmod_l_start. Only the leading fields of cholmod_factor (n, minor,
/// Perm, ColCount), stable across CHOLMOD versions, are read. CHOLMOD requires positive
/// definiteness (LL^T); a failed pivot raises <see cref="SingularMatrixException"/>.
/// </summary>
internal sealed unsafe class CholmodSolver : ISymmetricSolver
{
    const int CommonBytes = 1 << 20;
    readonly IntPtr common;
    IntPtr sparse, factor;
    int n;
    int[] valueSource = [];
    int[] analyzedPointers = [], analyzedRows = [];
    long factorNonzeros;
    double analyzeSeconds, factorSeconds, solveSeconds;
    bool disposed;

    /// <summary>True when a CHOLMOD shared library could be loaded.</summary>
    public static bool IsAvailable => CholmodNative.Api != null;

    public CholmodSolver()
    {
        if (CholmodNative.Api is not { } api) throw new InvalidOperationException("CHOLMOD library (libcholmod.so) not found; install SuiteSparse, e.g. apt-get install libsuitesparse-dev");
        common = (IntPtr)NativeMemory.AllocZeroed(CommonBytes);
        if (api.Start((void*)common) == 0) throw new InvalidOperationException("cholmod_l_start failed");
        ForceSupernodal();
    }

    /// <summary>
    /// CHOLMOD picks a simplicial LDL^T for small problems, which accepts negative pivots. The
    /// leading fields of cholmod_common (dbound, grow0, grow1, grow2, maxrank, supernodal_switch,
    /// supernodal) have kept their order across versions; the switch is written only when the
    /// defaults (40.0 and CHOLMOD_AUTO = 1) are found where expected.
    /// </summary>
    void ForceSupernodal()
    {
        byte* c = (byte*)common;
        if (*(double*)(c + 40) == 40.0 && *(int*)(c + 48) == 1) *(int*)(c + 48) = 2;
    }

    public string Name => "cholmod";
    public long FactorNonzeros => factorNonzeros;

    public SolverStatistics Statistics => new()
    {
        OrderingSeconds = analyzeSeconds,
        FactorSeconds = factorSeconds,
        SolveSeconds = solveSeconds,
        FactorNonzeros = factorNonzeros,
        Ordering = "CHOLMOD default (AMD/METIS)",
    };

    static CholmodNative.Functions Api => CholmodNative.Api!;

    public void Analyze(CscMatrix a)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        FreeNative();
        var clock = Stopwatch.StartNew();
        n = a.Columns;
        analyzedPointers = a.ColumnPointers;
        analyzedRows = a.RowIndices;
        sparse = AllocateLower(a);
        factor = (IntPtr)Api.Analyze((void*)sparse, (void*)common);
        if (factor == IntPtr.Zero) throw new InvalidOperationException("cholmod_l_analyze failed");
        long* colCount = *(long**)((byte*)factor + 24);
        factorNonzeros = 0;
        for (int j = 0; j < n; j++) factorNonzeros += colCount[j];
        analyzeSeconds = clock.Elapsed.TotalSeconds;
    }

    /// <summary>Allocates a CHOLMOD matrix with the lower triangle of a and records where its values come from.</summary>
    IntPtr AllocateLower(CscMatrix a)
    {
        int lower = 0;
        for (int j = 0; j < a.Columns; j++)
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++) if (a.RowIndices[p] >= j) lower++;
        var s = (IntPtr)Api.AllocateSparse((nuint)a.Rows, (nuint)a.Columns, (nuint)lower, 1, 1, -1, 1, (void*)common);
        if (s == IntPtr.Zero) throw new InvalidOperationException("cholmod_l_allocate_sparse failed");
        var ptr = *(long**)((byte*)s + 24);
        var idx = *(long**)((byte*)s + 32);
        valueSource = new int[lower];
        int q = 0;
        for (int j = 0; j < a.Columns; j++)
        {
            ptr[j] = q;
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
            {
                if (a.RowIndices[p] < j) continue;
                idx[q] = a.RowIndices[p];
                valueSource[q++] = p;
            }
        }
        ptr[a.Columns] = q;
        return s;
    }

    public void Factorize(CscMatrix a)
    {
        if (factor == IntPtr.Zero) Analyze(a);
        if (!AnalyzedPattern.Matches(a, analyzedPointers, analyzedRows)) throw new ArgumentException("the matrix pattern differs from the analyzed one; call Analyze again");
        var clock = Stopwatch.StartNew();
        double* x = *(double**)((byte*)sparse + 48);
        for (int q = 0; q < valueSource.Length; q++) x[q] = a.Values[valueSource[q]];
        if (Api.Factorize((void*)sparse, (void*)factor, (void*)common) == 0) throw new InvalidOperationException("cholmod_l_factorize failed");
        long minor = *(long*)((byte*)factor + 8);
        if (minor < n)
        {
            long* perm = *(long**)((byte*)factor + 16);
            throw new SingularMatrixException((int)perm[minor], double.NaN, "positive definite (CHOLMOD)");
        }
        factorSeconds = clock.Elapsed.TotalSeconds;
    }

    public void Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        if (factor == IntPtr.Zero) throw new InvalidOperationException("call Analyze and Factorize first");
        if (b.Length != n || x.Length != n) throw new ArgumentException($"vectors must have length {n}");
        var clock = Stopwatch.StartNew();
        void* rhs = Api.AllocateDense((nuint)n, 1, (nuint)n, 1, (void*)common);
        if (rhs == null) throw new InvalidOperationException("cholmod_l_allocate_dense failed");
        try
        {
            b.CopyTo(new Span<double>(*(double**)((byte*)rhs + 32), n));
            void* sol = Api.Solve(0, (void*)factor, rhs, (void*)common);
            if (sol == null) throw new InvalidOperationException("cholmod_l_solve failed");
            new ReadOnlySpan<double>(*(double**)((byte*)sol + 32), n).CopyTo(x);
            Api.FreeDense(&sol, (void*)common);
        }
        finally
        {
            Api.FreeDense(&rhs, (void*)common);
        }
        solveSeconds = clock.Elapsed.TotalSeconds;
    }

    void FreeNative()
    {
        if (factor != IntPtr.Zero) { void* f = (void*)factor; Api.FreeFactor(&f, (void*)common); factor = IntPtr.Zero; }
        if (sparse != IntPtr.Zero) { void* s = (void*)sparse; Api.FreeSparse(&s, (void*)common); sparse = IntPtr.Zero; }
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        FreeNative();
        Api.Finish((void*)common);
        NativeMemory.Free((void*)common);
        GC.SuppressFinalize(this);
    }

    ~CholmodSolver()
    {
        if (!disposed && common != IntPtr.Zero) NativeMemory.Free((void*)common);
    }
}
