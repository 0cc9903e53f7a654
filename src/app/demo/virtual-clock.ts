import type { Clock } from '../../ports';

/**
 * The demo's clock: the scripted fortnight runs on it, and the web and worker are composed with it
 * (`createWebApp({ now })`, `startWorker({ clock })`), so every decision sees the scenario's time.
 * It only moves forward, when the scenario says so.
 */
export class VirtualClock implements Clock {
  constructor(private at: number) {}

  now(): number {
    return this.at;
  }

  /** Moves to `at` (never backwards). */
  set(at: number): void {
    if (at > this.at) this.at = at;
  }

  advance(ms: number): void {
    this.at += ms;
  }
}
