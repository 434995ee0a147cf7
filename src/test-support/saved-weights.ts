/** The weights of a saved model, for tests comparing what two trainings wrote. */
import {loadModel} from '../formats';

export async function savedWeights(dir: string): Promise<Float32Array[]> {
  const {model} = await loadModel(dir);
  const values = model.getWeights().map((w) => w.dataSync() as Float32Array);
  model.dispose();
  return values;
}
