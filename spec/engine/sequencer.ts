// The order in which vitest hands the test files to its workers. Each worker takes the next file when it
// is free, so the costliest files go first and the small ones fill the gaps at the end, and both workers
// finish together. The conformance parts (spec/conformance/part-*.test.ts, dealt by recorded cost in
// spec/engine/suite.ts) are the costliest files by far, and on a fresh clone vitest knows no durations
// (it would order by file size, and the part files are a few lines), so they go first, by part index;
// the other files follow in vitest's own order (the durations of the last run, else the file size).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const PART = /[\\/]spec[\\/]conformance[\\/]part-(\d+)\.test\.ts$/;

/** The part index of a conformance part file, or undefined. */
export function partIndex(moduleId: string): number | undefined {
  const m = PART.exec(moduleId);
  return m ? Number(m[1]) : undefined;
}

export class ConformanceFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const parts = files.filter((f) => partIndex(f.moduleId) !== undefined).sort((a, b) => partIndex(a.moduleId)! - partIndex(b.moduleId)!);
    const rest = await super.sort(files.filter((f) => partIndex(f.moduleId) === undefined));
    return [...parts, ...rest];
  }
}
