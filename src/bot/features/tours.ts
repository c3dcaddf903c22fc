/**
 * Tour cards (/tour, /tours, /compare) — the seam for the tours stage (src/tours/), being built separately. When it
 * lands, its commands are registered here once (Telegram) and once in src/chat/commands.ts (terminal); nothing
 * else changes. Until then the feature adds no commands.
 */
import { Composer } from 'grammy';
import type { BotContext, BotFeature } from '../context.ts';

export function toursFeature(): BotFeature {
  return { name: 'tours', composer: new Composer<BotContext>() };
}
