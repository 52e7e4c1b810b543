/** The content script's side of utils/messages.ts: one handler per request type. */
import type { ContentRequest, ContentResponse } from '@/utils/messages';
import type { OverlayController } from '@/utils/overlay/controller';

const REQUEST_TYPES = new Set<ContentRequest['type']>(['check', 'get-result', 'reveal', 'switch-off']);

export function isContentRequest(message: unknown): message is ContentRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    REQUEST_TYPES.has((message as { type?: unknown }).type as ContentRequest['type'])
  );
}

export async function handleRequest(controller: OverlayController, request: ContentRequest): Promise<ContentResponse> {
  try {
    switch (request.type) {
      case 'check':
        return { ok: true, result: await controller.check({ gate: false }) };
      case 'get-result':
        return { ok: true, result: controller.result };
      case 'reveal':
        if (typeof request.path !== 'string') return { ok: false, error: 'reveal: path must be a string' };
        return controller.reveal(request.path)
          ? { ok: true, result: controller.result }
          : { ok: false, error: `reveal: no cell ${request.path} on this page` };
      case 'switch-off':
        controller.switchOff();
        return { ok: true, result: controller.result };
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
