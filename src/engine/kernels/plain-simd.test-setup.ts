// Imported first by wasm-gradients-plain-simd.test.ts: selects the multiply-then-add micro-kernel.
process.env.KERAS_WORKBENCH_WASM_FMA = '0';
