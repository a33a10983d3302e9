/* nnlib's matrix product for the browser: C = A B with 128-bit SIMD.

   NumPy in the browser (Pyodide) has no BLAS, so its `@` is a plain loop.
   tools/gemm.py compiles this file to WebAssembly (with SIMD) when
   tools/lite.py builds the in-browser app, and nnlib/_matmul.py calls it
   through ctypes. The tests compile the same file natively and compare it
   with NumPy.

   Compiled twice: as nnlib_sgemm (float) and, with -DDOUBLE, nnlib_dgemm.

   The method is the classic one of BLAS libraries, kept small:
   - B is copied, KC rows at a time, into panels of NR columns, so that the
     innermost loop reads it contiguously whatever its layout (a transposed
     view, some columns of a bigger matrix);
   - A is copied the same way, MR rows at a time;
   - each MR x NR block of C is summed in registers: for every k, row k of
     B's panel (2 vectors) is multiplied by each of the MR numbers A[i, k]
     and added to row i of the block.
   Only + and * are used (no fused multiply-add), in an order fixed by this
   code, so a product gives the same bits in every browser.

   Arguments: C (M x N) = A (M x K) times B (K x N), where A[i, k] is
   A[i * ra + k * ca] and B[k, j] is B[k * rb + j * cb] (strides in
   elements, of any sign); C is row-major, N to a row, and work holds
   KC * (NR * ceil(N / NR) + MR) elements. */

#ifdef DOUBLE
typedef double T;
#define NAME nnlib_dgemm
#else
typedef float T;
#define NAME nnlib_sgemm
#endif

typedef T V __attribute__((vector_size(16), aligned(sizeof(T))));
#define LANES (16 / (int)sizeof(T))
#define NR (2 * LANES)      /* columns of C summed at once: two vectors */
#define MR 4                /* rows of C summed at once */
#define KC 256              /* rows of B copied at once (stays in cache) */

static void block(int kc, const T *a, const T *b, V c[MR][2])
{
    for (int i = 0; i < MR; i++)
        c[i][0] = c[i][1] = (V){0};
    for (int k = 0; k < kc; k++, a += MR, b += NR) {
        V b0 = *(const V *)b, b1 = *(const V *)(b + LANES);
#pragma GCC unroll 4
        for (int i = 0; i < MR; i++) {
            V ai = a[i] - (V){0};          /* A[i, k] in every lane */
            c[i][0] += ai * b0;
            c[i][1] += ai * b1;
        }
    }
}

void NAME(int M, int N, int K, const T *A, int ra, int ca,
          const T *B, int rb, int cb, T *C, T *work)
{
    int panels = (N + NR - 1) / NR;
    T *Bp = work, *Ap = work + KC * NR * panels;
    for (int k0 = 0; k0 < K; k0 += KC) {
        int kc = K - k0 < KC ? K - k0 : KC;
        for (int p = 0; p < panels; p++)           /* B's rows k0.. */
            for (int k = 0; k < kc; k++)
                for (int j = 0; j < NR; j++) {
                    int col = p * NR + j;
                    Bp[(p * kc + k) * NR + j] =
                        col < N ? B[(k0 + k) * rb + col * cb] : 0;
                }
        for (int i0 = 0; i0 < M; i0 += MR) {
            int mr = M - i0 < MR ? M - i0 : MR;
            for (int k = 0; k < kc; k++)           /* A's rows i0.. */
                for (int i = 0; i < MR; i++)
                    Ap[k * MR + i] =
                        i < mr ? A[(i0 + i) * ra + (k0 + k) * ca] : 0;
            for (int p = 0; p < panels; p++) {
                V c[MR][2];
                T sums[MR][NR];
                block(kc, Ap, Bp + p * kc * NR, c);
                for (int i = 0; i < MR; i++) {
                    *(V *)sums[i] = c[i][0];
                    *(V *)(sums[i] + LANES) = c[i][1];
                }
                int nr = N - p * NR < NR ? N - p * NR : NR;
                for (int i = 0; i < mr; i++)       /* into C */
                    for (int j = 0; j < nr; j++) {
                        T *to = C + (i0 + i) * N + p * NR + j;
                        *to = k0 ? *to + sums[i][j] : sums[i][j];
                    }
            }
        }
    }
}
