/**
 * What TensorFlow.js's errors say, in the user's terms. TensorFlow.js reports everything as text
 * (no codes, no fields), so this is the one place that reads its messages: an unknown class by
 * name, and why a model config could not be built. Its build errors name neither the layer nor
 * the argument ("Expected units to be a positive integer, but got undefined", "Improper config
 * format") and quote JavaScript's words for a value of the wrong type, so each layer is built
 * alone to find the one that fails, then without each of its arguments in turn.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import {firstLine} from '../common/errors';
import type {LayerConfig, ModelConfig} from './config';

/** Most single-layer builds one explanation tries (layers, then arguments). */
const MAX_PROBES = 200;

/** The error of building `layer` alone (in a one-layer Sequential), or undefined when it builds. */
async function buildAlone(layer: LayerConfig): Promise<unknown> {
  const probe = {class_name: 'Sequential', config: {name: 'probe', layers: [layer]}};
  try {
    const model = await tfl.models.modelFromJSON({modelTopology: probe} as never);
    model.dispose();
    return undefined;
  } catch (e) {
    return e;
  }
}

function layersOf(config: ModelConfig): LayerConfig[] {
  const layers = Array.isArray(config.config) ? config.config : config.config?.layers;
  return Array.isArray(layers) ? (layers as LayerConfig[]).filter((l) => l && typeof l === 'object' && !Array.isArray(l)) : [];
}

/** TensorFlow.js's "Unknown layer: X" (or initializer, loss...): the kind and the class name, if that is what `error` says. */
export function unknownClassIn(error: unknown): {kind: string; name: string} | undefined {
  const message = String((error as Error)?.message ?? error);
  const match = /Unknown (layer|initializer|regularizer|constraint|activation|loss|metric|optimizer)[^:]*: ([A-Za-z0-9_>.-]*[A-Za-z0-9_>-])/i.exec(message);
  return match ? {kind: match[1].toLowerCase(), name: match[2]} : undefined;
}

/* Its messages are shown when they hold no JavaScript words for a value ("undefined", "[object Object]", "x is not a function"). */
const JAVASCRIPT_WORDS = /\bundefined\b|\bNaN\b|\[object \w+\]|is not (a function|iterable|an object|a constructor)|Cannot (read|set) propert|=>/;

/** TensorFlow.js's message when it says something a user can act on, else undefined. */
function usableMessage(error: unknown): string | undefined {
  const message = firstLine(String((error as Error)?.message ?? error)).trim()
    .replace(/, but got undefined\b/, ', but it is missing')
    .replace(/ or null\/undefined\b/, ' or null')
    .replace(/^Expected ([a-z]+[A-Z]\w*)/, (_, name: string) => `Expected ${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`)
    .replace(/\.$/, '');
  return message && !JAVASCRIPT_WORDS.test(message) ? message : undefined;
}

/**
 * The problem in words for a config TensorFlow.js failed to build with `error`: `layer 'x'
 * (Class): …`, or TensorFlow.js's own message when no single layer fails alone.
 */
export async function explainBuildFailure(config: ModelConfig, error: unknown): Promise<string> {
  let probes = 0;
  for (const layer of layersOf(config)) {
    if (++probes > MAX_PROBES) break;
    const alone = await buildAlone(layer);
    if (alone === undefined) continue;
    const name = typeof layer.config?.name === 'string' ? layer.config.name : String(layer.name ?? '?');
    const which = `layer '${name}' (${typeof layer.class_name === 'string' ? layer.class_name : 'no class name'})`;
    const said = usableMessage(alone);
    if (said) return `${which}: ${said}`;
    for (const key of Object.keys(layer.config ?? {})) {
      if (key === 'name' || ++probes > MAX_PROBES) continue;
      const {[key]: value, ...rest} = layer.config;
      if (await buildAlone({...layer, config: rest}) === undefined) {
        return `${which}: argument '${key}' holds ${JSON.stringify(value)?.slice(0, 80)}, which TensorFlow.js cannot use`;
      }
    }
    return `${which}: TensorFlow.js cannot build it from its config (a required argument missing or of the wrong type)`;
  }
  return usableMessage(error) ?? 'TensorFlow.js cannot build it from its config (an argument missing or of the wrong type)';
}
