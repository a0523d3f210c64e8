import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const playgroundDir = path.join(repoRoot, 'playground');
export const playgroundDistDir = path.join(playgroundDir, 'dist');
