/** `reveal`: a box drawn in the overlay over a page cell, flashed with the Web Animations API, then removed. */
import type { LayoutLoop } from '@/utils/overlay/layout';
import { FLASH_KEYFRAMES } from './tooltip';

const FLASH_DURATION_MS = 600;
const FLASH_ITERATIONS = 3;

export function flashCell(layer: HTMLElement, layout: LayoutLoop, target: Element): Animation {
  const box = layer.ownerDocument.createElement('div');
  box.className = 'flash';
  box.dataset.kind = 'flash';
  layer.append(box);
  layout.add({ el: box, target, placement: 'cover', clips: null });
  layout.run();
  const animation = box.animate(FLASH_KEYFRAMES, {
    duration: FLASH_DURATION_MS,
    iterations: FLASH_ITERATIONS,
    easing: 'ease-in-out',
  });
  const done = () => {
    layout.remove(box);
    box.remove();
  };
  animation.finished.then(done, done);
  return animation;
}
