// Types of ./build.mjs, for the kernel's tests.

/** The type files the worker's checker reads: path in its in-memory file system → text. */
export function typeFiles(root: string): Record<string, string>;
/** Builds build/web/kernel/; returns each asset's size in bytes. */
export function build(root: string): Promise<Record<string, number>>;
