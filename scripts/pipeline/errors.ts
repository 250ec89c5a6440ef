/**
 * One problem found in the source data. `location` is a 1-based CSV line ("line 12"),
 * a feature ("feature 3 (E01011264)") or a byte offset — whatever lets a person find it.
 */
export interface Problem {
  file: string;
  location?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.location, p.field ? `field ${p.field}` : undefined].filter(Boolean).join(', ');
  return `${where}: ${p.message}`;
}

/**
 * The only error the CLI reports without a stack trace: the data, not the code, is wrong.
 * Validation collects every problem before throwing so one run shows them all.
 */
export class PipelineError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[] | Problem) {
    const list = Array.isArray(problems) ? problems : [problems];
    // A flood of identical problems would bury the first one; the count still tells the scale.
    const shown = list.slice(0, 50).map(formatProblem);
    if (list.length > 50) shown.push(`… and ${list.length - 50} more problems`);
    super(shown.join('\n'));
    this.name = 'PipelineError';
    this.problems = list;
  }
}

/** Collects problems and throws them together, so a run reports everything wrong at once. */
export class ProblemList {
  readonly items: Problem[] = [];
  add(p: Problem): void {
    this.items.push(p);
  }
  throwIfAny(): void {
    if (this.items.length > 0) throw new PipelineError(this.items);
  }
}
