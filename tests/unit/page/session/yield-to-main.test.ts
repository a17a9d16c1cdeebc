import { describe, expect, it } from 'vitest';
import { yieldingTo } from '../../../../src/page/session/yield-to-main';

const afterTimers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('yieldingTo', () => {
  it("uses the window's scheduler.postTask where there is one", async () => {
    const posted: string[] = [];
    const win = {
      scheduler: {
        postTask(callback: () => void, options?: { priority?: string }) {
          posted.push(options?.priority ?? '');
          return Promise.resolve().then(callback);
        },
      },
    } as unknown as Window;
    const yieldToMain = yieldingTo(win);
    await yieldToMain();
    await yieldToMain();
    expect(posted).toEqual(['user-visible', 'user-visible']);
  });

  it('else goes on in a later task through a message channel, each waiter in turn', async () => {
    const yieldToMain = yieldingTo(null);
    const order: number[] = [];
    const both = Promise.all([yieldToMain().then(() => order.push(1)), yieldToMain().then(() => order.push(2))]);
    // Not in this task, nor in its microtasks.
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual([]);
    await both;
    expect(order).toEqual([1, 2]);
    await afterTimers();
  });
});
