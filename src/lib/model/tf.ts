/**
 * The one place the model layer gets TensorFlow.js from: tfjs-core (smaller than the full
 * `@tensorflow/tfjs` bundle), its gradients (which core alone does not register, and
 * without which tf.grads throws), and the cpu backend, so any importer can run a head even
 * before the trainer picks a faster backend (wasm, then webgl).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';

export { tf };
