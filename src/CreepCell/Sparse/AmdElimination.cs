namespace CreepCell.Sparse;

/// <summary>The steps of one AMD pivot (Davis 2006, Algorithm 7.1, steps "construct Lme" to "finalize").</summary>
sealed partial class AmdState
{
    /// <summary>Forms the new element Lme: the union of the pivot's variables and of the variables of its elements.</summary>
    (int Pme1, int Pme2, int Degme) BuildElement(int me, int elenme, int nvpiv)
    {
        nv[me] = -nvpiv;
        int degme = 0, pme1, pme2;
        if (elenme == 0)
        {
            // no elements adjacent: Lme is built in place over the pivot's own variable list
            pme1 = pe[me];
            pme2 = pme1 - 1;
            for (int p = pme1; p < pme1 + len[me]; p++)
            {
                int i = iw[p], nvi = nv[i];
                if (nvi <= 0) continue;
                degme += nvi;
                nv[i] = -nvi;
                iw[++pme2] = i;
                RemoveDegree(i);
            }
            return (pme1, pme2, degme);
        }
        pme1 = pfree;
        pme2 = pme1 - 1;
        int pMe = pe[me];
        for (int k1 = 0; k1 <= elenme; k1++)
        {
            int e, pj, ln;
            if (k1 == elenme) { e = me; pj = pMe + elenme; ln = len[me] - elenme; }
            else { e = iw[pMe + k1]; pj = pe[e]; ln = len[e]; }
            for (int k2 = 0; k2 < ln; k2++)
            {
                int i = iw[pj + k2], nvi = nv[i];
                if (nvi <= 0) continue;
                degme += nvi;
                nv[i] = -nvi;
                iw[++pme2] = i;
                RemoveDegree(i);
            }
            if (e != me)
            {
                // element e is absorbed into me
                pe[e] = Flip(me);
                w[e] = 0;
            }
        }
        pfree = pme2 + 1;
        return (pme1, pme2, degme);
    }

    /// <summary>w[e] - wflg = |Le \ Lme| for every element e adjacent to a variable of Lme.</summary>
    void ComputeExternalSizes(int pme1, int pme2)
    {
        for (int pme = pme1; pme <= pme2; pme++)
        {
            int i = iw[pme], eln = elen[i];
            if (eln <= 0) continue;
            int nvi = -nv[i], wnvi = wflg - nvi;
            for (int p = pe[i]; p < pe[i] + eln; p++)
            {
                int e = iw[p], we = w[e];
                if (we >= wflg) we -= nvi;
                else if (we != 0) we = degree[e] + wnvi;
                w[e] = we;
            }
        }
    }

    /// <summary>
    /// Prunes the lists of the variables in Lme, absorbs elements with Le inside Lme, computes the
    /// approximate degree bound, detects mass elimination and hashes the lists for supervariables.
    /// </summary>
    int UpdateDegrees(int me, int pme1, int pme2, int degme, ref int nvpiv)
    {
        for (int pme = pme1; pme <= pme2; pme++)
        {
            int i = iw[pme];
            int p1 = pe[i], p2 = p1 + elen[i] - 1, pn = p1;
            uint h = 0;
            int d = 0;
            for (int p = p1; p <= p2; p++)
            {
                int e = iw[p];
                if (w[e] == 0) continue;
                int dext = w[e] - wflg;
                if (dext > 0) { d += dext; iw[pn++] = e; h += (uint)e; }
                else { pe[e] = Flip(me); w[e] = 0; }
            }
            elen[i] = pn - p1 + 1;
            int p3 = pn, p4 = p1 + len[i];
            for (int p = p2 + 1; p < p4; p++)
            {
                int j = iw[p], nvj = nv[j];
                if (nvj <= 0) continue;
                d += nvj; iw[pn++] = j; h += (uint)j;
            }
            if (elen[i] == 1 && p3 == pn)
            {
                // mass elimination: i is adjacent to me only
                pe[i] = Flip(me);
                int nvi = -nv[i];
                degme -= nvi; nvpiv += nvi; nel += nvi;
                nv[i] = 0; elen[i] = -1;
                AppendMembers(me, i);
                continue;
            }
            degree[i] = Math.Min(degree[i], d);
            iw[pn] = iw[p3];
            iw[p3] = iw[p1];
            iw[p1] = me;
            len[i] = pn - p1 + 1;
            int hb = (int)(h % (uint)n);
            hval[i] = hb;
            hnext[i] = hhead[hb];
            hhead[hb] = i;
        }
        return degme;
    }

    /// <summary>Merges variables of Lme with identical lists (same hash, same lengths, same entries).</summary>
    void DetectSupervariables(int pme1, int pme2)
    {
        for (int pme = pme1; pme <= pme2; pme++)
        {
            int i = iw[pme];
            if (nv[i] >= 0) continue;
            int hb = hval[i];
            i = hhead[hb];
            if (i == -1) continue;
            hhead[hb] = -1;
            for (; i != -1 && hnext[i] != -1; i = hnext[i])
            {
                int ln = len[i], eln = elen[i];
                for (int p = pe[i] + 1; p < pe[i] + ln; p++) w[iw[p]] = wflg;
                int jlast = i;
                for (int j = hnext[i]; j != -1;)
                {
                    bool same = len[j] == ln && elen[j] == eln;
                    for (int p = pe[j] + 1; same && p < pe[j] + ln; p++) same = w[iw[p]] == wflg;
                    if (same)
                    {
                        pe[j] = Flip(i);
                        nv[i] += nv[j];
                        nv[j] = 0;
                        elen[j] = -1;
                        AppendMembers(i, j);
                        j = hnext[j];
                        hnext[jlast] = j;
                    }
                    else { jlast = j; j = hnext[j]; }
                }
                wflg = ClearFlag(wflg + 1);
            }
        }
    }

    /// <summary>Restores the surviving variables of Lme, sets their new degrees and reinserts them.</summary>
    void FinalizeElement(int me, int pme1, int pme2, int degme, int nvpiv, int elenme)
    {
        int p = pme1, nleft = n - nel;
        for (int pme = pme1; pme <= pme2; pme++)
        {
            int i = iw[pme], nvi = -nv[i];
            if (nvi <= 0) continue;
            nv[i] = nvi;
            int d = degree[i] + degme - nvi;
            d = Math.Min(d, nleft - nvi);
            d = Math.Max(d, 0);
            InsertDegree(i, d);
            degree[i] = d;
            mindeg = Math.Min(mindeg, d);
            iw[p++] = i;
        }
        nv[me] = nvpiv;
        degree[me] = degme;
        pe[me] = pme1;
        len[me] = p - pme1;
        if (len[me] == 0) { pe[me] = -1; w[me] = 0; }
        if (elenme != 0) pfree = pme1 + len[me];
    }

    /// <summary>Compacts the live lists to the front of <see cref="iw"/> (each list's head is tagged with Flip(owner)).</summary>
    void CollectGarbage()
    {
        for (int j = 0; j < n; j++)
        {
            int p = pe[j];
            if (p < 0 || len[j] == 0) continue;
            pe[j] = iw[p];
            iw[p] = Flip(j);
        }
        int q = 0;
        for (int p = 0; p < pfree;)
        {
            int j = Flip(iw[p++]);
            if (j < 0) continue;
            iw[q] = pe[j];
            pe[j] = q++;
            for (int k = 0; k < len[j] - 1; k++) iw[q++] = iw[p++];
        }
        pfree = q;
        if (pfree + n + 1 > iw.Length) Array.Resize(ref iw, pfree + 2 * n + 1);
    }
}
