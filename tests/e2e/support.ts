// The page probes live in tests/tools/lib/probes.ts (the demo uses them too).
export * from '../tools/lib/probes';
