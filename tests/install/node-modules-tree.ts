import fs from 'node:fs';
import path from 'node:path';

/** One installed copy of a package: its version and where it sits in the app. */
export interface InstalledCopy {
  version: string;
  /** Relative to the app, e.g. `node_modules/strapi-plugin-live-support/node_modules/zod`. */
  location: string;
}

/** Every package under an app's node_modules, by name, with each copy npm placed. */
export type InstalledPackages = Map<string, InstalledCopy[]>;

function readManifest(dir: string): { name?: string; version?: string } | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch {
    return null;
  }
}

function walk(modulesDir: string, appDir: string, found: InstalledPackages): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(modulesDir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
    const dirs = entry.name.startsWith('@')
      ? fs
          .readdirSync(path.join(modulesDir, entry.name), { withFileTypes: true })
          .filter((scoped) => scoped.isDirectory())
          .map((scoped) => path.join(modulesDir, entry.name, scoped.name))
      : [path.join(modulesDir, entry.name)];
    for (const dir of dirs) {
      const manifest = readManifest(dir);
      if (manifest?.name && manifest.version) {
        const copies = found.get(manifest.name) ?? [];
        copies.push({ version: manifest.version, location: path.relative(appDir, dir) });
        found.set(manifest.name, copies);
      }
      walk(path.join(dir, 'node_modules'), appDir, found);
    }
  }
}

/** Walks the app's node_modules as Node resolves them (nested node_modules included). */
export function listInstalledPackages(appDir: string): InstalledPackages {
  const found: InstalledPackages = new Map();
  walk(path.join(appDir, 'node_modules'), appDir, found);
  return found;
}

export interface AddedDuplicate {
  name: string;
  /** Every copy after the install. */
  copies: InstalledCopy[];
  /** The copies the install placed (absent before). */
  newCopies: InstalledCopy[];
}

/**
 * Packages that have more copies after installing the plugin than before, and more than one:
 * the duplicates the plugin brought into the app (a package the app already had, at a version
 * the plugin or one of its dependencies does not accept).
 */
export function duplicatesAdded(before: InstalledPackages, after: InstalledPackages): AddedDuplicate[] {
  const added: AddedDuplicate[] = [];
  for (const [name, copies] of after) {
    const earlier = before.get(name) ?? [];
    if (copies.length > 1 && copies.length > earlier.length) {
      const known = new Set(earlier.map((copy) => copy.location));
      added.push({ name, copies, newCopies: copies.filter((copy) => !known.has(copy.location)) });
    }
  }
  return added.sort((a, b) => a.name.localeCompare(b.name));
}

export function describeCopies(copies: InstalledCopy[]): string {
  return copies.map((copy) => `${copy.version} at ${copy.location}`).join(', ');
}

/** Bytes on disk under a folder (files only), for reporting what a duplicate costs. */
export function folderSize(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
}
