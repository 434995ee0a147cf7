/**
 * The same gradient checks on the plain SIMD micro-kernel (multiply, then add), the one that runs
 * where relaxed SIMD is not available. Node runs each test file in its own process.
 */
import './plain-simd.test-setup';
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {gemmUsesFusedMultiplyAdd} from './gemm';
import './wasm-gradients.test';

test('the plain SIMD micro-kernel is the one under test here', () => {
  assert.equal(gemmUsesFusedMultiplyAdd(), false);
});
