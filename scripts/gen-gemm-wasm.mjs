// Generates src/engine/kernels/gemm-wasm.generated.ts: a WebAssembly SIMD matrix-multiply
// micro-kernel that runs inside the tfjs wasm backend's own memory (imported), so tensors are
// read and written in place. Run after editing this file: node scripts/gen-gemm-wasm.mjs
import wabtInit from 'wabt';
import {writeFileSync} from 'node:fs';

export const MR = Number(process.env.GEMM_MR ?? 4); // rows of A per micro-tile (GEMM_MR overrides, for tuning)
export const NV = Number(process.env.GEMM_NV ?? 2); // 4-float vectors of B per micro-tile: NR = 4 * NV columns (GEMM_NV overrides)
const lane = (lanes) => lanes.flatMap((l) => [0, 1, 2, 3].map((b) => 4 * l + b)).join(' '); // 4-float vectors of B per micro-tile (NR = 4 * NV = 8 columns)

/**
 * C[MR x NR] (+)= sum over k of Apanel[k][0..MR) (outer) Bpanel[k][0..NR).
 * Apanel: kc groups of MR floats; Bpanel: kc groups of NR floats; C rows ldc bytes apart.
 */
function microKernel(fma) {
  const acc = (i, j) => `$c${i}_${j}`;
  const L = [];
  L.push(`(func $tile (param $a i32) (param $b i32) (param $c i32) (param $kc i32) (param $ldc i32) (param $load i32)`);
  for (let i = 0; i < MR; i++) for (let j = 0; j < NV; j++) L.push(`  (local ${acc(i, j)} v128)`);
  for (let j = 0; j < NV; j++) L.push(`  (local $b${j} v128)`);
  L.push('  (local $av v128) (local $p i32)');
  L.push('  (if (local.get $load) (then');
  for (let i = 0; i < MR; i++) {
    L.push(`    (local.set $p (i32.add (local.get $c) (i32.mul (local.get $ldc) (i32.const ${i}))))`);
    for (let j = 0; j < NV; j++) L.push(`    (local.set ${acc(i, j)} (v128.load offset=${j * 16} align=4 (local.get $p)))`);
  }
  L.push('  ))');
  L.push('  (loop $k');
  for (let j = 0; j < NV; j++) L.push(`    (local.set $b${j} (v128.load offset=${j * 16} (local.get $b)))`);
  for (let i = 0; i < MR; i++) {
    L.push(`    (local.set $av (v128.load32_splat offset=${i * 4} (local.get $a)))`);
    for (let j = 0; j < NV; j++) {
      L.push(fma
        ? `    (local.set ${acc(i, j)} (f32x4.relaxed_madd (local.get $av) (local.get $b${j}) (local.get ${acc(i, j)})))`
        : `    (local.set ${acc(i, j)} (f32x4.add (local.get ${acc(i, j)}) (f32x4.mul (local.get $av) (local.get $b${j}))))`);
    }
  }
  L.push(`    (local.set $a (i32.add (local.get $a) (i32.const ${MR * 4})))`);
  L.push(`    (local.set $b (i32.add (local.get $b) (i32.const ${NV * 16})))`);
  L.push('    (br_if $k (local.tee $kc (i32.sub (local.get $kc) (i32.const 1)))))');
  for (let i = 0; i < MR; i++) {
    L.push(`  (local.set $p (i32.add (local.get $c) (i32.mul (local.get $ldc) (i32.const ${i}))))`);
    for (let j = 0; j < NV; j++) L.push(`  (v128.store offset=${j * 16} align=4 (local.get $p) (local.get ${acc(i, j)}))`);
  }
  L.push(')');
  return L.join('\n');
}

/** Every full micro-tile of a packed block: nTiles column panels, mTiles row panels. */
function blockLoop() {
  return `
(func (export "block") (param $ap i32) (param $bp i32) (param $c i32) (param $mTiles i32) (param $nTiles i32)
      (param $kc i32) (param $ldc i32) (param $load i32)
  (local $j i32) (local $i i32) (local $bj i32) (local $cj i32) (local $ai i32) (local $ci i32)
  (local.set $bj (local.get $bp))
  (local.set $cj (local.get $c))
  (block $done (loop $cols
    (br_if $done (i32.ge_u (local.get $j) (local.get $nTiles)))
    (local.set $i (i32.const 0))
    (local.set $ai (local.get $ap))
    (local.set $ci (local.get $cj))
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $mTiles)))
      (call $tile (local.get $ai) (local.get $bj) (local.get $ci) (local.get $kc) (local.get $ldc) (local.get $load))
      (local.set $ai (i32.add (local.get $ai) (i32.mul (local.get $kc) (i32.const ${MR * 4}))))
      (local.set $ci (i32.add (local.get $ci) (i32.mul (local.get $ldc) (i32.const ${MR}))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows)))
    (local.set $bj (i32.add (local.get $bj) (i32.mul (local.get $kc) (i32.const ${NV * 16}))))
    (local.set $cj (i32.add (local.get $cj) (i32.const ${NV * 16})))
    (local.set $j (i32.add (local.get $j) (i32.const 1)))
    (br $cols)))
)
(func (export "tile") (param $a i32) (param $b i32) (param $c i32) (param $kc i32) (param $ldc i32) (param $load i32)
  (call $tile (local.get $a) (local.get $b) (local.get $c) (local.get $kc) (local.get $ldc) (local.get $load)))`;
}

/**
 * Packs a strided matrix into panels of `w` lines (zero-padded), line-major inside a panel:
 * element (line l, position q) is read at src + l * outer + q * inner (bytes), for lines
 * [0, count) and positions [0, len). Panels of A are rows x k, panels of B are columns x k.
 */
function packer() {
  return `
(func (export "pack") (param $src i32) (param $outer i32) (param $inner i32) (param $count i32) (param $len i32)
      (param $w i32) (param $dst i32)
  (local $p i32) (local $full i32) (local $q i32) (local $s i32) (local $t i32) (local $line i32)
  (block $done (loop $panels
    (br_if $done (i32.ge_u (local.get $p) (local.get $count)))
    (local.set $full (select (local.get $w) (i32.sub (local.get $count) (local.get $p))
      (i32.le_u (local.get $w) (i32.sub (local.get $count) (local.get $p)))))
    (local.set $line (i32.add (local.get $src) (i32.mul (local.get $p) (local.get $outer))))
    (local.set $q (i32.const 0))
    (if (i32.and (i32.eq (local.get $outer) (i32.const 4)) (i32.eq (local.get $full) (local.get $w)))
      (then
        ;; lines are adjacent floats: copy the w values of each position with vector loads
        (block $qd (loop $ql
          (br_if $qd (i32.ge_u (local.get $q) (local.get $len)))
          (local.set $s (local.get $line))
          (local.set $t (i32.const 0))
          (loop $tl
            (v128.store align=4 (local.get $dst) (v128.load align=4 (local.get $s)))
            (local.set $s (i32.add (local.get $s) (i32.const 16)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
            (br_if $tl (i32.lt_u (local.tee $t (i32.add (local.get $t) (i32.const 4))) (local.get $w))))
          (local.set $line (i32.add (local.get $line) (local.get $inner)))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $ql))))
      (else
        (if (i32.and (i32.eq (local.get $inner) (i32.const 4)) (i32.eq (local.get $full) (local.get $w)))
          (then (local.set $q (call $packTransposed (local.get $line) (local.get $outer) (local.get $len)
            (local.get $w) (local.get $dst)))
            (local.set $dst (i32.add (local.get $dst) (i32.mul (i32.mul (local.get $q) (local.get $w)) (i32.const 4))))
            (local.set $line (i32.add (local.get $line) (i32.mul (local.get $q) (i32.const 4))))))
        (block $qd (loop $ql
          (br_if $qd (i32.ge_u (local.get $q) (local.get $len)))
          (local.set $s (local.get $line))
          (local.set $t (i32.const 0))
          (block $td (loop $tl
            (br_if $td (i32.ge_u (local.get $t) (local.get $full)))
            (f32.store (local.get $dst) (f32.load (local.get $s)))
            (local.set $s (i32.add (local.get $s) (local.get $outer)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $tl)))
          (block $zd (loop $zl
            (br_if $zd (i32.ge_u (local.get $t) (local.get $w)))
            (f32.store (local.get $dst) (f32.const 0))
            (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $zl)))
          (local.set $line (i32.add (local.get $line) (local.get $inner)))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $ql)))))
    (local.set $p (i32.add (local.get $p) (local.get $w)))
    (br $panels)))
)`;
}

/**
 * im2col for NHWC convolutions: rows [p0, p0 + rows) of the patch matrix, one row per output
 * pixel (n, oh, ow), columns (kh, kw, ci); taps that fall in the padding are zero. Sizes in
 * floats except the pointers (bytes).
 */
/**
 * Fast path of pack for lines that run along memory (inner stride 4 bytes) and a full panel:
 * 4x4 blocks are transposed in registers. Returns how many positions it packed (a multiple of 4).
 */
function packTransposed() {
  return `
(func $packTransposed (param $line i32) (param $outer i32) (param $len i32) (param $w i32) (param $dst i32) (result i32)
  (local $q i32) (local $g i32) (local $s i32) (local $d i32) (local $r0 v128) (local $r1 v128) (local $r2 v128)
  (local $r3 v128) (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128) (local $row i32)
  (local.set $row (i32.mul (local.get $w) (i32.const 4)))
  (block $qd (loop $ql
    (br_if $qd (i32.gt_u (i32.add (local.get $q) (i32.const 4)) (local.get $len)))
    (local.set $g (i32.const 0))
    (loop $gl
      (local.set $s (i32.add (i32.add (local.get $line) (i32.shl (local.get $q) (i32.const 2)))
        (i32.mul (local.get $g) (local.get $outer))))
      (local.set $r0 (v128.load align=4 (local.get $s)))
      (local.set $r1 (v128.load align=4 (i32.add (local.get $s) (local.get $outer))))
      (local.set $r2 (v128.load align=4 (i32.add (local.get $s) (i32.shl (local.get $outer) (i32.const 1)))))
      (local.set $r3 (v128.load align=4 (i32.add (local.get $s) (i32.mul (local.get $outer) (i32.const 3)))))
      (local.set $t0 (i8x16.shuffle ${lane([0, 4, 1, 5])} (local.get $r0) (local.get $r1)))
      (local.set $t1 (i8x16.shuffle ${lane([2, 6, 3, 7])} (local.get $r0) (local.get $r1)))
      (local.set $t2 (i8x16.shuffle ${lane([0, 4, 1, 5])} (local.get $r2) (local.get $r3)))
      (local.set $t3 (i8x16.shuffle ${lane([2, 6, 3, 7])} (local.get $r2) (local.get $r3)))
      (local.set $d (i32.add (i32.add (local.get $dst) (i32.mul (local.get $q) (local.get $row))) (i32.shl (local.get $g) (i32.const 2))))
      (v128.store align=4 (local.get $d) (i8x16.shuffle ${lane([0, 1, 4, 5])} (local.get $t0) (local.get $t2)))
      (v128.store align=4 (i32.add (local.get $d) (local.get $row)) (i8x16.shuffle ${lane([2, 3, 6, 7])} (local.get $t0) (local.get $t2)))
      (v128.store align=4 (i32.add (local.get $d) (i32.shl (local.get $row) (i32.const 1))) (i8x16.shuffle ${lane([0, 1, 4, 5])} (local.get $t1) (local.get $t3)))
      (v128.store align=4 (i32.add (local.get $d) (i32.mul (local.get $row) (i32.const 3))) (i8x16.shuffle ${lane([2, 3, 6, 7])} (local.get $t1) (local.get $t3)))
      (br_if $gl (i32.lt_u (local.tee $g (i32.add (local.get $g) (i32.const 4))) (local.get $w))))
    (local.set $q (i32.add (local.get $q) (i32.const 4)))
    (br $ql)))
  (local.get $q)
)`;
}

function im2col() {
  return `
(func (export "im2col") (param $x i32) (param $h i32) (param $w i32) (param $ci i32) (param $oh i32) (param $ow i32)
      (param $kh i32) (param $kw i32) (param $sh i32) (param $sw i32) (param $dh i32) (param $dw i32)
      (param $pt i32) (param $pl i32) (param $p0 i32) (param $rows i32) (param $dst i32)
  (local $r i32) (local $n i32) (local $y i32) (local $xo i32) (local $i i32) (local $j i32) (local $iy i32)
  (local $ix i32) (local $rowBytes i32) (local $tapBytes i32) (local $src i32)
  (local.set $tapBytes (i32.shl (local.get $ci) (i32.const 2)))
  (local.set $rowBytes (i32.mul (local.get $tapBytes) (local.get $kw)))
  (local.set $xo (i32.rem_u (local.get $p0) (local.get $ow)))
  (local.set $y (i32.rem_u (i32.div_u (local.get $p0) (local.get $ow)) (local.get $oh)))
  (local.set $n (i32.div_u (local.get $p0) (i32.mul (local.get $ow) (local.get $oh))))
  (block $done (loop $rowsL
    (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
    (local.set $i (i32.const 0))
    (loop $khL
      (local.set $iy (i32.sub (i32.add (i32.mul (local.get $y) (local.get $sh)) (i32.mul (local.get $i) (local.get $dh))) (local.get $pt)))
      (if (i32.ge_u (local.get $iy) (local.get $h))
        (then
          (memory.fill (local.get $dst) (i32.const 0) (local.get $rowBytes))
          (local.set $dst (i32.add (local.get $dst) (local.get $rowBytes))))
        (else
          (local.set $j (i32.const 0))
          (loop $kwL
            (local.set $ix (i32.sub (i32.add (i32.mul (local.get $xo) (local.get $sw)) (i32.mul (local.get $j) (local.get $dw))) (local.get $pl)))
            (if (i32.ge_u (local.get $ix) (local.get $w))
              (then (memory.fill (local.get $dst) (i32.const 0) (local.get $tapBytes)))
              (else
                (local.set $src (i32.add (local.get $x) (i32.mul (local.get $tapBytes)
                  (i32.add (i32.mul (i32.add (i32.mul (local.get $n) (local.get $h)) (local.get $iy)) (local.get $w)) (local.get $ix)))))
                (memory.copy (local.get $dst) (local.get $src) (local.get $tapBytes))))
            (local.set $dst (i32.add (local.get $dst) (local.get $tapBytes)))
            (br_if $kwL (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $kw))))))
      (br_if $khL (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $kh))))
    (local.set $r (i32.add (local.get $r) (i32.const 1)))
    (if (i32.eq (local.tee $xo (i32.add (local.get $xo) (i32.const 1))) (local.get $ow))
      (then
        (local.set $xo (i32.const 0))
        (if (i32.eq (local.tee $y (i32.add (local.get $y) (i32.const 1))) (local.get $oh))
          (then (local.set $y (i32.const 0)) (local.set $n (i32.add (local.get $n) (i32.const 1)))))))
    (br $rowsL)))
)`;
}

/**
 * col2im: adds rows [p0, p0 + rows) of a patch-gradient matrix back onto the NHWC input
 * gradient (the adjoint of im2col); taps in the padding are dropped.
 */
function col2im() {
  return `
(func (export "col2im") (param $dx i32) (param $h i32) (param $w i32) (param $ci i32) (param $oh i32) (param $ow i32)
      (param $kh i32) (param $kw i32) (param $sh i32) (param $sw i32) (param $dh i32) (param $dw i32)
      (param $pt i32) (param $pl i32) (param $p0 i32) (param $rows i32) (param $src i32)
  (local $r i32) (local $n i32) (local $y i32) (local $xo i32) (local $i i32) (local $j i32) (local $iy i32)
  (local $ix i32) (local $tapBytes i32) (local $d i32) (local $c i32) (local $s i32)
  (local.set $tapBytes (i32.shl (local.get $ci) (i32.const 2)))
  (local.set $xo (i32.rem_u (local.get $p0) (local.get $ow)))
  (local.set $y (i32.rem_u (i32.div_u (local.get $p0) (local.get $ow)) (local.get $oh)))
  (local.set $n (i32.div_u (local.get $p0) (i32.mul (local.get $ow) (local.get $oh))))
  (block $done (loop $rowsL
    (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
    (local.set $i (i32.const 0))
    (loop $khL
      (local.set $iy (i32.sub (i32.add (i32.mul (local.get $y) (local.get $sh)) (i32.mul (local.get $i) (local.get $dh))) (local.get $pt)))
      (local.set $j (i32.const 0))
      (loop $kwL
        (local.set $ix (i32.sub (i32.add (i32.mul (local.get $xo) (local.get $sw)) (i32.mul (local.get $j) (local.get $dw))) (local.get $pl)))
        (if (i32.and (i32.lt_u (local.get $iy) (local.get $h)) (i32.lt_u (local.get $ix) (local.get $w)))
          (then
            (local.set $d (i32.add (local.get $dx) (i32.mul (local.get $tapBytes)
              (i32.add (i32.mul (i32.add (i32.mul (local.get $n) (local.get $h)) (local.get $iy)) (local.get $w)) (local.get $ix)))))
            (local.set $s (local.get $src))
            (local.set $c (i32.const 0))
            (block $vd (loop $vl
              (br_if $vd (i32.gt_u (i32.add (local.get $c) (i32.const 4)) (local.get $ci)))
              (v128.store align=4 (local.get $d) (f32x4.add (v128.load align=4 (local.get $d)) (v128.load align=4 (local.get $s))))
              (local.set $d (i32.add (local.get $d) (i32.const 16)))
              (local.set $s (i32.add (local.get $s) (i32.const 16)))
              (local.set $c (i32.add (local.get $c) (i32.const 4)))
              (br $vl)))
            (block $sd (loop $sl
              (br_if $sd (i32.ge_u (local.get $c) (local.get $ci)))
              (f32.store (local.get $d) (f32.add (f32.load (local.get $d)) (f32.load (local.get $s))))
              (local.set $d (i32.add (local.get $d) (i32.const 4)))
              (local.set $s (i32.add (local.get $s) (i32.const 4)))
              (local.set $c (i32.add (local.get $c) (i32.const 1)))
              (br $sl)))))
        (local.set $src (i32.add (local.get $src) (local.get $tapBytes)))
        (br_if $kwL (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $kw))))
      (br_if $khL (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $kh))))
    (local.set $r (i32.add (local.get $r) (i32.const 1)))
    (if (i32.eq (local.tee $xo (i32.add (local.get $xo) (i32.const 1))) (local.get $ow))
      (then
        (local.set $xo (i32.const 0))
        (if (i32.eq (local.tee $y (i32.add (local.get $y) (i32.const 1))) (local.get $oh))
          (then (local.set $y (i32.const 0)) (local.set $n (i32.add (local.get $n) (i32.const 1)))))))
    (br $rowsL)))
)`;
}

/** dst[c] += sum over rows r of src[r * cols + c] (bytes for pointers; SIMD over columns). */
function columnSum() {
  return `
(func (export "colsum") (param $src i32) (param $rows i32) (param $cols i32) (param $dst i32)
  (local $r i32) (local $c i32) (local $s i32) (local $d i32)
  (local.set $s (local.get $src))
  (block $done (loop $rl
    (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
    (local.set $d (local.get $dst))
    (local.set $c (i32.const 0))
    (block $vd (loop $vl
      (br_if $vd (i32.gt_u (i32.add (local.get $c) (i32.const 4)) (local.get $cols)))
      (v128.store align=4 (local.get $d) (f32x4.add (v128.load align=4 (local.get $d)) (v128.load align=4 (local.get $s))))
      (local.set $d (i32.add (local.get $d) (i32.const 16)))
      (local.set $s (i32.add (local.get $s) (i32.const 16)))
      (local.set $c (i32.add (local.get $c) (i32.const 4)))
      (br $vl)))
    (block $sd (loop $sl
      (br_if $sd (i32.ge_u (local.get $c) (local.get $cols)))
      (f32.store (local.get $d) (f32.add (f32.load (local.get $d)) (f32.load (local.get $s))))
      (local.set $d (i32.add (local.get $d) (i32.const 4)))
      (local.set $s (i32.add (local.get $s) (i32.const 4)))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $sl)))
    (local.set $r (i32.add (local.get $r) (i32.const 1)))
    (br $rl)))
)`;
}

/**
 * One Adam step in a single pass, in the same operation order as tfjs's AdamOptimizer:
 * m = m*b1 + g*(1-b1); v = v*b2 + g^2*(1-b2) (both in place); w' = (m/c1) / (sqrt(v/c2) + eps) * -lr + w.
 * n must be a multiple of 4 (the caller does the tail).
 */
function adam() {
  const splat = (name) => `(f32x4.splat (local.get ${name}))`;
  return `
(func (export "adam") (param $w i32) (param $g i32) (param $m i32) (param $v i32) (param $out i32) (param $n i32)
      (param $b1 f32) (param $ob1 f32) (param $b2 f32) (param $ob2 f32) (param $c1 f32) (param $c2 f32)
      (param $eps f32) (param $nlr f32)
  (local $i i32) (local $gv v128) (local $mv v128) (local $vv v128) (local $o i32)
  (block $done (loop $l
    (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
    (local.set $o (i32.shl (local.get $i) (i32.const 2)))
    (local.set $gv (v128.load align=4 (i32.add (local.get $g) (local.get $o))))
    (local.set $mv (f32x4.add (f32x4.mul (v128.load align=4 (i32.add (local.get $m) (local.get $o))) ${splat('$b1')})
                              (f32x4.mul (local.get $gv) ${splat('$ob1')})))
    (local.set $vv (f32x4.add (f32x4.mul (v128.load align=4 (i32.add (local.get $v) (local.get $o))) ${splat('$b2')})
                              (f32x4.mul (f32x4.mul (local.get $gv) (local.get $gv)) ${splat('$ob2')})))
    (v128.store align=4 (i32.add (local.get $m) (local.get $o)) (local.get $mv))
    (v128.store align=4 (i32.add (local.get $v) (local.get $o)) (local.get $vv))
    (v128.store align=4 (i32.add (local.get $out) (local.get $o))
      (f32x4.add
        (f32x4.mul
          (f32x4.div (f32x4.div (local.get $mv) ${splat('$c1')})
                     (f32x4.add (f32x4.sqrt (f32x4.div (local.get $vv) ${splat('$c2')})) ${splat('$eps')}))
          ${splat('$nlr')})
        (v128.load align=4 (i32.add (local.get $w) (local.get $o)))))
    (local.set $i (i32.add (local.get $i) (i32.const 4)))
    (br $l)))
)`;
}

/** x[r][c] = act(x[r][c] + bias[c]) in place, act = identity (0), relu (1) or relu6 (2); bias may be 0 (none). */
function biasActivation() {
  return `
(func (export "biasact") (param $x i32) (param $rows i32) (param $cols i32) (param $bias i32) (param $act i32)
  (local $r i32) (local $c i32) (local $v v128) (local $s f32) (local $p i32)
  (local.set $p (local.get $x))
  (block $done (loop $rl
    (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
    (local.set $c (i32.const 0))
    (block $vd (loop $vl
      (br_if $vd (i32.gt_u (i32.add (local.get $c) (i32.const 4)) (local.get $cols)))
      (local.set $v (v128.load align=4 (local.get $p)))
      (if (local.get $bias) (then (local.set $v (f32x4.add (local.get $v)
        (v128.load align=4 (i32.add (local.get $bias) (i32.shl (local.get $c) (i32.const 2))))))))
      (if (i32.ge_u (local.get $act) (i32.const 1)) (then (local.set $v (f32x4.max (local.get $v) (f32x4.splat (f32.const 0))))))
      (if (i32.eq (local.get $act) (i32.const 2)) (then (local.set $v (f32x4.min (local.get $v) (f32x4.splat (f32.const 6))))))
      (v128.store align=4 (local.get $p) (local.get $v))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (local.set $c (i32.add (local.get $c) (i32.const 4)))
      (br $vl)))
    (block $sd (loop $sl
      (br_if $sd (i32.ge_u (local.get $c) (local.get $cols)))
      (local.set $s (f32.load (local.get $p)))
      (if (local.get $bias) (then (local.set $s (f32.add (local.get $s)
        (f32.load (i32.add (local.get $bias) (i32.shl (local.get $c) (i32.const 2))))))))
      (if (i32.ge_u (local.get $act) (i32.const 1)) (then (local.set $s (f32.max (local.get $s) (f32.const 0)))))
      (if (i32.eq (local.get $act) (i32.const 2)) (then (local.set $s (f32.min (local.get $s) (f32.const 6)))))
      (f32.store (local.get $p) (local.get $s))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $sl)))
    (local.set $r (i32.add (local.get $r) (i32.const 1)))
    (br $rl)))
)`;
}

export function gemmWat(fma = false) {
  return `(module\n(import "env" "memory" (memory 1))\n${microKernel(fma)}\n${blockLoop()}\n${packer()}\n${packTransposed()}\n${im2col()}\n${col2im()}\n${columnSum()}\n${adam()}\n${biasActivation()}\n)`;
}

async function main() {
  const wabt = await wabtInit();
  const build = (fma) => {
    const mod = wabt.parseWat('gemm.wat', gemmWat(fma), {simd: true, bulk_memory: true, relaxed_simd: fma});
    mod.validate();
    return mod.toBinary({}).buffer;
  };
  const buffer = build(false);
  const relaxed = build(true);
  const out = `// Generated by scripts/gen-gemm-wasm.mjs: do not edit.\n` +
    `export const GEMM_MR = ${MR};\nexport const GEMM_NR = ${NV * 4};\n` +
    `/** Micro-kernel with separate multiply and add (WebAssembly SIMD 128). */\n` +
    `export const GEMM_WASM_BASE64 =\n  '${Buffer.from(buffer).toString('base64')}';\n` +
    `/** The same with a fused multiply-add micro-kernel (relaxed SIMD). */\n` +
    `export const GEMM_WASM_RELAXED_BASE64 =\n  '${Buffer.from(relaxed).toString('base64')}';\n`;
  writeFileSync(process.env.GEMM_OUT ?? new URL('../src/engine/kernels/gemm-wasm.generated.ts', import.meta.url), out);
  console.log(`gemm wasm: ${buffer.length} bytes`);
}
if (import.meta.url === `file://${process.argv[1]}`) main();
