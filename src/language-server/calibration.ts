/**
 * Training rate for epoch-time estimates: the last measured one (sent by the extension after a
 * run, as FLOPs per second of its spec), else an estimate from this machine's core count.
 *
 * The estimate used to time a scalar JavaScript loop for a few milliseconds at start-up; in a
 * window that is still starting (extension host, language servers, indexing all busy) that timing
 * swung by 4x between windows. What a machine's cores do is known well enough without timing:
 * the estimate is a function of the core count alone (the same in every window), and it is shown
 * as the range the real epoch time falls in.
 */
import * as os from 'os';

/**
 * FLOP/s the engine's kernels train at per core: the reference CNN (3 x 125 MFLOPs per sample)
 * trains at 160–290 samples/s on 2 cores (docs/performance-baseline.md), 30–54 GFLOP/s per core.
 */
export const TRAINING_FLOPS_PER_CORE = 40e9;
/** Cores the training kernels use well; more threads add little. */
export const MAX_TRAINING_CORES = 8;
/**
 * How far a real epoch may lie from the estimate, as a factor either way: machines differ in
 * clock and vector width, the native backend in kernels, a busy machine in what is left.
 */
export const ESTIMATE_SPREAD = 2;

export function estimatedTrainingFlopsPerSecond(cores = os.availableParallelism()): number {
  return TRAINING_FLOPS_PER_CORE * Math.max(1, Math.min(cores, MAX_TRAINING_CORES));
}

/** `112, 446` -> `2–7 min`; `40, 160` -> `40 s – 3 min`: each end rounded in its own unit. */
export function formatRange(low: number, high: number): string {
  const unit = (s: number) => (s < 90 ? 's' : s < 5400 ? 'min' : 'h');
  const value = (s: number, u: string) => {
    const v = u === 's' ? s : u === 'min' ? s / 60 : s / 3600;
    return u === 'h' && v < 10 ? String(Math.round(v * 10) / 10) : String(Math.max(1, Math.round(v)));
  };
  const [ul, uh] = [unit(low), unit(high)];
  if (high < 1) return 'under 1 s';
  if (ul === uh && value(low, ul) === value(high, uh)) return `${value(high, uh)} ${uh}`;
  return ul === uh ? `${value(low, ul)}–${value(high, uh)} ${uh}` : `${value(low, ul)} ${ul} – ${value(high, uh)} ${uh}`;
}
