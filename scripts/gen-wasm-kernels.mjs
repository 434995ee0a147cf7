// Generates src/engine/kernels/wasm-kernels.generated.ts: the WebAssembly SIMD kernels of the
// wasm backend (the matrix-multiply micro-kernel and its packing, im2col/col2im, Winograd, Adam,
// bias-activation, ReLU gradient, axpy, ...) in one module that runs inside the tfjs wasm
// backend's own memory (imported), so tensors are read and written in place. Run after editing
// this file: node scripts/gen-wasm-kernels.mjs
import wabtInit from 'wabt';
import {writeFileSync} from 'node:fs';
import v8 from 'node:v8';

export const MR = Number(process.env.GEMM_MR ?? 4); // rows of A per micro-tile (GEMM_MR overrides, for tuning)
export const NV = Number(process.env.GEMM_NV ?? 2); // 4-float vectors of B per micro-tile: NR = 4 * NV columns (GEMM_NV overrides)
export const PICKED_VECTORS = Number(process.env.GEMM_PICKED_VECTORS ?? 2); // 4-float vectors per row per iteration in pickedrows
export const SPARSE_VECTORS = Number(process.env.SPARSE_VECTORS ?? 8); // 4-float vectors per strip of the sparse product (its weights' layout)
export const PICKED_ROWS = Number(process.env.GEMM_PICKED_ROWS ?? 4); // weight rows streamed side by side in pickedrows (GEMM_PICKED_ROWS overrides, for tuning)
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
(func $copyTile (param $dst i32) (param $dstStride i32) (param $src i32) (param $srcStride i32) (param $rows i32) (param $cols i32)
  (local $r i32) (local $j i32)
  (block $rd (loop $rl
    (br_if $rd (i32.ge_u (local.get $r) (local.get $rows)))
    (local.set $j (i32.const 0))
    (block $jd (loop $jl
      (br_if $jd (i32.ge_u (local.get $j) (local.get $cols)))
      (f32.store (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2)))
        (f32.load (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2)))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $jl)))
    (local.set $dst (i32.add (local.get $dst) (local.get $dstStride)))
    (local.set $src (i32.add (local.get $src) (local.get $srcStride)))
    (local.set $r (i32.add (local.get $r) (i32.const 1)))
    (br $rl)))
)
;; A partial micro-tile (rows x cols) through the scratch tile tmp, so the kernel never writes outside C.
(func $edgeTile (param $a i32) (param $b i32) (param $c i32) (param $rows i32) (param $cols i32) (param $kc i32)
      (param $ldc i32) (param $load i32) (param $tmp i32)
  (if (local.get $load) (then (call $copyTile (local.get $tmp) (i32.const ${NV * 16}) (local.get $c) (local.get $ldc) (local.get $rows) (local.get $cols))))
  (call $tile (local.get $a) (local.get $b) (local.get $tmp) (local.get $kc) (i32.const ${NV * 16}) (local.get $load))
  (call $copyTile (local.get $c) (local.get $ldc) (local.get $tmp) (i32.const ${NV * 16}) (local.get $rows) (local.get $cols))
)
;; Every partial micro-tile of a packed mc x nc block: the bottom rows and the right columns.
(func (export "edges") (param $ap i32) (param $bp i32) (param $c i32) (param $mc i32) (param $nc i32) (param $kc i32)
      (param $ldc i32) (param $load i32) (param $tmp i32)
  (local $mFull i32) (local $nFull i32) (local $rowsRem i32) (local $colsRem i32) (local $j i32) (local $i i32)
  (local.set $mFull (i32.div_u (local.get $mc) (i32.const ${MR})))
  (local.set $nFull (i32.div_u (local.get $nc) (i32.const ${NV * 4})))
  (local.set $rowsRem (i32.sub (local.get $mc) (i32.mul (local.get $mFull) (i32.const ${MR}))))
  (local.set $colsRem (i32.sub (local.get $nc) (i32.mul (local.get $nFull) (i32.const ${NV * 4}))))
  (if (local.get $rowsRem) (then
    (block $jd (loop $jl
      (br_if $jd (i32.ge_u (local.get $j) (local.get $nFull)))
      (call $edgeTile
        (i32.add (local.get $ap) (i32.mul (i32.mul (local.get $mFull) (local.get $kc)) (i32.const ${MR * 4})))
        (i32.add (local.get $bp) (i32.mul (i32.mul (local.get $j) (local.get $kc)) (i32.const ${NV * 16})))
        (i32.add (local.get $c) (i32.add (i32.mul (i32.mul (local.get $mFull) (i32.const ${MR})) (local.get $ldc)) (i32.mul (local.get $j) (i32.const ${NV * 16}))))
        (local.get $rowsRem) (i32.const ${NV * 4}) (local.get $kc) (local.get $ldc) (local.get $load) (local.get $tmp))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $jl)))))
  (if (local.get $colsRem) (then
    (block $id (loop $il
      (br_if $id (i32.ge_u (i32.mul (local.get $i) (i32.const ${MR})) (local.get $mc)))
      (call $edgeTile
        (i32.add (local.get $ap) (i32.mul (i32.mul (local.get $i) (local.get $kc)) (i32.const ${MR * 4})))
        (i32.add (local.get $bp) (i32.mul (i32.mul (local.get $nFull) (local.get $kc)) (i32.const ${NV * 16})))
        (i32.add (local.get $c) (i32.add (i32.mul (i32.mul (local.get $i) (i32.const ${MR})) (local.get $ldc)) (i32.mul (local.get $nFull) (i32.const ${NV * 16}))))
        (select (i32.const ${MR}) (i32.sub (local.get $mc) (i32.mul (local.get $i) (i32.const ${MR})))
          (i32.le_u (i32.const ${MR}) (i32.sub (local.get $mc) (i32.mul (local.get $i) (i32.const ${MR})))))
        (local.get $colsRem) (local.get $kc) (local.get $ldc) (local.get $load) (local.get $tmp))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $il)))))
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

// Shared by im2col and col2im, which walk the same output pixels (n, y, xo) from row p0 on.
const OUTPUT_PIXEL_FROM_P0 = `  (local.set $xo (i32.rem_u (local.get $p0) (local.get $ow)))
  (local.set $y (i32.rem_u (i32.div_u (local.get $p0) (local.get $ow)) (local.get $oh)))
  (local.set $n (i32.div_u (local.get $p0) (i32.mul (local.get $ow) (local.get $oh))))`;
const NEXT_OUTPUT_PIXEL = `    (local.set $r (i32.add (local.get $r) (i32.const 1)))
    (if (i32.eq (local.tee $xo (i32.add (local.get $xo) (i32.const 1))) (local.get $ow))
      (then
        (local.set $xo (i32.const 0))
        (if (i32.eq (local.tee $y (i32.add (local.get $y) (i32.const 1))) (local.get $oh))
          (then (local.set $y (i32.const 0)) (local.set $n (i32.add (local.get $n) (i32.const 1)))))))
    (br $rowsL)))`;
/** Index of input pixel (n, iy, ix) in an NHWC tensor, in pixels. */
/**
 * d[0..count) += s[0..count): four floats at a time, then one; leaves $d and $s past the end
 * ($c counts). col2im adds a patch-gradient row onto an input pixel, colsum a row onto the sums.
 */
function addFloats(count) {
  return `    (local.set $c (i32.const 0))
    (block $vd (loop $vl
      (br_if $vd (i32.gt_u (i32.add (local.get $c) (i32.const 4)) (local.get ${count})))
      (v128.store align=4 (local.get $d) (f32x4.add (v128.load align=4 (local.get $d)) (v128.load align=4 (local.get $s))))
      (local.set $d (i32.add (local.get $d) (i32.const 16)))
      (local.set $s (i32.add (local.get $s) (i32.const 16)))
      (local.set $c (i32.add (local.get $c) (i32.const 4)))
      (br $vl)))
    (block $sd (loop $sl
      (br_if $sd (i32.ge_u (local.get $c) (local.get ${count})))
      (f32.store (local.get $d) (f32.add (f32.load (local.get $d)) (f32.load (local.get $s))))
      (local.set $d (i32.add (local.get $d) (i32.const 4)))
      (local.set $s (i32.add (local.get $s) (i32.const 4)))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $sl)))`;
}

const INPUT_PIXEL_INDEX = '(i32.add (i32.mul (i32.add (i32.mul (local.get $n) (local.get $h)) (local.get $iy)) (local.get $w)) (local.get $ix))';

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
${OUTPUT_PIXEL_FROM_P0}
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
                  ${INPUT_PIXEL_INDEX})))
                (memory.copy (local.get $dst) (local.get $src) (local.get $tapBytes))))
            (local.set $dst (i32.add (local.get $dst) (local.get $tapBytes)))
            (br_if $kwL (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $kw))))))
      (br_if $khL (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $kh))))
${NEXT_OUTPUT_PIXEL}
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
${OUTPUT_PIXEL_FROM_P0}
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
              ${INPUT_PIXEL_INDEX})))
            (local.set $s (local.get $src))
${addFloats('$ci')}))
        (local.set $src (i32.add (local.get $src) (local.get $tapBytes)))
        (br_if $kwL (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $kw))))
      (br_if $khL (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $kh))))
${NEXT_OUTPUT_PIXEL}
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
${addFloats('$cols')}
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

// The three Winograd transforms walk tiles [t0, t0 + count) the same way: image n and tile r
// within it, then four channels at a time.
function beginTileLoop(L) {
  L.push('  (block $done (loop $tiles');
  L.push('    (br_if $done (i32.ge_u (local.get $t) (local.get $count)))');
  L.push('    (local.set $n (i32.div_u (i32.add (local.get $t0) (local.get $t)) (local.get $tilesPerImage)))');
  L.push('    (local.set $r (i32.rem_u (i32.add (local.get $t0) (local.get $t)) (local.get $tilesPerImage)))');
}

function endTileLoop(L) {
  L.push('      (br_if $chans (i32.lt_u (local.tee $ch (i32.add (local.get $ch) (i32.const 4))) (local.get $c))))');
  L.push('    (local.set $t (i32.add (local.get $t) (i32.const 1)))');
  L.push('    (br $tiles)))');
  L.push(')');
}

/** Top-left output pixel (oy, ox) of tile r, and whether its second row and column are inside [oh, ow]. */
function outputTileOrigin(L) {
  L.push('    (local.set $oy (i32.shl (i32.div_u (local.get $r) (local.get $tilesW)) (i32.const 1)))');
  L.push('    (local.set $ox (i32.shl (i32.rem_u (local.get $r) (local.get $tilesW)) (i32.const 1)))');
  L.push('    (local.set $okr1 (i32.lt_u (i32.add (local.get $oy) (i32.const 1)) (local.get $oh)))');
  L.push('    (local.set $okc1 (i32.lt_u (i32.add (local.get $ox) (i32.const 1)) (local.get $ow)))');
}

/**
 * Winograd's transforms for a 3x3 kernel: `tile` output pixels per tile side from tile + 2 input
 * pixels, B^T ((tile + 2) x (tile + 2)) and A^T (tile x (tile + 2)). F(2x2, 3x3) interpolates at
 * 0, 1, -1 and infinity; F(4x4, 3x3) at 0, 1, -1, 2, -2 and infinity.
 */
const F2 = {
  tile: 2,
  bt: [[1, 0, -1, 0], [0, 1, 1, 0], [0, -1, 1, 0], [0, 1, 0, -1]],
  at: [[1, 1, 1, 0], [0, 1, -1, -1]],
};
const F4 = {
  tile: 4,
  bt: [
    [4, 0, -5, 0, 1, 0],
    [0, -4, -4, 1, 1, 0],
    [0, 4, -4, -1, 1, 0],
    [0, -2, -1, 2, 1, 0],
    [0, 2, -1, -2, 1, 0],
    [0, 4, 0, -5, 0, 1],
  ],
  at: [[1, 1, 1, 1, 1, 0], [0, 1, -1, 2, -2, 0], [0, 1, 1, 4, 4, 0], [0, 1, -1, 8, -8, 1]],
};

/** sum of coefficient * term over the nonzero coefficients as f32x4 code, a positive one first (no negation). */
function combination(coefficients, terms) {
  const used = coefficients.map((c, k) => ({c, term: terms[k]})).filter(({c}) => c !== 0);
  used.sort((x, y) => Number(y.c > 0) - Number(x.c > 0));
  const scaled = (c, term) => (c === 1 ? term : `(f32x4.mul ${term} (f32x4.splat (f32.const ${c})))`);
  let out;
  for (const {c, term} of used) {
    if (out === undefined) out = c === -1 ? `(f32x4.neg ${term})` : scaled(c, term);
    else out = c < 0 ? `(f32x4.sub ${out} ${scaled(-c, term)})` : `(f32x4.add ${out} ${scaled(c, term)})`;
  }
  return out ?? '(v128.const i32x4 0 0 0 0)';
}

/**
 * Winograd input transform (V = B^T d B) for tiles [t0, t0 + count) of an NHWC input, four
 * channels at a time (c % 4 == 0). Tile t covers input rows tile*ty - padT .. + tile + 1 and the
 * same columns (zeros outside). V[k][t - t0][c] is written at v + (k * vStride + (t - t0) * c + ch)
 * * 4 bytes, k = (tile + 2) * row + col.
 */
function winogradInputKernel(name, {tile, bt}) {
  const a = tile + 2;
  const L = [];
  L.push(`(func (export "${name}") (param $x i32) (param $h i32) (param $w i32) (param $c i32) (param $padT i32) (param $padL i32)`);
  L.push('      (param $tilesW i32) (param $tilesPerImage i32) (param $t0 i32) (param $count i32) (param $v i32) (param $vStride i32)');
  L.push('  (local $t i32) (local $n i32) (local $r i32) (local $y0 i32) (local $x0 i32) (local $ch i32) (local $out i32) (local $kStride i32)');
  for (let i = 0; i < a; i++) L.push(`  (local $row${i} i32) (local $okr${i} i32) (local $okc${i} i32)`);
  for (let i = 0; i < a * a; i++) L.push(`  (local $d${i} v128) (local $q${i} v128)`);
  L.push('  (local.set $kStride (i32.shl (local.get $vStride) (i32.const 2)))');
  beginTileLoop(L);
  const shift = Math.log2(tile);
  L.push(`    (local.set $y0 (i32.sub (i32.shl (i32.div_u (local.get $r) (local.get $tilesW)) (i32.const ${shift})) (local.get $padT)))`);
  L.push(`    (local.set $x0 (i32.sub (i32.shl (i32.rem_u (local.get $r) (local.get $tilesW)) (i32.const ${shift})) (local.get $padL)))`);
  for (let i = 0; i < a; i++) {
    L.push(`    (local.set $okr${i} (i32.lt_u (i32.add (local.get $y0) (i32.const ${i})) (local.get $h)))`);
    L.push(`    (local.set $okc${i} (i32.lt_u (i32.add (local.get $x0) (i32.const ${i})) (local.get $w)))`);
    L.push(`    (local.set $row${i} (i32.add (local.get $x) (i32.shl (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $n) (local.get $h))`);
    L.push(`      (i32.add (local.get $y0) (i32.const ${i}))) (local.get $w)) (local.get $x0)) (local.get $c)) (i32.const 2))))`);
  }
  L.push('    (local.set $out (i32.add (local.get $v) (i32.shl (i32.mul (local.get $t) (local.get $c)) (i32.const 2))))');
  L.push('    (local.set $ch (i32.const 0))');
  L.push('    (loop $chans');
  for (let i = 0; i < a; i++) for (let j = 0; j < a; j++) {
    L.push(`      (local.set $d${a * i + j} (if (result v128) (i32.and (local.get $okr${i}) (local.get $okc${j}))`);
    L.push(`        (then (v128.load align=4 (i32.add (local.get $row${i}) (i32.shl (i32.add (i32.mul (local.get $c) (i32.const ${j})) (local.get $ch)) (i32.const 2)))))`);
    L.push('        (else (v128.const i32x4 0 0 0 0))))');
  }
  const along = (f) => Array.from({length: a}, (_, k) => f(k));
  // rows: q = B^T d
  for (let i = 0; i < a; i++) for (let j = 0; j < a; j++) {
    L.push(`      (local.set $q${a * i + j} ${combination(bt[i], along((k) => `(local.get $d${a * k + j})`))})`);
  }
  // columns: V = q B
  for (let i = 0; i < a; i++) for (let j = 0; j < a; j++) {
    L.push(`      (v128.store align=4 (i32.add (local.get $out) (i32.mul (local.get $kStride) (i32.const ${a * i + j})))`);
    L.push(`        ${combination(bt[j], along((k) => `(local.get $q${a * i + k})`))})`);
  }
  L.push('      (local.set $out (i32.add (local.get $out) (i32.const 16)))');
  endTileLoop(L);
  return L.join('\n');
}

/**
 * Winograd output transform (Y = A^T m A) for tiles [t0, t0 + count): m[k][t - t0][c] at m + (k *
 * mStride + (t - t0) * c + ch) * 4 bytes; writes the tile x tile outputs that fall inside [oh, ow]
 * of the NHWC output. c % 4 == 0.
 */
function winogradOutputKernel(name, {tile, at}) {
  const a = tile + 2;
  const L = [];
  L.push(`(func (export "${name}") (param $m i32) (param $mStride i32) (param $count i32) (param $t0 i32) (param $tilesW i32)`);
  L.push('      (param $tilesPerImage i32) (param $y i32) (param $oh i32) (param $ow i32) (param $c i32)');
  L.push('  (local $t i32) (local $n i32) (local $r i32) (local $oy i32) (local $ox i32) (local $ch i32) (local $src i32) (local $kStride i32)');
  L.push('  (local $p00 i32) (local $rowBytes i32) (local $rows i32) (local $cols i32)');
  for (let i = 0; i < a * a; i++) L.push(`  (local $m${i} v128)`);
  for (let i = 0; i < tile * a; i++) L.push(`  (local $s${i} v128)`);
  L.push('  (local.set $kStride (i32.shl (local.get $mStride) (i32.const 2)))');
  L.push('  (local.set $rowBytes (i32.shl (i32.mul (local.get $ow) (local.get $c)) (i32.const 2)))');
  beginTileLoop(L);
  const shift = Math.log2(tile);
  L.push(`    (local.set $oy (i32.shl (i32.div_u (local.get $r) (local.get $tilesW)) (i32.const ${shift})))`);
  L.push(`    (local.set $ox (i32.shl (i32.rem_u (local.get $r) (local.get $tilesW)) (i32.const ${shift})))`);
  // Rows and columns of the tile inside the output (1 to tile).
  L.push('    (local.set $rows (i32.sub (local.get $oh) (local.get $oy)))');
  L.push(`    (if (i32.gt_u (local.get $rows) (i32.const ${tile})) (then (local.set $rows (i32.const ${tile}))))`);
  L.push('    (local.set $cols (i32.sub (local.get $ow) (local.get $ox)))');
  L.push(`    (if (i32.gt_u (local.get $cols) (i32.const ${tile})) (then (local.set $cols (i32.const ${tile}))))`);
  L.push('    (local.set $p00 (i32.add (local.get $y) (i32.shl (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $n) (local.get $oh)) (local.get $oy)) (local.get $ow)) (local.get $ox)) (local.get $c)) (i32.const 2))))');
  L.push('    (local.set $src (i32.add (local.get $m) (i32.shl (i32.mul (local.get $t) (local.get $c)) (i32.const 2))))');
  L.push('    (local.set $ch (i32.const 0))');
  L.push('    (loop $chans');
  for (let k = 0; k < a * a; k++) L.push(`      (local.set $m${k} (v128.load align=4 (i32.add (local.get $src) (i32.mul (local.get $kStride) (i32.const ${k})))))`);
  const along = (f) => Array.from({length: a}, (_, k) => f(k));
  // s = A^T m: tile rows x (tile + 2) columns
  for (let i = 0; i < tile; i++) for (let j = 0; j < a; j++) {
    L.push(`      (local.set $s${a * i + j} ${combination(at[i], along((k) => `(local.get $m${a * k + j})`))})`);
  }
  // Y = s A, row i column j stored when inside the output.
  for (let i = 0; i < tile; i++) for (let j = 0; j < tile; j++) {
    const to = `(i32.add (local.get $p00) (i32.add (i32.mul (local.get $rowBytes) (i32.const ${i})) (i32.shl (i32.mul (local.get $c) (i32.const ${j})) (i32.const 2))))`;
    const store = `(v128.store align=4 ${to} ${combination(at[j], along((k) => `(local.get $s${a * i + k})`))})`;
    L.push(i === 0 && j === 0 ? `      ${store}`
      : `      (if (i32.and (i32.gt_u (local.get $rows) (i32.const ${i})) (i32.gt_u (local.get $cols) (i32.const ${j}))) (then ${store}))`);
  }
  L.push('      (local.set $src (i32.add (local.get $src) (i32.const 16)))');
  L.push('      (local.set $p00 (i32.add (local.get $p00) (i32.const 16)))');
  endTileLoop(L);
  return L.join('\n');
}

/**
 * Output-gradient transform for the Winograd filter gradient: Z = A dY A^T, the 2x2 tile of dy
 * at output rows 2*ty.., columns 2*tx.. (zeros past [oh, ow]) to 4x4, four channels at a time.
 * Z[k][t - t0][c] is written at z + (k * zStride + (t - t0) * c + ch) * 4 bytes.
 */
function winogradOutputGradient() {
  const L = [];
  L.push('(func (export "winoDy") (param $dy i32) (param $oh i32) (param $ow i32) (param $c i32) (param $tilesW i32)');
  L.push('      (param $tilesPerImage i32) (param $t0 i32) (param $count i32) (param $z i32) (param $zStride i32)');
  L.push('  (local $t i32) (local $n i32) (local $r i32) (local $oy i32) (local $ox i32) (local $ch i32) (local $out i32) (local $kStride i32)');
  L.push('  (local $p00 i32) (local $okr1 i32) (local $okc1 i32) (local $rowBytes i32) (local $cb i32)');
  L.push('  (local $y00 v128) (local $y01 v128) (local $y10 v128) (local $y11 v128) (local $zero v128)');
  for (let i = 0; i < 8; i++) L.push(`  (local $r${i} v128)`);
  L.push('  (local.set $kStride (i32.shl (local.get $zStride) (i32.const 2)))');
  L.push('  (local.set $rowBytes (i32.shl (i32.mul (local.get $ow) (local.get $c)) (i32.const 2)))');
  L.push('  (local.set $cb (i32.shl (local.get $c) (i32.const 2)))');
  beginTileLoop(L);
  outputTileOrigin(L);
  L.push('    (local.set $p00 (i32.add (local.get $dy) (i32.shl (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $n) (local.get $oh)) (local.get $oy)) (local.get $ow)) (local.get $ox)) (local.get $c)) (i32.const 2))))');
  L.push('    (local.set $out (i32.add (local.get $z) (i32.shl (i32.mul (local.get $t) (local.get $c)) (i32.const 2))))');
  L.push('    (local.set $ch (i32.const 0))');
  L.push('    (loop $chans');
  L.push('      (local.set $y00 (v128.load align=4 (local.get $p00)))');
  L.push('      (local.set $y01 (if (result v128) (local.get $okc1) (then (v128.load align=4 (i32.add (local.get $p00) (local.get $cb)))) (else (v128.const i32x4 0 0 0 0))))');
  L.push('      (local.set $y10 (if (result v128) (local.get $okr1) (then (v128.load align=4 (i32.add (local.get $p00) (local.get $rowBytes)))) (else (v128.const i32x4 0 0 0 0))))');
  L.push('      (local.set $y11 (if (result v128) (i32.and (local.get $okr1) (local.get $okc1)) (then (v128.load align=4 (i32.add (i32.add (local.get $p00) (local.get $rowBytes)) (local.get $cb)))) (else (v128.const i32x4 0 0 0 0))))');
  // R = A dY (4 x 2): rows y0, y0 + y1, y0 - y1, -y1 (y0, y1 = rows of the dy tile)
  L.push('      (local.set $r0 (local.get $y00)) (local.set $r1 (local.get $y01))');
  L.push('      (local.set $r2 (f32x4.add (local.get $y00) (local.get $y10))) (local.set $r3 (f32x4.add (local.get $y01) (local.get $y11)))');
  L.push('      (local.set $r4 (f32x4.sub (local.get $y00) (local.get $y10))) (local.set $r5 (f32x4.sub (local.get $y01) (local.get $y11)))');
  L.push('      (local.set $r6 (f32x4.neg (local.get $y10))) (local.set $r7 (f32x4.neg (local.get $y11)))');
  const store = (k, expr) => L.push(`      (v128.store align=4 (i32.add (local.get $out) (i32.mul (local.get $kStride) (i32.const ${k}))) ${expr})`);
  for (let i = 0; i < 4; i++) {
    const a = `(local.get $r${2 * i})`, b = `(local.get $r${2 * i + 1})`;
    store(4 * i, a);
    store(4 * i + 1, `(f32x4.add ${a} ${b})`);
    store(4 * i + 2, `(f32x4.sub ${a} ${b})`);
    store(4 * i + 3, `(f32x4.neg ${b})`);
  }
  L.push('      (local.set $out (i32.add (local.get $out) (i32.const 16)))');
  L.push('      (local.set $p00 (i32.add (local.get $p00) (i32.const 16)))');
  endTileLoop(L);
  return L.join('\n');
}

/** ReLU gradient in one pass: out = x > 0 ? dy : dy * 0, NaN where x is NaN (as dy * step(x)). */
function reluGradient() {
  return `
(func (export "relugrad") (param $dy i32) (param $x i32) (param $out i32) (param $n i32)
  (local $i i32) (local $o i32) (local $xv v128) (local $gv v128) (local $r v128) (local $xs f32) (local $gs f32)
  (block $vd (loop $vl
    (br_if $vd (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
    (local.set $o (i32.shl (local.get $i) (i32.const 2)))
    (local.set $xv (v128.load align=4 (i32.add (local.get $x) (local.get $o))))
    (local.set $gv (v128.load align=4 (i32.add (local.get $dy) (local.get $o))))
    (local.set $r (v128.bitselect (local.get $gv) (f32x4.mul (local.get $gv) (f32x4.splat (f32.const 0)))
      (f32x4.gt (local.get $xv) (f32x4.splat (f32.const 0)))))
    (v128.store align=4 (i32.add (local.get $out) (local.get $o))
      (v128.bitselect (local.get $xv) (local.get $r) (f32x4.ne (local.get $xv) (local.get $xv))))
    (local.set $i (i32.add (local.get $i) (i32.const 4)))
    (br $vl)))
  (block $sd (loop $sl
    (br_if $sd (i32.ge_u (local.get $i) (local.get $n)))
    (local.set $o (i32.shl (local.get $i) (i32.const 2)))
    (local.set $xs (f32.load (i32.add (local.get $x) (local.get $o))))
    (local.set $gs (f32.load (i32.add (local.get $dy) (local.get $o))))
    (f32.store (i32.add (local.get $out) (local.get $o))
      (select (local.get $xs)
        (select (local.get $gs) (f32.mul (local.get $gs) (f32.const 0)) (f32.gt (local.get $xs) (f32.const 0)))
        (f32.ne (local.get $xs) (local.get $xs))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $sl)))
)`;
}

/** out = w * src (accumulate 0) or out += w * src (accumulate 1), n floats, SIMD with a scalar tail. */
function scaleAdd() {
  return `
(func (export "axpy") (param $out i32) (param $src i32) (param $w f32) (param $n i32) (param $accumulate i32)
  (local $i i32) (local $o i32) (local $wv v128) (local $p v128)
  (local.set $wv (f32x4.splat (local.get $w)))
  (block $vd (loop $vl
    (br_if $vd (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
    (local.set $o (i32.shl (local.get $i) (i32.const 2)))
    (local.set $p (f32x4.mul (local.get $wv) (v128.load align=4 (i32.add (local.get $src) (local.get $o)))))
    (if (local.get $accumulate) (then (local.set $p (f32x4.add (v128.load align=4 (i32.add (local.get $out) (local.get $o))) (local.get $p)))))
    (v128.store align=4 (i32.add (local.get $out) (local.get $o)) (local.get $p))
    (local.set $i (i32.add (local.get $i) (i32.const 4)))
    (br $vl)))
  (block $sd (loop $sl
    (br_if $sd (i32.ge_u (local.get $i) (local.get $n)))
    (local.set $o (i32.shl (local.get $i) (i32.const 2)))
    (f32.store (i32.add (local.get $out) (local.get $o))
      (select
        (f32.add (f32.load (i32.add (local.get $out) (local.get $o))) (f32.mul (local.get $w) (f32.load (i32.add (local.get $src) (local.get $o)))))
        (f32.mul (local.get $w) (f32.load (i32.add (local.get $src) (local.get $o))))
        (local.get $accumulate)))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $sl)))
)`;
}

/**
 * Indices of the nonzero floats of x[0..k) (NaN counts as nonzero) written as i32 at idx;
 * returns how many. Four floats are tested at a time; runs of zeros cost one compare.
 */
function nonzeroIndices() {
  return `
(func (export "nonzeros") (param $x i32) (param $k i32) (param $idx i32) (result i32)
  (local $i i32) (local $count i32) (local $mask i32) (local $lane i32)
  (block $vd (loop $vl
    (br_if $vd (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $k)))
    (local.set $mask (i32x4.bitmask (f32x4.ne (v128.load align=4 (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2))))
      (f32x4.splat (f32.const 0)))))
    (block $ld (loop $ll
      (br_if $ld (i32.eqz (local.get $mask)))
      (local.set $lane (i32.ctz (local.get $mask)))
      (i32.store (i32.add (local.get $idx) (i32.shl (local.get $count) (i32.const 2))) (i32.add (local.get $i) (local.get $lane)))
      (local.set $count (i32.add (local.get $count) (i32.const 1)))
      (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
      (br $ll)))
    (local.set $i (i32.add (local.get $i) (i32.const 4)))
    (br $vl)))
  (block $sd (loop $sl
    (br_if $sd (i32.ge_u (local.get $i) (local.get $k)))
    (if (f32.ne (f32.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))) (f32.const 0)) (then
      (i32.store (i32.add (local.get $idx) (i32.shl (local.get $count) (i32.const 2))) (local.get $i))
      (local.set $count (i32.add (local.get $count) (i32.const 1)))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $sl)))
  (local.get $count)
)`;
}

/**
 * out[0..n) += sum over j < count of x[idx[j]] * w[idx[j]][0..n): the rows of a row-major k x n
 * matrix picked by idx, in idx order. Four rows stream side by side per pass over out (out stays
 * in L1; four streams keep more memory reads in flight than one), two vectors per iteration;
 * leftover rows go one at a time, leftover columns (n % 8) one float at a time.
 */
function pickedRowsProduct() {
  const pass = (rows) => {
    const L = [];
    for (let j = 0; j < rows; j++) {
      L.push(`    (local.set $i (i32.load offset=${4 * j} (local.get $q)))`);
      L.push(`    (local.set $p${j} (i32.add (local.get $w) (i32.mul (local.get $i) (local.get $rowBytes))))`);
      L.push(`    (local.set $s${j} (f32.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))))`);
      L.push(`    (local.set $v${j} (f32x4.splat (local.get $s${j})))`);
    }
    L.push('    (local.set $o (local.get $out))');
    L.push('    (block $vd (loop $vl');
    L.push(`      (br_if $vd (i32.gt_u (i32.add (local.get $o) (i32.const ${16 * PICKED_VECTORS})) (local.get $outEnd)))`);
    for (let v = 0; v < PICKED_VECTORS; v++) {
      L.push(`      (local.set $acc (v128.load offset=${16 * v} align=4 (local.get $o)))`);
      for (let j = 0; j < rows; j++) {
        L.push(`      (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $v${j}) (v128.load offset=${16 * v} align=4 (local.get $p${j})))))`);
      }
      L.push(`      (v128.store offset=${16 * v} align=4 (local.get $o) (local.get $acc))`);
    }
    for (let j = 0; j < rows; j++) L.push(`      (local.set $p${j} (i32.add (local.get $p${j}) (i32.const ${16 * PICKED_VECTORS})))`);
    L.push(`      (local.set $o (i32.add (local.get $o) (i32.const ${16 * PICKED_VECTORS})))`);
    L.push('      (br $vl)))');
    L.push('    (block $sd (loop $sl');
    L.push('      (br_if $sd (i32.ge_u (local.get $o) (local.get $outEnd)))');
    L.push('      (local.set $sum (f32.load (local.get $o)))');
    for (let j = 0; j < rows; j++) {
      L.push(`      (local.set $sum (f32.add (local.get $sum) (f32.mul (local.get $s${j}) (f32.load (local.get $p${j})))))`);
      L.push(`      (local.set $p${j} (i32.add (local.get $p${j}) (i32.const 4)))`);
    }
    L.push('      (f32.store (local.get $o) (local.get $sum))');
    L.push('      (local.set $o (i32.add (local.get $o) (i32.const 4)))');
    L.push('      (br $sl)))');
    L.push(`    (local.set $q (i32.add (local.get $q) (i32.const ${4 * rows})))`);
    return L.join('\n');
  };
  const locals = Array.from({length: PICKED_ROWS}, (_, j) => `(local $p${j} i32) (local $s${j} f32) (local $v${j} v128)`).join(' ');
  return `
(func (export "pickedrows") (param $x i32) (param $idx i32) (param $count i32) (param $w i32) (param $n i32) (param $out i32)
  (local $q i32) (local $end i32) (local $rowBytes i32) (local $o i32) (local $outEnd i32) (local $i i32) (local $acc v128) (local $sum f32)
  ${locals}
  (local.set $rowBytes (i32.shl (local.get $n) (i32.const 2)))
  (local.set $outEnd (i32.add (local.get $out) (local.get $rowBytes)))
  (local.set $q (local.get $idx))
  (local.set $end (i32.add (local.get $idx) (i32.shl (local.get $count) (i32.const 2))))
  (block $fours (loop $four
    (br_if $fours (i32.gt_u (i32.add (local.get $q) (i32.const ${4 * PICKED_ROWS})) (local.get $end)))
${pass(PICKED_ROWS)}
    (br $four)))
  (block $ones (loop $one
    (br_if $ones (i32.ge_u (local.get $q) (local.get $end)))
${pass(1)}
    (br $one)))
)`;
}

/**
 * The nonzero entries of rows r < rows of x (rows x k) by blocks of `block` floats (a multiple
 * of 4), packed row after row: (index i32, value f32) pairs at idx from pair number `first`,
 * ascending (NaN counts as nonzero); row r's starts[r][b] (ceil(k / block) + 1 per row) is the
 * number of its first pair in block b, from idx (its last entry: the row's end). Returns the
 * number after the last pair; -1 (and -1 as that row's end) when a block could reach past pair
 * number `limit`. Branch-free, so that a random pattern of zeros costs no mispredictions: every
 * entry is written and the write position advances only past nonzeros.
 */
function nonzeroBlocks() {
  const lane = (l) => `
        (i32.store (local.get $q) (i32.add (local.get $i) (i32.const ${l})))
        (f32.store offset=4 (local.get $q) (f32x4.extract_lane ${l} (local.get $v)))
        (local.set $q (i32.add (local.get $q) (i32.shl (i32.and (i32.shr_u (local.get $mask) (i32.const ${l})) (i32.const 1)) (i32.const 3))))`;
  return `
(func (export "nzblocks") (param $x i32) (param $k i32) (param $rows i32) (param $block i32) (param $idx i32) (param $first i32)
      (param $limit i32) (param $starts i32) (result i32)
  (local $r i32) (local $i i32) (local $q i32) (local $qEnd i32) (local $end i32) (local $mask i32) (local $sp i32) (local $v v128) (local $s f32)
  (local.set $q (i32.add (local.get $idx) (i32.shl (local.get $first) (i32.const 3))))
  (local.set $qEnd (i32.add (local.get $idx) (i32.shl (local.get $limit) (i32.const 3))))
  (local.set $sp (local.get $starts))
  (block $rowsDone (loop $row
    (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
    (local.set $i (i32.const 0))
    (block $done (loop $blocks
      (i32.store (local.get $sp) (i32.shr_u (i32.sub (local.get $q) (local.get $idx)) (i32.const 3)))
      (local.set $sp (i32.add (local.get $sp) (i32.const 4)))
      (br_if $done (i32.ge_u (local.get $i) (local.get $k)))
      (local.set $end (i32.add (local.get $i) (local.get $block)))
      (if (i32.gt_u (local.get $end) (local.get $k)) (then (local.set $end (local.get $k))))
      (if (i32.gt_u (i32.add (local.get $q) (i32.shl (i32.add (i32.sub (local.get $end) (local.get $i)) (i32.const 4)) (i32.const 3))) (local.get $qEnd)) (then
        (i32.store (i32.sub (local.get $sp) (i32.const 4)) (i32.const -1))
        (return (i32.const -1))))
      (block $vd (loop $vl
        (br_if $vd (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $end)))
        (local.set $v (v128.load align=4 (local.get $x)))
        (local.set $mask (i32x4.bitmask (f32x4.ne (local.get $v) (f32x4.splat (f32.const 0)))))${[0, 1, 2, 3].map(lane).join('')}
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $vl)))
      (block $sd (loop $sl
        (br_if $sd (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $s (f32.load (local.get $x)))
        (i32.store (local.get $q) (local.get $i))
        (f32.store offset=4 (local.get $q) (local.get $s))
        (local.set $q (i32.add (local.get $q) (i32.shl (f32.ne (local.get $s) (f32.const 0)) (i32.const 3))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $sl)))
      (br $blocks)))
    (local.set $r (i32.add (local.get $r) (i32.const 1)))
    (br $row)))
  (i32.shr_u (i32.sub (local.get $q) (local.get $idx)) (i32.const 3))
)`;
}

/**
 * y[r][c0..c1) += sum over the nonzero entries (i, v) of row r of x of v * w[i][c0..c1), for
 * rows r < rows of x (rows x k) and y (rows x n), every pointer in bytes. The entries come from
 * nzblocks: block b of row r from pair starts[r][b] to starts[r][b + 1] at idx (startsStride
 * entries per row). w is k x n in strips of lw columns (the last one narrower when lw does not
 * divide n), each strip's k rows contiguous: column c of row i at w[s * k + i * width + (c - s)],
 * s = c - c % lw; c0 and lw are multiples of the register strip's width (4 * SPARSE_VECTORS)
 * unless one strip holds every column. Block by block and row by row, every register strip runs
 * the row's entries of the block with its accumulators in registers: the block's weights stay in
 * cache for all the rows.
 */
function sparseRowsProduct(fma) {
  const madd = (a, b, c) => (fma ? `(f32x4.relaxed_madd ${a} ${b} ${c})` : `(f32x4.add ${c} (f32x4.mul ${a} ${b}))`);
  /**
   * $strip<width>(j, jEnd, wc, stripBytes, yp): y[yp .. + width) += sum over the entries from j
   * to jEnd of value * the weights' row at wc + index * stripBytes. A function of its own, so
   * that its accumulators are the only vectors live in its loop.
   */
  const stripFunction = (vectors) => {
    const width = vectors ? 4 * vectors : 1;
    const accs = vectors ? Array.from({length: vectors}, (_, v) => `$a${v}`) : ['$s'];
    const load = (v, at) => (vectors ? `(v128.load offset=${16 * v} align=4 ${at})` : `(f32.load ${at})`);
    const store = (v, at, value) => (vectors ? `(v128.store offset=${16 * v} align=4 ${at} ${value})` : `(f32.store ${at} ${value})`);
    const type = vectors ? 'v128' : 'f32';
    return `
(func $strip${width} (param $j i32) (param $jEnd i32) (param $wc i32) (param $stripBytes i32) (param $yp i32)
  (local $p i32) (local $xv v128) (local $xs f32) ${accs.map((a) => `(local ${a} ${type})`).join(' ')}
${accs.map((a, v) => `  (local.set ${a} ${load(v, '(local.get $yp)')})`).join('\n')}
  (block $done (loop $entries
    (br_if $done (i32.ge_u (local.get $j) (local.get $jEnd)))
    (local.set $p (i32.add (local.get $wc) (i32.mul (i32.load (local.get $j)) (local.get $stripBytes))))
    ${vectors ? '(local.set $xv (v128.load32_splat offset=4 (local.get $j)))' : '(local.set $xs (f32.load offset=4 (local.get $j)))'}
${accs.map((a, v) => vectors
    ? `    (local.set ${a} ${madd('(local.get $xv)', load(v, '(local.get $p)'), `(local.get ${a})`)})`
    : `    (local.set ${a} (f32.add (local.get ${a}) (f32.mul (local.get $xs) (f32.load (local.get $p)))))`).join('\n')}
    (local.set $j (i32.add (local.get $j) (i32.const 8)))
    (br $entries)))
${accs.map((a, v) => `  ${store(v, '(local.get $yp)', `(local.get ${a})`)}`).join('\n')}
)`;
  };
  const strip = (vectors) => {
    const width = vectors ? 4 * vectors : 1;
    return `
      (block $sd${width} (loop $sl${width}
        (br_if $sd${width} (i32.gt_u (i32.add (local.get $c) (i32.const ${width})) (local.get $c1)))
        (local.set $cs (i32.sub (local.get $c) (i32.rem_u (local.get $c) (local.get $lw))))
        (local.set $stripBytes (i32.shl (i32.sub (local.get $n) (local.get $cs)) (i32.const 2)))
        (if (i32.gt_u (local.get $stripBytes) (i32.shl (local.get $lw) (i32.const 2))) (then (local.set $stripBytes (i32.shl (local.get $lw) (i32.const 2)))))
        (call $strip${width} (local.get $j) (local.get $jEnd)
          (i32.add (local.get $w) (i32.shl (i32.add (i32.mul (local.get $cs) (local.get $k)) (i32.sub (local.get $c) (local.get $cs))) (i32.const 2)))
          (local.get $stripBytes)
          (i32.add (local.get $y) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $n)) (local.get $c)) (i32.const 2))))
        (local.set $c (i32.add (local.get $c) (i32.const ${width})))
        (br $sl${width})))`;
  };
  const widths = SPARSE_VECTORS > 1 ? [SPARSE_VECTORS, 1, 0] : [1, 0];
  return `${widths.map(stripFunction).join('\n')}
(func (export "sparserows") (param $k i32) (param $rows i32) (param $idx i32) (param $starts i32) (param $startsStride i32) (param $blocks i32) (param $w i32) (param $n i32) (param $lw i32)
      (param $c0 i32) (param $c1 i32) (param $y i32)
  (local $b i32) (local $c i32) (local $r i32) (local $sp i32) (local $j i32) (local $jEnd i32) (local $cs i32) (local $stripBytes i32)
  (block $bd (loop $bl
    (br_if $bd (i32.ge_u (local.get $b) (local.get $blocks)))
    (local.set $r (i32.const 0))
    (block $rd (loop $rl
      (br_if $rd (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $sp (i32.add (local.get $starts) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $startsStride)) (local.get $b)) (i32.const 2))))
      (local.set $j (i32.add (local.get $idx) (i32.shl (i32.load (local.get $sp)) (i32.const 3))))
      (local.set $jEnd (i32.add (local.get $idx) (i32.shl (i32.load offset=4 (local.get $sp)) (i32.const 3))))
      (local.set $c (local.get $c0))${widths.map(strip).join('')}
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rl)))
    (local.set $b (i32.add (local.get $b) (i32.const 1)))
    (br $bl)))
)`;
}

/** 1 when every float of x[0..n) is finite: x - x is 0 for finite x and NaN for Inf or NaN. */
function allFinite() {
  return `
(func (export "finite") (param $x i32) (param $n i32) (result i32)
  (local $i i32) (local $acc v128) (local $s f32)
  (block $vd (loop $vl
    (br_if $vd (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
    (local.set $acc (f32x4.add (local.get $acc) (f32x4.sub
      (v128.load align=4 (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2))))
      (v128.load align=4 (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))))))
    (local.set $i (i32.add (local.get $i) (i32.const 4)))
    (br $vl)))
  (block $sd (loop $sl
    (br_if $sd (i32.ge_u (local.get $i) (local.get $n)))
    (local.set $s (f32.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))))
    (local.set $acc (f32x4.add (local.get $acc) (f32x4.splat (f32.sub (local.get $s) (local.get $s)))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $sl)))
  (i32x4.all_true (f32x4.eq (local.get $acc) (f32x4.splat (f32.const 0))))
)`;
}

/** The module; `shared`: on a shared memory (the inference helper thread and its caller). */
export function kernelsWat(fma = false, shared = false) {
  const memory = shared ? '(memory 1 65536 shared)' : '(memory 1)';
  return `(module\n(import "env" "memory" ${memory})\n${microKernel(fma)}\n${blockLoop()}\n${packer()}\n${packTransposed()}\n${im2col()}\n${col2im()}\n${columnSum()}\n${adam()}\n${biasActivation()}\n${winogradInputKernel('winoIn', F2)}\n${winogradOutputKernel('winoOut', F2)}\n${winogradInputKernel('winoIn4', F4)}\n${winogradOutputKernel('winoOut4', F4)}\n${winogradOutputGradient()}\n${reluGradient()}\n${scaleAdd()}\n${nonzeroIndices()}\n${nonzeroBlocks()}\n${pickedRowsProduct()}\n${sparseRowsProduct(fma)}\n${allFinite()}\n)`;
}

async function main() {
  const wabt = await wabtInit();
  const build = (fma) => {
    const mod = wabt.parseWat('kernels.wat', kernelsWat(fma), {simd: true, bulk_memory: true, relaxed_simd: fma});
    mod.validate();
    return mod.toBinary({}).buffer;
  };
  const buffer = build(false);
  const relaxed = build(true);
  // wabt's validator rejects shared memories whatever its flags: V8 validates these instead.
  v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  const buildShared = (fma) => {
    const bytes = wabt.parseWat('kernels.wat', kernelsWat(fma, true), {simd: true, bulk_memory: true, relaxed_simd: fma, threads: true})
      .toBinary({}).buffer;
    if (!WebAssembly.validate(bytes)) throw new Error(`shared kernels module (fma ${fma}) does not validate`);
    return bytes;
  };
  const shared = buildShared(false);
  const relaxedShared = buildShared(true);
  const out = `// Generated by scripts/gen-wasm-kernels.mjs: do not edit.\n` +
    `export const GEMM_MR = ${MR};\nexport const GEMM_NR = ${NV * 4};\n` +
    `/** Columns per strip of the sparse product's weights. */\nexport const SPARSE_STRIP = ${SPARSE_VECTORS * 4};\n` +
    `/** Micro-kernel with separate multiply and add (WebAssembly SIMD 128). */\n` +
    `export const WASM_KERNELS_BASE64 =\n  '${Buffer.from(buffer).toString('base64')}';\n` +
    `/** The same with a fused multiply-add micro-kernel (relaxed SIMD). */\n` +
    `export const WASM_KERNELS_RELAXED_BASE64 =\n  '${Buffer.from(relaxed).toString('base64')}';\n` +
    `/** Both again, on a shared memory (the inference helper thread and its caller). */\n` +
    `export const WASM_KERNELS_SHARED_BASE64 =\n  '${Buffer.from(shared).toString('base64')}';\n` +
    `export const WASM_KERNELS_RELAXED_SHARED_BASE64 =\n  '${Buffer.from(relaxedShared).toString('base64')}';\n`;
  writeFileSync(process.env.WASM_KERNELS_OUT ?? new URL('../src/engine/kernels/wasm-kernels.generated.ts', import.meta.url), out);
  console.log(`wasm kernels: ${buffer.length} bytes`);
}
if (import.meta.url === `file://${process.argv[1]}`) main();
