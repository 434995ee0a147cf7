/** The MNIST CNN every performance number in this project refers to (15,955,210 parameters). */
import * as tfl from '@tensorflow/tfjs-layers';

export function referenceModel(seed = 1): tfl.LayersModel {
  const init = (offset: number) => tfl.initializers.glorotUniform({seed: seed + offset});
  const model = tfl.sequential();
  model.add(tfl.layers.conv2d({inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu', kernelInitializer: init(0)}));
  model.add(tfl.layers.conv2d({filters: 64, kernelSize: 3, activation: 'relu', kernelInitializer: init(1)}));
  model.add(tfl.layers.conv2d({filters: 128, kernelSize: 3, activation: 'relu', kernelInitializer: init(2)}));
  model.add(tfl.layers.flatten());
  model.add(tfl.layers.dense({units: 256, activation: 'relu', kernelInitializer: init(3)}));
  model.add(tfl.layers.dense({units: 10, activation: 'softmax', kernelInitializer: init(4)}));
  model.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy']});
  return model;
}
