// The page probes live in scripts/lib/probes.ts (the demo uses them too).
export * from '../../scripts/lib/probes';
