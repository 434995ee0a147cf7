/**
 * Why a model predicts what it predicts: every layer's activation for a sample, and attributions
 * (saliency, SmoothGrad, integrated gradients, Grad-CAM) of a class score. Used by the command
 * line and the worker; no VS Code here.
 */
export {computeActivations, activationNames, activationStats} from './activations';
export type {LayerActivation, ActivationStats, ActivationOptions} from './activations';
export {activationMap, sampleActivations} from './maps';
export {explain, explainBatch, ATTRIBUTION_METHODS, BASELINES, COMPLETENESS_BOUND, blurred, gaussian} from './attribution';
export type {AttributionMethod, Baseline, ExplainOptions, Explanation, ScoreKind} from './attribution';
export {ExplainError} from './inputs';
export type {ExplainArgument} from './inputs';
